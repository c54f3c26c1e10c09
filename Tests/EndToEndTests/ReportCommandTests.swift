import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// `mapc report` on the fixture portfolio (``ReportPortfolio``), through the binary.
@Suite struct ReportCommandTests {
  static func portfolio() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-report")
    try ReportPortfolio.build(in: dir)
    return dir
  }

  static let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"]

  @Test func everyFormatAndViewMatchesItsGoldenFile() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    for format in ["text", "markdown", "csv", "json"] {
      for view in ["plan", "owner", "stage"] {
        let run = try TestSupport.mapc(["report", "--format", format, "--by", view, "--today", ReportPortfolio.today], in: repo)
        #expect(run.status == 0, "\(format) \(view): \(run.stderr)")
        let name = "Tests/EndToEndTests/Goldens/report/\(view).\(Self.ext[format] ?? format)"
        if let diff = TestSupport.golden(name, run.stdout) { Issue.record(Comment(rawValue: diff)) }
      }
    }
    // A buyer's report is one buyer's: Atlas's plan.
    let buyer = try TestSupport.mapc(["report", "--audience", "buyer", "plans/atlas.map.md", "--today", ReportPortfolio.today], in: repo)
    #expect(buyer.status == 0, "\(buyer.stderr)")
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/report/plan.buyer.txt", buyer.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func theHTMLPageMatchesItsGoldenFileAndLinksToSnapshotsBesideIt() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    let out = repo.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    // A snapshot of atlas beside the page: the page links to it, and to no other.
    try "<!DOCTYPE html>".write(to: out.appendingPathComponent("atlas.html"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(
      ["report", "--format", "html", "-o", "out/portfolio.html", "--today", ReportPortfolio.today], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    let html = try String(contentsOf: out.appendingPathComponent("portfolio.html"), encoding: .utf8)
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/report/portfolio.html", html) { Issue.record(Comment(rawValue: diff)) }
    #expect(html.contains("<a href=\"atlas.html\">"))
    #expect(!html.contains("<a href=\"boreal.html\">"))
    #expect(!html.contains("<script"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.contains("Plans by band") && html.contains("Go-live slip per plan"))
    #expect(html.contains("Forecast vs baseline go-live") && html.contains("Overdue milestones by owner"))
    // Internal: the deal amounts, never the notes (the report does not show them).
    #expect(html.contains("180,000 USD"))
    #expect(!html.contains(ReportPortfolio.canary))

    // --by puts its view first after the totals.
    let byOwner = try TestSupport.mapc(
      ["report", "--format", "html", "--by", "owner", "-o", "out/owners.html", "--today", ReportPortfolio.today], in: repo)
    #expect(byOwner.status == 0, "\(byOwner.stderr)")
    let owners = try String(contentsOf: out.appendingPathComponent("owners.html"), encoding: .utf8)
    let ownersAt = try #require(owners.range(of: "id=\"h-owners\""))
    let plansAt = try #require(owners.range(of: "id=\"h-plans\""))
    #expect(ownersAt.lowerBound < plansAt.lowerBound)
    let plansFirst = try #require(html.range(of: "id=\"h-plans\""))
    let ownersLater = try #require(html.range(of: "id=\"h-owners\""))
    #expect(plansFirst.lowerBound < ownersLater.lowerBound)

    let missing = try TestSupport.mapc(["report", "--format", "html", "--today", ReportPortfolio.today], in: repo)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("--output FILE"))
  }

  @Test func renderAllWritesThePortfolioAsTheInternalIndex() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    let run = try TestSupport.mapc(["render", "--all", "-o", "site", "--audience", "internal", "--today", ReportPortfolio.today], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let index = try String(contentsOf: repo.appendingPathComponent("site/index.html"), encoding: .utf8)
    #expect(index.contains("Plans, worst first"))
    #expect(index.contains("<a href=\"atlas.html\">"))
    #expect(index.contains("<a href=\"lumen.html\">"))
    // The same page as `mapc report --format html` beside the snapshots.
    let report = try TestSupport.mapc(["report", "--format", "html", "-o", "site/report.html", "--today", ReportPortfolio.today], in: repo)
    #expect(report.status == 0, "\(report.stderr)")
    #expect(try String(contentsOf: repo.appendingPathComponent("site/report.html"), encoding: .utf8) == index)
    // The internal pages of plans with errors (stalled milestones) are drawn, with the errors said.
    #expect(run.stderr.contains("it is rendered for the internal audience, a buyer snapshot would not be"), "\(run.stderr)")
    // The buyer's index stays the list of plans, with nothing internal; a plan with an error
    // (a milestone stalled a week or more) gets no buyer page until it is brought up to date.
    let buyer = try TestSupport.mapc(["render", "--all", "-o", "buyer", "--today", ReportPortfolio.today], in: repo)
    #expect(buyer.status == 1, "\(buyer.stderr)")
    #expect(buyer.stderr.contains("error[MAP124]"), "\(buyer.stderr)")
    #expect(buyer.stderr.contains("so it is not rendered"), "\(buyer.stderr)")
    let buyerIndex = try String(contentsOf: repo.appendingPathComponent("buyer/index.html"), encoding: .utf8)
    #expect(!buyerIndex.contains("Plans, worst first"))
    #expect(!buyerIndex.contains("180,000"))
  }

  @Test func theJSONNamesTheBriefsFields() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    let run = try TestSupport.mapc(["report", "--format", "json", "--today", ReportPortfolio.today], in: repo)
    let json = try JSONParser.parse(run.stdout)
    let plans = json["plans"]?.arrayValue ?? []
    #expect(plans.count == 12)
    func plan(_ id: String) -> JSONValue? { plans.first { $0["id"]?.stringValue == id } }
    // Every band of the brief is present.
    #expect(Set(plans.compactMap { $0["band"]?.stringValue }) == ["stalled", "at-risk", "on-track", "done"])
    #expect(json["totals"]?["bands"]?["stalled"]?.numberValue == 2)
    #expect(plan("atlas")?["band_reason"]?.stringValue == "security-review is 13 days overdue")
    #expect(plan("atlas")?["go_live"]?["slip_days"]?.numberValue == 14)
    #expect(plan("atlas")?["forecast"]?["reason"]?.stringValue == "security-review is 9 business days overdue and go-live depends on it")
    #expect(plan("atlas")?["last_buyer_activity"]?["source"]?.stringValue == "commit")
    #expect(plan("atlas")?["deal"]?["amount"]?.numberValue == 180_000)
    #expect(plan("cobalt")?["band_reason"]?.stringValue == "procurement is marked off-track")
    #expect(plan("delta")?["go_live"]?["feasible"] == .bool(false))
    #expect(plan("delta")?["forecast"]?["method"]?.stringValue == "schedule")
    #expect(plan("fjord")?["band"]?.stringValue == "done")
    #expect(plan("garnet")?["stale"] == .bool(true))
    #expect(plan("boreal")?["stale"] == .bool(false))
    #expect(plan("harbor")?["last_buyer_activity"] == .null)
    #expect(plan("iris")?["last_buyer_activity"]?["detail"]?.stringValue == "commit by Iris IT")
    #expect(plan("ember")?["last_buyer_activity"]?["source"]?.stringValue == "progress")
    #expect(plan("jade")?["recent_moves"]?["unexplained"]?.numberValue == 2)
    #expect(plan("jade")?["stalled"]?.numberValue == 2)
  }

  @Test func theBuyerAudienceDropsInternalFieldsAndTheLeakGuardStopsACanary() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    for format in ["text", "markdown", "csv", "json"] {
      // Atlas's plan records a deal of 180000.
      let run = try TestSupport.mapc(
        ["report", "--audience", "buyer", "--format", format, "plans/atlas.map.md", "--today", ReportPortfolio.today], in: repo)
      #expect(run.status == 0, "\(format): \(run.stderr)")
      #expect(!run.stdout.contains("180"), "\(format) shows a deal amount")
      #expect(!run.stdout.contains("deal"), "\(format) has a deal field")
      #expect(!run.stdout.contains(ReportPortfolio.canary))
    }
    // The canary planted as internal content of every plan: the guard must stop the output
    // whatever the format, and write nothing. (The owner view names Sam Lee, the seller's AE on
    // every plan, whatever the plan's next milestone.)
    let out = repo.appendingPathComponent("buyer.html")
    let environment = ["MAPC_LEAK_GUARD_CANARY": "Sam Lee"]
    for format in ["text", "json", "html"] {
      let run = try TestSupport.mapc(
        [
          "report", "--audience", "buyer", "--by", "owner", "--format", format, "-o", out.path, "plans/atlas.map.md", "--today",
          ReportPortfolio.today,
        ], in: repo,
        environment: environment)
      #expect(run.status == 2, "\(format): \(run.stderr)")
      #expect(run.stderr.contains("nothing was written"), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: out.path))
    }
    // The buyer's report is dated by public changes only: lumen's last commit changed its
    // internal notes alone.
    let seller = try JSONParser.parse(try TestSupport.mapc(["report", "--format", "json", "--today", ReportPortfolio.today], in: repo).stdout)
    let buyerJSON = try JSONParser.parse(
      try TestSupport.mapc(
        ["report", "--format", "json", "--audience", "buyer", "plans/lumen.map.md", "--today", ReportPortfolio.today], in: repo
      ).stdout)
    func lumen(_ json: JSONValue) -> JSONValue? { json["plans"]?.arrayValue?.first { $0["id"]?.stringValue == "lumen" } }
    #expect(lumen(seller)?["last_change"]?["date"]?.stringValue == "2026-12-01")
    #expect(lumen(buyerJSON)?["last_change"]?["date"]?.stringValue == "2026-11-25")
    #expect(lumen(buyerJSON)?["days_since_last_commit"]?.numberValue == 7)

    // The internal audience is not guarded.
    let internalRun = try TestSupport.mapc(["report", "--today", ReportPortfolio.today], in: repo, environment: environment)
    #expect(internalRun.status == 0)
  }

  @Test func atARevisionAndGivenPaths() throws {
    let repo = try Self.portfolio()
    defer { try? FileManager.default.removeItem(at: repo) }
    let then = try TestSupport.mapc(["report", "--format", "csv", "--at", "HEAD~3", "--today", ReportPortfolio.today], in: repo)
    #expect(then.status == 0, "\(then.stderr)")
    // Before Atlas's champion committed, no buyer activity for atlas.
    let atlas = then.stdout.split(separator: "\r\n").first { $0.hasPrefix("atlas,") }.map(String.init) ?? ""
    #expect(atlas.contains("HEAD~3:plans/atlas.map.md"))
    #expect(!atlas.contains(",commit,"))
    let one = try TestSupport.mapc(["report", "--format", "csv", "plans/kite.map.md", "--today", ReportPortfolio.today], in: repo)
    #expect(one.stdout.split(separator: "\r\n").count == 2)
    let unknown = try TestSupport.mapc(["report", "--at", "no-such-rev"], in: repo)
    #expect(unknown.status == 2)
  }
}
