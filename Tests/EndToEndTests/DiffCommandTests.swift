import Foundation
import MapcTestSupport
import Testing

/// `mapc diff` on the scripted example history (Examples/history/build.py) and on small
/// fixture repositories, through the binary.
@Suite struct DiffCommandTests {
  static let planPath = "plans/brightwater/data-platform.map.md"

  /// On the first-parent history, HEAD~3 is "Drop the reference calls"; between it and HEAD come
  /// the merge of the replan (go-live 2027-02-15 → 2027-03-01), a status change and the move
  /// of the file into a folder.
  @Test(arguments: ["text", "markdown", "json"])
  func replanMatchesGoldenFiles(format: String) throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["diff", "HEAD~3", "HEAD", "--format", format], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let ext = ["text": "txt", "markdown": "md", "json": "json"][format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/diff.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func goLiveMoveComesFirstAndTheMovedFileIsTheSamePlan() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["diff", "HEAD~3", "HEAD"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.split(separator: "\n").map(String.init)
    let changes = lines.filter { $0.hasPrefix("  - ") }
    #expect(changes.first == "  - go-live: 2027-02-15 → 2027-03-01 (+14 days)", "\(run.stdout)")
    #expect(run.stdout.contains("moved plans/brightwater.map.md → plans/brightwater/data-platform.map.md"))
    #expect(!run.stdout.contains("plan added"))
    #expect(!run.stdout.contains("plan deleted"))
    let markdown = try TestSupport.mapc(["diff", "HEAD~3", "HEAD", "--format", "markdown"], in: repo)
    #expect(markdown.stdout.contains("**brightwater-data-platform** — go-live +14 days;"))
    #expect(markdown.stdout.contains("5 milestones moved"))
    #expect(markdown.stdout.contains("<details>"))
  }

  @Test func workingTreeEditsAreTheDefaultHead() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let file = repo.appendingPathComponent(Self.planPath)
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacing("    due: 2026-12-15\n", with: "    due: 2026-12-22\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["diff", "HEAD"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("HEAD → working tree"))
    #expect(
      run.stdout.contains(
        "due date moved: vendor-onboarding (Northwind onboarded as an approved supplier): 2026-12-15 → 2026-12-22 (+7 days; slip +7 days against baseline 2026-12-15)"
      ), "\(run.stdout)")
    // Against an older base, the slip is still measured from the baseline in history.
    let older = try TestSupport.mapc(["diff", "HEAD~1", "--format", "json"], in: repo)
    #expect(older.stdout.contains(#""slip_days": 7"#), "\(older.stdout)")
  }

  @Test func buyerAudienceLeavesInternalChangesOut() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let file = repo.appendingPathComponent(Self.planPath)
    let text = try String(contentsOf: file, encoding: .utf8)
    let edited = text.replacing("  amount: 180000\n", with: "  amount: 190000\n")
      .replacing("    due: 2026-12-15\n", with: "    due: 2026-12-22\n")
    #expect(edited != text)
    try edited.write(to: file, atomically: true, encoding: .utf8)
    let canary = "/internal/amount"
    for format in ["text", "markdown", "json"] {
      let seller = try TestSupport.mapc(["diff", "HEAD", "--format", format], in: repo)
      #expect(seller.status == 0, "\(seller.stderr)")
      #expect(seller.stdout.contains(canary), "\(format): \(seller.stdout)")
      #expect(seller.stdout.contains("vendor-onboarding"))
      let buyer = try TestSupport.mapc(["diff", "HEAD", "--format", format, "--audience", "buyer"], in: repo)
      #expect(buyer.status == 0, "\(buyer.stderr)")
      #expect(!buyer.stdout.contains(canary), "\(format): \(buyer.stdout)")
      #expect(!buyer.stdout.contains("internal change"))
      #expect(buyer.stdout.contains("vendor-onboarding"))
    }
    let text2 = try TestSupport.mapc(["diff", "HEAD"], in: repo)
    #expect(text2.stdout.contains("[internal] deal information /internal/amount changed"))
  }

  static func plan(_ id: String, milestones: String = "", stakeholders: String = "", extra: String = "") -> String {
    """
    ---
    map: 1
    id: \(id)
    title: Plan \(id)
    go_live: 2027-03-01
    \(extra)stakeholders:
      - id: champion
        role: champion
        side: buyer
    \(stakeholders)milestones:
      - id: kickoff
        title: Kickoff
        due: 2027-01-10
        status: not-started
        owners: [champion]
    \(milestones)---

    Body.

    """
  }

  @Test func planAddedDeletedAndStakeholderNamed() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-diff")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = try GitFixture(dir)
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan("acme"), "plans/old.map.md": Self.plan("old-deal")], message: "Base")
    try fixture.git(["tag", "base"])
    let renamedAndAdded = Self.plan("acme", milestones: """
        - id: security
          title: Security review passed
          due: 2027-01-20
          owners: [champion]

      """)
      .replacing("  - id: champion\n    role: champion\n", with: "  - id: champion\n    name: Ana Ruiz\n    role: champion\n")
      .replacing("title: Kickoff\n", with: "title: Project launch\n")
      .replacing("status: not-started\n", with: "status: in-progress\n    risk: at-risk\n")
    try fixture.commit(
      files: ["plans/acme.map.md": renamedAndAdded, "plans/old.map.md": nil, "plans/new.map.md": Self.plan("new-deal")],
      message: "Head", date: "2026-01-06T09:00:00+00:00")
    let run = try TestSupport.mapc(["diff", "base", "HEAD"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("new-deal — Plan new-deal: plan added (plans/new.map.md)"), "\(run.stdout)")
    #expect(run.stdout.contains("old-deal — Plan old-deal: plan deleted (plans/old.map.md)"))
    #expect(run.stdout.contains("milestone added: security (Security review passed), due 2027-01-20"))
    #expect(run.stdout.contains(#"milestone renamed: kickoff: "Kickoff" → "Project launch""#))
    #expect(run.stdout.contains("status: kickoff (Project launch): not-started → in-progress"))
    #expect(run.stdout.contains("risk: kickoff (Project launch): - → at-risk"))
    #expect(run.stdout.contains("stakeholder named: champion: role champion is now Ana Ruiz"))
    let json = try TestSupport.mapc(["diff", "base", "HEAD", "--format", "json"], in: dir)
    #expect(json.stdout.contains(#""status": "added""#))
    #expect(json.stdout.contains(#""status": "removed""#))
    #expect(json.stdout.contains(#""kind": "stakeholder_named""#))
    // Deterministic.
    #expect(try TestSupport.mapc(["diff", "base", "HEAD", "--format", "json"], in: dir).stdout == json.stdout)
    // No change at all.
    let same = try TestSupport.mapc(["diff", "HEAD", "HEAD"], in: dir)
    #expect(same.status == 0)
    #expect(same.stdout.contains("No plan changes."))
  }

  /// A pull request that touches every kind of plan change: at `base`, plans/acme.map.md
  /// (its kickoff first committed due 2027-01-10, moved to 2027-01-12 before the base) and
  /// plans/old.map.md; at `head`, acme moved to plans/acme/rollout.map.md with its kickoff
  /// renamed and moved again, a milestone added and one removed, go-live moved, a stakeholder
  /// named and internal notes changed; old.map.md deleted; plans/new.map.md added.
  static func reviewFixture() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-diff-review")
    let fixture = try GitFixture(dir)
    func acme(goLive: String, kickoffTitle: String, kickoffDue: String, named: Bool, amount: Int, extra: String) -> String {
      """
      ---
      map: 1
      id: acme
      title: Acme rollout
      go_live: \(goLive)
      stakeholders:
        - id: champion
      \(named ? "    name: Ana Ruiz\n" : "")    role: champion
          side: buyer
        - id: sam
          name: Sam Okafor
          role: account-executive
          side: seller
      milestones:
        - id: kickoff
          title: \(kickoffTitle)
          due: \(kickoffDue)
          status: not-started
          owners: [champion, sam]
      \(extra)internal:
        amount: \(amount)
      ---

      Body.

      """
    }
    let security = """
        - id: security
          title: Security review passed
          due: 2027-01-20
          status: not-started
          owners: [champion]

      """
    let training = """
        - id: training
          title: Admin training
          due: 2027-02-01
          status: not-started
          owners: [champion, sam]
          internal:
            note: Bring the new trainer.

      """
    try fixture.commit(
      files: [
        "plans/acme.map.md": acme(
          goLive: "2027-03-01", kickoffTitle: "Kickoff", kickoffDue: "2027-01-10", named: false, amount: 120000, extra: security),
        "plans/old.map.md": Self.plan("old-deal"),
      ], message: "Add the Acme and old plans")
    try fixture.commit(
      files: [
        "plans/acme.map.md": acme(
          goLive: "2027-03-01", kickoffTitle: "Kickoff", kickoffDue: "2027-01-12", named: false, amount: 120000, extra: security)
      ], message: "Move the kickoff", date: "2026-01-06T09:00:00+00:00")
    try fixture.git(["tag", "base"])
    try fixture.commit(
      files: [
        "plans/acme/rollout.map.md": acme(
          goLive: "2027-03-15", kickoffTitle: "Project launch", kickoffDue: "2027-01-20", named: true, amount: 150000,
          extra: training),
        "plans/acme.map.md": nil,
        "plans/old.map.md": nil,
        "plans/new.map.md": Self.plan("new-deal"),
      ], message: "Replan Acme, close the old deal, add the new one", date: "2026-01-07T09:00:00+00:00")
    try fixture.git(["tag", "head"])
    return dir
  }

  /// Golden files for each format and audience over `reviewFixture`: a plan added, a plan
  /// deleted, a moved plan file and a renamed milestone are all in them.
  @Test(arguments: ["text", "markdown", "json"], ["internal", "buyer"])
  func reviewChangesMatchGoldenFiles(format: String, audience: String) throws {
    let dir = try Self.reviewFixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["diff", "base", "head", "--format", format, "--audience", audience], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let ext = ["text": "txt", "markdown": "md", "json": "json"][format] ?? format
    let name = audience == "buyer" ? "diff-review.buyer.\(ext)" : "diff-review.\(ext)"
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/\(name)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
    // What each golden file must show, so that regenerating them cannot drop a case unnoticed.
    let expected: [String] =
      switch format {
      case "json":
        [#""status": "added""#, #""status": "removed""#, #""moved": true"#, #""kind": "milestone_renamed""#]
      default:
        [
          "new-deal — Plan new-deal: plan added (plans/new.map.md)",
          "old-deal — Plan old-deal: plan deleted (plans/old.map.md)",
          "moved plans/acme.map.md → plans/acme/rollout.map.md",
          #"milestone renamed: kickoff: "Kickoff" → "Project launch""#,
        ]
      }
    for needle in expected { #expect(run.stdout.contains(needle), "\(format) \(audience): \(needle)\n\(run.stdout)") }
    #expect(run.stdout.contains("/internal/amount") == (audience == "internal"), "\(run.stdout)")
    // Internal values never appear, for either audience: only which key changed.
    for secret in ["120000", "150000", "Bring the new trainer"] { #expect(!run.stdout.contains(secret)) }
  }

  @Test func faultsAreClearAndExitWithTwo() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-diff-faults")
    defer { try? FileManager.default.removeItem(at: dir) }
    let notRepo = try TestSupport.mapc(["diff", "HEAD"], in: dir)
    #expect(notRepo.status == 2)
    #expect(notRepo.stderr.contains("not a git repository"), "\(notRepo.stderr)")

    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let unknown = try TestSupport.mapc(["diff", "no-such-branch"], in: repo)
    #expect(unknown.status == 2)
    #expect(unknown.stderr.contains("unknown revision 'no-such-branch'"), "\(unknown.stderr)")
    let unknownHead = try TestSupport.mapc(["diff", "HEAD~1", "nope~2"], in: repo)
    #expect(unknownHead.status == 2)
    #expect(unknownHead.stderr.contains("unknown revision 'nope~2'"))

    // A shallow clone: an unknown (cut-off) revision says so; a diff within reach works without slip.
    let shallow = dir.appendingPathComponent("shallow")
    _ = try SlipCommandTests.git(["clone", "-q", "--depth", "2", "file://" + repo.path, shallow.path], in: dir)
    let cut = try TestSupport.mapc(["diff", "HEAD~5"], in: shallow)
    #expect(cut.status == 2)
    #expect(cut.stderr.contains("shallow clone"), "\(cut.stderr)")
    let near = try TestSupport.mapc(["diff", "HEAD~1", "HEAD"], in: shallow)
    #expect(near.status == 0, "\(near.stderr)")
    #expect(near.stdout.contains("slip against the baselines is left out"), "\(near.stdout)")
  }
}
