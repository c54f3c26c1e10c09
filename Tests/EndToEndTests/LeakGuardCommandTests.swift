import Foundation
import MapcTestSupport
import Testing

/// The leak guard behind every buyer output, through the binary (issue 12, point 2): a leak
/// forced with the guard's test canary stops `render` (one plan, `--all` with its index) and
/// `diff --audience buyer` in every format with exit code 2, naming the plan and the place, and
/// nothing is written. Without the canary the same commands succeed, so the guard does not
/// stop legitimate output.
@Suite struct LeakGuardCommandTests {
  static let canary = ["MAPC_LEAK_GUARD_CANARY": "acme-rollout"]

  static func plan(goLive: String) -> String {
    """
    ---
    map: 1
    id: acme-rollout
    title: Acme rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3.
    go_live: \(goLive)
    stages: [implementation]
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer, internal: Dana prefers calls after 4pm }
    milestones:
      - { id: kickoff, title: Project kickoff, stage: implementation, owners: [dana], due: 2026-12-09, status: not-started, internal: Kickoff slides need legal review }
    internal:
      notes: Floor price is 120k
      risks: [Budget freeze in Q1, Not started, Milestones]
    ---
    ## Why now

    Month-end takes nine days.

    ## Pricing (internal)

    Discount approved up to 35%.
    """
  }

  /// A repository with two commits of one plan: go-live moves.
  static func repository() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-leak-guard")
    let fixture = try GitFixture(dir)
    try fixture.commit(files: ["plans/acme.map.md": plan(goLive: "2027-03-01")], message: "Plan", date: "2026-11-02T09:00:00+00:00")
    try fixture.commit(files: ["plans/acme.map.md": plan(goLive: "2027-03-08")], message: "Move", date: "2026-11-09T09:00:00+00:00")
    return dir
  }

  static func exists(_ dir: URL, _ path: String) -> Bool {
    FileManager.default.fileExists(atPath: dir.appendingPathComponent(path).path)
  }

  @Test func aLeakInARenderedSnapshotWritesNothingAndExitsTwo() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let leak = try TestSupport.mapc(["render", "plans/acme.map.md", "-o", "buyer.html"], in: dir, environment: Self.canary)
    #expect(leak.status == 2, "\(leak.stderr)")
    #expect(
      leak.stderr.contains(
        "mapc: error: the test canary (MAPC_LEAK_GUARD_CANARY) of plans/acme.map.md found in the buyer snapshot; nothing was written"),
      "\(leak.stderr)")
    #expect(leak.stderr.contains("this is a bug in mapc"))
    #expect(!Self.exists(dir, "buyer.html"), "a leaking snapshot was written")
    let printed = try TestSupport.mapc(["render", "plans/acme.map.md"], in: dir, environment: Self.canary)
    #expect(printed.status == 2)
    #expect(printed.stdout.isEmpty, "a leaking snapshot was printed")

    // The guard stands behind buyer output only, and passes a legitimate plan whose internal
    // notes are all guarded (two of them, "Not started" and "Milestones", are also words mapc shows).
    let internalRun = try TestSupport.mapc(
      ["render", "plans/acme.map.md", "--audience", "internal", "-o", "internal.html"], in: dir, environment: Self.canary)
    #expect(internalRun.status == 0, "\(internalRun.stderr)")
    let clean = try TestSupport.mapc(["render", "plans/acme.map.md", "-o", "buyer.html"], in: dir)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(Self.exists(dir, "buyer.html"))
  }

  @Test func aLeakInRenderAllWritesNoPageAndNoIndex() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let leak = try TestSupport.mapc(["render", "--all", "-o", "site"], in: dir, environment: Self.canary)
    #expect(leak.status == 2, "\(leak.stderr)")
    #expect(leak.stderr.contains("found in the buyer snapshot; nothing was written"), "\(leak.stderr)")
    #expect(!Self.exists(dir, "site/acme-rollout.html"))
    #expect(!Self.exists(dir, "site/index.html"))
    let clean = try TestSupport.mapc(["render", "--all", "-o", "site", "--base", "HEAD~1"], in: dir)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(Self.exists(dir, "site/index.html"))
  }

  @Test(arguments: ["text", "markdown", "json"])
  func aLeakInABuyerDiffPrintsNothingAndExitsTwo(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let leak = try TestSupport.mapc(
      ["diff", "HEAD~1", "HEAD", "--audience", "buyer", "--format", format], in: dir, environment: Self.canary)
    #expect(leak.status == 2, "\(leak.stderr)")
    #expect(leak.stdout.isEmpty, "a leaking diff was printed: \(leak.stdout)")
    #expect(
      leak.stderr.contains("the test canary (MAPC_LEAK_GUARD_CANARY) of HEAD:plans/acme.map.md found in the buyer diff (\(format))"),
      "\(leak.stderr)")
    // The internal audience is not guarded; the buyer audience without a leak prints.
    let internalRun = try TestSupport.mapc(["diff", "HEAD~1", "HEAD", "--format", format], in: dir, environment: Self.canary)
    #expect(internalRun.status == 0, "\(internalRun.stderr)")
    let clean = try TestSupport.mapc(["diff", "HEAD~1", "HEAD", "--audience", "buyer", "--format", format], in: dir)
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.contains("acme-rollout"))
  }

  /// A real leak, not a planted one: issue 12's first case, an internal section whose table is
  /// introduced by a sentence. Whether the body's cut keeps the sentence out or the guard stops
  /// the page, the secret never reaches a buyer file.
  @Test func theSentenceBeforeAnInternalTableNeverReachesTheBuyer() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-leak-guard-table")
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = Self.plan(goLive: "2027-03-01") + """


      ## Terms (internal)

      Floor price 120k.
      SECRET: CFO approved 35% discount.

      Tiers:
      | tier | price |
      | ---- | ----- |
      | gold | 100k  |

      ## Next steps

      Public again.
      """
    try text.write(to: dir.appendingPathComponent("acme.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", "buyer.html"], in: dir)
    if run.status == 0 {
      let html = try String(contentsOf: dir.appendingPathComponent("buyer.html"), encoding: .utf8)
      #expect(!html.contains("SECRET"), "the secret reached the buyer snapshot")
    } else {
      #expect(run.status == 2, "\(run.stderr)")
      #expect(run.stderr.contains("internal body section"), "\(run.stderr)")
      #expect(!Self.exists(dir, "buyer.html"))
    }
  }
}
