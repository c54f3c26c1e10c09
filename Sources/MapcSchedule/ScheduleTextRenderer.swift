import MapcModel

/// Plain text for the terminal: per plan a heading, a table of milestones with the critical
/// ones marked `*`, the critical path and the verdict on go-live. Ids, titles and paths go
/// through ``InertText/line(_:)``.
public struct ScheduleTextRenderer: Sendable {
  public init() {}

  public func render(_ report: ScheduleReport) -> String {
    var out = ""
    for (i, plan) in report.plans.enumerated() {
      if i > 0 { out += "\n" }
      out += renderPlan(plan)
    }
    if report.plans.isEmpty { out += "No plans.\n" }
    return out
  }

  func renderPlan(_ plan: PlanSchedule) -> String {
    typealias W = ScheduleWording
    let s = plan.schedule
    var out = InertText.line(W.oneLine(plan.id ?? "(no id)"))
    if let title = plan.title { out += " — \(InertText.line(W.oneLine(title)))" }
    out += " (\(InertText.line(plan.path)))\n"
    out += "go-live \(W.date(s.goLive)) · earliest \(W.date(s.earliestGoLive)) · float "
    out += s.goLiveFloatDays.map(W.businessDays) ?? "-"
    out += " · today \(s.today)\n\n"
    let header = ["milestone", "status", "due", "early", "late", "float", "lead"]
    var rows: [[String]] = []
    for e in s.milestones {
      rows.append([
        InertText.line(W.oneLine(e.name)), e.status?.rawValue ?? "-", W.date(e.due), W.date(e.early), W.date(e.late), W.number(e.floatDays),
        String(e.lead),
      ])
    }
    var widths = header.map(\.count)
    for r in rows { for (k, cell) in r.enumerated() { widths[k] = max(widths[k], cell.count) } }
    func line(_ cells: [String], mark: String) -> String {
      var parts: [String] = []
      for (k, cell) in cells.enumerated() {
        let pad = String(repeating: " ", count: widths[k] - cell.count)
        parts.append(k >= 5 ? pad + cell : cell + pad)  // numbers right-aligned
      }
      var text = mark + " " + parts.joined(separator: "  ")
      while text.hasSuffix(" ") { text.removeLast() }
      return text + "\n"
    }
    out += line(header, mark: " ")
    for (e, r) in zip(s.milestones, rows) { out += line(r, mark: e.critical ? "*" : " ") }
    out += "\n* critical (float \(W.number(s.milestones.filter(\.critical).first?.floatDays)))"
    out += s.criticalPath.isEmpty ? "\n" : "; critical path: \(InertText.line(s.criticalPathNames.joined(separator: " → ")))\n"
    out += W.verdict(s) { InertText.line($0.joined(separator: " → ")) } + "\n"
    return out
  }
}
