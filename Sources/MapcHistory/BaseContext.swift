import MapcJSON
import MapcModel

/// What `mapc lint --base REV` knows about a plan at the base and about the commits the change
/// adds to it. The plan is compared with its version at the merge base of REV and HEAD (what a
/// pull request changes), not at REV's tip. Rules that compare against the base find nothing
/// without it.
public struct BaseContext: Sendable, Hashable {
  /// The base revision as given (`main`, a commit id).
  public var revision: String
  /// The commit compared with, as findings name it: `main at 1a2b3c4` when REV's tip is the
  /// merge base, `1a2b3c4, the merge base of main and HEAD` otherwise; the revision alone in
  /// examples.
  public var comparedWith: String
  /// The plan's frontmatter at the compared commit (matched by plan id), or nil when the plan is new.
  public var frontmatter: JSONValue? {
    didSet { plan = frontmatter.map { Plan($0) } }
  }
  /// The plan at the compared commit, if it existed there.
  public private(set) var plan: Plan?
  /// The due-date moves the change made, by milestone id, oldest first: those of the commits
  /// HEAD adds to the base (a merge's moves attributed to its branch's commits) and of the
  /// working tree, each with its reason from ``MoveReason``. Nil when the history was not read.
  public var moves: [String: [Move]]?
  /// Milestone ids present at the base and now, that were deleted and re-added in between,
  /// with the short id of the commit (or "working tree") that re-added them.
  public var readdedMilestones: [String: String]
  /// Milestone ids whose baseline (first recorded due date) differs between the base's
  /// history and the head's, where the base's record is not in the head's history: history
  /// was edited.
  public var rewrittenBaselines: [String: RewrittenBaseline]

  /// One due-date move of the change.
  public struct Move: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    /// The short id of the commit that made it; nil for the working tree.
    public var commit: String?
    /// Its reason (``MoveReason``), or nil when none is recorded.
    public var reason: String?

    public init(from: CalendarDate, to: CalendarDate, commit: String?, reason: String?) {
      self.from = from
      self.to = to
      self.commit = commit
      self.reason = reason
    }

    public var deltaDays: Int { from.days(until: to) }
  }

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
    revision: String, comparedWith: String? = nil, frontmatter: JSONValue?, moves: [String: [Move]]? = nil,
    readdedMilestones: [String: String] = [:], rewrittenBaselines: [String: RewrittenBaseline] = [:]
  ) {
    self.revision = revision
    self.comparedWith = comparedWith ?? revision
    self.frontmatter = frontmatter
    self.plan = frontmatter.map { Plan($0) }
    self.moves = moves
    self.readdedMilestones = readdedMilestones
    self.rewrittenBaselines = rewrittenBaselines
  }

  /// A context whose base plan is the frontmatter of `planText` (a whole plan file), for examples.
  public init(
    revision: String = "main", planText: String, moves: [String: [Move]]? = nil, readdedMilestones: [String: String] = [:],
    rewrittenBaselines: [String: RewrittenBaseline] = [:]
  ) {
    self.init(
      revision: revision, frontmatter: PlanDocument(text: planText).frontmatter, moves: moves,
      readdedMilestones: readdedMilestones, rewrittenBaselines: rewrittenBaselines)
  }
}

extension BaseContext {
  /// What findings append to say which commit they compared with (`; compared with main at
  /// 1a2b3c4`); empty when that is the revision itself (examples).
  public var comparedSuffix: String { comparedWith == revision ? "" : "; compared with \(comparedWith)" }

  // `plan` is read from `frontmatter`, so it takes no part in equality.
  public static func == (a: BaseContext, b: BaseContext) -> Bool {
    a.revision == b.revision && a.comparedWith == b.comparedWith && a.frontmatter == b.frontmatter && a.moves == b.moves
      && a.readdedMilestones == b.readdedMilestones && a.rewrittenBaselines == b.rewrittenBaselines
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(revision)
    hasher.combine(comparedWith)
    hasher.combine(frontmatter)
    hasher.combine(moves)
    hasher.combine(readdedMilestones)
    hasher.combine(rewrittenBaselines)
  }
}
