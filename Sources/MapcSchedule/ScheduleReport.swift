import MapcModel

/// The output formats of `mapc schedule`.
public enum ScheduleFormat: String, Sendable, CaseIterable {
  case text, json, markdown, mermaid
}

/// One plan's schedule, with what the renderers show about the plan.
public struct PlanSchedule: Sendable {
  public var id: String?
  public var title: String?
  /// The path as shown to the user.
  public var path: String
  public var stages: [String]
  public var calendar: PlanCalendar
  public var schedule: Schedule
  /// Each milestone's own calendar, for bars drawn back from a due date.
  public var milestoneCalendars: [WorkingCalendar]
}

/// The schedules of a run, in the order the plans were given.
public struct ScheduleReport: Sendable {
  public var today: CalendarDate
  public var plans: [PlanSchedule]

  public init(today: CalendarDate, plans: [PlanSchedule]) {
    self.today = today
    self.plans = plans
  }

  public func render(_ format: ScheduleFormat) -> String {
    switch format {
    case .text: return ScheduleTextRenderer().render(self)
    case .json: return ScheduleJSONRenderer().render(self)
    case .markdown: return ScheduleMarkdownRenderer().render(self)
    case .mermaid: return ScheduleMermaidRenderer().render(self)
    }
  }
}

/// Why one plan file cannot be scheduled.
public struct PlanScheduleFailure: Error, Sendable {
  public var path: String
  public var message: String
  public var help: String?
}

extension PlanSchedule {
  /// Reads, parses and schedules one plan file. The frontmatter must load as a YAML mapping;
  /// schema problems do not stop scheduling (values of the wrong type read as absent, and
  /// `mapc lint` reports them).
  public static func schedule(
    path: String, displayPath: String, configuration: CalendarSettings?, today: CalendarDate
  ) -> Result<PlanSchedule, PlanScheduleFailure> {
    let document = PlanDocument.read(path: path)
    if let problem = document.firstError {
      let at = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
      return .failure(
        PlanScheduleFailure(path: displayPath + at, message: problem.message, help: "run `mapc lint \(displayPath)` for details"))
    }
    guard let plan = document.plan else {
      return .failure(PlanScheduleFailure(path: displayPath, message: "cannot read the plan", help: nil))
    }
    let calendar = PlanCalendar(plan: plan, configuration: configuration)
    do {
      let calendars = Scheduler.Calendars(plan: plan, calendar: calendar)
      let schedule = try Scheduler.schedule(plan, calendars: calendars, today: today)
      return .success(
        PlanSchedule(
          id: plan.id, title: plan.title, path: displayPath, stages: plan.stages, calendar: calendar, schedule: schedule,
          milestoneCalendars: calendars.all))
    } catch {
      return .failure(
        PlanScheduleFailure(
          path: displayPath, message: error.description,
          help: "remove the dependency that is not real; milestones in a cycle can never start"))
    }
  }

  /// Schedules plan files on all cores; results in the order of `files`.
  public static func schedule(
    files: [PlanFileName], configuration: CalendarSettings?, today: CalendarDate
  ) -> [Result<PlanSchedule, PlanScheduleFailure>] {
    files.concurrentMap { schedule(path: $0.path, displayPath: $0.displayPath, configuration: configuration, today: today) }
  }
}

/// A plan file to schedule: where to read it and how to name it.
public struct PlanFileName: Sendable {
  public var path: String
  public var displayPath: String

  public init(path: String, displayPath: String) {
    self.path = path
    self.displayPath = displayPath
  }
}
