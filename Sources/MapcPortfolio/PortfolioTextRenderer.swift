import MapcModel

/// Shared wording of the portfolio's text outputs.
enum PortfolioWords {
  static func signed(_ n: Int?) -> String { n.map { $0 > 0 ? "+\($0)" : String($0) } ?? "-" }
  static func date(_ d: CalendarDate?) -> String { d?.description ?? "-" }
  static func percent(_ n: Int?) -> String { n.map { "\($0)%" } ?? "-" }
  static func short(_ commit: String?) -> String { commit.map { String($0.prefix(7)) } ?? "working tree" }
  static func plural(_ n: Int, _ word: String) -> String { n == 1 ? "1 \(word)" : "\(n) \(word)s" }

  /// 180000 → "180,000"; a fraction keeps two decimals.
  static func amount(_ d: DealAmount) -> String {
    let whole = d.amount.rounded(.towardZero)
    var digits = whole.magnitude < 1e15 ? String(Int(whole.magnitude)) : String(whole.magnitude)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    let cents = ((d.amount - whole).magnitude * 100).rounded()
    let fraction = cents > 0 && cents < 100 ? "." + (cents < 10 ? "0" : "") + String(Int(cents)) : ""
    return (d.amount < 0 ? "-" : "") + grouped + fraction + (d.currency.map { " " + $0 } ?? "")
  }

  static func owners(_ refs: [OwnerRef]) -> String {
    refs.map { $0.displayName + ($0.isPlaceholder ? " (to be named)" : "") }.joined(separator: ", ")
  }

  static func activity(_ p: PlanStatus) -> String {
    guard let a = p.lastBuyerActivity else { return "unknown" }
    return "\(a.date) (\(p.daysSinceBuyerActivity.map { plural($0, "day") + " ago" } ?? "")), \(a.detail)"
  }

  static func totalsLines(_ t: PortfolioTotals) -> [String] {
    [
      t.bands.map { "\($0.count) \($0.band.label.lowercased())" }.joined(separator: " · "),
      "total days off schedule: \(t.totalDaysOffSchedule) · overdue milestones: \(t.overdueMilestones) (\(t.stalledMilestones) stalled)",
      "go-lives \(t.quarter): \(t.goLivesThisQuarter) planned, \(t.forecastThisQuarter) forecast · "
        + "\(t.nextQuarter): \(t.goLivesNextQuarter) planned, \(t.forecastNextQuarter) forecast",
    ]
  }

  static func median(_ m: Double?) -> String {
    guard let m else { return "-" }
    return m.rounded() == m ? String(Int(m)) : String(format1(m))
  }

  static func format1(_ m: Double) -> String {
    let tenths = Int((m * 10).rounded())
    return "\(tenths / 10).\(abs(tenths % 10))"
  }
}

/// The readable portfolio: totals first, then a table (plans worst first, owners seller side
/// first, stages where milestones pile up), then for plans the reasons in words. Every value
/// from a plan or from git passes through ``InertText/line(_:)``.
public struct PortfolioTextRenderer: Sendable {
  public init() {}

  public func render(_ summary: PortfolioSummary) -> String {
    typealias W = PortfolioWords
    let L = InertText.line
    let report = summary.report
    var out = "Portfolio report (today \(report.today), \(W.plural(summary.plans.count, "plan")), \(summary.audience.rawValue)"
    if let at = report.at { out += ", at \(L(at))" }
    out += ")\n\n"
    for (i, line) in W.totalsLines(summary.totals).enumerated() { out += (i == 0 ? "Totals: " : "        ") + line + "\n" }
    switch summary.view {
    case .plan: out += plans(summary)
    case .owner: out += owners(summary)
    case .stage: out += stages(summary)
    }
    return out
  }

  func plans(_ summary: PortfolioSummary) -> String {
    typealias W = PortfolioWords
    let L = InertText.line
    let plans = summary.worstFirst
    if plans.isEmpty { return "\nNo plans.\n" }
    let header = ["BAND", "PLAN", "DONE", "OVERDUE", "GO-LIVE", "SLIP", "FORECAST", "OFF", "MOVES", "BUYER", "STALE"]
    let rows: [[String]] = plans.map { p in
      [
        p.band.rawValue, L(p.id), W.percent(p.percentDone), p.stalledCount > 0 ? "\(p.overdueCount) (\(p.stalledCount))" : String(p.overdueCount),
        W.date(p.goLive), W.signed(p.goLiveSlipDays), W.date(p.forecast.goLive), String(p.totalDaysOffSchedule),
        p.recentUnexplainedMoves > 0 ? "\(p.recentMoves) (\(p.recentUnexplainedMoves)?)" : String(p.recentMoves),
        p.daysSinceBuyerActivity.map { "\($0)d" } ?? "?", p.stale ? "stale" : "",
      ]
    }
    var out = "\n" + Table.render(header: header, rows: rows, rightAligned: [2, 3, 5, 7, 8, 9])
    out += "  (OVERDUE: open milestones past due (stalled, 7+ days); MOVES: date moves in the last "
      + "\(summary.report.recentDays) days (without a reason?); BUYER: days since the last buyer activity, ? unknown)\n"
    for p in plans {
      out += "\n\(L(p.id))" + (p.title.map { " — \(L($0))" } ?? "")
      let parties = [p.buyer, p.seller].compactMap { $0 }.map(L)
      if !parties.isEmpty { out += " (\(parties.joined(separator: " × ")))" }
      out += "\n"
      out += "  \(p.band.label): \(L(p.bandReason))\n"
      out += "  forecast: \(W.date(p.forecast.goLive)) — \(L(p.forecast.reason))\n"
      if let n = p.nextMilestone {
        out += "  next: \(L(n.id))" + (n.title.map { " “\(L($0))”" } ?? "") + (n.due.map { " due \($0)" } ?? "")
        var sides: [String] = []
        if !n.buyerOwners.isEmpty { sides.append("buyer: " + L(W.owners(n.buyerOwners))) }
        if !n.sellerOwners.isEmpty { sides.append("seller: " + L(W.owners(n.sellerOwners))) }
        if !n.otherOwners.isEmpty { sides.append("other: " + L(W.owners(n.otherOwners))) }
        out += (sides.isEmpty ? "" : " — " + sides.joined(separator: "; ")) + "\n"
      }
      out += "  last buyer activity: \(L(W.activity(p)))\n"
      if let c = p.lastChange {
        out += "  last change: \(W.short(c.commit)) on \(c.date)" + (p.stale ? " (stale)" : "") + "\n"
      }
      if let stage = p.currentStage { out += "  stage: \(L(stage))\n" }
      if let deal = p.deal, summary.audience == .internal { out += "  deal: \(L(W.amount(deal)))\n" }
    }
    return out
  }

  func owners(_ summary: PortfolioSummary) -> String {
    let L = InertText.line
    if summary.owners.isEmpty { return "\nNo milestone owners.\n" }
    let header = ["SIDE", "OWNER", "PLANS", "OPEN", "OVERDUE", "STALLED", "UNEXPLAINED", "TO NAME", "STALE PLANS"]
    let rows: [[String]] = summary.owners.map { r in
      [
        r.side?.rawValue ?? "-", L(r.name + (r.placeholder ? " (to be named)" : "")), String(r.plans.count), String(r.open),
        String(r.overdue), String(r.stalled), String(r.unexplainedMoves), String(r.placeholdersToName),
        r.stalePlans.isEmpty ? "" : L(r.stalePlans.joined(separator: ", ")),
      ]
    }
    return "\n" + Table.render(header: header, rows: rows, rightAligned: [2, 3, 4, 5, 6, 7])
      + "  (UNEXPLAINED: date moves without a reason on their milestones; TO NAME: role placeholders on their open milestones "
      + "due within \(summary.placeholderDueDays) days)\n"
  }

  func stages(_ summary: PortfolioSummary) -> String {
    let L = InertText.line
    if summary.stages.isEmpty { return "\nNo open milestones.\n" }
    let header = ["STAGE", "PLANS", "OPEN", "OVERDUE", "STALLED", "MEDIAN DAYS OVERDUE"]
    let rows: [[String]] = summary.stages.map { r in
      [L(r.stage), String(r.plans), String(r.open), String(r.overdue), String(r.stalled), PortfolioWords.median(r.medianDaysOverdue)]
    }
    return "\n" + Table.render(header: header, rows: rows, rightAligned: [1, 2, 3, 4, 5])
  }
}

/// A plain-text table: columns padded to their widest cell, two spaces apart, no trailing spaces.
enum Table {
  static func render(header: [String], rows: [[String]], rightAligned: Set<Int>) -> String {
    var widths = header.map(\.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    func line(_ cells: [String]) -> String {
      var s = "  "
      for (i, c) in cells.enumerated() {
        if i > 0 { s += "  " }
        let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
        s += rightAligned.contains(i) ? pad + c : c + pad
      }
      while s.hasSuffix(" ") { s.removeLast() }
      return s + "\n"
    }
    return line(header) + rows.map(line).joined()
  }
}
