import MapcGit
import MapcModel
import MapcWorkspace

/// One `mapc diff` run: the plans at a base revision compared with those at a head revision
/// (or the working tree), with slip against the baselines from the head's history.
public enum DiffRun {
  /// The changes from `base` to `head` (nil: the working tree over HEAD) in `workspace`.
  ///
  /// - Throws: ``UsageError`` outside a repository or for an unknown revision; `GitError`
  ///   when the history cannot be read.
  public static func report(base: String, head: String?, audience: DiffAudience, workspace: Workspace) throws -> PlanDiffReport {
    let configuration = workspace.configuration
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: workspace.directory)
    } catch {
      throw UsageError(error, command: "mapc diff", directory: workspace.directory)
    }
    let repository = reader.repository
    let root = reader.root
    let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
    let baseID = try repository.resolveRevision(base)
    let headPlans: [PlanVersion]
    if let head {
      headPlans = try PlanDiff.plans(in: repository, at: try repository.resolveRevision(head), isPlan: isPlan)
    } else {
      let headID = try repository.resolveCommit("HEAD")
      headPlans = try PlanDiff.workingTreePlans(in: repository, over: headID, isPlan: isPlan)
    }
    let basePlans = try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan)

    // Baselines from the history of HEAD (with the working tree when HEAD is the working tree).
    var notes: [String] = []
    var baselines: PlanDiff.Baselines?
    var reasons: PlanDiff.Reasons?
    do {
      let history = try reader.read(at: head, includeWorkingTree: head == nil, workingTreeTime: .headCommit, isPlan: isPlan)
      let today = history.head?.date ?? CalendarDate(daysSince1970: 0)
      let slip = SlipAnalysis.analyze(history.steps, options: SlipOptions(today: today))
      baselines = PlanDiff.baselines(slip)
      reasons = PlanDiff.reasons(slip, audience: audience)
    } catch {
      notes.append(
        error.kind == .shallow
          ? "slip against the baselines is left out: the repository is a shallow clone (fetch the full history, e.g. `fetch-depth: 0`)"
          : "slip against the baselines is left out: \(error.message)")
    }
    return PlanDiff.compare(
      base: basePlans, head: headPlans, baselines: baselines, reasons: reasons, audience: audience, baseName: base,
      headName: head ?? "working tree", notes: notes)
  }
}
