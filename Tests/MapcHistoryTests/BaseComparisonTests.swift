import Foundation
import MapcHistory
import MapcModel
import MapcTestSupport
import MapcWorkspace
import Testing

/// The base comparison of `mapc lint --base`, called as a library (no subprocess).
@Suite struct BaseComparisonTests {
  static func plan(kickoffDue: String, training: Bool = true) -> String {
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
      - { id: kickoff, title: Kickoff, stage: implementation, owners: [dana], due: \(kickoffDue), status: not-started }
    \(training ? "  - { id: training, title: Training, stage: implementation, owners: [dana], due: 2027-01-15, status: not-started }\n" : "")---
    Body.

    """
  }

  @Test func comparesWithTheBaseAndFollowsTheChange() throws {
    let repo = try GitFixture(TestSupport.temporaryDirectory("mapc-base").appendingPathComponent("repo"))
    defer { try? FileManager.default.removeItem(at: repo.directory.deletingLastPathComponent()) }
    try repo.commit(files: ["acme.map.md": Self.plan(kickoffDue: "2026-12-09")], message: "Plan agreed", date: "2026-11-02T10:00:00+00:00")
    try repo.git(["branch", "base"])
    try repo.commit(files: ["acme.map.md": Self.plan(kickoffDue: "2026-12-09", training: false)], message: "Drop training", date: "2026-11-03T10:00:00+00:00")
    try repo.commit(files: ["acme.map.md": Self.plan(kickoffDue: "2026-12-16")], message: "Training back; kickoff a week later\n\nSlip-Reason: the buyer's IT freeze", date: "2026-11-04T10:00:00+00:00")

    let now = PlanDocument(text: Self.plan(kickoffDue: "2026-12-16"))
    let contexts = try BaseComparison.contexts(
      revision: "base", plans: [now], directory: repo.directory.path, configuration: Configuration(root: repo.directory.path))
    let context = try #require(contexts.first)
    #expect(context.revision == "base")
    #expect(context.plan?.milestone("kickoff")?.due == CalendarDate("2026-12-09"))
    // The move is the one commit's, with its trailer as the reason; the compared commit is named.
    let moves = try #require(context.moves?["kickoff"])
    #expect(moves.map(\.reason) == ["the buyer's IT freeze"])
    #expect(moves.map(\.deltaDays) == [7])
    #expect(context.comparedWith.hasPrefix("base at "))
    #expect(Set(context.readdedMilestones.keys) == ["training"])
  }

  @Test func anUnknownRevisionIsAUsageError() throws {
    let repo = try GitFixture(TestSupport.temporaryDirectory("mapc-base").appendingPathComponent("repo"))
    defer { try? FileManager.default.removeItem(at: repo.directory.deletingLastPathComponent()) }
    try repo.commit(files: ["acme.map.md": Self.plan(kickoffDue: "2026-12-09")], message: "Plan agreed", date: "2026-11-02T10:00:00+00:00")
    #expect(throws: UsageError.self) {
      try BaseComparison.contexts(
        revision: "no-such-branch", plans: [], directory: repo.directory.path, configuration: Configuration(root: repo.directory.path))
    }
  }
}
