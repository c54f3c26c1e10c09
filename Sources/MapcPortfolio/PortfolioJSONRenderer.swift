import MapcJSON
import MapcModel

/// The machine-readable portfolio. The field names are a contract, listed in the README
/// ("mapc report" → JSON fields); add fields, never rename them.
///
/// Top level: `report` (1), `today`, `audience`, `view`, `at`, `commit`, `totals`, then `plans`
/// (view plan, by id), `owners` (view owner) or `stages` (view stage), and `problems`.
/// Dates are `YYYY-MM-DD`; an unknown value is `null`.
public struct PortfolioJSONRenderer: Sendable {
  public init() {}

  public func render(_ summary: PortfolioSummary) -> String {
    JSONWriter.pretty.string(Self.json(summary)) + "\n"
  }

  public static func json(_ summary: PortfolioSummary) -> JSONValue {
    let report = summary.report
    var root = JSONObject()
    root["report"] = .number(1)
    root["today"] = .string(report.today.description)
    root["audience"] = .string(summary.audience.rawValue)
    root["view"] = .string(summary.view.rawValue)
    root["at"] = string(report.at)
    root["commit"] = string(report.commit)
    root["totals"] = totals(summary.totals)
    switch summary.view {
    case .plan: root["plans"] = .array(summary.plans.map { plan($0, audience: summary.audience, recentDays: report.recentDays) })
    case .owner: root["owners"] = .array(summary.owners.map(owner))
    case .stage: root["stages"] = .array(summary.stages.map(stage))
    }
    root["problems"] = .array(report.problems.map { .string($0) })
    return .object(root)
  }

  static func totals(_ t: PortfolioTotals) -> JSONValue {
    var o = JSONObject()
    o["plans"] = int(t.plans)
    var bands = JSONObject()
    for (band, count) in t.bands { bands[band.rawValue] = int(count) }
    o["bands"] = .object(bands)
    o["total_days_off_schedule"] = int(t.totalDaysOffSchedule)
    o["overdue_milestones"] = int(t.overdueMilestones)
    o["stalled_milestones"] = int(t.stalledMilestones)
    o["this_quarter"] = .object(
      JSONObject([
        ("quarter", .string(t.quarter.description)), ("go_lives", int(t.goLivesThisQuarter)),
        ("forecast_go_lives", int(t.forecastThisQuarter)),
      ]))
    o["next_quarter"] = .object(
      JSONObject([
        ("quarter", .string(t.nextQuarter.description)), ("go_lives", int(t.goLivesNextQuarter)),
        ("forecast_go_lives", int(t.forecastNextQuarter)),
      ]))
    return .object(o)
  }

  static func plan(_ p: PlanStatus, audience: PortfolioAudience, recentDays: Int) -> JSONValue {
    var o = JSONObject()
    o["id"] = .string(p.id)
    o["title"] = string(p.title)
    o["buyer"] = string(p.buyer)
    o["seller"] = string(p.seller)
    o["path"] = .string(p.path)
    o["band"] = .string(p.band.rawValue)
    o["band_reason"] = .string(p.bandReason)
    o["milestones"] = int(p.milestoneCount)
    o["done"] = int(p.doneCount)
    o["percent_done"] = p.percentDone.map(int) ?? .null
    o["overdue"] = int(p.overdueCount)
    o["stalled"] = int(p.stalledCount)
    o["go_live"] = .object(
      JSONObject([
        ("current", date(p.goLive)), ("baseline", date(p.goLiveBaseline)), ("slip_days", p.goLiveSlipDays.map(int) ?? .null),
        ("feasible", p.goLiveFeasible.map { .bool($0) } ?? .null),
      ]))
    o["total_days_off_schedule"] = int(p.totalDaysOffSchedule)
    o["recent_moves"] = .object(
      JSONObject([("window_days", int(recentDays)), ("count", int(p.recentMoves)), ("unexplained", int(p.recentUnexplainedMoves))]))
    o["next_milestone"] =
      p.nextMilestone.map { n in
        .object(
          JSONObject([
            ("id", .string(n.id)), ("title", string(n.title)), ("stage", string(n.stage)), ("due", date(n.due)),
            ("buyer_owners", .array(n.buyerOwners.map(ownerRef))), ("seller_owners", .array(n.sellerOwners.map(ownerRef))),
            ("other_owners", .array(n.otherOwners.map(ownerRef))),
          ]))
      } ?? .null
    o["last_buyer_activity"] =
      p.lastBuyerActivity.map { a in
        .object(
          JSONObject([
            ("date", .string(a.date.description)), ("source", .string(a.source.rawValue)), ("detail", .string(a.detail)),
            ("days_ago", p.daysSinceBuyerActivity.map(int) ?? .null),
          ]))
      } ?? .null
    o["last_change"] =
      p.lastChange.map { c in .object(JSONObject([("commit", string(c.commit)), ("date", .string(c.date.description))])) } ?? .null
    o["days_since_last_commit"] = p.daysSinceLastCommit.map(int) ?? .null
    o["stale"] = .bool(p.stale)
    o["forecast"] = .object(
      JSONObject([
        ("go_live", date(p.forecast.goLive)), ("method", .string(p.forecast.method.rawValue)),
        ("slip_business_days", p.forecast.slipBusinessDays.map(int) ?? .null), ("reason", .string(p.forecast.reason)),
      ]))
    o["value_date"] = date(p.valueDate)
    o["compelling_event"] =
      p.compellingEvent.map { d in .object(JSONObject([("date", .string(d.description)), ("what", string(p.compellingEventWhat))])) }
      ?? .null
    o["current_stage"] = string(p.currentStage)
    if audience == .internal {
      o["deal"] = p.deal.map { d in .object(JSONObject([("amount", .number(d.amount)), ("currency", string(d.currency))])) } ?? .null
    }
    return .object(o)
  }

  static func ownerRef(_ r: OwnerRef) -> JSONValue {
    .object(
      JSONObject([
        ("id", .string(r.id)), ("name", string(r.name)), ("role", string(r.role)), ("placeholder", .bool(r.isPlaceholder)),
      ]))
  }

  static func owner(_ r: OwnerRow) -> JSONValue {
    var o = JSONObject()
    o["name"] = .string(r.name)
    o["side"] = string(r.side?.rawValue)
    o["roles"] = .array(r.roles.map { .string($0) })
    o["placeholder"] = .bool(r.placeholder)
    o["plans"] = .array(r.plans.map { .string($0) })
    o["open"] = int(r.open)
    o["overdue"] = int(r.overdue)
    o["stalled"] = int(r.stalled)
    o["unexplained_moves"] = int(r.unexplainedMoves)
    o["placeholders_to_name"] = int(r.placeholdersToName)
    o["stale_plans"] = .array(r.stalePlans.map { .string($0) })
    return .object(o)
  }

  static func stage(_ r: StageRow) -> JSONValue {
    .object(
      JSONObject([
        ("stage", .string(r.stage)), ("plans", int(r.plans)), ("open", int(r.open)), ("overdue", int(r.overdue)),
        ("stalled", int(r.stalled)), ("median_days_overdue", r.medianDaysOverdue.map { .number($0) } ?? .null),
      ]))
  }

  static func int(_ n: Int) -> JSONValue { .number(Double(n)) }
  static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
  static func date(_ d: CalendarDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
}
