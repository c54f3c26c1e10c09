import MapcModel

/// GitHub-flavoured Markdown, for pull-request comments and READMEs: per plan, a summary list,
/// a table of milestones and a table of date moves. Free text (titles, authors, subjects,
/// reasons) goes through ``InertText/markdown(_:)`` and ids and paths through
/// ``InertText/markdownCode(_:)``, so that it cannot break a table, inject HTML, mention anyone
/// or start a workflow command.
public struct SlipMarkdownRenderer: Sendable {
  public init() {}

  public func render(_ report: SlipReport) -> String {
    typealias F = SlipFormatting
    var out = "## Slip report\n\n"
    out += "Today: \(report.today) · stale after \(F.plural(report.staleAfterDays, "day"))"
    if let since = report.since { out += " · date moves since \(since)" }
    out += "\n"
    if report.plans.isEmpty { out += "\nNo plans.\n" }
    for plan in report.plans { out += "\n" + renderPlan(plan, staleAfterDays: report.staleAfterDays) }
    if !report.removedPlans.isEmpty {
      out += "\n### Removed plans\n\nDeleted and not re-added; not analysed.\n\n"
      for r in report.removedPlans {
        out +=
          "- \(Self.code(r.id)) (\(Self.escape(r.path))): removed in \(Self.commit(r.removed)) on \(r.removed.date) by \(Self.escape(r.removed.authorName))\n"
      }
    }
    if !report.notes.isEmpty {
      out += "\n"
      for note in report.notes { out += "> **Note:** \(Self.escape(note))\n" }
    }
    out += "\n<sub>"
    out += SlipReport.definitions.map { Self.escape($0) }.joined(separator: " ")
    out += "</sub>\n"
    return out
  }

  func renderPlan(_ plan: PlanSlip, staleAfterDays: Int) -> String {
    typealias F = SlipFormatting
    var out = "### \(Self.escape(plan.title ?? plan.id)) (\(Self.code(plan.id)))\n\n"
    let g = plan.goLive
    out += "- **Path:** \(Self.code(plan.path))\n"
    out += "- **Go-live:** \(F.date(g.baseline)) → \(F.date(g.current)) (slip **\(F.signed(g.slipDays))** days, "
    out += "\(F.plural(g.pushes, "push", "pushes")), \(F.plural(g.pulls, "pull")))\n"
    out += "- **Total days off schedule:** \(plan.totalDaysOffSchedule)\n"
    if !plan.topMilestones.isEmpty {
      out += "- **Most slip:** " + plan.topMilestones.map { "\(Self.code($0.id)) \(F.signed($0.slipDays))" }.joined(separator: ", ") + "\n"
    }
    if !plan.topStakeholders.isEmpty {
      out += "- **Stakeholders carrying the most slip:** "
      out +=
        plan.topStakeholders.map { "\(Self.escape(F.stakeholder($0))) \(F.signed($0.slipDays))" }.joined(separator: ", ") + "\n"
    }
    if let last = plan.lastChange {
      out += "- **Last change:** \(Self.commit(last)) on \(last.date) by \(Self.escape(last.authorName))"
      out += last.subject.isEmpty ? "\n" : ": \(Self.escape(last.subject))\n"
    }
    if let days = plan.daysSinceLastCommit {
      out +=
        plan.stale
        ? "- **Stale:** yes, no commit for \(F.plural(days, "day")) (over \(staleAfterDays))\n"
        : "- **Stale:** no (last commit \(F.plural(days, "day")) ago)\n"
    }
    if !plan.skippedRevisions.isEmpty {
      out += "- **Note:** skipped \(F.plural(plan.skippedRevisions.count, "revision")) where the plan did not parse: "
      out += plan.skippedRevisions.map { Self.commit($0) }.joined(separator: ", ") + "\n"
    }

    out += "\n| Milestone | Title | Baseline | Current | Slip | Pushes | Pulls |\n"
    out += "| --- | --- | --- | --- | ---: | ---: | ---: |\n"
    for m in plan.milestones {
      var title = Self.escape(m.title ?? "")
      if m.status == .done { title += " *(done\(m.doneOn.map { " \($0)" } ?? ""))*" }
      if m.status == .cancelled { title += " *(cancelled)*" }
      if let d = m.dropped { title += " *(dropped in \(Self.commit(d)) on \(d.date))*" }
      out +=
        "| \(Self.code(m.id)) | \(title) | \(F.date(m.baseline)) | \(F.date(m.current)) | \(F.signed(m.slipDays)) | \(m.pushes) | \(m.pulls) |\n"
    }

    let moves = g.moves.map { ("go-live", $0) } + plan.milestones.flatMap { m in m.moves.map { (Self.code(m.id), $0) } }
    if !moves.isEmpty {
      out += "\n<details><summary>Date moves (\(moves.count))</summary>\n\n"
      out += "| Milestone | Commit | Author | Date | From | To | Δ days | Subject | Reason |\n"
      out += "| --- | --- | --- | --- | --- | --- | ---: | --- | --- |\n"
      for (name, m) in moves {
        out +=
          "| \(name) | \(Self.commit(m.revision)) | \(Self.escape(m.revision.authorName)) | \(m.revision.date) | \(m.from) | \(m.to) "
        let merged = m.mergedIn.map { " *(merged in \(Self.commit($0)))*" } ?? ""
        out += "| \(F.signed(m.deltaDays)) | \(Self.escape(m.revision.subject))\(merged) | \(Self.escape(m.reason ?? "")) |\n"
      }
      out += "\n</details>\n"
    }
    return out
  }

  static func commit(_ r: Revision) -> String {
    r.commit == nil ? "*(uncommitted)*" : "`\(SlipFormatting.shortCommit(r))`"
  }

  /// Text safe inside a table cell: ``InertText/markdown(_:)``.
  static func escape(_ s: String) -> String { InertText.markdown(s) }

  /// An id or a path as a code span: ``InertText/markdownCode(_:)``.
  static func code(_ s: String) -> String { InertText.markdownCode(s) }
}
