import MapcModel

/// Plain text: per plan a heading line, then one line per change (go-live and value date first).
/// Internal-only changes are marked `[internal]`. Each line goes through ``InertText/line(_:)``,
/// so ids, titles and paths from the plans cannot drive the terminal or the CI log.
public struct PlanDiffTextRenderer: Sendable {
  public init() {}

  public func render(_ report: PlanDiffReport) -> String {
    var out = "Plan changes \(InertText.line(report.base)) → \(InertText.line(report.head))"
    if report.audience == .buyer { out += " (buyer audience: internal-only changes left out)" }
    out += "\n"
    if report.plans.isEmpty { out += "\nNo plan changes.\n" }
    for plan in report.plans {
      out += "\n" + InertText.line(PlanDiffFormatting.heading(plan)) + "\n"
      for e in plan.entries { out += "  - " + InertText.line(PlanDiffFormatting.describe(e)) + "\n" }
    }
    for note in report.notes { out += "\nnote: \(InertText.line(note))\n" }
    return out
  }
}

/// Wording shared by the text and Markdown renderers.
enum PlanDiffFormatting {
  typealias F = SlipFormatting

  static func heading(_ plan: PlanChange) -> String {
    let name = plan.title.map { "\(plan.id) — \(F.oneLine($0))" } ?? plan.id
    switch plan.status {
    case .added: return "\(name): plan added (\(plan.headPath ?? "-"))"
    case .removed: return "\(name): plan deleted (\(plan.basePath ?? "-"))"
    case .modified:
      if plan.moved { return "\(name) (moved \(plan.basePath ?? "-") → \(plan.headPath ?? "-"))" }
      return "\(name) (\(plan.headPath ?? "-"))"
    }
  }

  static func days(_ n: Int?) -> String {
    guard let n else { return "" }
    return "\(F.signed(n)) \(abs(n) == 1 ? "day" : "days")"
  }

  static func subject(_ e: DiffEntry) -> String {
    if let m = e.milestone { return e.label.map { "\(m) (\(F.oneLine($0)))" } ?? m }
    if let s = e.stakeholder { return e.label.map { "\(s) (\(F.oneLine($0)))" } ?? s }
    return "plan"
  }

  static func quoted(_ items: [String]) -> [String] { items.map { "\"\(F.oneLine($0))\"" } }

  static func describe(_ e: DiffEntry) -> String {
    let from = e.from.map(F.oneLine) ?? "-"
    let to = e.to.map(F.oneLine) ?? "-"
    switch e.kind {
    case .goLive, .valueDate:
      let what = e.kind == .goLive ? "go-live" : "value date"
      var extra: [String] = []
      if let d = e.deltaDays { extra.append(days(d)) }
      if let r = e.reason { extra.append("reason: \(F.oneLine(r))") }
      return "\(what): \(from) → \(to)" + (extra.isEmpty ? "" : " (" + extra.joined(separator: "; ") + ")")
    case .milestoneAdded:
      return "milestone added: \(subject(e))" + (e.to.map { ", due \($0)" } ?? "")
    case .milestoneRemoved:
      return "milestone removed: \(subject(e))"
    case .milestoneRenamed:
      return "milestone renamed: \(e.milestone ?? "-"): \"\(from)\" → \"\(to)\""
    case .dueMoved:
      var s = "due date moved: \(subject(e)): \(from) → \(to)"
      var extra: [String] = []
      if let d = e.deltaDays { extra.append(days(d)) }
      if let slip = e.slipDays, let b = e.baseline { extra.append("slip \(days(slip)) against baseline \(b)") }
      if let r = e.reason { extra.append("reason: \(F.oneLine(r))") }
      if !extra.isEmpty { s += " (" + extra.joined(separator: "; ") + ")" }
      return s
    case .statusChanged:
      return "status: \(subject(e)): \(from) → \(to)"
    case .riskChanged:
      return "risk: \(subject(e)): \(from) → \(to)"
    case .ownersChanged:
      let parts = e.added.map { "+\($0)" } + e.removed.map { "-\($0)" }
      return "owners: \(subject(e)): \(parts.joined(separator: " "))"
    case .stakeholderAdded:
      return "stakeholder added: \(subject(e))"
    case .stakeholderRemoved:
      return "stakeholder removed: \(subject(e))"
    case .stakeholderNamed:
      return "stakeholder named: \(e.stakeholder ?? "-"): role \(from) is now \(to)"
    case .successCriteriaChanged:
      let whose = e.milestone == nil ? "objectives" : subject(e)
      let parts = quoted(e.added).map { "+" + $0 } + quoted(e.removed).map { "-" + $0 }
      return "success criteria changed: \(whose): \(parts.joined(separator: "; "))"
    case .internalChanged:
      let whose: String
      if e.milestone != nil {
        whose = "note on milestone \(subject(e))"
      } else if e.stakeholder != nil {
        whose = "note on stakeholder \(subject(e))"
      } else {
        whose = "deal information \(e.pointer ?? "/internal")"
      }
      return "[internal] \(whose) \(e.change ?? "changed")"
    }
  }

  /// The one-line summary of a plan's changes ("go-live +14 days; 2 milestones moved; 1 added").
  static func summary(_ plan: PlanChange) -> String {
    switch plan.status {
    case .added: return "plan added"
    case .removed: return "plan deleted"
    case .modified: break
    }
    var parts: [String] = []
    let count = { (k: DiffEntry.Kind) in plan.entries.count { $0.kind == k } }
    for e in plan.entries where e.kind == .goLive || e.kind == .valueDate {
      let what = e.kind == .goLive ? "go-live" : "value date"
      parts.append(e.deltaDays.map { "\(what) \(days($0))" } ?? "\(what) changed")
    }
    func add(_ n: Int, _ text: String) { if n > 0 { parts.append("\(n) \(text)") } }
    let moved = count(.dueMoved)
    add(moved, moved == 1 ? "milestone moved" : "milestones moved")
    add(count(.milestoneAdded), "added")
    add(count(.milestoneRemoved), "removed")
    add(count(.milestoneRenamed), "renamed")
    let statuses = count(.statusChanged)
    add(statuses, statuses == 1 ? "status change" : "status changes")
    let risks = count(.riskChanged)
    add(risks, risks == 1 ? "risk change" : "risk changes")
    let owners = count(.ownersChanged)
    add(owners, owners == 1 ? "owner change" : "owner changes")
    let stakeholders = count(.stakeholderAdded) + count(.stakeholderRemoved) + count(.stakeholderNamed)
    add(stakeholders, stakeholders == 1 ? "stakeholder change" : "stakeholder changes")
    let criteria = count(.successCriteriaChanged)
    add(criteria, criteria == 1 ? "success-criteria change" : "success-criteria changes")
    let internals = count(.internalChanged)
    add(internals, internals == 1 ? "internal change" : "internal changes")
    if parts.isEmpty { return plan.moved ? "moved to \(plan.headPath ?? "-")" : "no semantic change" }
    if plan.moved { parts.append("moved") }
    return parts.joined(separator: "; ")
  }
}
