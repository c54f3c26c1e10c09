import MapcModel

/// A plan's schedule back from go-live, by the brief's definitions ("Scheduling"): each
/// milestone's late date (backward pass from go-live), early date (forward pass from today),
/// float in business days and whether it is critical; the critical path, the earliest go-live
/// and go-live's float.
public struct Schedule: Sendable {
  /// One milestone's dates. Values that do not apply are nil: `late` for a milestone with no
  /// route to go-live (a value-stage milestone after it), everything for a cancelled one.
  public struct Entry: Sendable, Hashable {
    /// Position in the plan's `milestones`.
    public var index: Int
    public var id: String?
    public var title: String?
    public var stage: String?
    public var status: Milestone.Status?
    public var due: CalendarDate?
    /// The lead the schedule used (`lead`, 0 when absent).
    public var lead: Int
    public var pinned: Bool
    public var early: CalendarDate?
    public var late: CalendarDate?
    /// Business days from `early` to `late`.
    public var floatDays: Int?
    public var critical: Bool
    /// Positions of the milestones it depends on that the schedule follows (not cancelled,
    /// known, not itself), in `depends_on` order.
    public var dependencies: [Int]
  }

  /// The plan's `go_live` (or, without it, the due date of the milestone marked `go_live`).
  public var goLive: CalendarDate?
  /// The position of the milestone marked `go_live`; nil when go-live is virtual.
  public var goLiveMilestone: Int?
  /// Go-live's early date: the earliest go-live the leads allow from today.
  public var earliestGoLive: CalendarDate?
  /// Business days from the earliest go-live to go-live; negative when go-live cannot be met.
  public var goLiveFloatDays: Int?
  /// Positions of the critical milestones that have a route to go-live, dependencies first.
  public var criticalPath: [Int]
  /// Positions of the one chain of critical milestones that holds go-live up: from go-live
  /// back, each time the dependency whose early date sets its successor's; dependencies first.
  public var criticalChain: [Int]
  /// Every milestone, in plan order.
  public var milestones: [Entry]
  /// The date the forward pass starts from.
  public var today: CalendarDate

  /// Whether go-live can be met from today on the plan's own leads (nil without a go-live).
  public var goLiveFeasible: Bool? { goLiveFloatDays.map { $0 >= 0 } }

  /// The ids (or `#n` for a milestone without an id) of the critical path.
  public var criticalPathNames: [String] { criticalPath.map { milestones[$0].name } }

  /// The ids (or `#n`) of the critical chain.
  public var criticalChainNames: [String] { criticalChain.map { milestones[$0].name } }
}

extension Schedule.Entry {
  /// The id, or `#n` (1-based) without one.
  public var name: String { id ?? "#\(index + 1)" }
}

/// Why a plan cannot be scheduled.
public enum ScheduleError: Error, Sendable, Hashable, CustomStringConvertible {
  /// Milestones depend on each other in a circle; the ids in dependency order, the first
  /// repeated at the end (`a → b → a`: a depends on b, which depends on a).
  case dependencyCycle([String])

  public var description: String {
    switch self {
    case .dependencyCycle(let ids): return "dependency cycle: \(ids.joined(separator: " → "))"
    }
  }
}

extension PlanCalendar {
  /// The calendar of `plan`: its `calendar.weekend`, else the configuration's, else Saturday and
  /// Sunday; the configuration's holidays and the plan's together; the plan's blackouts.
  public init(plan: Plan, configuration: CalendarSettings?) {
    let weekend = plan.calendar?.weekend ?? configuration?.weekend
    var blackouts: [Blackout] = []
    for c in plan.constraints where c.isBlackout {
      guard let from = c.from, let to = c.to else { continue }
      let scope = c.appliesTo.map { s in
        Scope(stages: s.stages.map(Set.init), milestones: s.milestones.map(Set.init), sides: s.sides.map(Set.init))
      }
      blackouts.append(Blackout(from: from, to: to, appliesTo: scope))
    }
    self.init(
      weekend: weekend.map(Set.init) ?? WorkingCalendar.defaultWeekend,
      holidays: (configuration?.holidays ?? []) + (plan.calendar?.holidays ?? []), blackouts: blackouts)
  }
}
