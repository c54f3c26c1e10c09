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

  /// On a pull request, actions/checkout checks out GitHub's test merge (refs/pull/N/merge):
  /// a merge commit whose first parent is the base and whose second is the branch. The
  /// branch's own commits are still the change: a `Slip-Reason:` in one of them explains a
  /// move, and a milestone deleted and re-added in them is found.
  @Test func aTestMergeOfTheBranchIntoTheBaseIsReadThroughTheBranch() throws {
    let (dir, fixture) = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.commit(files: ["plans/acme.map.md": Self.plan(training: false)], message: "Drop training")
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18")],
      message: "Move kickoff, bring training back\n\nSlip-Reason: the buyer's IT freeze\n")
    // main moves on meanwhile, then the test merge.
    try fixture.git(["checkout", "--quiet", "main"])
    try fixture.commit(files: ["plans/other.map.md": Self.plan(id: "other")], message: "Other")
    try fixture.git(["checkout", "--quiet", "--detach", "main"])
    try fixture.git(["merge", "--quiet", "--no-ff", "--no-edit", "head"])
    let parents = try fixture.git(["log", "-1", "--format=%P"]).split(separator: " ").count
    #expect(parents == 2)
    let codes = try Self.lintJSON(in: dir).map(\.code)
    #expect(!codes.contains("MAP200"), "\(codes)")
    #expect(codes.contains("MAP201"), "\(codes)")
  }

  /// main: a plan whose kickoff was first committed due 2026-12-09, then moved to 2026-12-18.
  /// Returns the fixture and the id of the commit that recorded the first date.
  static func historyWithAMove() throws -> (URL, GitFixture, String) {
    let dir = try TestSupport.temporaryDirectory("mapc-lint-rewrite")
    let fixture = try GitFixture(dir)
    try fixture.commit(files: ["README.md": "Plans\n"], message: "Start")
    let first = try fixture.commit(
      files: ["plans/acme.map.md": plan(kickoffDue: "2026-12-09")], message: "Add the Acme plan",
      date: "2026-01-06T09:00:00+00:00")
    try fixture.commit(
      files: ["plans/acme.map.md": plan(kickoffDue: "2026-12-18")], message: "Move kickoff\n\nSlip-Reason: IT freeze\n",
      date: "2026-01-07T09:00:00+00:00")
    return (dir, fixture, first)
  }

  static func lintJSON(base: String = "main", in dir: URL) throws -> [Finding] {
    let run = try TestSupport.mapc(["lint", "--base", base, "--today", "2026-11-23", "--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    return try findings(run.stdout)
  }

  /// A branch that rewrote main's history (the plan's first commit edited to say 2026-12-18,
  /// the move dropped) so kickoff seems never to have slipped: at the base and at HEAD the
  /// plan is the same, and only the histories show the edit.
  @Test func editedHistoryIsReportedWhereTheBaselineChanged() throws {
    let (dir, fixture, first) = try Self.historyWithAMove()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.git(["checkout", "--quiet", "-b", "head", "main~2"])
    let edited = Self.plan(kickoffDue: "2026-12-18")
    try fixture.commit(files: ["plans/acme.map.md": edited], message: "Add the Acme plan", date: "2026-01-06T09:00:00+00:00")
    let own = try fixture.commit(
      files: ["plans/other.map.md": Self.plan(id: "other")], message: "Add the Other plan", date: "2026-01-08T09:00:00+00:00")

    let found = try Self.lintJSON(in: dir).filter { $0.code.hasPrefix("MAP20") }
    #expect(found.map(\.code) == ["MAP201"], "\(found)")
    let finding = try #require(found.first)
    #expect(finding.line == Self.line(of: "due: 2026-12-18", in: edited))
    #expect(
      finding.message
        == "history edited: `kickoff`'s baseline is 2026-12-09 in the history of main (set in \(first.prefix(7))) but 2026-12-18 in the history of HEAD, which lacks \(first.prefix(7))",
      "\(finding.message)")
    let text = try TestSupport.mapc(["lint", "plans/acme.map.md", "--base", "main", "--today", "2026-11-23"], in: dir)
    #expect(text.stdout.contains("help: keep the history of main as it is"), "\(text.stdout)")

    // Uncommitted edits do not hide it: the working tree is HEAD's last state.
    try fixture.write(["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18", training: false)])
    #expect(try Self.lintJSON(in: dir).contains { $0.code == "MAP201" })
    try fixture.git(["checkout", "--quiet", "--", "plans/acme.map.md"])

    // The fix the help names: the branch's own commit on top of main. Then HEAD descends from main.
    try fixture.git(["rebase", "--quiet", "--onto", "main", "\(own)~1"])
    #expect(try !Self.lintJSON(in: dir).contains { $0.code == "MAP201" })
  }

  /// main is force-pushed with its history edited (kickoff's first commit now says 2026-12-18,
  /// the move gone) while a pull request made on the old main is open. GitHub's test merge of
  /// that branch into the new main descends from it, so the branch (HEAD^2) is compared.
  @Test func aTestMergeComparesItsBranchWithTheBase() throws {
    let (dir, fixture, _) = try Self.historyWithAMove()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.git(["checkout", "--quiet", "-b", "pr"])
    try fixture.commit(files: ["plans/other.map.md": Self.plan(id: "other")], message: "Other", date: "2026-01-08T09:00:00+00:00")
    try fixture.git(["checkout", "--quiet", "-B", "main", "main~2"])
    let edited = try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18")], message: "Add the Acme plan",
      date: "2026-01-06T09:00:00+00:00")
    try fixture.git(["checkout", "--quiet", "--detach", "main"])
    try fixture.git(["merge", "--quiet", "--no-ff", "--no-edit", "pr"], date: "2026-01-09T09:00:00+00:00")

    let found = try Self.lintJSON(in: dir).filter { $0.code.hasPrefix("MAP20") }
    #expect(found.map(\.code) == ["MAP201"], "\(found)")
    #expect(
      found.first?.message
        == "history edited: `kickoff`'s baseline is 2026-12-18 in the history of main (set in \(edited.prefix(7))) but 2026-12-09 in the history of HEAD^2, which lacks \(edited.prefix(7))",
      "\(found)")
  }

  /// Histories that diverge without an edit: a branch behind main, and a branch that merged
  /// main in and then fell behind (its first-parent history sees kickoff first at the merge,
  /// already moved, so its baseline differs from main's, yet main's commit is in its history).
  /// A branch ahead of main is the usual case. None of them is an edited history.
  @Test func historiesThatOnlyDivergeAreNotEdits() throws {
    let (dir, fixture, _) = try Self.historyWithAMove()
    defer { try? FileManager.default.removeItem(at: dir) }

    try fixture.git(["checkout", "--quiet", "-b", "behind", "main~1"])
    try fixture.commit(files: ["plans/other.map.md": Self.plan(id: "other")], message: "Other", date: "2026-01-08T09:00:00+00:00")
    #expect(try Self.lintJSON(in: dir).allSatisfy { $0.code != "MAP201" })

    try fixture.git(["checkout", "--quiet", "-b", "merged", "main~2"])
    try fixture.commit(files: ["plans/other.map.md": Self.plan(id: "other")], message: "Other", date: "2026-01-08T09:00:00+00:00")
    try fixture.git(["merge", "--quiet", "--no-ff", "--no-edit", "main"], date: "2026-01-09T09:00:00+00:00")
    try fixture.git(["checkout", "--quiet", "main"])
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18", training: false)], message: "Drop training",
      date: "2026-01-10T09:00:00+00:00")
    try fixture.git(["checkout", "--quiet", "merged"])
    func baseline(at revision: String) throws -> String? {
      let slip = try TestSupport.mapc(["slip", "--at", revision, "--format", "json", "--today", "2026-11-23"], in: dir)
      let json = try #require(try JSONSerialization.jsonObject(with: Data(slip.stdout.utf8)) as? [String: Any])
      let plans = json["plans"] as? [[String: Any]] ?? []
      let milestones = plans.first { $0["id"] as? String == "acme" }?["milestones"] as? [[String: Any]] ?? []
      return milestones.first { $0["id"] as? String == "kickoff" }?["baseline"] as? String
    }
    // The two first-parent histories do give kickoff different baselines.
    #expect(try baseline(at: "main") == "2026-12-09")
    #expect(try baseline(at: "merged") == "2026-12-18")
    #expect(try Self.lintJSON(in: dir).allSatisfy { $0.code != "MAP201" })

    try fixture.git(["checkout", "--quiet", "-b", "ahead", "main"])
    try fixture.commit(files: ["plans/other.map.md": Self.plan(id: "other")], message: "Other", date: "2026-01-11T09:00:00+00:00")
    #expect(try Self.lintJSON(in: dir).allSatisfy { $0.code != "MAP201" })
  }

  /// In a shallow clone neither the commits since the base nor the histories can be read: the
  /// change rules are skipped, and mapc says so once and how to fetch the full history, as the
  /// CI recipes do; the other rules still run.
  @Test func aShallowCloneAsksForTheFullHistory() throws {
    let (dir, fixture, _) = try Self.historyWithAMove()
    defer { try? FileManager.default.removeItem(at: dir) }
    try fixture.git(["checkout", "--quiet", "-b", "head", "main~2"])
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-18")], message: "Add the Acme plan",
      date: "2026-01-06T09:00:00+00:00")
    let clone = dir.appendingPathComponent("clone")
    try fixture.git(["clone", "--quiet", "--depth", "1", "--no-single-branch", "file://" + dir.path, clone.path])
    try fixture.git(["checkout", "--quiet", "head"], in: clone)
    let run = try TestSupport.mapc(
      ["lint", "--base", "origin/main", "--today", "2026-11-23", "--format", "json"], in: clone)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("the repository is a shallow clone, so the history rules (MAP190, MAP200-MAP203) were skipped"), "\(run.stderr)")
    #expect(run.stderr.contains("fetch-depth: 0"), "\(run.stderr)")
    #expect(try Self.findings(run.stdout).allSatisfy { !$0.code.hasPrefix("MAP20") && $0.code != "MAP190" }, "\(run.stdout)")
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
