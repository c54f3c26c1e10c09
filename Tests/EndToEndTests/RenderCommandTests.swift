import MapcWorkspace
import Foundation
import MapcTestSupport
import Testing

/// `mapc render` through the binary: golden snapshots of the examples, the scripted history,
/// branding, faults, and the leak and determinism guarantees on real files.
@Suite struct RenderCommandTests {
  static let examples = ["enterprise-data-platform", "midmarket-support-desk", "onboarding-logistics"]

  /// The example plans copied outside any git repository, so their snapshots do not depend on
  /// the history of the mapc repository itself.
  static func examplesCopy() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-render")
    for name in examples + ["mapc"] {
      let file = name == "mapc" ? "mapc.yml" : "\(name).map.md"
      try FileManager.default.copyItem(
        at: TestSupport.packageRoot.appendingPathComponent("Examples/\(file)"), to: dir.appendingPathComponent(file))
    }
    return dir
  }

  static func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  @Test(arguments: examples)
  func examplesMatchGoldenSnapshots(name: String) throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["render", "\(name).map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/render/\(name).html", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
    // Small enough to mail: at most 150 KB without a logo.
    #expect(run.stdout.utf8.count <= 150 * 1024, "\(name): \(run.stdout.utf8.count) bytes")
  }

  @Test func internalAudienceMatchesGoldenSnapshot() throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(
      ["render", "enterprise-data-platform.map.md", "--as-of", "2026-11-23", "--audience", "internal"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/render/enterprise-data-platform.internal.html", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  /// The security policy is the first thing after the charset, before anything could load.
  @Test func contentSecurityPolicyComesFirst() throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let html = try TestSupport.mapc(["render", "enterprise-data-platform.map.md", "--as-of", "2026-11-23"], in: dir).stdout
    let head = html.components(separatedBy: "\n").prefix(6).joined(separator: "\n")
    #expect(
      head.contains(
        "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:;"
      ))
    #expect(!html.contains("<script"))
    #expect(!html.contains("src=\"http"))
    #expect(!html.contains("<link"))
  }

  /// On the scripted history: slip badges, the trend chart, what changed, the commit in the
  /// footer, and the as-of date from the plan's last commit (no flag, no SOURCE_DATE_EPOCH).
  @Test func exampleHistoryMatchesGoldenSnapshot() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["render", "plans/brightwater/data-platform.map.md", "--base", "HEAD~5"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let html = run.stdout
    #expect(html.contains("As of <time datetime=\"2026-11-20\">20 Nov 2026</time>"))
    #expect(html.contains("How the dates have moved"))
    #expect(html.contains("What changed since 6 Nov 2026: Technical validation passed: 9-day close reproduced in 3"))
    #expect(html.contains("Go-live moved from 15 Feb 2027 to 1 Mar 2027 (+14 days)."))
    #expect(html.contains("<span class=\"slip late\" title=\"Baseline 4 Dec 2026\">+13 days since baseline</span>"))
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/render/history-since.html", html) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func atRendersThePlanAsItWas() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    // Before the move into plans/brightwater/, the plan was plans/brightwater.map.md.
    // The plan had an error then (see RenderChecksTests): the team's page shows it as it was.
    let old = try TestSupport.mapc(["render", "plans/brightwater.map.md", "--at", "HEAD~5", "--audience", "internal"], in: repo)
    #expect(old.status == 0, "\(old.stderr)")
    #expect(old.stdout.contains("Go-live</p><p class=\"date\"><time datetime=\"2027-02-15\">15 Feb 2027</time>"))
    #expect(old.stdout.contains("Two reference calls with insurance finance teams"))
    let missing = try TestSupport.mapc(["render", "plans/brightwater/data-platform.map.md", "--at", "HEAD~5"], in: repo)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("does not exist at HEAD~5"))
  }

  /// `--all`: every plan and an index; the same bytes twice; atomic writes leave no temp files.
  @Test func allRendersEveryPlanAndAnIndexDeterministically() throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["SOURCE_DATE_EPOCH": "1795392000"]  // 2026-11-23
    let first = try TestSupport.mapc(["render", "--all", "-o", "out1"], in: dir, environment: env)
    let second = try TestSupport.mapc(["render", "--all", "-o", "out2"], in: dir, environment: env)
    #expect(first.status == 0, "\(first.stderr)")
    #expect(second.status == 0)
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out1").path).sorted()
    #expect(
      files == ["brightwater-data-platform.html", "copperline-support-desk.html", "harrow-vane-onboarding.html", "index.html"])
    for f in files {
      let a = try Data(contentsOf: dir.appendingPathComponent("out1/\(f)"))
      let b = try Data(contentsOf: dir.appendingPathComponent("out2/\(f)"))
      #expect(a == b, "\(f) differs between two runs")
    }
    let index = try Self.read(dir.appendingPathComponent("out1/index.html"))
    #expect(index.contains("<a href=\"brightwater-data-platform.html\">"))
    #expect(index.contains("As of <time datetime=\"2026-11-23\">"))
  }

  /// Canaries in every internal place, changed between two commits: no buyer output (pages,
  /// index, what changed) carries one; the internal pages carry them all.
  @Test func noInternalContentInAnyBuyerOutput() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-render-canary")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = try GitFixture(dir)
    func plan(_ n: Int) -> String {
      """
      ---
      map: 1
      id: canary
      title: Canary
      buyer: Acme
      seller: Northwind
      value: Public value.
      go_live: 2027-03-0\(n)
      stakeholders:
        - { id: dana, name: Dana, side: buyer, role: champion, internal: CANARY-STAKEHOLDER-\(n) }
        - { id: sam, name: Sam, side: seller, role: account-executive }
      stages: [build]
      milestones:
        - { id: m, title: Build, stage: build, owners: [dana, sam], due: 2026-12-0\(n), status: in-progress, internal: CANARY-MILESTONE-\(n) }
      internal: { notes: CANARY-TOP-\(n), CANARY-KEY-\(n): x }
      ---

      ## Public

      Public text.

      ## Pricing (internal)

      CANARY-BODY-\(n)
      """
    }
    try fixture.commit(files: ["plans/canary.map.md": plan(1)], message: "first", date: "2026-11-02T09:00:00+00:00")
    try fixture.commit(files: ["plans/canary.map.md": plan(2)], message: "second", date: "2026-11-09T09:00:00+00:00")
    let buyer = try TestSupport.mapc(["render", "--all", "-o", "buyer", "--base", "HEAD~1"], in: dir)
    let internalRun = try TestSupport.mapc(["render", "--all", "-o", "internal", "--base", "HEAD~1", "--audience", "internal"], in: dir)
    #expect(buyer.status == 0, "\(buyer.stderr)")
    #expect(internalRun.status == 0, "\(internalRun.stderr)")
    for f in try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("buyer").path) {
      let html = try Self.read(dir.appendingPathComponent("buyer/\(f)"))
      #expect(!html.contains("CANARY"), "a canary leaked into buyer/\(f)")
      #expect(!html.contains("/internal"), "an internal change leaked into buyer/\(f)")
    }
    let page = try Self.read(dir.appendingPathComponent("buyer/canary.html"))
    #expect(page.contains("What changed since 2 Nov 2026: first"))
    #expect(page.contains("Go-live moved from 1 Mar 2027 to 2 Mar 2027 (+1 day)."))
    let internalPage = try Self.read(dir.appendingPathComponent("internal/canary.html"))
    for canary in ["CANARY-STAKEHOLDER-2", "CANARY-MILESTONE-2", "CANARY-TOP-2", "CANARY-KEY-2", "CANARY-BODY-2"] {
      #expect(internalPage.contains(canary), "\(canary) missing from the internal snapshot")
    }
    #expect(internalPage.contains("/internal/notes changed"))
  }

  /// A shallow clone has no history to draw slip from: the snapshot is still drawn, dated by
  /// HEAD's commit (or the as-of date given), with a note on standard error and in the page.
  @Test func shallowCloneRendersWithoutHistory() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let shallow = repo.deletingLastPathComponent().appendingPathComponent("shallow")
    let clone = try TestSupport.run(
      "/usr/bin/env", ["git", "clone", "-q", "--depth", "2", "file://" + repo.path, shallow.path])
    try #require(clone.status == 0, "\(clone.stderr)")
    let plan = "plans/brightwater/data-platform.map.md"
    // HEAD is "Move the plan into a folder per account", 2026-11-20.
    let noDate = try TestSupport.mapc(["render", plan], in: shallow)
    #expect(noDate.status == 0, "\(noDate.stderr)")
    #expect(noDate.stdout.contains(#"As of <time datetime="2026-11-20">"#))
    #expect(noDate.stdout.contains("made from a shallow clone"))
    let run = try TestSupport.mapc(["render", plan, "--as-of", "2026-11-23"], in: shallow)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("note: the snapshot leaves out slip and history: the repository is a shallow clone"))
    #expect(!run.stdout.contains("since baseline"))
    #expect(!run.stdout.contains("How the dates have moved"))
    let since = try TestSupport.mapc(["render", plan, "--as-of", "2026-11-23", "--base", "HEAD~1"], in: shallow)
    #expect(since.status == 2)
    #expect(since.stderr.contains("shallow clone"))
  }

  @Test func brandingComesFromTheConfiguration() throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    // A 1×1 PNG.
    let png = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==") ?? Data()
    try png.write(to: dir.appendingPathComponent("logo.png"))
    try "h1{letter-spacing:0}\n".write(to: dir.appendingPathComponent("brand.css"), atomically: true, encoding: .utf8)
    let config = try Self.read(dir.appendingPathComponent("mapc.yml"))
    try (config + "render:\n  seller: Northwind Cloud\n  logo: logo.png\n  accent: \"#0b7285\"\n  css: brand.css\n")
      .write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["render", "enterprise-data-platform.map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("<img class=\"logo\" src=\"data:image/png;base64,\(png.base64EncodedString())\" alt=\"Northwind Cloud logo\">"))
    #expect(run.stdout.contains(":root{--accent:#0b7285}"))
    #expect(run.stdout.contains("h1{letter-spacing:0}"))
    #expect(run.stdout.contains("Brightwater Mutual Insurance × Northwind Cloud"))

    try "body{background:url(https://tracker.example/p.gif)}".write(
      to: dir.appendingPathComponent("brand.css"), atomically: true, encoding: .utf8)
    let external = try TestSupport.mapc(["render", "enterprise-data-platform.map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(external.status == 2)
    #expect(external.stderr.contains("refers to an external resource with url(https://tracker.example"))

    try (config + "render:\n  logo: missing.png\n").write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let missing = try TestSupport.mapc(["render", "enterprise-data-platform.map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("mapc.yml:"))
    #expect(missing.stderr.contains("logo file not found: missing.png"))
  }

  @Test func faultsAreClearAndLoseNothing() throws {
    let dir = try Self.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Outside git with no as-of date: usage error, with what to do.
    let noDate = try TestSupport.mapc(["render", "enterprise-data-platform.map.md"], in: dir)
    #expect(noDate.status == 2)
    #expect(noDate.stderr.contains("pass --as-of YYYY-MM-DD, or set SOURCE_DATE_EPOCH"))
    let noGit = try TestSupport.mapc(["render", "enterprise-data-platform.map.md", "--at", "HEAD"], in: dir)
    #expect(noGit.status == 2)
    #expect(noGit.stderr.contains("not in a git repository"))
    let farFuture = try TestSupport.mapc(
      ["render", "enterprise-data-platform.map.md"], in: dir, environment: ["SOURCE_DATE_EPOCH": "300000000000"])
    #expect(farFuture.status == 2)
    #expect(farFuture.stderr.contains("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to the year 9999)"))
    let usage = try TestSupport.mapc(["render", "--all"], in: dir)
    #expect(usage.status == 2)
    #expect(usage.stderr.contains("--all needs --output DIR"))

    // A broken plan: reported with file:line:col; an existing snapshot is left as it was.
    try "---\nmap: 1\ntitle: [unclosed\n---\n".write(to: dir.appendingPathComponent("broken.map.md"), atomically: true, encoding: .utf8)
    try "previous snapshot".write(to: dir.appendingPathComponent("out.html"), atomically: true, encoding: .utf8)
    let broken = try TestSupport.mapc(["render", "broken.map.md", "--as-of", "2026-11-23", "-o", "out.html"], in: dir)
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("broken.map.md:4:1: error:"), "\(broken.stderr)")
    #expect(try Self.read(dir.appendingPathComponent("out.html")) == "previous snapshot")

    // --all goes on past the broken plan and exits 1.
    let all = try TestSupport.mapc(["render", "--all", "-o", "site", "--as-of", "2026-11-23"], in: dir)
    #expect(all.status == 1)
    #expect(all.stderr.contains("broken.map.md:4:1: error:"))
    let site = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("site").path).sorted()
    #expect(site.count == 4, "\(site)")
    #expect(!site.contains { $0.hasPrefix(".") }, "a temporary file was left behind: \(site)")
  }
}
