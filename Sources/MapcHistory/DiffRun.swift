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
    try compare(base: base, head: head, audience: audience, workspace: workspace).report
  }

  /// The changes from `base` to `head` rendered in `format`: what `mapc diff` prints. The buyer
  /// audience's output passes the leak guard first (`environment` may plant its test canary).
  ///
  /// - Throws: ``UsageError`` as ``report(base:head:audience:workspace:)`` does, and when the
  ///   leak guard finds internal content in a buyer output (nothing is printed then).
  public static func output(
    base: String, head: String?, audience: DiffAudience, format: DiffFormat, workspace: Workspace,
    environment: [String: String] = [:]
  ) throws -> String {
    let compared = try compare(base: base, head: head, audience: audience, workspace: workspace)
    let text = compared.report.render(format)
    guard audience == .buyer else { return text }
    // The plans of both sides are involved: a note removed since the base is internal still.
    var guarding = LeakGuard()
    for version in compared.base { guarding.add(version.plan, frontmatter: version.frontmatter, name: "\(base):\(version.path)") }
    let headName = head.map { "\($0):" } ?? ""
    for version in compared.head {
      guarding.add(version.plan, frontmatter: version.frontmatter, name: headName + version.path)
      guarding.addTestCanary(from: environment, plan: headName + version.path)
    }
    do {
      try guarding.check(text, format: LeakGuard.Format(format), name: "the buyer diff (\(format.rawValue))") {
        // The same comparison of the plans without their internal content.
        PlanDiff.compare(
          base: compared.base.map(\.withoutInternalContent), head: compared.head.map(\.withoutInternalContent),
          baselines: compared.baselines, audience: audience, baseName: base, headName: head ?? "working tree",
          notes: compared.report.notes
        ).render(format)
      }
    } catch {
      throw UsageError(error)
    }
    return text
  }

  private static func compare(base: String, head: String?, audience: DiffAudience, workspace: Workspace) throws -> (
    report: PlanDiffReport, base: [PlanVersion], head: [PlanVersion], baselines: PlanDiff.Baselines?
  ) {
    let configuration = workspace.configuration
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: workspace.directory)
    } catch {
      throw UsageError(error, command: "mapc diff", directory: workspace.directory)
    }
    let repository = reader.repository
    let root = reader.root
    let isPlan: @Sendable (String) -> Bool = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
    let baseID = try repository.resolveRevision(base)
    let headPlans: [PlanVersion]
    if let head {
      headPlans = try PlanDiff.plans(in: repository, at: try repository.resolveRevision(head), isPlan: isPlan)
    } else {
      let headID = try repository.resolveCommit("HEAD")
      headPlans = try PlanDiff.workingTreePlans(in: repository, over: headID, isPlan: isPlan)
    }
    let basePlans = try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan)
    // Plans are matched by id: two files with one id on either side would be compared as one.
    try PlanIDs.requireUnique(basePlans.compactMap { v in v.plan.id.map { PlanIDs.Entry(id: $0, path: "\(base):\(v.path)") } })
    try PlanIDs.requireUnique(
      headPlans.compactMap { v in
        v.plan.id.map { PlanIDs.Entry(id: $0, path: head.map { "\($0):\(v.path)" } ?? Paths.display(Paths.join(root, v.path))) }
      })

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
    let report = PlanDiff.compare(
      base: basePlans, head: headPlans, baselines: baselines, reasons: reasons, audience: audience, baseName: base,
      headName: head ?? "working tree", notes: notes)
    return (report, basePlans, headPlans, baselines)
  }
}

extension LeakGuard.Format {
  /// The syntax of a diff format, for the views the leak guard checks.
  init(_ format: DiffFormat) {
    switch format {
    case .text: self = .text
    case .markdown: self = .markdown
    case .json: self = .json
    }
  }
}

extension PlanVersion {
  /// The same version without its internal content (``PublicContent``).
  var withoutInternalContent: PlanVersion {
    let visible = PublicContent.frontmatter(frontmatter)
    return PlanVersion(path: path, plan: Plan(visible), frontmatter: visible)
  }
}
