import MapcJSON
import MapcModel

/// What `mapc lint --base REV` knows about a plan at the base revision and about the commits
/// between the base and HEAD. Rules that compare against the base find nothing without it.
public struct BaseContext: Sendable, Hashable {
  /// The base revision as given (`main`, a commit id).
  public var revision: String
  /// The plan's frontmatter at the base (matched by plan id), or nil when the plan is new.
  public var frontmatter: JSONValue? {
    didSet { plan = frontmatter.map { Plan($0) } }
  }
  /// The plan at the base, if it existed there.
  public private(set) var plan: Plan?
  /// Whether a first-parent commit between the base and HEAD carries a `Slip-Reason:` trailer.
  public var slipReasons: Bool
  /// Milestone ids present at the base and now, that were deleted and re-added in between,
  /// with the short id of the commit (or "working tree") that re-added them.
  public var readdedMilestones: [String: String]
  /// Milestone ids whose baseline (first recorded due date) differs between the base's
  /// history and the head's, where the base's record is not in the head's history: history
  /// was edited.
  public var rewrittenBaselines: [String: RewrittenBaseline]

  /// A milestone's baseline as the base's history and HEAD's history record it.
  public struct RewrittenBaseline: Sendable, Hashable {
    /// The baseline in the base's history, and the short id of the commit that recorded it.
    public var base: CalendarDate
    public var commit: String
    /// The baseline in the head's history, and the head's name: `HEAD`, or `HEAD^2` for the
    /// branch of a test merge.
    public var head: CalendarDate
    public var headName: String

    public init(base: CalendarDate, commit: String, head: CalendarDate, headName: String = "HEAD") {
      self.base = base
      self.commit = commit
      self.head = head
      self.headName = headName
    }
  }

  public init(
    revision: String, frontmatter: JSONValue?, slipReasons: Bool = false, readdedMilestones: [String: String] = [:],
    rewrittenBaselines: [String: RewrittenBaseline] = [:]
  ) {
    self.revision = revision
    self.frontmatter = frontmatter
    self.plan = frontmatter.map { Plan($0) }
    self.slipReasons = slipReasons
    self.readdedMilestones = readdedMilestones
    self.rewrittenBaselines = rewrittenBaselines
  }

  /// A context whose base plan is the frontmatter of `planText` (a whole plan file), for examples.
  public init(
    revision: String = "main", planText: String, slipReasons: Bool = false, readdedMilestones: [String: String] = [:],
    rewrittenBaselines: [String: RewrittenBaseline] = [:]
  ) {
    self.init(
      revision: revision, frontmatter: PlanDocument(text: planText).frontmatter, slipReasons: slipReasons, readdedMilestones: readdedMilestones,
      rewrittenBaselines: rewrittenBaselines)
  }
}

extension BaseContext {
  // `plan` is read from `frontmatter`, so it takes no part in equality.
  public static func == (a: BaseContext, b: BaseContext) -> Bool {
    a.revision == b.revision && a.frontmatter == b.frontmatter && a.slipReasons == b.slipReasons
      && a.readdedMilestones == b.readdedMilestones && a.rewrittenBaselines == b.rewrittenBaselines
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(revision)
    hasher.combine(frontmatter)
    hasher.combine(slipReasons)
    hasher.combine(readdedMilestones)
    hasher.combine(rewrittenBaselines)
  }
}
