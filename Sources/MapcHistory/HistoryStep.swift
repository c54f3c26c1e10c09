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
  /// The value of the last `Slip-Reason:` trailer in the commit message, if any.
  public var slipReason: String?
  /// The values of every `Slip-Reason:` trailer, in order: a move's reason is read from them by
  /// ``MoveReason`` (a trailer may name the milestones it explains).
  public var slipReasons: [String]

  /// `slipReasons` defaults to `slipReason` alone.
  public init(
    commit: String?, authorName: String, authorEmail: String, time: Int64, timeOffsetMinutes: Int, subject: String,
    slipReason: String?, slipReasons: [String]? = nil
  ) {
    self.commit = commit
    self.authorName = authorName
    self.authorEmail = authorEmail
    self.time = time
    self.timeOffsetMinutes = timeOffsetMinutes
    self.subject = subject
    self.slipReason = slipReason
    self.slipReasons = slipReasons ?? (slipReason.map { [$0] } ?? [])
  }

  /// The author times mapc reads: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z, so that every
  /// date prints as `YYYY-MM-DD` and date arithmetic cannot overflow.
  public static let supportedTimes: ClosedRange<Int64> = -62_135_596_800...253_402_300_799
  /// The offsets from UTC git can write (`-9959` to `+9959`), in minutes.
  public static let supportedOffsets: ClosedRange<Int> = -5_999...5_999

  /// Whether the author time and offset are in the supported ranges and the local date is
  /// between 0001-01-01 and 9999-12-31.
  public var hasSupportedTime: Bool {
    guard Self.supportedTimes.contains(time), Self.supportedOffsets.contains(timeOffsetMinutes) else { return false }
    return Self.supportedTimes.contains(time + Int64(timeOffsetMinutes) * 60)
  }

  /// The author's calendar date (in the author's own time zone). A time outside
  /// ``supportedTimes`` (only a forged commit has one; the history reader refuses those) is
  /// pinned to the nearest end of the range rather than overflow.
  public var date: CalendarDate {
    let offset = Int64(max(Self.supportedOffsets.lowerBound, min(Self.supportedOffsets.upperBound, timeOffsetMinutes)))
    let utc = max(Self.supportedTimes.lowerBound, min(Self.supportedTimes.upperBound, time))
    let local = max(Self.supportedTimes.lowerBound, min(Self.supportedTimes.upperBound, utc + offset * 60))
    // Floor division: a time before 1970 belongs to the day that began before it.
    let days = local >= 0 ? local / 86_400 : -((-local + 86_399) / 86_400)
    return CalendarDate(daysSince1970: Int(days))
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
  /// The fingerprints of this version's public and whole content, when the history was read
  /// with a ``PublicFingerprint``.
  public var publicFingerprint: PlanFingerprint?

  public init(path: String, plan: Plan?, frontmatter: JSONValue?, publicFingerprint: PlanFingerprint? = nil) {
    self.path = path
    self.plan = plan
    self.frontmatter = frontmatter
    self.publicFingerprint = publicFingerprint
  }
}

/// What one revision changed among the plan files: those added or modified (parsed), and
/// the paths removed. Renames appear as a removal and an addition; plans are followed by id.
public struct HistoryStep: Sendable {
  public var revision: Revision
  public var changed: [PlanSnapshot]
  public var removed: [String]
  /// For a merge: the commits on the merged side that made the date moves it brings (see
  /// ``MoveAttribution``); empty for any other revision.
  public var attributions: [MoveAttribution]

  public init(revision: Revision, changed: [PlanSnapshot], removed: [String], attributions: [MoveAttribution] = []) {
    self.revision = revision
    self.changed = changed
    self.removed = removed
    self.attributions = attributions
  }
}
