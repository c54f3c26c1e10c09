import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// `mapc report --audience buyer`: what one buyer may be shown, through the binary.
@Suite struct ReportBuyerTests {
  /// The example history with `report.buyer_domains` set, and a commit by the buyer's own
  /// Marcus Hale that changes the internal deal amount only; returns the repository and that
  /// commit's id.
  static func historyWithInternalBuyerCommit() throws -> (repo: URL, internalCommit: String) {
    let repo = try SlipCommandTests.history()
    let config = repo.appendingPathComponent("mapc.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
    try (text + "report: {buyer_domains: [brightwater.example]}\n").write(to: config, atomically: true, encoding: .utf8)
    let fixture = try GitFixture(repo, initialize: false)
    try fixture.commit(message: "Buyer domains", author: .seller, date: "2026-11-27T08:00:00+00:00")
    let plan = repo.appendingPathComponent("plans/brightwater/data-platform.map.md")
    let planText = try String(contentsOf: plan, encoding: .utf8)
    try #require(planText.contains("  amount: 180000\n"))
    try planText.replacingOccurrences(of: "  amount: 180000\n", with: "  amount: 171000\n").write(
      to: plan, atomically: true, encoding: .utf8)
    let internalCommit = try fixture.commit(
      message: "Internal: KOALASECRET price floor",
      author: GitFixture.Author("Marcus Hale", "marcus.hale@brightwater.example"), date: "2026-11-28T10:00:00+00:00")
    return (repo, internalCommit)
  }

  @Test func anInternalOnlyCommitIsNoBuyerActivityAndNotTheBuyersCommit() throws {
    let (repo, internalCommit) = try Self.historyWithInternalBuyerCommit()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let base = ["report", "--today", "2026-11-30"]

    // The seller's report sees the buyer's commit: it is theirs to see.
    let seller = try TestSupport.mapc(base, in: repo)
    #expect(seller.status == 0, "\(seller.stderr)")
    #expect(seller.stdout.contains("last buyer activity: 2026-11-28 (2 days ago), commit by Marcus Hale"), "\(seller.stdout)")

    // The buyer's report counts only commits that changed what the buyer sees.
    for format in ["text", "markdown", "csv", "json"] {
      let run = try TestSupport.mapc(base + ["--audience", "buyer", "--format", format], in: repo)
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(!run.stdout.contains("2026-11-28"), "\(format) shows the internal-only commit's date: \(run.stdout)")
      #expect(!run.stdout.contains(internalCommit), "\(format) shows the internal-only commit's id")
      #expect(!run.stdout.contains(String(internalCommit.prefix(7))), "\(format) shows the internal-only commit's short id")
      #expect(!run.stdout.contains("KOALASECRET"))
    }
    let json = try JSONParser.parse(
      try TestSupport.mapc(base + ["--audience", "buyer", "--format", "json"], in: repo).stdout)
    let plan = try #require(json["plans"]?.arrayValue?.first)
    // The buyer sees the last buyer activity as it was before the internal-only commit.
    let before = try JSONParser.parse(
      try TestSupport.mapc(base + ["--audience", "buyer", "--format", "json", "--at", "HEAD~1"], in: repo).stdout)
    let activityBefore = try #require(before["plans"]?.arrayValue?.first?["last_buyer_activity"])
    #expect(activityBefore["date"]?.stringValue == "2026-11-23")
    #expect(plan["last_buyer_activity"] == activityBefore)
    // The report's commit is the last commit that changed public content: the plan's last change.
    let lastChange = try #require(plan["last_change"]?["commit"]?.stringValue)
    #expect(json["commit"]?.stringValue == lastChange)
    #expect(lastChange != internalCommit)

    // A commit of Marcus's that changes what the buyer sees is buyer activity the buyer sees.
    let fixture = try GitFixture(repo, initialize: false)
    let planFile = repo.appendingPathComponent("plans/brightwater/data-platform.map.md")
    let planText = try String(contentsOf: planFile, encoding: .utf8)
    try #require(planText.contains("\n## "))
    try planText.replacingOccurrences(of: "\n## ", with: "\nA public line from the buyer.\n\n## ").write(
      to: planFile, atomically: true, encoding: .utf8)
    let publicCommit = try fixture.commit(
      message: "A public line", author: GitFixture.Author("Marcus Hale", "marcus.hale@brightwater.example"),
      date: "2026-11-29T10:00:00+00:00")
    let after = try JSONParser.parse(
      try TestSupport.mapc(base + ["--audience", "buyer", "--format", "json"], in: repo).stdout)
    let activityAfter = try #require(after["plans"]?.arrayValue?.first?["last_buyer_activity"])
    #expect(activityAfter["date"]?.stringValue == "2026-11-29")
    #expect(activityAfter["detail"]?.stringValue == "commit by Marcus Hale")
    #expect(after["commit"]?.stringValue == publicCommit)
  }

  @Test func aBuyersReportOverPlansOfSeveralBuyersIsRefused() throws {
    let repo = try ReportCommandTests.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    let out = repo.appendingPathComponent("buyer.json")
    let run = try TestSupport.mapc(
      ["report", "--audience", "buyer", "--format", "json", "-o", out.path, "--today", ReportPortfolio.today], in: repo)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: out.path))
    #expect(run.stderr.contains("one buyer"), "\(run.stderr)")
    #expect(run.stderr.contains("\"Atlas\"") && run.stderr.contains("\"Lumen\""), "\(run.stderr)")
    #expect(run.stderr.contains("pass the plans of one buyer as paths"), "\(run.stderr)")
    // Two plans of two buyers, named as paths: refused too.
    let two = try TestSupport.mapc(
      ["report", "--audience", "buyer", "plans/atlas.map.md", "plans/kite.map.md", "--today", ReportPortfolio.today], in: repo)
    #expect(two.status == 2)
    #expect(two.stderr.contains("\"Atlas\", \"Kite\""), "\(two.stderr)")
    // One buyer's plan: written.
    let one = try TestSupport.mapc(
      ["report", "--audience", "buyer", "plans/atlas.map.md", "--today", ReportPortfolio.today], in: repo)
    #expect(one.status == 0, "\(one.stderr)")
    #expect(one.stdout.contains("atlas"))
    // The seller's report covers every buyer.
    let seller = try TestSupport.mapc(["report", "--today", ReportPortfolio.today], in: repo)
    #expect(seller.status == 0)
  }

  @Test func plansOfOneBuyerMakeOneBuyersReport() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-report-buyer")
    defer { try? FileManager.default.removeItem(at: dir) }
    func plan(_ id: String, buyer: String) -> String {
      """
      ---
      map: 1
      id: \(id)
      title: \(id) rollout
      buyer: \(buyer)
      seller: Northwind
      go_live: 2027-03-01
      milestones:
        - { id: kickoff, title: Kickoff, due: 2027-01-10, status: not-started }
      ---

      """
    }
    let fixture = try GitFixture(dir)
    try fixture.commit(
      files: ["a.map.md": plan("alpha", buyer: "Acme Corp"), "b.map.md": plan("beta", buyer: "Acme Corp ")], message: "Add",
      date: "2026-11-02T09:00:00+00:00")
    let run = try TestSupport.mapc(["report", "--audience", "buyer", "--today", "2026-12-01"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("alpha") && run.stdout.contains("beta"))
    // A plan that names no buyer could be anyone's.
    try fixture.write(["c.map.md": plan("gamma", buyer: "''")])
    let unnamed = try TestSupport.mapc(["report", "--audience", "buyer", "--today", "2026-12-01"], in: dir)
    #expect(unnamed.status == 2, "\(unnamed.stderr)")
    #expect(unnamed.stderr.contains("\"Acme Corp\", no buyer in c.map.md"), "\(unnamed.stderr)")
  }
}
