import MapcModel

/// What `mapc slip` compares against, what it lists, and what "today" is.
public struct SlipOptions: Sendable {
  /// A commit id (or a unique prefix of one, case-insensitive): baselines are the due dates as of
  /// that revision. Milestones that first appear later use their first appearance. The revision
  /// must be one of the history's steps (a reader may add an empty step for a commit that changed
  /// no plan); when no step or several steps match, the report says so in a note and baselines
  /// stay at first appearance.
  public var baselineRevision: String?
  /// Baselines are the due dates as of the last revision whose author date is on or before this
  /// date (ignored when ``baselineRevision`` is given).
  public var baselineDate: CalendarDate?
  /// List (and count as pushes and pulls) only the date moves authored on or after this date
  /// (a move made on a merged branch: merged on or after it).
  /// Baselines, current dates and slips are unchanged.
  public var since: CalendarDate?
  /// The day the stale flag is measured from (injectable for reproducible output).
  public var today: CalendarDate
  /// A plan is stale when no commit touched it for more than this many days before ``today``.
  public var staleAfterDays: Int

  public init(
    baselineRevision: String? = nil, baselineDate: CalendarDate? = nil, since: CalendarDate? = nil, today: CalendarDate,
    staleAfterDays: Int = 14
  ) {
    self.baselineRevision = baselineRevision
    self.baselineDate = baselineDate
    self.since = since
    self.today = today
    self.staleAfterDays = staleAfterDays
  }
}
