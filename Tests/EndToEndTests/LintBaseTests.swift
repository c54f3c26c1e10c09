import Foundation
import MapcTestSupport
import Testing

/// `mapc lint --base REV`: the rules that compare a plan with its version at a base revision
/// (MAP200-MAP203), on fixture repositories with a base commit and a head branch.
@Suite struct LintBaseTests {
  static func plan(
    id: String = "acme", goLive: String = "2027-03-01", kickoffDue: String = "2026-12-09", kickoffReason: String? = nil,
    securityStatus: String = "done", training: Bool = true
  ) -> String {
    """
    ---
    map: 1
    id: \(id)
    title: Acme rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3.
    go_live: \(goLive)
    stages: [implementation]
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: implementation
        owners: [dana, sam]
        due: \(kickoffDue)
    \(kickoffReason.map { "    due_reason: \($0)\n" } ?? "")    status: not-started
      - id: security
        title: Security review
        stage: implementation
        owners: [dana]
        due: 2026-11-20
        status: \(securityStatus)
    \(training ? "  - id: training\n    title: Admin training\n    stage: implementation\n    owners: [dana]\n    due: 2027-01-15\n    status: not-started\n" : "")---

    Body.

    """
  }

  struct Finding {
    var code: String
    var line: Int
    var message: String
  }

  static func findings(_ json: String) throws -> [Finding] {
    let array = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
    return array.compactMap { f in
      guard let code = f["code"] as? String else { return nil }
      return Finding(code: code, line: f["line"] as? Int ?? 0, message: f["message"] as? String ?? "")
    }
  }

  static func line(of needle: String, in text: String) -> Int {
    (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(needle) } ?? -1) + 1
  }

  /// A repository whose `main` holds the base plans, checked out on a branch `head`.
  static func repository() throws -> (URL, GitFixture) {
    let dir = try TestSupport.temporaryDirectory("mapc-lint-base")
    let fixture = try GitFixture(dir)
    try fixture.commit(
      files: [
        "plans/acme.map.md": plan(),
        "plans/reasoned.map.md": plan(id: "reasoned"),
      ], message: "Base")
    try fixture.git(["checkout", "--quiet", "-b", "head"])
    return (dir, fixture)
  }

  @Test func eachChangeRuleFindsItsChangeAtTheRightLine() throws {
    let (dir, fixture) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    // The training milestone is deleted in one commit and re-added in the next.
    try fixture.commit(files: ["plans/acme.map.md": Self.plan(training: false)], message: "Drop training")
    let head = Self.plan(goLive: "2027-03-15", kickoffDue: "2026-12-18", securityStatus: "in-progress")
    let reasoned = Self.plan(id: "reasoned", kickoffDue: "2026-12-18", kickoffReason: "Buyer's IT freeze until December 15")
    try fixture.commit(
      files: ["plans/acme.map.md": head, "plans/reasoned.map.md": reasoned], message: "Replan")

    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let all = try Self.findings(run.stdout)
    let acme = try Self.findings(
      TestSupport.mapc(["lint", "plans/acme.map.md", "--base", "main", "--today", "2026-11-23", "--format", "json"], in: dir)
        .stdout)
    func one(_ code: String, in list: [Finding]) -> Finding? {
      let matching = list.filter { $0.code == code }
      #expect(matching.count == 1, "\(code): \(run.stdout)")
      return matching.first
    }
    let moved = try #require(one("MAP200", in: acme))
    #expect(moved.line == Self.line(of: "due: 2026-12-18", in: head))
    #expect(moved.message.contains("moved 9 days later (2026-12-09 → 2026-12-18) with no reason recorded"), "\(moved.message)")
    let rewritten = try #require(one("MAP201", in: acme))
    #expect(rewritten.line == Self.line(of: "- id: training", in: head))
    let reopened = try #require(one("MAP202", in: acme))
    #expect(reopened.line == Self.line(of: "status: in-progress", in: head))
    let goLive = try #require(one("MAP203", in: acme))
    #expect(goLive.line == Self.line(of: "go_live:", in: head))
    #expect(goLive.message.contains("+14 days"), "\(goLive.message)")
    // The reasoned plan's move carries a new due_reason: no MAP200 there.
    #expect(all.filter { $0.code == "MAP200" }.count == 1, "\(run.stdout)")

    // Without --base, none of these rules run.
    let plain = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "json"], in: dir)
    #expect(try Self.findings(plain.stdout).allSatisfy { !$0.code.hasPrefix("MAP20") }, "\(plain.stdout)")
  }

  @Test func aSlipReasonTrailerExplainsTheMove() throws {
    let (dir, fixture) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18")],
      message: "Move kickoff\n\nSlip-Reason: the buyer's IT freeze\n")
    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.findings(run.stdout).allSatisfy { $0.code != "MAP200" }, "\(run.stdout)")
  }

  @Test func uncommittedEditsCountAsTheLastState() throws {
    let (dir, fixture) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.commit(files: ["plans/acme.map.md": Self.plan(training: false)], message: "Drop training")
    try fixture.write(["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-10")])
    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23", "--format", "json"], in: dir)
    let codes = try Self.findings(run.stdout).map(\.code)
    #expect(codes.contains("MAP201"), "\(run.stdout)")
    #expect(codes.contains("MAP200"), "\(run.stdout)")
    #expect(!codes.contains("MAP202") && !codes.contains("MAP203"), "\(run.stdout)")
  }

  @Test func unknownBaseExitsWith2() throws {
    let (dir, _) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--base", "no-such-branch", "--today", "2026-11-23"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("unknown revision 'no-such-branch'"), "\(run.stderr)")
  }

  @Test func outsideAGitRepositoryExitsWith2() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-lint-base-nogit")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Self.plan().write(to: dir.appendingPathComponent("acme.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("not a git repository"), "\(run.stderr)")
  }
}
