import MapcHistory
import MapcJSON
import MapcModel

/// Who a snapshot is for.
public enum SnapshotAudience: String, Sendable, CaseIterable {
  /// The buyer: internal-only content is left out of the file entirely.
  case buyer
  /// The selling team: internal content is shown, under a visible "Internal" banner.
  case `internal`
}

/// The seller's look, from `render` in `mapc.yml`.
public struct Branding: Sendable, Equatable {
  /// The seller's name as shown, when it differs from a plan's `seller`.
  public var seller: String?
  /// The logo as a `data:` URI.
  public var logoDataURI: String?
  /// The accent colour, `#rgb` or `#rrggbb` (checked by the configuration schema).
  public var accent: String?
  /// CSS appended after the built-in styles.
  public var css: String?

  public init(seller: String? = nil, logoDataURI: String? = nil, accent: String? = nil, css: String? = nil) {
    self.seller = seller
    self.logoDataURI = logoDataURI
    self.accent = accent
    self.css = css
  }
}

/// What git knows about the plan: slip per milestone, the forecast at each revision, the
/// changes since a revision. Absent outside a repository.
public struct SnapshotHistory: Sendable {
  public var slip: PlanSlip?
  public var trend: PlanTrend?
  /// "What changed since …": the starting point as the page names it (its commit's date and,
  /// when the audience may see it, its subject; never a bare revision), and the changes.
  public var changes: (since: String, entries: [DiffEntry])?
  /// The reasons of the moves that set the plan's current dates (``PlanDiff/reasons(_:audience:)``:
  /// for the buyer only `due_reason`s), shown next to the slip badges.
  public var reasons: PlanDiff.PlanReasons?
  /// Why slip and history are left out, for the page itself (a shallow clone), or nil.
  public var leftOut: String?

  public init(
    slip: PlanSlip? = nil, trend: PlanTrend? = nil, changes: (since: String, entries: [DiffEntry])? = nil,
    leftOut: String? = nil, reasons: PlanDiff.PlanReasons? = nil
  ) {
    self.slip = slip
    self.reasons = reasons
    self.trend = trend
    self.changes = changes
    self.leftOut = leftOut
  }
}

/// Everything one HTML snapshot shows. Pure data: rendering it needs no file system or clock.
public struct Snapshot: Sendable {
  public var plan: Plan
  /// The frontmatter, for what the typed ``Plan`` does not carry (objectives, documents, notes).
  public var frontmatter: JSONValue
  public var body: String
  public var audience: SnapshotAudience
  /// The date every "days remaining" is counted from.
  public var asOf: CalendarDate
  public var history: SnapshotHistory
  /// The commit the plan was rendered from (abbreviated), if any.
  public var commit: String?
  /// True when the plan has edits not yet committed.
  public var uncommitted: Bool
  public var branding: Branding
  /// The file the plan came from, relative to the repository or configuration root.
  public var path: String
  /// The calendar feed written beside the page (`render --all --calendar`), linked from its
  /// header; nil for none.
  public var calendarFile: String?

  public init(
    plan: Plan, frontmatter: JSONValue, body: String, audience: SnapshotAudience, asOf: CalendarDate,
    history: SnapshotHistory = SnapshotHistory(), commit: String? = nil, uncommitted: Bool = false,
    branding: Branding = Branding(), path: String
  ) {
    self.plan = plan
    self.frontmatter = frontmatter
    self.body = body
    self.audience = audience
    self.asOf = asOf
    self.history = history
    self.commit = commit
    self.uncommitted = uncommitted
    self.branding = branding
    self.path = path
  }

  /// The generator named in the footer and the `generator` meta tag.
  public static let generator = "mapc 0.1.0"
}
