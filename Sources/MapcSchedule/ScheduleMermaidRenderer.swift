import MapcModel

/// A Mermaid `gantt` chart per plan, in a fenced block that GitHub renders in comments and
/// Markdown files: stages as sections, each milestone a bar over its lead back from its due
/// date (a diamond when it has no lead), critical milestones `crit`, done ones `done`, ones in
/// progress `active`; weekend days and holidays excluded. Free text loses the characters that
/// end a Mermaid label (`:`, `;`, `#`), `%` (directives) and backticks (so it cannot close the fence).
public struct ScheduleMermaidRenderer: Sendable {
  public init() {}

  public func render(_ report: ScheduleReport) -> String {
    report.plans.map(renderPlan).joined(separator: "\n")
  }

  static let dayNames: [Weekday: String] = [
    .mon: "monday", .tue: "tuesday", .wed: "wednesday", .thu: "thursday", .fri: "friday", .sat: "saturday", .sun: "sunday",
  ]

  func renderPlan(_ plan: PlanSchedule) -> String {
    let s = plan.schedule
    var out = "```mermaid\ngantt\n"
    out += "  title \(Self.label(plan.title ?? plan.id ?? plan.path))\n"
    out += "  dateFormat YYYY-MM-DD\n"
    var excluded: [String] = []
    if plan.calendar.weekend == [.sat, .sun] {
      excluded.append("weekends")
    } else {
      excluded += plan.calendar.weekend.sorted().compactMap { Self.dayNames[$0] }
    }
    excluded += Array(Set(plan.calendar.holidays)).sorted().map(\.description)
    if !excluded.isEmpty { out += "  excludes \(excluded.joined(separator: ", "))\n" }

    // Sections in the plan's stage order; milestones of an undeclared stage after them.
    var sections: [(name: String, entries: [Schedule.Entry])] = plan.stages.map { ($0, []) }
    var position: [String: Int] = [:]
    for (i, stage) in plan.stages.enumerated() where position[stage] == nil { position[stage] = i }
    for e in s.milestones where e.due != nil {
      let stage = e.stage ?? "other"
      if let i = position[stage] {
        sections[i].entries.append(e)
      } else {
        position[stage] = sections.count
        sections.append((stage, [e]))
      }
    }
    for section in sections where !section.entries.isEmpty {
      out += "  section \(Self.label(section.name))\n"
      for e in section.entries {
        guard let due = e.due else { continue }
        var tags: [String] = []
        if e.critical { tags.append("crit") }
        if e.status == .done { tags.append("done") } else if e.status == .inProgress { tags.append("active") }
        let name = Self.label(e.title ?? e.name)
        let start = e.lead > 0 ? plan.milestoneCalendars[e.index].workday(from: due, -e.lead) : nil
        if let start {
          // Mermaid's end date is exclusive: the bar covers the due date itself.
          out += "    \(name) :\((tags).map { $0 + ", " }.joined())\(start), \(due.adding(days: 1))\n"
        } else {
          out += "    \(name) :\((["milestone"] + tags).map { $0 + ", " }.joined())\(due), 0d\n"
        }
      }
    }
    out += "```\n"
    return out
  }

  /// Free text as a Mermaid label.
  static func label(_ s: String) -> String {
    let kept = s.map { ch -> Character in
      switch ch {
      case ":", ";", "#", "`", "%": return " "
      default: return ch
      }
    }
    let text = ScheduleWording.oneLine(String(kept))
    return text.isEmpty ? "-" : text
  }
}
