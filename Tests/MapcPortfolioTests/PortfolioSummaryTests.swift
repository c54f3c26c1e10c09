import MapcModel
import MapcPortfolio
import Testing

private typealias F = PortfolioFixture

@Suite struct PortfolioSummaryTests {
  static func report(_ plans: [PlanStatus]) -> PortfolioReport {
    PortfolioReport(plans: plans, today: F.date("2026-12-01"), at: nil, commit: nil, problems: [], recentDays: 30, staleAfterDays: 14)
  }

  @Test func ownersAreMatchedAcrossPlansByNameAndPlaceholdersStayApart() {
    let a = F.status(F.plan(id: "a", [
      "{ id: m1, title: M1, stage: discovery, owners: [sec, sam], due: 2026-11-20, status: in-progress }",
      "{ id: m2, title: M2, stage: implementation, owners: [dana, sam], due: 2026-12-05, status: not-started }",
    ]))
    let b = F.status(F.plan(id: "b", [
      "{ id: m1, title: M1, stage: discovery, owners: [sec, sam], due: 2026-11-28, status: in-progress }",
    ]))
    let summary = PortfolioSummary(Self.report([a, b]), audience: .internal, view: .owner)
    // Seller side first; Sam Lee is one person across both plans.
    #expect(summary.owners.first?.name == "Sam Lee")
    #expect(summary.owners.first?.plans == ["a", "b"])
    #expect(summary.owners.first?.overdue == 2)
    #expect(summary.owners.first?.stalled == 1)
    // Sam co-owns two overdue milestones with an unnamed security reviewer: two to name.
    #expect(summary.owners.first?.placeholdersToName == 2)
    let placeholders = summary.owners.filter(\.placeholder).map(\.name)
    #expect(placeholders == ["security-reviewer (a)", "security-reviewer (b)"])
  }

  @Test func stagesPileUpWithTheMedianDaysOverdue() {
    let a = F.status(F.plan(id: "a", [
      "{ id: m1, title: M1, stage: final-agreements, owners: [sam], due: 2026-11-20, status: in-progress }",
      "{ id: m2, title: M2, stage: final-agreements, owners: [sam], due: 2026-11-29, status: in-progress }",
      "{ id: m3, title: M3, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress }",
    ]))
    let summary = PortfolioSummary(Self.report([a]), audience: .internal, view: .stage)
    #expect(summary.stages.map(\.stage) == ["final-agreements", "discovery"])
    // 11 and 2 days overdue: the median of an even count is the mean of the middle two.
    #expect(summary.stages.first?.medianDaysOverdue == 6.5)
    #expect(summary.stages.last?.medianDaysOverdue == nil)
    #expect(summary.totals.overdueMilestones == 2)
    #expect(summary.totals.bands.first { $0.band == .stalled }?.count == 1)
    #expect(summary.totals.quarter.description == "2026-Q4")
    #expect(summary.totals.nextQuarter.description == "2027-Q1")
  }

  @Test func theBuyerSummaryHasNoDealAndTheCSVNoDealColumns() {
    let a = F.status(F.plan(extra: "internal: { amount: 180000, currency: USD }", [
      "{ id: m1, title: M1, stage: discovery, owners: [sam], due: 2026-12-20, status: in-progress }",
    ]))
    let buyer = PortfolioSummary(Self.report([a]), audience: .buyer, view: .plan)
    #expect(buyer.plans.first?.deal == nil)
    let csv = buyer.render(.csv)
    #expect(!csv.contains("deal_amount"))
    #expect(csv.hasSuffix("\r\n"))
    let internalCSV = PortfolioSummary(Self.report([a]), audience: .internal, view: .plan).render(.csv)
    #expect(internalCSV.contains(",180000,USD\r\n"))
  }
}
