import MapcHistory
import MapcModel

/// The forecast of a plan's key dates at each revision that changed it: the data of a milestone
/// trend chart. When several revisions fall on one day, the day's last one counts.
public struct PlanTrend: Sendable, Equatable {
  /// One line of the chart: a date as it was forecast over time.
  public struct Series: Sendable, Equatable {
    /// `go-live`, or a milestone id.
    public var id: String
    public var label: String
    /// Revision date → the date forecast at that revision.
    public var points: [Point]
  }

  public struct Point: Sendable, Equatable {
    public var revision: CalendarDate
    public var forecast: CalendarDate
  }

  /// The days on which the plan changed, oldest first.
  public var revisions: [CalendarDate]
  /// The go-live series first, then every milestone in the plan's latest order.
  public var series: [Series]

  /// The trend of plan `planID` over `steps` (oldest first).
  public init(steps: [HistoryStep], planID: String) {
    var days: [CalendarDate] = []
    var versions: [Plan] = []
    for step in steps {
      guard let plan = step.changed.last(where: { $0.plan?.id == planID })?.plan else { continue }
      let day = step.revision.date
      if days.last == day {
        versions[versions.count - 1] = plan
      } else {
        days.append(day)
        versions.append(plan)
      }
    }
    revisions = days
    var goLive = Series(id: "go-live", label: "Go-live", points: [])
    var milestones: [String: Series] = [:]
    for (day, plan) in zip(days, versions) {
      if let d = plan.goLive { goLive.points.append(Point(revision: day, forecast: d)) }
      for m in plan.milestones {
        guard let id = m.id, let due = m.due else { continue }
        var s = milestones[id] ?? Series(id: id, label: m.title ?? id, points: [])
        s.label = m.title ?? id
        if s.points.last?.revision != day { s.points.append(Point(revision: day, forecast: due)) }
        milestones[id] = s
      }
    }
    var order: [String] = []
    var seen = Set<String>()
    for m in (versions.last?.milestones ?? []) {
      if let id = m.id, milestones[id] != nil, seen.insert(id).inserted { order.append(id) }
    }
    for id in milestones.keys.sorted() where seen.insert(id).inserted { order.append(id) }
    series = (goLive.points.isEmpty ? [] : [goLive]) + order.compactMap { milestones[$0] }
  }

  /// True when a chart would show something: at least two revisions.
  public var isChartable: Bool { revisions.count >= 2 && !series.isEmpty }
}
