import MapcGit
import MapcHistory
import MapcJSON
import MapcModel
import MapcPortfolio
import MapcWorkspace

/// One plan as the exports read it: the typed plan and frontmatter of the working tree, and its
/// history (baselines, moves) from the slip analysis when the repository has one.
public struct ExportPlan: Sendable {
  public var plan: Plan
  /// The whole frontmatter (the CRM id is read from it by key path).
  public var frontmatter: JSONValue
  /// The path from the repository root.
  public var path: String
  /// The plan's slip (nil outside git, or for a plan not committed yet).
  public var slip: PlanSlip? {
    didSet { slipPositions = Self.slipPositions(slip) }
  }
  /// The portfolio's numbers for the plan (``PortfolioAnalysis``), with the history's.
  public var status: PlanStatus {
    didSet { factPositions = Self.factPositions(status) }
  }
  /// Where each milestone's slip and facts are, by id: every row of a large plan looks them up.
  private var slipPositions: [String: Int] = [:]
  private var factPositions: [String: Int] = [:]
  /// The CRM record id at `export.crm_id` (nil when not configured or missing).
  public var crmID: String?

  public init(plan: Plan, frontmatter: JSONValue, path: String, slip: PlanSlip?, status: PlanStatus, crmID: String? = nil) {
    self.plan = plan
    self.frontmatter = frontmatter
    self.path = path
    self.slip = slip
    self.status = status
    self.crmID = crmID
    slipPositions = Self.slipPositions(slip)
    factPositions = Self.factPositions(status)
  }

  private static func slipPositions(_ slip: PlanSlip?) -> [String: Int] {
    var out: [String: Int] = [:]
    for (i, m) in (slip?.milestones ?? []).enumerated() where m.dropped == nil && out[m.id] == nil { out[m.id] = i }
    return out
  }

  private static func factPositions(_ status: PlanStatus) -> [String: Int] {
    var out: [String: Int] = [:]
    for (i, m) in status.milestones.enumerated() where out[m.id] == nil { out[m.id] = i }
    return out
  }

  /// The plan id (plans without one are not exported).
  public var id: String { plan.id ?? "" }

  /// The slip of one milestone, by id.
  public func slip(of milestone: String) -> MilestoneSlip? {
    slipPositions[milestone].flatMap { i in slip?.milestones[i] }
  }

  /// The portfolio's facts of one milestone, by id.
  public func fact(of milestone: String) -> MilestoneFact? {
    factPositions[milestone].map { status.milestones[$0] }
  }
}

/// The plans an export or a calendar reads, in id order, with the slip report of the history
/// and the warnings to print.
public struct ExportSource: Sendable {
  public var plans: [ExportPlan]
  public var today: CalendarDate
  /// Things the user should know that do not stop the export (a missing CRM id, a plan that
  /// does not parse).
  public var warnings: [String]

  public init(plans: [ExportPlan], today: CalendarDate, warnings: [String] = []) {
    self.plans = plans
    self.today = today
    self.warnings = warnings
  }

  /// The plans `paths` name (every plan of the repository when empty), read with the one
  /// loader; inside git the history read once (``HistoryReader``), streamed through the slip
  /// analysis and the portfolio's ``ActivityTracker`` in the same pass, then each plan's
  /// ``PlanStatus`` from ``PortfolioAnalysis``. Outside git (or before the first commit) the
  /// plans have no history: no baselines, moves or last changes.
  ///
  /// `workingTreeTime` dates uncommitted changes: the calendar passes `.headCommit` or a fixed
  /// time so that its stamps never come from the clock or a file's modification time. Without
  /// `tracksActivity` the history pass skips the ``ActivityTracker`` (who committed, when each
  /// milestone last changed): the statuses then have no last buyer activity from commits and
  /// no milestone last changes, which the milestone and move exports do not show.
  ///
  /// - Throws: ``UsageError`` for a path that does not exist, two files with one id, a plan
  ///   that does not parse, or a history that cannot be read (a shallow clone).
  ///
  /// With `publicFingerprint` (the buyer's outputs), each plan is dated by its last change to
  /// public content, as the buyer's snapshot is: a commit that changed only internal content
  /// dates nothing the buyer gets.
  public static func load(
    _ paths: [String], workspace: Workspace, wantsCRMID: Bool, workingTreeTime: WorkingTreeTime = .headCommit,
    tracksActivity: Bool = true, publicFingerprint: PublicFingerprint? = nil
  ) throws -> ExportSource {
    let files = try workspace.planFiles(paths)
    var warnings: [String] = []
    let documents = files.concurrentMap { file -> PlanDocument? in
      file.refusal == nil ? PlanDocument.read(path: file.path) : nil
    }
    var loaded: [(plan: Plan, frontmatter: JSONValue, path: String)] = []
    var entries: [PlanIDs.Entry] = []
    for (file, document) in zip(files, documents) {
      if let refusal = file.refusal { throw UsageError("cannot export \(file.displayPath): it \(refusal)") }
      guard let document, let plan = document.plan, let frontmatter = document.frontmatter, let id = plan.id, !id.isEmpty else {
        let why = document?.firstError?.message ?? "it has no plan id"
        throw UsageError("cannot export \(file.displayPath): \(why)", help: "run `mapc lint \(file.displayPath)` for the details")
      }
      entries.append(PlanIDs.Entry(id: id, path: file.displayPath))
      let path = Paths.relative(file.path, to: workspace.repositoryRoot) ?? file.displayPath
      loaded.append((plan, frontmatter, path))
    }
    try PlanIDs.requireUnique(entries)
    loaded.sort { ($0.plan.id ?? "") < ($1.plan.id ?? "") }

    let (slips, activities) = try history(
      workspace: workspace, workingTreeTime: workingTreeTime, tracksActivity: tracksActivity || publicFingerprint != nil,
      publicFingerprint: publicFingerprint)
    let publicDating = publicFingerprint != nil
    let staleAfterDays = workspace.configuration.staleAfterDays ?? 14
    let options = PortfolioOptions(
      today: workspace.today, buyerDomains: workspace.configuration.buyerDomains, calendar: workspace.configuration.calendar)
    var plans = loaded.concurrentMap { l -> ExportPlan in
      let id = l.plan.id ?? ""
      let activity = activities[id] ?? PlanActivity()
      var status = PortfolioAnalysis.status(
        plan: l.plan, path: l.path, repositoryPath: l.path, slip: slips[id], activity: activity, options: options)
      if publicDating { status.dateByPublicChanges(activity, today: options.today, staleAfterDays: staleAfterDays) }
      return ExportPlan(plan: l.plan, frontmatter: l.frontmatter, path: l.path, slip: slips[id], status: status)
    }

    if wantsCRMID {
      if let keyPath = workspace.configuration.export.crmID {
        let shown = keyPath.joined(separator: ".")
        var missing: [String] = []
        for i in plans.indices {
          plans[i].crmID = Self.value(at: keyPath, in: plans[i].frontmatter)
          if plans[i].crmID == nil { missing.append(plans[i].id) }
        }
        if !missing.isEmpty {
          warnings.append(
            "\(missing.count) \(missing.count == 1 ? "plan has" : "plans have") no CRM id at `\(shown)` (export.crm_id): "
              + "\(PlanIDs.list(missing)); \(missing.count == 1 ? "its" : "their") CRM id cells are empty")
        }
      } else {
        warnings.append(
          "no CRM id configured: set `export.crm_id` in \(Configuration.fileName) to the key that holds each plan's CRM record id (e.g. x-crm_opportunity); the CRM id cells are empty"
        )
      }
    }
    return ExportSource(plans: plans, today: workspace.today, warnings: warnings)
  }

  /// The one history pass: each plan's slip and activity by plan id; empty outside git and in
  /// a repository without commits.
  static func history(
    workspace: Workspace, workingTreeTime: WorkingTreeTime, tracksActivity: Bool, publicFingerprint: PublicFingerprint?
  ) throws -> (slips: [String: PlanSlip], activities: [String: PlanActivity]) {
    guard RepositoryBoundary.around(workspace.directory).isGitWorkTree else { return ([:], [:]) }
    let command = "mapc export"
    let configuration = workspace.configuration
    do {
      let reader = try HistoryReader(discoveringFrom: workspace.directory)
      if try reader.repository.isEmpty { return ([:], [:]) }
      let root = reader.root
      let isPlan: @Sendable (String) -> Bool = { configuration.includesPlan(repositoryPath: $0, repositoryRoot: root) }
      let walked = try reader.walk(includeWorkingTree: true, workingTreeTime: workingTreeTime, isPlan: isPlan)
      var analyzer = SlipAnalyzer(
        revisions: walked.revisions, options: SlipOptions(today: workspace.today, staleAfterDays: configuration.staleAfterDays ?? 14))
      var tracker = ActivityTracker()
      try reader.forEachStep(of: walked, publicFingerprint: publicFingerprint) { step in
        analyzer.apply(step)
        if tracksActivity { tracker.apply(step) }
      }
      var slips: [String: PlanSlip] = [:]
      for plan in analyzer.report().plans { slips[plan.id] = plan }
      return (slips, tracker.plans)
    } catch {
      throw UsageError(error, command: command, directory: workspace.directory)
    }
  }

  /// The scalar at `keyPath` in `json`, as text (a number as JSON writes it); nil when a key is
  /// missing or the value is not a string or a number, or is empty.
  static func value(at keyPath: [String], in json: JSONValue) -> String? {
    var node: JSONValue? = json
    for key in keyPath { node = node?[key] }
    switch node {
    case .string(let s): return s.isEmpty ? nil : s
    case .number(let n): return JSONWriter.format(n)
    default: return nil
    }
  }
}
