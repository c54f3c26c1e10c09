import MapcHistory
import MapcJSON
import MapcModel
import MapcPortfolio
import MapcWorkspace

/// One `mapc export` run: the plans read once, the table of the object asked for, written in
/// the format and profile asked for; for the buyer, checked by the leak guard before it is
/// returned.
public enum ExportRun {
  /// What to export, as the command line asks it.
  public struct Request: Sendable {
    public var object: ExportObject
    public var format: ExportFormat
    public var profile: ExportProfile
    public var audience: ExportAudience
    /// Plan files or folders; empty for every plan of the repository.
    public var paths: [String]
    /// For the buyer: what counts as a public change, so that commits that changed only
    /// internal content date nothing in the export.
    public var publicFingerprint: PublicFingerprint?

    public init(
      object: ExportObject, format: ExportFormat = .csv, profile: ExportProfile = .generic, audience: ExportAudience = .internal,
      paths: [String] = [], publicFingerprint: PublicFingerprint? = nil
    ) {
      self.object = object
      self.format = format
      self.profile = profile
      self.audience = audience
      self.paths = paths
      self.publicFingerprint = publicFingerprint
    }
  }

  /// The export and the warnings to print.
  public struct Output: Sendable {
    public var text: String
    public var warnings: [String]
  }

  /// Runs `request` in `workspace`; `environment` may plant the leak guard's test canary.
  ///
  /// - Throws: ``UsageError`` for unreadable plans or history, and for a leak in a buyer export
  ///   (nothing is returned then).
  public static func run(_ request: Request, workspace: Workspace, environment: [String: String]) throws -> Output {
    // Only the plans' row shows what the activity tracker collects (the last buyer activity).
    let source = try ExportSource.load(
      request.paths, workspace: workspace, wantsCRMID: request.audience == .internal, tracksActivity: request.object == .plans,
      publicFingerprint: request.audience == .buyer ? request.publicFingerprint : nil)
    if request.audience == .buyer {
      try PortfolioRun.requireOneBuyer(source.plans.map { ($0.plan.buyer, $0.path) }, command: "mapc export")
    }
    let table = try table(request, source: source)
    let text = render(table, request)
    if request.audience == .buyer {
      try guardBuyer(text, table: table, request: request, source: source, environment: environment)
    }
    return Output(text: text, warnings: source.warnings)
  }

  /// The table of `request.object` over `source`.
  public static func table(_ request: Request, source: ExportSource) throws -> ExportTable {
    switch request.object {
    case .plans: return try PlanExport.table(source, profile: request.profile, audience: request.audience)
    case .milestones: return MilestoneExport.table(source, profile: request.profile, audience: request.audience)
    case .moves: return MoveExport.table(source, profile: request.profile, audience: request.audience)
    }
  }

  static func render(_ table: ExportTable, _ request: Request) -> String {
    switch request.format {
    case .csv: return table.csv(defusingFormulas: request.profile.defusesFormulas)
    case .json: return table.json()
    }
  }

  /// The leak guard over every plan exported: the written text and each cell's own text (so
  /// that quoting cannot hide a note) must hold no internal content.
  static func guardBuyer(
    _ text: String, table: ExportTable, request: Request, source: ExportSource, environment: [String: String]
  ) throws {
    let guarding = BuyerExportGuard.leakGuard(source, environment: environment)
    guard guarding.needleCount > 0 else { return }
    let publicTable = { (try? Self.table(request, source: BuyerExportGuard.publicOnly(source))) ?? ExportTable(columns: []) }
    let format: LeakGuard.Format = request.format == .json ? .json : .text
    try BuyerExportGuard.check(text, format: format, with: guarding, name: "the buyer export") { render(publicTable(), request) }
    try BuyerExportGuard.check(table.plainText, format: .text, with: guarding, name: "the buyer export") { publicTable().plainText }
  }
}

/// The leak guard of the plans an export or calendar shows.
enum BuyerExportGuard {
  /// Checks one view of a buyer output; a leak becomes the usage error that writes nothing.
  static func check(
    _ output: String, format: LeakGuard.Format, with guarding: LeakGuard, name: String, publicRendering: () -> String
  ) throws(UsageError) {
    do {
      try guarding.check(output, format: format, name: name, publicRendering: publicRendering)
    } catch {
      throw UsageError(error)
    }
  }

  static func leakGuard(_ source: ExportSource, environment: [String: String]) -> LeakGuard {
    var guarding = LeakGuard()
    for plan in source.plans {
      guarding.add(plan.plan, frontmatter: plan.frontmatter, name: plan.path)
      guarding.addPublic(plan.path)
      guarding.addTestCanary(from: environment, plan: plan.path)
    }
    return guarding
  }

  /// The same plans with nothing internal in them: what mapc shows of the public content alone.
  static func publicOnly(_ source: ExportSource) -> ExportSource {
    var copy = source
    for i in copy.plans.indices {
      let frontmatter = PublicContent.frontmatter(copy.plans[i].frontmatter)
      copy.plans[i].frontmatter = frontmatter
      copy.plans[i].plan = Plan(frontmatter)
    }
    return copy
  }
}
