import MapcModel

/// The readable report: per plan, a table of milestones (baseline, current, slip, pushes, pulls)
/// with each date move indented beneath its milestone, then the plan's summary lines. Every
/// value from a plan or from git (ids, titles, paths, authors, subjects, reasons) passes
/// through ``InertText/line(_:)``.
public struct SlipTextRenderer: Sendable {
  public init() {}

  public func render(_ report: SlipReport) -> String {
    typealias F = SlipFormatting
    let L = InertText.line
    var out = "Slip report (today \(report.today), stale after \(F.plural(report.staleAfterDays, "day"))"
    if let since = report.since { out += ", date moves since \(since)" }
    out += ")\n"
    if report.plans.isEmpty { out += "\nNo plans.\n" }
    for plan in report.plans {
      out += "\n" + renderPlan(plan, staleAfterDays: report.staleAfterDays)
    }
    if !report.removedPlans.isEmpty {
      out += "\nRemoved plans (deleted and not re-added; not analysed):\n"
      for r in report.removedPlans {
        out +=
          "  \(L(r.id)) (\(L(r.path))): removed in \(F.shortCommit(r.removed)) on \(r.removed.date) by \(L(r.removed.authorName))\n"
      }
    }
    for note in report.notes { out += "\nnote: \(L(note))\n" }
    out += "\nDefinitions:\n"
    for d in SlipReport.definitions { out += "  \(d)\n" }
    return out
  }

  func renderPlan(_ plan: PlanSlip, staleAfterDays: Int) -> String {
    typealias F = SlipFormatting
    let L = InertText.line
    var out = L(plan.id)
    if let title = plan.title { out += " — \(L(title))" }
    out += "\n  path: \(L(plan.path))\n\n"

    let header = ["MILESTONE", "BASELINE", "CURRENT", "SLIP", "PUSHES", "PULLS", "TITLE"]
    let rows: [[String]] = plan.milestones.map { m in
      var title = L(m.title ?? "")
      if m.status == .done { title += " [done\(m.doneOn.map { " \($0)" } ?? "")]" }
      if m.status == .cancelled { title += " [cancelled]" }
      if let d = m.dropped { title += " [dropped in \(F.shortCommit(d)) on \(d.date)]" }
      return [L(m.id), F.date(m.baseline), F.date(m.current), F.signed(m.slipDays), String(m.pushes), String(m.pulls), title]
    }
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      var s = "  "
      for (i, c) in cells.enumerated() {
        if i > 0 { s += "  " }
        switch i {
        case 0, 1, 2: s += F.padRight(c, widths[i])
        case 6: s += c
        default: s += F.padLeft(c, widths[i])
        }
      }
      while s.hasSuffix(" ") { s.removeLast() }
      return s + "\n"
    }

    let allMoves = plan.goLive.moves + plan.milestones.flatMap(\.moves)
    let commitWidth = allMoves.map { F.shortCommit($0.revision).count }.max() ?? 7
    let authorWidth = allMoves.map { L($0.revision.authorName).count }.max() ?? 0
    let deltaWidth = allMoves.map { F.signed($0.deltaDays).count }.max() ?? 0
    func moveLine(_ m: DateMove) -> String {
      var s = "      " + F.padRight(F.shortCommit(m.revision), commitWidth)
      s += "  " + F.padRight(L(m.revision.authorName), authorWidth)
      s += "  \(m.revision.date)  \(m.from) → \(m.to)  " + F.padLeft(F.signed(m.deltaDays), deltaWidth) + "d"
      s += "  " + L(m.revision.subject)
      if let merge = m.mergedIn { s += " (merged in \(F.shortCommit(merge)))" }
      if let reason = m.reason { s += "  (reason: \(L(reason)))" }
      while s.hasSuffix(" ") { s.removeLast() }
      return s + "\n"
    }

    if plan.milestones.isEmpty {
      out += "  (no milestones)\n"
    } else {
      out += line(header)
      for (m, row) in zip(plan.milestones, rows) {
        out += line(row)
        for move in m.moves { out += moveLine(move) }
      }
    }
    out += "\n"

    let g = plan.goLive
    out += "  go-live: \(F.date(g.baseline)) → \(F.date(g.current)) (slip \(F.signed(g.slipDays)) days"
    out += ", \(F.plural(g.pushes, "push", "pushes")), \(F.plural(g.pulls, "pull")))\n"
    for move in g.moves { out += moveLine(move) }
    out += "  total days off schedule: \(plan.totalDaysOffSchedule)\n"
    if !plan.topMilestones.isEmpty {
      out += "  most slip: " + plan.topMilestones.map { "\(L($0.id)) \(F.signed($0.slipDays))" }.joined(separator: ", ") + "\n"
    }
    if !plan.topStakeholders.isEmpty {
      out += "  stakeholders carrying the most slip: "
      out +=
        plan.topStakeholders.map {
          "\(L(F.stakeholder($0))) \(F.signed($0.slipDays)) (\(L($0.milestones.joined(separator: ", "))))"
        }
        .joined(separator: "; ") + "\n"
    }
    if let last = plan.lastChange {
      out += "  last change: \(F.shortCommit(last)) on \(last.date) by \(L(last.authorName))"
      out += last.subject.isEmpty ? "\n" : ": \(L(last.subject))\n"
    }
    if let days = plan.daysSinceLastCommit {
      out +=
        plan.stale
        ? "  stale: yes, no commit for \(F.plural(days, "day")) (over \(staleAfterDays))\n"
        : "  stale: no (last commit \(F.plural(days, "day")) ago)\n"
    } else {
      out += "  stale: no (not committed yet)\n"
    }
    if !plan.skippedRevisions.isEmpty {
      out += "  note: skipped \(F.plural(plan.skippedRevisions.count, "revision")) where the plan did not parse: "
      out += plan.skippedRevisions.map(F.shortCommit).joined(separator: ", ") + "\n"
    }
    return out
  }
}
