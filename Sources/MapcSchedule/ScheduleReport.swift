import Dispatch
import MapcModel
import MapcYAML

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
    let read = PlanReader.read(path: path)
    func fail(_ message: String) -> Result<PlanSchedule, PlanScheduleFailure> {
      .failure(PlanScheduleFailure(path: displayPath, message: message, help: "run `mapc lint \(displayPath)` for details"))
    }
    guard let source = read.source else { return fail(read.problems.first?.message ?? "cannot read the plan") }
    let loaded = YAMLLoader.load(source.frontmatter, firstLine: source.frontmatterFirstLine)
    if let d = loaded.diagnostics.first { return fail("\(d.position.line):\(d.position.column): \(d.message)") }
    guard let value = loaded.value, value.objectValue != nil else { return fail("the frontmatter is not a mapping") }
    let plan = Plan(value, milestoneDetails: false)
    let calendar = PlanCalendar(plan: plan, configuration: configuration)
    do {
      let calendars = Scheduler.Calendars(plan: plan, calendar: calendar)
      let schedule = try Scheduler.schedule(plan, calendars: calendars, today: today)
      return .success(
        PlanSchedule(
          id: plan.id, title: plan.title, path: displayPath, stages: plan.stages, calendar: calendar, schedule: schedule,
          milestoneCalendars: calendars.all))
    } catch {
      return .failure(PlanScheduleFailure(path: displayPath, message: error.description, help: "remove the dependency that is not real; milestones in a cycle can never start"))
    }
  }

  /// Schedules plan files on all cores; results in the order of `files`.
  public static func schedule(
    files: [(path: String, displayPath: String)], configuration: CalendarSettings?, today: CalendarDate
  ) -> [Result<PlanSchedule, PlanScheduleFailure>] {
    let slots = Slots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      slots.store(schedule(path: files[i].path, displayPath: files[i].displayPath, configuration: configuration, today: today), at: i)
    }
    return slots.collected
  }
}

/// One slot per file, each written by exactly one worker of `concurrentPerform` and read after
/// all of them finish; the lock makes the hand-over explicit for the compiler.
private final class Slots: @unchecked Sendable {
  private var slots: [Result<PlanSchedule, PlanScheduleFailure>?]
  private let lock = DispatchSemaphore(value: 1)

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ result: Result<PlanSchedule, PlanScheduleFailure>, at index: Int) {
    lock.wait()
    slots[index] = result
    lock.signal()
  }

  var collected: [Result<PlanSchedule, PlanScheduleFailure>] {
    lock.wait()
    defer { lock.signal() }
    return slots.map { $0 ?? .failure(PlanScheduleFailure(path: "", message: "not scheduled", help: nil)) }
  }
}
