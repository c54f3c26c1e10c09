import MapcModel

/// The working calendar of a plan: weekend days, holidays, and blackout periods that may
/// apply to some milestones only. ``workingCalendar(for:)`` gives the calendar of one milestone.
public struct PlanCalendar: Sendable, Hashable {
  /// A blackout period (`from`...`to`, inclusive) and the milestones it stops.
  public struct Blackout: Sendable, Hashable {
    public var from: CalendarDate
    public var to: CalendarDate
    /// Which milestones the blackout applies to; nil for all of them.
    public var appliesTo: Scope?

    public init(from: CalendarDate, to: CalendarDate, appliesTo: Scope? = nil) {
      self.from = from
      self.to = to
      self.appliesTo = appliesTo
    }

    /// Whether the blackout stops `milestone`.
    public func applies(to milestone: Target) -> Bool { appliesTo?.covers(milestone) ?? true }
  }

  /// `applies_to`: each list given narrows the blackout further (a milestone must match every
  /// list given); within a list, any entry matches.
  public struct Scope: Sendable, Hashable {
    /// Stage names; nil when not narrowed by stage.
    public var stages: Set<String>?
    /// Milestone ids; nil when not narrowed by milestone.
    public var milestones: Set<String>?
    /// Sides (`buyer`, `seller`, `partner`): a milestone matches when one of its owners is on
    /// one of them. Nil when not narrowed by side.
    public var sides: Set<Stakeholder.Side>?

    public init(stages: Set<String>? = nil, milestones: Set<String>? = nil, sides: Set<Stakeholder.Side>? = nil) {
      self.stages = stages
      self.milestones = milestones
      self.sides = sides
    }

    public func covers(_ m: Target) -> Bool {
      if let stages, !(m.stage.map(stages.contains) ?? false) { return false }
      if let milestones, !(m.id.map(milestones.contains) ?? false) { return false }
      if let sides, sides.isDisjoint(with: m.sides) { return false }
      return true
    }
  }

  /// What a blackout's scope looks at in a milestone.
  public struct Target: Sendable, Hashable {
    public var id: String?
    public var stage: String?
    /// The sides of the milestone's owners.
    public var sides: Set<Stakeholder.Side>

    public init(id: String?, stage: String?, sides: Set<Stakeholder.Side>) {
      self.id = id
      self.stage = stage
      self.sides = sides
    }
  }

  public var weekend: Set<Weekday>
  public var holidays: [CalendarDate]
  public var blackouts: [Blackout]

  public init(weekend: Set<Weekday> = WorkingCalendar.defaultWeekend, holidays: [CalendarDate] = [], blackouts: [Blackout] = []) {
    self.weekend = weekend
    self.holidays = holidays
    self.blackouts = blackouts
  }

  /// The calendar of `milestone`: the weekend, the holidays, and the blackouts that apply to it.
  /// A blackout that ends before it starts closes nothing.
  public func workingCalendar(for milestone: Target) -> WorkingCalendar {
    WorkingCalendar(
      weekend: weekend, holidays: holidays,
      closedRanges: blackouts.filter { $0.from <= $0.to && $0.applies(to: milestone) }.map { $0.from...$0.to })
  }

  /// Which blackouts apply to `milestone`, by position: milestones with the same answer share
  /// one calendar.
  public func applicableBlackouts(for milestone: Target) -> [Int] {
    blackouts.indices.filter { blackouts[$0].from <= blackouts[$0].to && blackouts[$0].applies(to: milestone) }
  }
}
