import ArgumentParser
import MapcGit
import MapcHistory
import MapcLint
import MapcModel

extension SlipFormat: ExpressibleByArgument {}

struct SlipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slip",
    abstract: "Show slipped dates from the git history: baselines, every date move, who and why.",
    discussion: """
      Reads the first-parent history of the analysed revision (a merged pull request counts as one \
      change) and follows plans and milestones by id across renames and moves. Uncommitted edits \
      count as a last, uncommitted change.

      Record why a date moved with `due_reason:` on the milestone, changed in the same commit, or \
      with a `Slip-Reason:` trailer in the commit message.

      Definitions:
      \(SlipReport.definitions.map { "  - " + $0 }.joined(separator: "\n"))
      """
  )

  @Argument(
    help: ArgumentHelp(
      "Plan files or plan ids (default: every plan of the repository).",
      discussion: "Plans are followed across moves and renames either way; files are faster on a long history."))
  var plans: [String] = []

  @Option(name: .shortAndLong, help: "Output format: \(SlipFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: SlipFormat = .text

  @Option(help: "Analyse the plans as they were at this revision (default: the working tree over HEAD).")
  var at: String?

  @Option(help: "Measure slip against the due dates at this revision, or as of this date (YYYY-MM-DD).")
  var baseline: String?

  @Option(help: "List only the date moves from this date (YYYY-MM-DD) on; baselines are unchanged.")
  var since: String?

  @Option(help: "The date staleness is measured against (YYYY-MM-DD); default as for `mapc lint`.")
  var today: String?

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let cwd = Paths.currentDirectory()
    let configuration: Configuration
    let date: CalendarDate
    var sinceDate: CalendarDate?
    do {
      configuration = try Configuration.discover(from: cwd, schemas: try SchemaCatalog())
      date = try Today.resolve(flag: today, configuration: configuration, environment: Today.processEnvironment())
      if let since {
        guard let d = CalendarDate(since) else { throw UsageError("--since takes a date written YYYY-MM-DD, got '\(since)'") }
        sinceDate = d
      }
    } catch let error as ConfigurationError {
      return Console.fail(error)
    } catch let error as UsageError {
      return Console.fail(error)
    } catch {
      return Console.fail(UsageError("\(error)"))
    }

    let history: History
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: cwd)
      let root = reader.root
      let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
      // Plans given as files are read along their paths (much faster on a long history) and
      // followed back across moves; plans given by id need the whole history.
      let files = plans.compactMap { arg in Paths.isFile(arg) ? Paths.relative(Paths.absolute(arg), to: root) : nil }
      if !plans.isEmpty, files.count == plans.count {
        history = try reader.read(following: Set(files), at: at, includeWorkingTree: at == nil, isPlan: isPlan)
      } else {
        history = try reader.read(at: at, includeWorkingTree: at == nil, isPlan: isPlan)
      }
    } catch {
      return Console.fail(Self.usageError(for: error))
    }

    var options = SlipOptions(since: sinceDate, today: date, staleAfterDays: configuration.staleAfterDays ?? 14)
    if let baseline {
      if let d = CalendarDate(baseline) {
        options.baselineDate = d
      } else {
        do {
          let id = try reader.repository.resolveCommit(baseline)
          let hex = id.description
          if history.steps.contains(where: { $0.revision.commit == hex }) {
            options.baselineRevision = hex
          } else {
            options.baselineDate = HistoryReader.revision(try reader.repository.commit(id)).date
          }
        } catch {
          return Console.fail(UsageError("--baseline: \(error.message)", help: "give a revision (a commit, tag or branch) or a date YYYY-MM-DD"))
        }
      }
    }

    var only: Set<String>?
    if !plans.isEmpty {
      var ids = Set<String>()
      for arg in plans {
        let repoRelative = Paths.relative(Paths.absolute(arg), to: reader.root)
        let byPath = history.steps.reversed().lazy.flatMap(\.changed).first { $0.path == repoRelative }?.plan?.id
        let known = history.steps.contains { $0.changed.contains { $0.plan?.id == arg } }
        guard let id = byPath ?? (known ? arg : nil) else {
          return Console.fail(UsageError("no plan in the history matches '\(arg)'", help: "give a plan file or a plan id"))
        }
        ids.insert(id)
      }
      only = ids
    }
    let report = SlipAnalysis.analyze(history.steps, options: options, only: only)
    Console.out(report.render(format))
    return 0
  }

  static func usageError(for error: GitError) -> UsageError {
    switch error.kind {
    case .notARepository:
      return UsageError("not a git repository (or any parent): \(Paths.currentDirectory())", help: "run mapc slip inside the plans repository")
    case .shallow:
      return UsageError(error.message)
    case .emptyRepository, .unbornBranch:
      return UsageError("the repository has no commits yet, so there is no history to compare", help: "commit the plans first")
    default:
      return UsageError(error.message)
    }
  }
}
