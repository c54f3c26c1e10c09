import MapcHistory
import MapcJSON
import MapcModel

/// What every mapc page shares: the security policy, the styles, and small pieces of markup.
enum Page {
  /// Nothing loads from anywhere: inline styles and `data:` images only, no script.
  static let contentSecurityPolicy =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

  static let internalBanner: HTML = """
    <aside class="internal-banner" aria-label="Internal snapshot"><strong>Internal</strong> — this snapshot shows the selling team's internal notes. Do not send it to the buyer; render with <code>--audience buyer</code> for them.</aside>

    """

  /// A complete document: the head every page shares (the security policy right after the
  /// charset, before anything could load), then `body`.
  static func document(
    title: String, branding: Branding, internal isInternal: Bool, body: HTML, extraCSS: String = "", banner: HTML? = nil
  ) -> String {
    let page: HTML = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="\(contentSecurityPolicy)">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="generator" content="\(Snapshot.generator)">
      <meta name="referrer" content="no-referrer">
      <title>\(title)\(isInternal ? " (internal)" : "")</title>
      \(style(branding, extraCSS: extraCSS))
      </head>
      <body>
      \(isInternal ? (banner ?? internalBanner) : .empty)\(body)</body>
      </html>

      """
    return page.markup
  }

  static func style(_ branding: Branding, extraCSS: String = "") -> HTML {
    // A page's own rules (mapc's, trusted) come before the team's CSS, which may override them.
    var css = Stylesheet.css + extraCSS
    if let accent = branding.accent, isHexColour(accent) {
      css += ":root{--accent:\(accent)}\n"
    }
    if let extra = branding.css {
      // The team's own CSS, kept inside its <style> element whatever it contains.
      css += extra.replacingAll("</", with: "<\\/") + "\n"
    }
    return HTML(trusted: "<style>\n" + css + "</style>")
  }

  static func isHexColour(_ s: String) -> Bool {
    let digits = s.dropFirst()
    return s.first == "#" && (digits.count == 3 || digits.count == 6) && digits.allSatisfy(\.isHexDigit)
  }

  static func slipBadge(_ days: Int, baseline: CalendarDate?) -> HTML {
    let cls = days > 0 ? "late" : "early"
    let title: HTML = baseline.map { " title=\"Baseline \(Words.date($0))\"" } ?? .empty
    return "<span class=\"slip \(cls)\"\(title)>\(Words.slip(days))</span>"
  }

  /// A slip badge followed by the reason of the move that set the current date, when the
  /// audience may see one ("+28 days since baseline — signature waits for the security sign-off").
  static func slipBadge(_ days: Int, baseline: CalendarDate?, reason: String?) -> HTML {
    let why: HTML = reason.map { "<span class=\"slip-why\"> — \($0)</span>" } ?? .empty
    return slipBadge(days, baseline: baseline) + why
  }

  /// A change as a sentence for the "what changed" list.
  static func sentence(_ e: DiffEntry, plan: Plan) -> HTML {
    func date(_ s: String?) -> String { s.flatMap(CalendarDate.init).map(Words.date) ?? (s ?? "none") }
    func title() -> String {
      if let id = e.milestone { return "“" + (plan.milestone(id)?.title ?? e.label ?? id) + "”" }
      if let id = e.stakeholder {
        if let s = plan.stakeholder(id), let n = s.name, !n.isEmpty { return n }
        return e.label ?? id
      }
      return "The plan"
    }
    func delta() -> String {
      guard let d = e.deltaDays else { return "" }
      var s = " (\(d > 0 ? "+" : "−")\(Words.days(abs(d)))"
      if let slip = e.slipDays, slip != 0 { s += "; \(Words.slip(slip))" }
      return s + ")"
    }
    // The reason the diff kept for this audience (for the buyer only a `due_reason`).
    func because() -> String { e.reason.map { ": \($0)" } ?? "" }
    func names(_ ids: [String]) -> String {
      Words.list(ids.map { id in plan.stakeholder(id).map { s in (s.name ?? "").isEmpty ? Words.humanize(s.role ?? id) : (s.name ?? id) } ?? id })
    }
    switch e.kind {
    case .goLive: return "Go-live moved from \(date(e.from)) to \(date(e.to))\(delta())\(because())."
    case .valueDate: return "Value date moved from \(date(e.from)) to \(date(e.to))\(delta())."
    case .milestoneAdded: return "Milestone added: \(title())\(e.to.map { ", due \(date($0))" } ?? "")."
    case .milestoneRemoved: return "Milestone removed: “\(e.label ?? e.milestone ?? "")”."
    case .milestoneRenamed: return "Milestone renamed: “\(e.from ?? "")” is now “\(e.to ?? "")”."
    case .dueMoved: return "\(title()) moved from \(date(e.from)) to \(date(e.to))\(delta())\(because())."
    case .statusChanged:
      let from = Words.status(e.from.flatMap(Milestone.Status.init))
      let to = Words.status(e.to.flatMap(Milestone.Status.init))
      return "\(title()): status \(from.lowercased()) → \(to.lowercased())."
    case .riskChanged:
      let from = e.from.flatMap(Milestone.Risk.init).map(Words.risk) ?? "not set"
      let to = e.to.flatMap(Milestone.Risk.init).map(Words.risk) ?? "not set"
      return "\(title()): risk \(from.lowercased()) → \(to.lowercased())."
    case .ownersChanged:
      var parts: [String] = []
      if !e.added.isEmpty { parts.append("\(names(e.added)) joined") }
      if !e.removed.isEmpty { parts.append("\(names(e.removed)) left") }
      return "\(title()): owners changed (\(parts.joined(separator: "; ")))."
    case .stakeholderAdded: return "\(title()) joined the plan."
    case .stakeholderRemoved: return "\(e.label ?? e.stakeholder ?? "A stakeholder") left the plan."
    case .stakeholderNamed: return "\(Words.humanize(e.from ?? "role")) is now \(e.to ?? "named")."
    case .successCriteriaChanged:
      return e.milestone == nil ? "The objectives' success criteria changed." : "\(title()): success criteria changed."
    case .internalChanged:
      return "<span class=\"tag\">Internal</span> \(e.pointer ?? "internal") \(e.change ?? "changed")."
    }
  }

  /// Labels for the typed keys of the plan's `internal` object; other keys show as written.
  static let dealLabels = [
    "notes": "Notes", "risks": "Risks", "competition": "Competition", "next_steps": "Next steps",
    "forecast_category": "Forecast category", "amount": "Amount", "currency": "Currency",
  ]

  /// The plan's `internal` section: its typed amount with its currency first, then every other
  /// key as written.
  static func deal(_ notes: InternalNotes) -> HTML {
    guard case .object(let o) = notes.content else { return value(notes.content) }
    return members(o, amount: notes.amount, currency: notes.currency, listClass: "deal-info")
  }

  /// A free-form JSON value (within the plan's `internal` section) as nested lists.
  static func value(_ v: JSONValue) -> HTML {
    switch v {
    case .null: return "—"
    case .bool(let b): return b ? "yes" : "no"
    case .number(let n): return "\(Words.number(n))"
    case .string(let s): return "\(s)"
    case .array(let items):
      return "<ul>\(items.map { i -> HTML in "<li>\(value(i))</li>" })</ul>"
    case .object(let o):
      // Free-form all the way down, so a nested amount pairs with its currency by name as the
      // section's own typed one does.
      return members(o, amount: o["amount"]?.numberValue, currency: o["currency"]?.stringValue, listClass: "nested")
    }
  }

  /// An object's members as a definition list; an amount reads with its currency ("180,000 USD").
  private static func members(_ o: JSONObject, amount: Double?, currency: String?, listClass: String) -> HTML {
    var rows: [HTML] = []
    var skip = Set<String>()
    if let amount {
      rows.append("<dt>Amount</dt><dd>\(Words.number(amount))\(currency.map { " " + $0 } ?? "")</dd>")
      skip = ["amount", "currency"]
    }
    for (k, val) in o where !skip.contains(k) {
      rows.append("<dt>\(dealLabels[k] ?? k)</dt><dd>\(value(val))</dd>")
    }
    return "<dl class=\"\(listClass)\">\(rows)</dl>"
  }
}
