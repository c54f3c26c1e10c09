import MapcHistory
import MapcModel
import MapcPortfolio
import MapcWorkspace

/// One `mapc calendar` run: the plans and their history read once, the events of every plan,
/// one feed; for the buyer, checked by the leak guard before it is returned.
public enum CalendarRun {
  /// What to put in the feed, as the command line asks it.
  public struct Request: Sendable {
    /// Plan files or folders; empty for every plan of the repository.
    public var paths: [String]
    public var audience: ExportAudience
    public var includeDone: Bool
    /// `--as-of`: the stamp of plans without a commit (midnight UTC of that day).
    public var asOf: CalendarDate?
    /// For the buyer: what counts as a public change (``ExportSource/load(_:workspace:wantsCRMID:workingTreeTime:tracksActivity:publicFingerprint:)``).
    public var publicFingerprint: PublicFingerprint?

    public init(
      paths: [String] = [], audience: ExportAudience = .buyer, includeDone: Bool = false, asOf: CalendarDate? = nil,
      publicFingerprint: PublicFingerprint? = nil
    ) {
      self.paths = paths
      self.audience = audience
      self.includeDone = includeDone
      self.asOf = asOf
      self.publicFingerprint = publicFingerprint
    }
  }

  /// One feed per plan, by plan id (for `render --all --calendar`, which writes each beside its
  /// snapshot), each named after its plan and, for the buyer, checked by the leak guard. The
  /// history is read once for all of them.
  public static func feeds(_ request: Request, workspace: Workspace, environment: [String: String]) throws -> [String: String] {
    let (source, options) = try prepare(request, workspace: workspace, environment: environment)
    var out: [String: String] = [:]
    for plan in source.plans {
      var one = source
      one.plans = [plan]
      out[plan.id] = try guarded(one, options: options, name: defaultName(one, workspace: workspace), environment: environment)
    }
    return out
  }

  static func prepare(
    _ request: Request, workspace: Workspace, environment: [String: String]
  ) throws -> (ExportSource, CalendarOptions) {
    let fallback = try fallbackStamp(request.asOf, environment)
    // Uncommitted changes are dated by --as-of (or SOURCE_DATE_EPOCH), else by HEAD's commit:
    // never by the clock or a file's modification time.
    let source = try ExportSource.load(
      request.paths, workspace: workspace, wantsCRMID: false, workingTreeTime: fallback.map { .fixed($0) } ?? .headCommit,
      publicFingerprint: request.audience == .buyer ? request.publicFingerprint : nil)
    let options = CalendarOptions(
      audience: request.audience, includeDone: request.includeDone, fallbackStamp: fallback,
      snapshotURL: workspace.configuration.export.snapshotURL)
    return (source, options)
  }

  /// The feed of `source`, checked by the leak guard for the buyer.
  static func guarded(_ source: ExportSource, options: CalendarOptions, name: String, environment: [String: String]) throws -> String {
    let ics = try feed(source, options: options, name: name).render()
    if options.audience == .buyer {
      let guarding = BuyerExportGuard.leakGuard(source, environment: environment)
      // Nothing internal to look for: no view to make (the usual case for plans without notes).
      guard guarding.needleCount > 0 else { return ics }
      let publicFeed = { (try? feed(BuyerExportGuard.publicOnly(source), options: options, name: name).render()) ?? "" }
      try BuyerExportGuard.check(ics, format: .text, with: guarding, name: "the buyer calendar") { publicFeed() }
      try BuyerExportGuard.check(ICSWriter.unfoldedText(ics), format: .text, with: guarding, name: "the buyer calendar") {
        ICSWriter.unfoldedText(publicFeed())
      }
    }
    return ics
  }

  /// The feed for `request` in `workspace`, as `.ics` text.
  ///
  /// - Throws: ``UsageError`` for unreadable plans or history, a plan with no commit when
  ///   neither `--as-of` nor `SOURCE_DATE_EPOCH` is given, and a leak in a buyer feed.
  public static func run(_ request: Request, workspace: Workspace, environment: [String: String]) throws -> String {
    let (source, options) = try prepare(request, workspace: workspace, environment: environment)
    if request.audience == .buyer {
      try PortfolioRun.requireOneBuyer(source.plans.map { ($0.plan.buyer, $0.path) }, command: "mapc calendar")
    }
    let name = workspace.configuration.export.calendarName ?? defaultName(source, workspace: workspace)
    return try guarded(source, options: options, name: name, environment: environment)
  }

  /// The feed of every plan in `source`, plans in id order.
  public static func feed(_ source: ExportSource, options: CalendarOptions, name: String) throws(UsageError) -> CalendarFeed {
    var events: [CalendarEvent] = []
    for plan in source.plans {
      do {
        events += try CalendarEvents.events(of: plan, options: options)
      } catch {
        throw UsageError(
          "\(error.plan) has no commit to date its events by, and mapc never uses the clock",
          help: "commit the plan, or give --as-of YYYY-MM-DD (or SOURCE_DATE_EPOCH)")
      }
    }
    return CalendarFeed(name: name, events: events)
  }

  /// `--as-of` at midnight UTC, else `SOURCE_DATE_EPOCH` to the second, else nil.
  static func fallbackStamp(_ asOf: CalendarDate?, _ environment: [String: String]) throws(UsageError) -> Int64? {
    if let asOf { return Int64(asOf.daysSince1970) * 86_400 }
    guard let epoch = environment["SOURCE_DATE_EPOCH"] else { return nil }
    guard let seconds = Int64(epoch), (0...253_402_300_799).contains(seconds) else {
      throw UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to the year 9999), got '\(epoch)'")
    }
    return seconds
  }

  /// "<seller> deal plans", or "<plan title>" for one plan.
  static func defaultName(_ source: ExportSource, workspace: Workspace) -> String {
    if source.plans.count == 1, let plan = source.plans.first?.plan { return plan.title ?? plan.buyer ?? plan.id ?? "Deal plan" }
    let seller = workspace.configuration.render.seller ?? source.plans.lazy.compactMap(\.plan.seller).first
    return seller.map { "\($0) deal plans" } ?? "Deal plans"
  }
}
