import Foundation
import MapcModel
import MapcRender
import MapcTestSupport
import MapcWorkspace
import Testing

/// Buyer pages show only public history: a commit that changed only internal content is not a
/// point of the buyer's trend chart and does not set the buyer's "As of" date (issue 12,
/// point 7). The internal page still shows it.
@Suite struct PublicHistoryTests {
  static func plan(kickoff: String, note: String, pricing: String) -> String {
    """
    ---
    map: 1
    id: acme
    title: Acme rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3.
    go_live: 2027-03-01
    stages: [implementation]
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
    milestones:
      - { id: kickoff, title: Project kickoff, stage: implementation, owners: [dana], due: \(kickoff), status: not-started, internal: \(note) }
    internal: { notes: \(note) }
    ---
    ## Why now

    Month-end takes nine days.

    ## Pricing (internal)

    \(pricing)

    """
  }

  /// Three commits: the plan, a public date move, then a commit touching only `internal:`
  /// values and an internal body section.
  static func repository() throws -> (GitFixture, Workspace) {
    let dir = try TestSupport.temporaryDirectory("mapc-public-history")
    let fixture = try GitFixture(dir)
    try fixture.commit(
      files: ["acme.map.md": plan(kickoff: "2026-12-09", note: "first-note", pricing: "Floor 100k.")], message: "Plan",
      date: "2026-01-05T09:00:00+00:00")
    try fixture.commit(
      files: ["acme.map.md": plan(kickoff: "2026-12-16", note: "first-note", pricing: "Floor 100k.")], message: "Kickoff moves",
      date: "2026-02-10T09:00:00+00:00")
    try fixture.commit(
      files: ["acme.map.md": plan(kickoff: "2026-12-16", note: "second-note", pricing: "Floor 120k.")],
      message: "Internal notes only", date: "2026-03-20T09:00:00+00:00")
    let workspace = Workspace(
      directory: dir.path, configuration: Configuration(root: dir.path), schemas: try SchemaCatalog(),
      today: CalendarDate("2026-03-25") ?? CalendarDate(daysSince1970: 0))
    return (fixture, workspace)
  }

  static func page(_ workspace: Workspace, _ audience: SnapshotAudience) throws -> String {
    let run = try SnapshotRun(
      .init(plan: workspace.directory + "/acme.map.md", audience: audience), workspace: workspace, environment: [:])
    #expect(run.problems.isEmpty, "\(run.problems)")
    return try #require(run.pages.first).html
  }

  /// Fails on the code before the fix: the buyer page was dated 20 Mar 2026 and its trend had
  /// three revisions, the last one the internal-only commit.
  @Test func anInternalOnlyCommitIsNotBuyerHistory() throws {
    let (fixture, workspace) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: fixture.directory) }

    let buyer = try Self.page(workspace, .buyer)
    #expect(buyer.contains("As of <time datetime=\"2026-02-10\">"), "the buyer's as-of is the last public change")
    #expect(!buyer.contains("2026-03-20"))
    #expect(!buyer.contains("20 Mar 2026"))
    #expect(buyer.contains("Forecast dates at each of 2 plan revisions from 5 Jan 2026 to 10 Feb 2026"))

    let internalPage = try Self.page(workspace, .internal)
    #expect(internalPage.contains("As of <time datetime=\"2026-03-20\">"), "the internal page is dated by every commit")
    #expect(internalPage.contains("Forecast dates at each of 3 plan revisions from 5 Jan 2026 to 20 Mar 2026"))
  }

  /// An uncommitted edit of internal content only is not "uncommitted changes" to the buyer;
  /// an uncommitted public edit is.
  @Test func anInternalOnlyWorkingTreeEditIsNotAnUncommittedChangeForTheBuyer() throws {
    let (fixture, workspace) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: fixture.directory) }
    try fixture.write(["acme.map.md": Self.plan(kickoff: "2026-12-16", note: "third-note", pricing: "Floor 130k.")])
    #expect(!(try Self.page(workspace, .buyer)).contains("uncommitted changes"))
    #expect(try Self.page(workspace, .internal).contains("uncommitted changes"))

    try fixture.write(["acme.map.md": Self.plan(kickoff: "2026-12-23", note: "third-note", pricing: "Floor 130k.")])
    #expect(try Self.page(workspace, .buyer).contains("uncommitted changes"))
  }
}
