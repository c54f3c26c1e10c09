import MapcJSON
import MapcModel

/// One revision on the analysed branch's first-parent history, or the uncommitted working tree.
public struct Revision: Sendable, Hashable {
  /// The full commit id (hex), or nil for uncommitted changes in the working tree.
  public var commit: String?
  public var authorName: String
  public var authorEmail: String
  /// Author time: seconds since 1970 (UTC) and the author's offset from UTC in minutes.
  public var time: Int64
  public var timeOffsetMinutes: Int
  /// The first line of the commit message (decoded leniently when it is not UTF-8).
  public var subject: String
  /// The value of a `Slip-Reason:` trailer in the commit message, if any.
  public var slipReason: String?

  public init(
    commit: String?, authorName: String, authorEmail: String, time: Int64, timeOffsetMinutes: Int, subject: String,
    slipReason: String?
  ) {
    self.commit = commit
    self.authorName = authorName
    self.authorEmail = authorEmail
    self.time = time
    self.timeOffsetMinutes = timeOffsetMinutes
    self.subject = subject
    self.slipReason = slipReason
  }

  /// The author's calendar date (in the author's own time zone).
  public var date: CalendarDate {
    let local = time + Int64(timeOffsetMinutes) * 60
    return CalendarDate(daysSince1970: Int((Double(local) / 86_400).rounded(.down)))
  }

  public var isWorkingTree: Bool { commit == nil }
}

/// A plan file as it was at one revision.
public struct PlanSnapshot: Sendable {
  /// The path relative to the repository root, with `/` separators.
  public var path: String
  /// The typed plan, or nil when the file did not parse at this revision (no frontmatter, bad YAML).
  public var plan: Plan?
  /// The frontmatter as JSON, when it parsed.
  public var frontmatter: JSONValue?

  public init(path: String, plan: Plan?, frontmatter: JSONValue?) {
    self.path = path
    self.plan = plan
    self.frontmatter = frontmatter
  }
}

/// What one revision changed among the plan files: those added or modified (parsed), and
/// the paths removed. Renames appear as a removal and an addition; plans are followed by id.
public struct HistoryStep: Sendable {
  public var revision: Revision
  public var changed: [PlanSnapshot]
  public var removed: [String]

  public init(revision: Revision, changed: [PlanSnapshot], removed: [String]) {
    self.revision = revision
    self.changed = changed
    self.removed = removed
  }
}
