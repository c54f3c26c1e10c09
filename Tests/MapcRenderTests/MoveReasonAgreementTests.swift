import Foundation
import MapcHistory
import MapcModel
import MapcRender
import MapcTestSupport
import MapcWorkspace
import Testing

/// Issue 14, point 2: slip, `lint --base` (the base comparison MAP200 reads), diff and render
/// give every move the same reason, on the same repository, because they take it from one
/// function (``MoveReason``) through the slip analysis.
@Suite struct MoveReasonAgreementTests {
  struct Reasons: Equatable, CustomStringConvertible {
    var slip: String?
    var lint: String?
    var diff: String?
    var render: String?
    var description: String { "slip: \(slip ?? "nil"), lint: \(lint ?? "nil"), diff: \(diff ?? "nil"), render: \(render ?? "nil")" }
  }

  /// The reason of the latest move of each milestone that diff reports moved, as each command sees it.
  static func reasons(base: String, in dir: URL) throws -> [String: Reasons] {
    let workspace = try Workspace.open(directory: dir.path, today: CalendarDate(MoveHistory.today), environment: [:])
    let path = dir.appendingPathComponent(MoveHistory.planPath).path
    let slip = try #require(try SlipRun.report(.init(), workspace: workspace).plans.first { $0.id == "acme" })
    let context = try #require(
      try BaseComparison.contexts(
        revision: base, plans: [PlanDocument.read(path: path)], directory: dir.path, configuration: workspace.configuration
      ).first)
    let diff = try DiffRun.report(base: base, head: nil, audience: .internal, workspace: workspace)
    let render = try SnapshotRun(.init(plan: path, audience: .internal, base: base), workspace: workspace, environment: [:])
    let changes = try #require(render.pages.first?.snapshot.history.changes?.entries)
    var out: [String: Reasons] = [:]
    for entry in diff.plans.first?.entries ?? [] where entry.kind == .dueMoved {
      guard let id = entry.milestone else { continue }
      out[id] = Reasons(
        slip: slip.milestones.first { $0.id == id }?.moves.last?.reason,
        lint: context.moves?[id]?.last?.reason,
        diff: entry.reason,
        render: changes.first { $0.kind == .dueMoved && $0.milestone == id }?.reason)
    }
    return out
  }

  @Test func slipLintDiffAndRenderGiveEachMoveTheSameReason() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    var seen: [String: Reasons] = [:]
    func check(_ name: String, base: String) throws {
      let reasons = try Self.reasons(base: base, in: dir)
      #expect(!reasons.isEmpty, "\(name): no move compared")
      for (id, r) in reasons.sorted(by: { $0.key < $1.key }) {
        #expect(r.slip == r.lint && r.lint == r.diff && r.diff == r.render, "\(name), \(id): \(r)")
        seen["\(name) \(id)"] = r
      }
    }
    // main against its first commit: moves made on merged branches, a squash, a conflict resolution.
    try check("main", base: "main~5")
    for branch in ["legal-slip", "integration-slip", "diverged"] {
      try f.git(["checkout", "--quiet", branch])
      try check(branch, base: "main")
    }
    try f.git(["checkout", "--quiet", "main"])
    try MoveHistory.checkoutTestMerge(of: "integration-slip", in: f)
    try check("test merge", base: "main")

    // The fixture holds both kinds: explained moves, and moves with no reason.
    #expect(seen["main security-review"]?.slip == "The HECVAT questionnaire grew to 240 questions")
    #expect(seen["legal-slip security-review"]?.slip == "the pen test report is late")
    #expect(seen["legal-slip legal-review"] == Reasons(slip: nil, lint: nil, diff: nil, render: nil))
    #expect(seen["test merge integration"] == Reasons(slip: nil, lint: nil, diff: nil, render: nil))
  }
}
