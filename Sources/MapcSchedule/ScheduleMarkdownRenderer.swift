import MapcModel

/// GitHub-flavoured Markdown for a pull-request comment: per plan the verdict on go-live, a
/// table of milestones with the critical ones marked, and the critical path. Free text goes
/// through ``InertText/markdown(_:)`` and ids through ``InertText/markdownCode(_:)``, so that it
/// cannot break a table, inject HTML, mention anyone or start a workflow command.
public struct ScheduleMarkdownRenderer: Sendable {
  public init() {}

  public func render(_ report: ScheduleReport) -> String {
    var out = "## Schedule\n\nToday: \(report.today) · float in business days · ● critical\n"
    if report.plans.isEmpty { out += "\nNo plans.\n" }
    for plan in report.plans { out += "\n" + renderPlan(plan) }
    return out
  }

  func renderPlan(_ plan: PlanSchedule) -> String {
    typealias W = ScheduleWording
    let s = plan.schedule
    var out = "### \(Self.escape(plan.title ?? plan.id ?? plan.path))"
    if let id = plan.id { out += " (\(Self.code(id)))" }
    out += "\n\n"
    out += W.verdict(s) { $0.map(Self.code).joined(separator: " → ") } + "\n\n"
    out += "| | milestone | status | due | early | late | float | lead |\n"
    out += "| --- | --- | --- | --- | --- | --- | ---: | ---: |\n"
    for e in s.milestones {
      let cells = [
        e.critical ? "●" : "", Self.code(e.name), e.status?.rawValue ?? "-", W.date(e.due), W.date(e.early), W.date(e.late),
        W.number(e.floatDays), String(e.lead),
      ]
      out += "| " + cells.joined(separator: " | ") + " |\n"
    }
    return out
  }

  /// An id in backticks; a backtick or bar inside becomes an apostrophe or a slash (ids are
  /// kebab-case when the plan is valid).
  static func code(_ s: String) -> String { InertText.markdownCode(ScheduleWording.oneLine(s)) }

  static func escape(_ s: String) -> String { InertText.markdown(ScheduleWording.oneLine(s)) }
}
