import Foundation
import MapcModel

/// The portfolio as GitHub-flavoured Markdown: totals, then one table for the view (plans worst
/// first, with the band's and the forecast's reasons). Plan text goes through
/// ``InertText/markdown(_:)`` and ids through ``InertText/markdownCode(_:)``.
public struct PortfolioMarkdownRenderer: Sendable {
  public init() {}

  public func render(_ summary: PortfolioSummary) -> String {
    typealias W = PortfolioWords
    let M = InertText.markdown
    let C = InertText.markdownCode
    let report = summary.report
    var out = "## Portfolio report\n\n"
    out += "Today \(report.today) · \(W.plural(summary.plans.count, "plan")) · audience \(summary.audience.rawValue)"
    if let at = report.at { out += " · at \(C(at))" }
    out += "\n\n"
    for line in W.totalsLines(summary.totals) { out += "- \(line)\n" }
    out += "\n"
    switch summary.view {
    case .plan:
      let internalAudience = summary.audience == .internal
      out += "| Band | Plan | Done | Overdue | Go-live | Slip | Forecast | Days off | Moves (\(report.recentDays) d) | Last buyer activity | Next milestone |"
        + (internalAudience ? " Deal |" : "") + "\n"
      out += "| --- | --- | ---: | ---: | --- | ---: | --- | ---: | ---: | --- | --- |" + (internalAudience ? " ---: |" : "") + "\n"
      for p in summary.worstFirst {
        let plan = C(p.id) + (p.title.map { "<br>" + M($0) } ?? "") + (p.stale ? "<br>_stale_" : "")
        let band = "**\(p.band.label)**<br>\(M(p.bandReason))"
        let overdue = p.stalledCount > 0 ? "\(p.overdueCount) (\(p.stalledCount) stalled)" : String(p.overdueCount)
        let forecast = W.date(p.forecast.goLive) + "<br>" + M(p.forecast.reason)
        let moves = p.recentUnexplainedMoves > 0 ? "\(p.recentMoves) (\(p.recentUnexplainedMoves) without reason)" : String(p.recentMoves)
        let next = p.nextMilestone.map { n in
          C(n.id) + (n.due.map { " due \($0)" } ?? "")
            + (n.buyerOwners.isEmpty ? "" : "<br>buyer: " + M(W.owners(n.buyerOwners)))
            + (n.sellerOwners.isEmpty ? "" : "<br>seller: " + M(W.owners(n.sellerOwners)))
        } ?? "—"
        out += "| \(band) | \(plan) | \(W.percent(p.percentDone)) | \(overdue) | \(W.date(p.goLive)) | \(W.signed(p.goLiveSlipDays)) "
          + "| \(forecast) | \(p.totalDaysOffSchedule) | \(moves) | \(M(W.activity(p))) | \(next) |"
          + (internalAudience ? " \(p.deal.map { M(W.amount($0)) } ?? "—") |" : "") + "\n"
      }
    case .owner:
      out += "| Side | Owner | Plans | Open | Overdue | Stalled | Unexplained moves | Placeholders to name | Stale plans |\n"
      out += "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n"
      for r in summary.owners {
        out += "| \(r.side?.rawValue ?? "—") | \(M(r.name))\(r.placeholder ? " _(to be named)_" : "") | \(r.plans.count) | \(r.open) "
          + "| \(r.overdue) | \(r.stalled) | \(r.unexplainedMoves) | \(r.placeholdersToName) | \(r.stalePlans.map(C).joined(separator: ", ")) |\n"
      }
    case .stage:
      out += "| Stage | Plans | Open | Overdue | Stalled | Median days overdue |\n"
      out += "| --- | ---: | ---: | ---: | ---: | ---: |\n"
      for r in summary.stages {
        out += "| \(M(r.stage)) | \(r.plans) | \(r.open) | \(r.overdue) | \(r.stalled) | \(W.median(r.medianDaysOverdue)) |\n"
      }
    }
    return out
  }
}

/// One row per plan, owner or stage (by the view), for spreadsheets and CRM imports: RFC 4180
/// (CRLF, a header row, fields quoted when they hold a comma, a quote or a line break), ISO
/// dates, rows in a stable order (plans by id). Free text starting with `=`, `+`, `-`, `@`, a
/// tab or a carriage return gets a leading `'`. The totals are not rows: they are in the other
/// formats. The `deal_amount` and `deal_currency` columns are internal-only.
public struct PortfolioCSVRenderer: Sendable {
  public init() {}

  public static let planHeader = [
    "plan", "title", "buyer", "seller", "path", "band", "band_reason", "percent_done", "milestones", "done", "overdue", "stalled",
    "go_live", "go_live_baseline", "go_live_slip_days", "go_live_feasible", "forecast_go_live", "forecast_method",
    "forecast_slip_business_days", "forecast_reason", "total_days_off_schedule", "recent_moves", "recent_unexplained_moves",
    "next_milestone", "next_due", "next_buyer_owners", "next_seller_owners", "last_buyer_activity", "last_buyer_activity_source",
    "days_since_buyer_activity", "last_change_commit", "last_change_date", "days_since_last_commit", "stale", "value_date",
    "compelling_event", "current_stage",
  ]
  public static let internalColumns = ["deal_amount", "deal_currency"]
  public static let ownerHeader = [
    "side", "owner", "roles", "placeholder", "plans", "open", "overdue", "stalled", "unexplained_moves", "placeholders_to_name",
    "stale_plans",
  ]
  public static let stageHeader = ["stage", "plans", "open", "overdue", "stalled", "median_days_overdue"]

  public func render(_ summary: PortfolioSummary) -> String {
    func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
    func d(_ v: CalendarDate?) -> String { v?.description ?? "" }
    func b(_ v: Bool?) -> String { v.map { $0 ? "true" : "false" } ?? "" }
    func t(_ v: String?) -> String { Self.text(v ?? "") }
    switch summary.view {
    case .plan:
      let internalAudience = summary.audience == .internal
      var out = Self.row(Self.planHeader + (internalAudience ? Self.internalColumns : []))
      for p in summary.plans {
        let next = p.nextMilestone
        var cells = [
          t(p.id), t(p.title), t(p.buyer), t(p.seller), t(p.path), p.band.rawValue, t(p.bandReason), n(p.percentDone),
          String(p.milestoneCount), String(p.doneCount), String(p.overdueCount), String(p.stalledCount), d(p.goLive),
          d(p.goLiveBaseline), n(p.goLiveSlipDays), b(p.goLiveFeasible), d(p.forecast.goLive), p.forecast.method.rawValue,
          n(p.forecast.slipBusinessDays), t(p.forecast.reason), String(p.totalDaysOffSchedule), String(p.recentMoves),
          String(p.recentUnexplainedMoves), t(next?.id), d(next?.due), t(next.map { PortfolioWords.owners($0.buyerOwners) }),
          t(next.map { PortfolioWords.owners($0.sellerOwners) }), d(p.lastBuyerActivity?.date),
          p.lastBuyerActivity?.source.rawValue ?? "", n(p.daysSinceBuyerActivity), p.lastChange?.commit ?? "",
          d(p.lastChange?.date), n(p.daysSinceLastCommit), b(p.stale), d(p.valueDate), d(p.compellingEvent), t(p.currentStage),
        ]
        if internalAudience {
          cells += [p.deal.map { JSONNumber.format($0.amount) } ?? "", t(p.deal?.currency)]
        }
        out += Self.row(cells)
      }
      return out
    case .owner:
      var out = Self.row(Self.ownerHeader)
      for r in summary.owners {
        out += Self.row([
          r.side?.rawValue ?? "", t(r.name), t(r.roles.joined(separator: "; ")), b(r.placeholder), t(r.plans.joined(separator: "; ")),
          String(r.open), String(r.overdue), String(r.stalled), String(r.unexplainedMoves), String(r.placeholdersToName),
          t(r.stalePlans.joined(separator: "; ")),
        ])
      }
      return out
    case .stage:
      var out = Self.row(Self.stageHeader)
      for r in summary.stages {
        out += Self.row([
          t(r.stage), String(r.plans), String(r.open), String(r.overdue), String(r.stalled),
          r.medianDaysOverdue.map(PortfolioWords.median) ?? "",
        ])
      }
      return out
    }
  }

  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  static func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Free text with formula triggers defused.
  static func text(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
    return "'" + s
  }
}

/// Numbers as JSON writes them (no exponent for amounts, no trailing `.0`).
enum JSONNumber {
  static func format(_ n: Double) -> String {
    guard n.isFinite else { return "" }
    if n.rounded() == n, n.magnitude < 1e15 { return String(Int(n)) }
    return String(n)
  }
}
