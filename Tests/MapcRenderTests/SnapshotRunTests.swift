import Foundation
import MapcModel
import MapcRender
import MapcTestSupport
import MapcWorkspace
import Testing

/// `mapc render`'s library entry point, without a subprocess: a plan outside git, and the
/// problems that stop a snapshot.
@Suite struct SnapshotRunTests {
  static let plan = """
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
      - { id: kickoff, title: Project kickoff, stage: implementation, owners: [dana], due: 2026-12-09, status: not-started }
    internal: { notes: CANARY-internal-note }
    ---
    ## Why now

    Month-end takes nine days.

    """

  static func workspace(_ files: [String: String]) throws -> Workspace {
    let dir = try TestSupport.temporaryDirectory("mapc-snapshot-run")
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return Workspace(
      directory: dir.path, configuration: Configuration(root: dir.path), schemas: try SchemaCatalog(),
      today: CalendarDate("2026-11-23") ?? CalendarDate(daysSince1970: 0))
  }

  @Test func rendersABuyerSnapshotOutsideGit() throws {
    let workspace = try Self.workspace(["acme.map.md": Self.plan])
    defer { try? FileManager.default.removeItem(atPath: workspace.directory) }
    let run = try SnapshotRun(
      .init(plan: workspace.directory + "/acme.map.md", asOf: CalendarDate("2026-11-23")), workspace: workspace, environment: [:])
    #expect(run.problems.isEmpty)
    let page = try #require(run.pages.first)
    #expect(page.file == "acme.html")
    #expect(page.html.contains("Project kickoff"))
    #expect(!page.html.contains("CANARY-internal-note"))
  }

  @Test func aBrokenPlanIsAProblemAndNoAsOfDateIsAUsageError() throws {
    let workspace = try Self.workspace([
      "broken.map.md": "---\nmap: 1\nid: [unclosed\n---\n", "acme.map.md": Self.plan,
    ])
    defer { try? FileManager.default.removeItem(atPath: workspace.directory) }
    let broken = try SnapshotRun(
      .init(plan: workspace.directory + "/broken.map.md", asOf: CalendarDate("2026-11-23")), workspace: workspace, environment: [:])
    #expect(broken.pages.isEmpty)
    #expect(broken.problems.count == 1)
    #expect(broken.problems.first?.contains("broken.map.md:") == true, "\(broken.problems)")
    #expect(broken.problems.first?.contains("this plan is not rendered") == true)
    #expect(throws: UsageError.self) {
      try SnapshotRun(.init(plan: workspace.directory + "/acme.map.md"), workspace: workspace, environment: [:])
    }
  }
}
