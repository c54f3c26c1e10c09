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

    let walked: HistoryWalk
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: cwd)
      let root = reader.root
      let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
      // Plans given as files are read along their paths (much faster on a long history) and
      // followed back across moves; plans given by id need the whole history.
      let files = plans.compactMap { arg in Paths.isFile(arg) ? Paths.relative(Paths.absolute(arg), to: root) : nil }
      if !plans.isEmpty, files.count == plans.count {
        walked = try reader.walk(following: Set(files), at: at, includeWorkingTree: at == nil, isPlan: isPlan)
      } else {
        walked = try reader.walk(at: at, includeWorkingTree: at == nil, isPlan: isPlan)
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
          if walked.revisions.contains(where: { $0.commit == hex }) {
            options.baselineRevision = hex
          } else {
            options.baselineDate = try HistoryReader.revision(try reader.repository.commit(id)).date
          }
        } catch {
          return Console.fail(UsageError("--baseline: \(error.message)", help: "give a revision (a commit, tag or branch) or a date YYYY-MM-DD"))
        }
      }
    }

    // The history is streamed through the analysis: the plans of past steps are not kept.
    var analyzer = SlipAnalyzer(revisions: walked.revisions, options: options)
    // What resolving the plans given needs: the plan each path held last, and every plan id seen.
    var lastPlanAtPath: [String: String?] = [:]
    var planIDs = Set<String>()
    do {
      try reader.forEachStep(of: walked) { step in
        analyzer.apply(step)
        guard !plans.isEmpty else { return }
        for snapshot in step.changed {
          lastPlanAtPath[snapshot.path] = .some(snapshot.plan?.id)
          if let id = snapshot.plan?.id { planIDs.insert(id) }
        }
      }
    } catch {
      return Console.fail(Self.usageError(for: error))
    }

    var only: Set<String>?
    if !plans.isEmpty {
      var ids = Set<String>()
      for arg in plans {
        let repoRelative = Paths.relative(Paths.absolute(arg), to: reader.root)
        let byPath: String? = repoRelative.flatMap { lastPlanAtPath[$0] } ?? nil
        guard let id = byPath ?? (planIDs.contains(arg) ? arg : nil) else {
          return Console.fail(UsageError("no plan in the history matches '\(arg)'", help: "give a plan file or a plan id"))
        }
        ids.insert(id)
      }
      only = ids
    }
    Console.out(analyzer.report(only: only).render(format))
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
