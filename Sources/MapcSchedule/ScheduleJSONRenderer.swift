import MapcJSON
import MapcModel

/// The machine-readable schedule. The contract (keep these names, and no others):
///
/// `{"today","plans":[{"id","path","go_live","earliest_go_live","go_live_float_days",
/// "critical_path":[ids],"milestones":[{"id","due","early","late","float_days","critical",
/// "lead_days"}]}]}`
///
/// Dates are `YYYY-MM-DD`; `null` where a value does not apply: `late` and `float_days` for a
/// milestone with no route to go-live (after go-live), every date but `due` for a cancelled
/// milestone, the go-live values of a plan without `go_live`. `lead_days` is the lead the
/// schedule used (0 when the milestone has no `lead`).
public struct ScheduleJSONRenderer: Sendable {
  public init() {}

  public func render(_ report: ScheduleReport) -> String {
    JSONWriter.pretty.string(Self.json(report)) + "\n"
  }

  public static func json(_ report: ScheduleReport) -> JSONValue {
    var root = JSONObject()
    root["today"] = .string(report.today.description)
    root["plans"] = .array(report.plans.map(plan))
    return .object(root)
  }

  static func date(_ d: CalendarDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
  static func int(_ n: Int?) -> JSONValue { n.map { .number(Double($0)) } ?? .null }

  static func plan(_ p: PlanSchedule) -> JSONValue {
    let s = p.schedule
    var o = JSONObject()
    o["id"] = p.id.map(JSONValue.string) ?? .null
    o["path"] = .string(p.path)
    o["go_live"] = date(s.goLive)
    o["earliest_go_live"] = date(s.earliestGoLive)
    o["go_live_float_days"] = int(s.goLiveFloatDays)
    o["critical_path"] = .array(s.criticalPathNames.map(JSONValue.string))
    o["milestones"] = .array(
      s.milestones.map { e in
        var m = JSONObject()
        m["id"] = e.id.map(JSONValue.string) ?? .null
        m["due"] = date(e.due)
        m["early"] = date(e.early)
        m["late"] = date(e.late)
        m["float_days"] = int(e.floatDays)
        m["critical"] = .bool(e.critical)
        m["lead_days"] = int(e.lead)
        return .object(m)
      })
    return .object(o)
  }
}
