import MapcModel

extension PlanStatus {
  /// The status dated by its plan's last change to public content, as a buyer's snapshot is:
  /// a commit that changed only internal content dates nothing a buyer gets (last change,
  /// days since the last commit, stale).
  public mutating func dateByPublicChanges(_ activity: PlanActivity, today: CalendarDate, staleAfterDays: Int) {
    lastChange = activity.lastPublicChange
    daysSinceLastCommit = activity.lastPublicCommit.map { $0.date.days(until: today) }
    stale = daysSinceLastCommit.map { $0 > staleAfterDays } ?? false
  }
}
