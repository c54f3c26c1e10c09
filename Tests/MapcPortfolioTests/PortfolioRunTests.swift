import Foundation
import MapcModel
import MapcPortfolio
import MapcTestSupport
import MapcWorkspace
import Testing

@Suite struct PortfolioRunTests {
  static func plan(id: String, legalDue: String, progress: String = "[]", extra: String = "") -> String {
    """
    ---
    map: 1
    id: \(id)
    title: \(id) rollout
    buyer: Acme Corp
    seller: Northwind
    go_live: 2027-03-01
    stages: [final-agreements, implementation]
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer, email: dana@acme.example }
      - { id: sam, name: Sam Lee, side: seller, role: ae, email: sam@northwind.example }
    milestones:
      - { id: security-review, title: Security sign-off, stage: final-agreements, owners: [dana, sam], due: 2026-11-19, status: in-progress, progress: \(progress) }
      - { id: legal, title: Legal review, stage: final-agreements, owners: [dana, sam], due: \(legalDue), status: not-started }
    \(extra)
    ---
    Body.

    """
  }

  static func workspace(_ dir: URL, today: String = "2026-12-02") throws -> Workspace {
    Workspace(
      directory: dir.path, configuration: Configuration(root: dir.path), schemas: try SchemaCatalog(),
      today: CalendarDate(today) ?? CalendarDate(daysSince1970: 0))
  }

  @Test func onePassGivesSlipMovesActivityAndMilestoneChanges() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-portfolio-run")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = try GitFixture(dir)
    let first = try repo.commit(
      files: ["plans/acme.map.md": Self.plan(id: "acme", legalDue: "2026-12-10"), "plans/beta.map.md": Self.plan(id: "beta", legalDue: "2026-12-10")],
      message: "Add plans", date: "2026-10-01T09:00:00+00:00")
    let buyer = try repo.commit(
      files: ["plans/acme.map.md": Self.plan(id: "acme", legalDue: "2026-12-10", progress: "[{ on: 2026-11-04, note: Questionnaire back }]")],
      message: "Progress", author: .buyer, date: "2026-11-05T09:00:00+00:00")
    let move = try repo.commit(
      files: ["plans/acme.map.md": Self.plan(id: "acme", legalDue: "2026-12-20", progress: "[{ on: 2026-11-04, note: Questionnaire back }]")],
      message: "Move legal", date: "2026-11-20T09:00:00+00:00")

    let report = try PortfolioRun.report(.init(), workspace: try Self.workspace(dir))
    #expect(report.problems.isEmpty)
    #expect(report.plans.map(\.id) == ["acme", "beta"])
    #expect(report.commit == move)
    let acme = try #require(report.plans.first)
    #expect(acme.path.hasSuffix("plans/acme.map.md"))
    #expect(acme.repositoryPath == "plans/acme.map.md")
    // The buyer's commit (Dana's email) is the last buyer activity; the seller's is not.
    #expect(acme.lastBuyerActivity == BuyerActivity(date: CalendarDate("2026-11-05")!, source: .commit, detail: "commit by Dana Buyer"))
    #expect(acme.lastChange?.commit == move)
    #expect(acme.band == .stalled)
    #expect(acme.recentMoves == 1)
    #expect(acme.recentUnexplainedMoves == 1)
    let security = try #require(acme.milestones.first { $0.id == "security-review" })
    // The history is read lean (no progress logs): a progress note alone is not a change of
    // the milestone's own fields.
    #expect(security.lastChange?.commit == first)
    #expect(buyer != first)
    #expect(security.baseline == CalendarDate("2026-11-19"))
    #expect(security.daysOverdue == 13)
    let legal = try #require(acme.milestones.first { $0.id == "legal" })
    #expect(legal.lastChange?.commit == move)
    #expect(legal.baseline == CalendarDate("2026-12-10"))
    #expect(legal.slipDays == 10)
    #expect(legal.moveCount == 1)
    #expect(legal.unexplainedMoveCount == 1)
    #expect(acme.totalDaysOffSchedule == 10)
    // beta: only the seller's commit; no buyer activity can be known.
    let beta = try #require(report.plans.last)
    #expect(beta.lastBuyerActivity == nil)
    #expect(beta.milestones.first?.lastChange?.commit == first)

    // --at the first commit: the later commits are not seen.
    let then = try PortfolioRun.report(.init(at: first), workspace: try Self.workspace(dir))
    let acmeThen = try #require(then.plans.first)
    #expect(acmeThen.path == "\(first):plans/acme.map.md")
    #expect(acmeThen.lastBuyerActivity == nil)
    #expect(acmeThen.totalDaysOffSchedule == 0)

    // A path keeps the report to that plan.
    let one = try PortfolioRun.statuses(.init(paths: [dir.appendingPathComponent("plans/beta.map.md").path]), workspace: try Self.workspace(dir))
    #expect(one.map(\.id) == ["beta"])
  }

  @Test func twoFilesWithOneIDStopTheRunAndABrokenFileIsAProblem() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-portfolio-run")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = try GitFixture(dir)
    try repo.commit(
      files: ["a.map.md": Self.plan(id: "acme", legalDue: "2026-12-10"), "broken.map.md": "---\nid: [\n---\n"],
      message: "Add", date: "2026-10-01T09:00:00+00:00")
    let report = try PortfolioRun.report(.init(), workspace: try Self.workspace(dir))
    #expect(report.plans.map(\.id) == ["acme"])
    #expect(report.problems.count == 1)
    #expect(report.problems.first?.contains("broken.map.md") == true)

    try repo.write(["b.map.md": Self.plan(id: "acme", legalDue: "2026-12-10")])
    #expect(throws: UsageError.self) { try PortfolioRun.report(.init(), workspace: try Self.workspace(dir)) }
  }
}

@Suite struct BuyerDomainsConfigurationTests {
  @Test func buyerDomainsAreReadLowercasedAndCheckedByTheSchema() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-portfolio-config")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "report:\n  buyer_domains: [Acme.example, eu.acme.example]\n".write(
      to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let workspace = try Workspace.open(directory: dir.path, today: CalendarDate("2026-12-02"), environment: [:])
    #expect(workspace.configuration.buyerDomains == ["acme.example", "eu.acme.example"])

    try "report:\n  buyer_domains: [dana@acme.example]\n".write(
      to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    #expect(throws: ConfigurationError.self) { try Workspace.open(directory: dir.path, environment: [:]) }
  }
}
