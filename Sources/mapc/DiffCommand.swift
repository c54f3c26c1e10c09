import ArgumentParser
import MapcGit
import MapcHistory
import MapcLint
import MapcModel

extension DiffFormat: ExpressibleByArgument {}
extension DiffAudience: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in the plans between two revisions: go-live, milestones, owners, stakeholders.",
    discussion: """
      Compares the plans at BASE with those at HEAD (default: the working tree, that is the HEAD
      commit with uncommitted edits). Plans are matched by id, so a moved file is the same plan;
      milestones and stakeholders are matched by id too. Due-date moves show the resulting slip
      against each milestone's baseline from the history of HEAD (left out when the history
      cannot be read, e.g. in a shallow clone).

      Internal-only content (`internal` fields) is marked [internal]; `--audience buyer` leaves it out.
      """
  )

  @Argument(help: "The base revision (a commit, branch or tag).")
  var base: String

  @Argument(help: "The head revision (default: the working tree over HEAD).")
  var head: String?

  @Option(name: .shortAndLong, help: "Output format: \(DiffFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: DiffFormat = .text

  @Option(help: "Who the output is for: internal (default, internal-only changes marked) or buyer (left out).")
  var audience: DiffAudience = .internal

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let cwd = Paths.currentDirectory()
    let configuration: Configuration
    do {
      configuration = try Configuration.discover(from: cwd, schemas: try SchemaCatalog())
    } catch {
      return Console.fail(error)
    }

    let reader: HistoryReader
    let report: PlanDiffReport
    do {
      reader = try HistoryReader(discoveringFrom: cwd)
      let repository = reader.repository
      let root = reader.root
      let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
      let baseID: ObjectID
      do {
        baseID = try repository.resolveCommit(base)
      } catch {
        throw Self.revisionError(error, base)
      }
      let headPlans: [PlanVersion]
      if let head {
        let headID: ObjectID
        do {
          headID = try repository.resolveCommit(head)
        } catch {
          throw Self.revisionError(error, head)
        }
        headPlans = try PlanDiff.plans(in: repository, at: headID, isPlan: isPlan)
      } else {
        let headID = try repository.resolveCommit("HEAD")
        headPlans = try PlanDiff.workingTreePlans(in: repository, over: headID, isPlan: isPlan)
      }
      let basePlans = try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan)

      // Baselines from the history of HEAD (with the working tree when HEAD is the working tree).
      var notes: [String] = []
      var baselines: PlanDiff.Baselines?
      do {
        let history = try reader.read(at: head, includeWorkingTree: head == nil, workingTreeTime: .headCommit, isPlan: isPlan)
        let today = history.head?.date ?? CalendarDate(daysSince1970: 0)
        baselines = PlanDiff.baselines(SlipAnalysis.analyze(history.steps, options: SlipOptions(today: today)))
      } catch {
        notes.append(
          error.kind == .shallow
            ? "slip against the baselines is left out: the repository is a shallow clone (fetch the full history, e.g. `fetch-depth: 0`)"
            : "slip against the baselines is left out: \(error.message)")
      }
      report = PlanDiff.compare(
        base: basePlans, head: headPlans, baselines: baselines, audience: audience, baseName: base,
        headName: head ?? "working tree", notes: notes)
    } catch let error as UsageError {
      return Console.fail(error)
    } catch let error as GitError {
      if error.kind == .notARepository {
        return Console.fail(
          UsageError("not a git repository (or any parent): \(cwd)", help: "run mapc diff inside the plans repository"))
      }
      return Console.fail(SlipCommand.usageError(for: error))
    } catch {
      return Console.fail(UsageError("\(error)"))
    }
    Console.out(report.render(format))
    return 0
  }

  static func revisionError(_ error: GitError, _ revision: String) -> any Error {
    switch error.kind {
    case .notFound, .invalidRevision, .ambiguous:
      var help = "give a commit, branch or tag that exists in this repository"
      if (try? Repository.discover(from: Paths.currentDirectory()).isShallow) == true {
        help += "; this is a shallow clone, so older commits may be missing: fetch the full history (`fetch-depth: 0`)"
      }
      return UsageError("unknown revision '\(revision)'", help: help)
    default:
      return error
    }
  }
}
