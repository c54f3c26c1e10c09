import MapcModel

/// Who a report is for. The buyer's report drops every internal field (``PlanStatus/forBuyer()``)
/// and passes the leak guard before it is written.
public enum PortfolioAudience: String, Sendable, CaseIterable {
  case `internal`, buyer
}

/// How the report is cut.
public enum PortfolioView: String, Sendable, CaseIterable {
  /// One row per plan (default).
  case plan
  /// One row per stakeholder, seller side first: the coaching list.
  case owner
  /// One row per stage: where milestones pile up.
  case stage
}

/// The formats of `mapc report`; `html` is rendered by MapcRender's `PortfolioPage`.
public enum PortfolioFormat: String, Sendable, CaseIterable {
  case text, markdown, csv, json, html
}

/// A calendar quarter, e.g. 2026-Q4.
public struct Quarter: Sendable, Hashable, CustomStringConvertible {
  public var year: Int
  /// 1 to 4.
  public var number: Int

  public init(containing date: CalendarDate) {
    year = date.year
    number = (date.month - 1) / 3 + 1
  }

  public var next: Quarter {
    var q = self
    if number == 4 {
      q.year += 1
      q.number = 1
    } else {
      q.number += 1
    }
    return q
  }

  public func contains(_ date: CalendarDate) -> Bool { date.year == year && (date.month - 1) / 3 + 1 == number }

  public var description: String { "\(year)-Q\(number)" }
}

/// What leads every view: plans per band, total days off schedule, go-lives this quarter and
/// next with their forecast.
public struct PortfolioTotals: Sendable, Hashable {
  public var plans: Int
  /// Plans per band, every band listed, worst first.
  public var bands: [(band: PlanBand, count: Int)]
  public var totalDaysOffSchedule: Int
  public var overdueMilestones: Int
  public var stalledMilestones: Int
  public var quarter: Quarter
  public var nextQuarter: Quarter
  /// Plans whose go-live date is in the quarter, and plans whose forecast go-live is.
  public var goLivesThisQuarter: Int
  public var forecastThisQuarter: Int
  public var goLivesNextQuarter: Int
  public var forecastNextQuarter: Int

  public init(_ plans: [PlanStatus], today: CalendarDate) {
    self.plans = plans.count
    bands = PlanBand.allCases.map { band in (band, plans.count { $0.band == band }) }
    totalDaysOffSchedule = plans.reduce(0) { $0 + $1.totalDaysOffSchedule }
    overdueMilestones = plans.reduce(0) { $0 + $1.overdueCount }
    stalledMilestones = plans.reduce(0) { $0 + $1.stalledCount }
    quarter = Quarter(containing: today)
    nextQuarter = quarter.next
    let q = quarter
    let n = nextQuarter
    goLivesThisQuarter = plans.count { $0.goLive.map(q.contains) ?? false }
    forecastThisQuarter = plans.count { $0.forecast.goLive.map(q.contains) ?? false }
    goLivesNextQuarter = plans.count { $0.goLive.map(n.contains) ?? false }
    forecastNextQuarter = plans.count { $0.forecast.goLive.map(n.contains) ?? false }
  }

  public static func == (a: PortfolioTotals, b: PortfolioTotals) -> Bool {
    a.plans == b.plans && a.bands.map(\.count) == b.bands.map(\.count) && a.totalDaysOffSchedule == b.totalDaysOffSchedule
      && a.overdueMilestones == b.overdueMilestones && a.quarter == b.quarter && a.goLivesThisQuarter == b.goLivesThisQuarter
      && a.forecastThisQuarter == b.forecastThisQuarter && a.goLivesNextQuarter == b.goLivesNextQuarter
      && a.forecastNextQuarter == b.forecastNextQuarter && a.stalledMilestones == b.stalledMilestones
  }

  public func hash(into h: inout Hasher) {
    h.combine(plans)
    h.combine(totalDaysOffSchedule)
  }
}

/// One stakeholder across the portfolio: the coaching list of `--by owner`.
///
/// People are matched across plans by side and name (case-insensitive); a role placeholder
/// (no name yet) is its plan's own row.
public struct OwnerRow: Sendable, Hashable {
  public var name: String
  public var side: Stakeholder.Side?
  /// The roles they hold, in first-seen order.
  public var roles: [String]
  public var placeholder: Bool
  /// Plans where they own a milestone, by id.
  public var plans: [String]
  public var open: Int
  public var overdue: Int
  public var stalled: Int
  /// Date moves without a reason on the milestones they own (all since the baseline).
  public var unexplainedMoves: Int
  /// Role placeholders co-owning their open milestones due within the placeholder threshold
  /// (or overdue): names they must get before the due date.
  public var placeholdersToName: Int
  /// Stale plans where they own an open milestone.
  public var stalePlans: [String]
}

/// One stage across the portfolio (`--by stage`).
public struct StageRow: Sendable, Hashable {
  /// The stage name; `(none)` for milestones without a stage.
  public var stage: String
  /// Plans with an open milestone in it.
  public var plans: Int
  public var open: Int
  public var overdue: Int
  public var stalled: Int
  /// The median calendar days overdue of its overdue milestones; nil without any.
  public var medianDaysOverdue: Double?
}

/// The report as the renderers take it: the statuses for the audience, the totals, and the
/// owner and stage views.
public struct PortfolioSummary: Sendable {
  public var report: PortfolioReport
  public var audience: PortfolioAudience
  public var view: PortfolioView
  /// The statuses for the audience, sorted by id.
  public var plans: [PlanStatus]
  public var totals: PortfolioTotals
  public var owners: [OwnerRow]
  public var stages: [StageRow]
  /// Days before a due date within which a placeholder owner must be named (the
  /// `unnamed-owner-due-soon` threshold).
  public var placeholderDueDays: Int

  public init(_ report: PortfolioReport, audience: PortfolioAudience, view: PortfolioView, placeholderDueDays: Int = 14) {
    self.report = report
    self.audience = audience
    self.view = view
    self.placeholderDueDays = placeholderDueDays
    plans = audience == .buyer ? report.plans.map { $0.forBuyer() } : report.plans
    totals = PortfolioTotals(plans, today: report.today)
    owners = Self.owners(plans, today: report.today, placeholderDueDays: placeholderDueDays)
    stages = Self.stages(plans)
  }

  /// The plans worst first (``PlanStatus/worstFirst(_:_:)``).
  public var worstFirst: [PlanStatus] { plans.sorted(by: PlanStatus.worstFirst) }

  static func owners(_ plans: [PlanStatus], today: CalendarDate, placeholderDueDays: Int) -> [OwnerRow] {
    var rows: [String: OwnerRow] = [:]
    var order: [String] = []
    for plan in plans {
      // By id, the first of a repeated id: a lookup per owner must not scan the list.
      let byID = Dictionary(plan.stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
      func owner(_ oid: String) -> OwnerRef { byID[oid] ?? plan.owner(oid) }
      for m in plan.milestones {
        var seen = Set<String>()
        for oid in m.owners where seen.insert(oid).inserted {
          let o = owner(oid)
          let named = !(o.name ?? "").isEmpty
          let key = named ? "\(o.side?.rawValue ?? "")\u{0}\((o.name ?? "").lowercased())" : "\(plan.id)\u{0}\(oid)"
          var r =
            rows[key]
            ?? OwnerRow(
              name: named ? o.displayName : "\(o.displayName) (\(plan.id))", side: o.side, roles: [], placeholder: o.isPlaceholder, plans: [], open: 0, overdue: 0,
              stalled: 0, unexplainedMoves: 0, placeholdersToName: 0, stalePlans: [])
          if rows[key] == nil { order.append(key) }
          if let role = o.role, !r.roles.contains(role) { r.roles.append(role) }
          if r.plans.last != plan.id { r.plans.append(plan.id) }  // a plan's milestones come together
          r.unexplainedMoves += m.unexplainedMoveCount
          if m.isOpen {
            r.open += 1
            if m.daysOverdue != nil { r.overdue += 1 }
            if m.isStalled { r.stalled += 1 }
            if plan.stale, r.stalePlans.last != plan.id { r.stalePlans.append(plan.id) }
            if !o.isPlaceholder, let due = m.due, today.days(until: due) <= placeholderDueDays {
              r.placeholdersToName += m.owners.count { $0 != oid && owner($0).isPlaceholder }
            }
          }
          rows[key] = r
        }
      }
    }
    func sideRank(_ s: Stakeholder.Side?) -> Int { s == .seller ? 0 : s == .buyer ? 1 : 2 }
    return order.compactMap { rows[$0] }.sorted { a, b in
      if sideRank(a.side) != sideRank(b.side) { return sideRank(a.side) < sideRank(b.side) }
      if a.overdue != b.overdue { return a.overdue > b.overdue }
      if a.stalled != b.stalled { return a.stalled > b.stalled }
      if a.open != b.open { return a.open > b.open }
      if a.name != b.name { return a.name < b.name }
      return a.plans.lexicographicallyPrecedes(b.plans)
    }
  }

  static func stages(_ plans: [PlanStatus]) -> [StageRow] {
    var rows: [String: (plans: Set<String>, open: Int, overdue: [Int], stalled: Int)] = [:]
    for plan in plans {
      for m in plan.milestones where m.isOpen {
        let stage = m.stage ?? "(none)"
        var r = rows.removeValue(forKey: stage) ?? ([], 0, [], 0)
        r.plans.insert(plan.id)
        r.open += 1
        if let d = m.daysOverdue { r.overdue.append(d) }
        if m.isStalled { r.stalled += 1 }
        rows[stage] = r
      }
    }
    return rows.map { stage, r in
      let sorted = r.overdue.sorted()
      var median: Double?
      if !sorted.isEmpty {
        let mid = sorted.count / 2
        median = sorted.count % 2 == 1 ? Double(sorted[mid]) : Double(sorted[mid - 1] + sorted[mid]) / 2
      }
      return StageRow(stage: stage, plans: r.plans.count, open: r.open, overdue: r.overdue.count, stalled: r.stalled, medianDaysOverdue: median)
    }.sorted { a, b in
      if a.overdue != b.overdue { return a.overdue > b.overdue }
      if a.open != b.open { return a.open > b.open }
      return a.stage < b.stage
    }
  }
}
