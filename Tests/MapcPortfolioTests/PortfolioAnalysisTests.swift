import Foundation
import MapcHistory
import MapcJSON
import MapcModel
import MapcPortfolio
import MapcTestSupport
import Testing

/// Plans written as frontmatter text, read with the one loader.
enum PortfolioFixture {
  static func date(_ s: String) -> CalendarDate { CalendarDate(s) ?? CalendarDate(daysSince1970: 0) }

  static let stakeholders = """
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer, email: Dana@Acme.example }
      - { id: sec, side: buyer, role: security-reviewer }
      - { id: sam, name: Sam Lee, side: seller, role: ae, email: sam@northwind.example }
    """

  /// A plan with these milestone lines (YAML flow mappings, one per line).
  static func text(id: String = "acme", goLive: String = "2027-03-01", extra: String = "", _ milestones: [String]) -> String {
    """
    ---
    map: 1
    id: \(id)
    title: Acme data platform
    buyer: Acme Corp
    seller: Northwind
    go_live: \(goLive)
    value_date: 2027-06-01
    compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
    stages: [discovery, final-agreements, implementation]
    \(stakeholders)
    milestones:
    \(milestones.map { "  - " + $0 }.joined(separator: "\n"))
    \(extra)
    ---
    Body.

    """
  }

  static func plan(id: String = "acme", goLive: String = "2027-03-01", extra: String = "", _ milestones: [String]) -> Plan {
    let document = PlanDocument(text: text(id: id, goLive: goLive, extra: extra, milestones))
    guard let plan = document.plan else {
      Issue.record("fixture plan does not load: \(document.problems.map(\.message))")
      return Plan(.object(JSONObject()))
    }
    return plan
  }

  static func status(
    _ plan: Plan, today: String = "2026-12-01", activity: PlanActivity = PlanActivity(), domains: [String] = [],
    slip: PlanSlip? = nil
  ) -> PlanStatus {
    PortfolioAnalysis.status(
      plan: plan, path: "plans/acme.map.md", repositoryPath: "plans/acme.map.md", slip: slip, activity: activity,
      options: PortfolioOptions(today: date(today), buyerDomains: domains))
  }
}

private typealias F = PortfolioFixture
private let d = PortfolioFixture.date

@Suite struct PortfolioAnalysisTests {
  @Test func stalledWhenAMilestoneIsSevenDaysOverdue() {
    let plan = F.plan([
      "{ id: discovery, title: Discovery, stage: discovery, owners: [dana, sam], due: 2026-11-02, status: done, done_on: 2026-11-02 }",
      "{ id: security-review, title: Security sign-off, stage: final-agreements, owners: [sec, sam], due: 2026-11-24, status: in-progress }",
      "{ id: legal, title: Legal review, stage: final-agreements, owners: [dana, sam], due: 2026-11-28, status: not-started }",
      "{ id: kickoff, title: Kickoff, stage: implementation, owners: [dana, sam], due: 2027-01-10, status: not-started }",
      "{ id: dropped, title: Dropped, stage: implementation, owners: [sam], due: 2027-01-10, status: cancelled }",
    ])
    let s = F.status(plan)
    #expect(s.band == .stalled)
    #expect(s.bandReason == "security-review is 7 days overdue")
    #expect(s.overdueCount == 2)
    #expect(s.stalledCount == 1)
    #expect(s.milestoneCount == 4)
    #expect(s.doneCount == 1)
    #expect(s.percentDone == 25)
    #expect(s.currentStage == "final-agreements")
    #expect(s.milestones.first { $0.id == "legal" }?.daysOverdue == 3)
    #expect(s.milestones.first { $0.id == "kickoff" }?.daysOverdue == nil)
    let next = s.nextMilestone
    #expect(next?.id == "security-review")
    #expect(next?.buyerOwners.map(\.id) == ["sec"])
    #expect(next?.buyerOwners.first?.isPlaceholder == true)
    #expect(next?.sellerOwners.map(\.displayName) == ["Sam Lee"])
    #expect(s.valueDate == d("2027-06-01"))
    #expect(s.compellingEvent == d("2027-01-15"))
  }

  @Test func bandsAtRiskOnTrackAndDone() {
    let sixDays = F.plan(["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-11-25, status: in-progress }"])
    #expect(F.status(sixDays).band == .atRisk)
    #expect(F.status(sixDays).bandReason == "a is 6 days overdue")
    let marked = F.plan(["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress, risk: off-track }"])
    #expect(F.status(marked).band == .atRisk)
    #expect(F.status(marked).bandReason == "a is marked off-track")
    let fine = F.plan(["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress }"])
    #expect(F.status(fine).band == .onTrack)
    #expect(F.status(fine).forecast.goLive == d("2027-03-01"))
    #expect(F.status(fine).forecast.reason == "nothing go-live depends on is overdue")
    let done = F.plan([
      "{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-11-20, status: done, done_on: 2026-11-20 }",
      "{ id: b, title: B, stage: discovery, owners: [sam], due: 2026-11-20, status: cancelled }",
    ])
    #expect(F.status(done).band == .done)
    #expect(F.status(done).percentDone == 100)
    #expect(F.status(done).nextMilestone == nil)
  }

  @Test func aPlanWhoseMilestonesAreAllCancelledIsDone() {
    // The brief: `done` = every milestone done or cancelled; none are left to count.
    let cancelled = F.plan([
      "{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-11-20, status: cancelled }",
      "{ id: b, title: B, stage: discovery, owners: [dana], due: 2026-11-02, status: cancelled }",
    ])
    let status = F.status(cancelled)
    #expect(status.band == .done)
    #expect(status.bandReason == "every milestone is cancelled")
    // 0 of 0 done: the percent is unknown (null in JSON, "—" in tables), not 0 or 100.
    #expect(status.percentDone == nil)
    #expect(status.milestoneCount == 0)
    #expect(status.forecast.goLive == nil)
    #expect(status.forecast.reason == "every milestone is cancelled")
    #expect(status.nextMilestone == nil)
    // A plan without milestones has nothing done yet.
    #expect(F.status(F.plan([])).band == .onTrack)
  }

  @Test func infeasibleGoLiveIsAtRiskAndForecastFromTheSchedule() {
    // 80 business days of onboarding from 2026-12-01 end in late March: past go-live.
    let plan = F.plan([
      "{ id: kickoff, title: Kickoff, stage: implementation, owners: [dana, sam], due: 2026-12-10, status: not-started, lead: 5 }",
      "{ id: onboarding, title: Onboarding, stage: implementation, owners: [dana, sam], due: 2027-02-26, status: not-started, lead: 80, depends_on: [kickoff] }",
    ])
    let s = F.status(plan)
    #expect(s.band == .atRisk)
    #expect(s.goLiveFeasible == false)
    #expect(s.bandReason == "go-live 2027-03-01 cannot be met from today on the plan's leads")
    #expect(s.forecast.method == .schedule)
    let forecast = try? #require(s.forecast.goLive)
    #expect(forecast.map { $0 > d("2027-03-01") } == true)
    #expect(s.forecast.reason.hasPrefix("go-live 2027-03-01 cannot be met on the plan's leads: the earliest is "))
    #expect(s.forecast.reason.hasSuffix("held up by kickoff → onboarding"))
    #expect((s.forecast.slipBusinessDays ?? 0) > 0)
  }

  @Test func forecastMovesGoLiveByTheLargestOverdueOnItsChainInBusinessDays() {
    // 2026-11-19 (Thursday) to 2026-12-02 (Wednesday): 9 business days.
    let plan = F.plan([
      "{ id: security-review, title: Security, stage: final-agreements, owners: [sec, sam], due: 2026-11-19, status: in-progress }",
      "{ id: legal, title: Legal, stage: final-agreements, owners: [dana, sam], due: 2026-11-30, status: in-progress }",
      "{ id: value-review, title: Value, stage: implementation, owners: [dana, sam], due: 2027-05-01, status: not-started }",
    ])
    let s = F.status(plan, today: "2026-12-02")
    #expect(s.forecast.method == .overdue)
    #expect(s.forecast.reason == "security-review is 9 business days overdue and go-live depends on it")
    #expect(s.forecast.slipBusinessDays == 9)
    // WORKDAY(2027-03-01 (a Monday), 9): Mar 2..5 (4), 8..12 (5) → 2027-03-12.
    #expect(s.forecast.goLive == d("2027-03-12"))
  }

  @Test func aMilestoneAfterGoLiveIsNotOnItsChain() {
    let plan = F.plan(
      goLive: "2026-12-20",
      [
        "{ id: go, title: Go-live, stage: implementation, owners: [dana, sam], due: 2026-12-20, status: not-started, marks: go_live }",
        "{ id: roi, title: ROI, stage: implementation, owners: [dana, sam], due: 2026-11-20, status: not-started, depends_on: [go] }",
      ])
    let s = F.status(plan)
    #expect(s.band == .stalled)
    #expect(s.forecast.reason == "nothing go-live depends on is overdue")
  }

  @Test func lastBuyerActivityIsTheLatestOfProgressCommitsAndDoneDates() {
    let plan = F.plan([
      "{ id: a, title: A, stage: discovery, owners: [dana, sam], due: 2026-11-02, status: done, done_on: 2026-11-03 }",
      "{ id: b, title: B, stage: discovery, owners: [sam], due: 2026-11-02, status: done, done_on: 2026-11-20 }",
      "{ id: c, title: C, stage: discovery, owners: [sec, sam], due: 2026-12-20, status: in-progress, progress: [{ on: 2026-11-10, note: Sent, by: sec }, { on: 2026-11-12, note: Ours, by: sam }] }",
    ])
    // Only the done date and the progress note by a buyer count; b is seller-owned.
    let noCommits = F.status(plan)
    #expect(noCommits.lastBuyerActivity == BuyerActivity(date: d("2026-11-10"), source: .progress, detail: "progress on c by security-reviewer"))
    #expect(noCommits.daysSinceBuyerActivity == 21)

    func commit(_ day: String, _ name: String) -> ChangeRef {
      ChangeRef(commit: String(repeating: "a", count: 40), time: 0, date: d(day), authorName: name)
    }
    // The stakeholder's email matches whatever its case; a seller's commit never counts.
    let byEmail = PlanActivity(authors: ["dana@acme.example": commit("2026-11-15", "Dana Ruiz"), "sam@northwind.example": commit("2026-11-30", "Sam Lee")])
    #expect(F.status(plan, activity: byEmail).lastBuyerActivity?.source == .commit)
    #expect(F.status(plan, activity: byEmail).lastBuyerActivity?.date == d("2026-11-15"))
    // A buyer domain from mapc.yml counts, its subdomains too; another domain does not.
    let byDomain = PlanActivity(authors: ["it@eu.acme.example": commit("2026-11-18", "Acme IT"), "x@other.example": commit("2026-11-29", "X")])
    #expect(F.status(plan, activity: byDomain, domains: ["ACME.example"]).lastBuyerActivity?.date == d("2026-11-18"))
    #expect(F.status(plan, activity: byDomain).lastBuyerActivity?.date == d("2026-11-10"))
  }

  @Test func unknownBuyerActivityStaysUnknown() {
    let plan = F.plan(["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress }"])
    let s = F.status(plan, activity: PlanActivity(authors: ["sam@northwind.example": ChangeRef(commit: nil, time: 0, date: d("2026-11-30"), authorName: "Sam")]))
    #expect(s.lastBuyerActivity == nil)
    #expect(s.daysSinceBuyerActivity == nil)
  }

  @Test func dealAmountIsInternalAndDroppedForTheBuyer() {
    let plan = F.plan(
      extra: "internal: { amount: 180000, currency: USD, notes: CANARY }",
      ["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress }"])
    let s = F.status(plan)
    #expect(s.deal == DealAmount(amount: 180_000, currency: "USD"))
    #expect(s.forBuyer().deal == nil)
  }

  @Test func dependencyCycleLeavesTheForecastUnknown() {
    let plan = F.plan([
      "{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress, depends_on: [b] }",
      "{ id: b, title: B, stage: discovery, owners: [sam], due: 2026-12-21, status: in-progress, depends_on: [a] }",
    ])
    let s = F.status(plan)
    #expect(s.forecast.method == .none)
    #expect(s.forecast.goLive == nil)
    #expect(s.forecast.reason.hasPrefix("cannot schedule the plan: dependency cycle"))
    #expect(s.goLiveFeasible == nil)
  }

  @Test func worstFirstOrdersByBandThenOverdue() {
    let stalled = F.status(F.plan(id: "z", ["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-11-01, status: in-progress }"]))
    let atRisk = F.status(F.plan(id: "a", ["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-11-29, status: in-progress }"]))
    let fine = F.status(F.plan(id: "b", ["{ id: a, title: A, stage: discovery, owners: [sam], due: 2026-12-29, status: in-progress }"]))
    #expect([fine, atRisk, stalled].sorted(by: PlanStatus.worstFirst).map(\.id) == ["z", "a", "b"])
  }
}
