import MapcHistory
import MapcJSON
import MapcModel
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
  public var slip: PlanSlip?
  /// The CRM record id at `export.crm_id` (nil when not configured or missing).
  public var crmID: String?

  public init(plan: Plan, frontmatter: JSONValue, path: String, slip: PlanSlip? = nil, crmID: String? = nil) {
    self.plan = plan
    self.frontmatter = frontmatter
    self.path = path
    self.slip = slip
    self.crmID = crmID
  }

  /// The plan id (plans without one are not exported).
  public var id: String { plan.id ?? "" }

  /// The slip of one milestone, by id.
  public func slip(of milestone: String) -> MilestoneSlip? {
    slip?.milestones.first { $0.id == milestone && $0.dropped == nil }
  }
}

/// The plans an export or a calendar reads, in id order, with the slip report of the history
/// and the warnings to print.
public struct ExportSource: Sendable {
  public var plans: [ExportPlan]
  /// The slip report (nil outside git): the moves of `--object moves`.
  public var report: SlipReport?
  public var today: CalendarDate
  /// Things the user should know that do not stop the export (a missing CRM id, a plan that
  /// does not parse).
  public var warnings: [String]

  public init(plans: [ExportPlan], report: SlipReport?, today: CalendarDate, warnings: [String] = []) {
    self.plans = plans
    self.report = report
    self.today = today
    self.warnings = warnings
  }

  /// The plans `paths` name (every plan of the repository when empty), read with the one
  /// loader, and the history read once by ``SlipRun``.
  ///
  /// - Throws: ``UsageError`` for a path that does not exist, two files with one id, a plan
  ///   that does not parse, or a history that cannot be read (a shallow clone).
  public static func load(_ paths: [String], workspace: Workspace, wantsCRMID: Bool) throws -> ExportSource {
    let files = try workspace.planFiles(paths)
    var warnings: [String] = []
    let documents = files.concurrentMap { file -> PlanDocument? in
      file.refusal == nil ? PlanDocument.read(path: file.path) : nil
    }
    var plans: [ExportPlan] = []
    var entries: [PlanIDs.Entry] = []
    for (file, document) in zip(files, documents) {
      if let refusal = file.refusal { throw UsageError("cannot export \(file.displayPath): it \(refusal)") }
      guard let document, let plan = document.plan, let frontmatter = document.frontmatter, let id = plan.id, !id.isEmpty else {
        let why = document?.firstError?.message ?? "it has no plan id"
        throw UsageError("cannot export \(file.displayPath): \(why)", help: "run `mapc lint \(file.displayPath)` for the details")
      }
      entries.append(PlanIDs.Entry(id: id, path: file.displayPath))
      let path = Paths.relative(file.path, to: workspace.repositoryRoot) ?? file.displayPath
      plans.append(ExportPlan(plan: plan, frontmatter: frontmatter, path: path))
    }
    try PlanIDs.requireUnique(entries)
    plans.sort { $0.id < $1.id }

    var report: SlipReport?
    if RepositoryBoundary.around(workspace.directory).isGitWorkTree {
      let slip = try SlipRun.report(SlipRun.Request(), workspace: workspace)
      let byID = Dictionary(slip.plans.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
      for i in plans.indices { plans[i].slip = byID[plans[i].id] }
      var kept = slip
      let wanted = Set(plans.map(\.id))
      kept.plans = slip.plans.filter { wanted.contains($0.id) }
      report = kept
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
    return ExportSource(plans: plans, report: report, today: workspace.today, warnings: warnings)
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
