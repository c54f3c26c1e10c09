import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// `mapc schedule` through the binary, on two fixture plans: one whose go-live can be met
/// (leads, a holiday list, a change freeze scoped to implementation, a done milestone, a
/// value-stage milestone after go-live) and one whose go-live cannot.
@Suite struct ScheduleCommandTests {
  static let rollout = """
    ---
    map: 1
    id: acme-rollout
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
    go_live: 2027-03-01
    value_date: 2027-06-01
    calendar: { holidays: [2026-12-25, 2027-01-01, 2027-02-15] }
    constraints:
      - kind: blackout
        what: Year-end finance change freeze
        from: 2026-12-19
        to: 2027-01-04
        applies_to: { stages: [implementation] }
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    stages: [validation, final-agreements, implementation, value]
    milestones:
      - { id: technical-validation, title: "Technical validation: 3 sources", stage: validation, owners: [dana, sam], due: 2026-11-20, status: done, done_on: 2026-11-19 }
      - { id: security-review, title: Security sign-off, stage: final-agreements, owners: [dana, sam], due: 2026-12-18, status: in-progress, lead: 15, depends_on: [technical-validation] }
      - { id: legal-review, title: Legal review, stage: final-agreements, owners: [dana, sam], due: 2026-12-18, status: not-started, lead: 10, depends_on: [technical-validation] }
      - { id: signature, title: Signature, stage: final-agreements, owners: [dana, sam], due: 2027-01-08, status: not-started, lead: 3, pinned: true, depends_on: [security-review, legal-review] }
      - { id: kickoff, title: Project kickoff, stage: implementation, owners: [dana, sam], due: 2027-01-15, status: not-started, lead: 5, depends_on: [signature] }
      - { id: training, title: Admin training, stage: implementation, owners: [dana, sam], due: 2027-02-12, status: not-started, lead: 2 }
      - { id: go-live, title: Go-live, stage: implementation, owners: [dana, sam], due: 2027-03-01, status: not-started, lead: 20, depends_on: [kickoff], marks: go_live }
      - { id: roi-review, title: First ROI review, stage: value, owners: [dana, sam], due: 2027-06-01, status: not-started, lead: 40, depends_on: [go-live], marks: value_date }
    ---
    ## Why now

    Acme's finance team closes the books by hand.

    """

  static let tight = """
    ---
    map: 1
    id: beta-pilot
    title: "Beta | Gamma: *pilot* <fast>"
    buyer: Beta Corp
    seller: Northwind Analytics
    value: Pilot in six weeks.
    go_live: 2027-01-15
    stakeholders:
      - { id: bo, name: Bo Lind, side: buyer, role: champion }
    stages: [final-agreements, implementation]
    milestones:
      - { id: procurement, title: Procurement, stage: final-agreements, owners: [bo], due: 2026-12-04, status: in-progress, lead: 10 }
      - { id: contract, title: Contract signed, stage: final-agreements, owners: [bo], due: 2026-12-11, status: not-started, lead: 25, depends_on: [procurement] }
      - { id: pilot, title: Pilot live, stage: implementation, owners: [bo], due: 2027-01-15, status: not-started, lead: 20, depends_on: [contract] }
    ---
    Pilot.

    """

  /// A directory with the two plans under `plans/`.
  static func fixture() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-schedule")
    let plans = dir.appendingPathComponent("plans")
    try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
    try rollout.write(to: plans.appendingPathComponent("acme.map.md"), atomically: true, encoding: .utf8)
    try tight.write(to: plans.appendingPathComponent("beta.map.md"), atomically: true, encoding: .utf8)
    return dir
  }

  @Test(arguments: ["text", "json", "markdown", "mermaid"])
  func everyFormatMatchesItsGoldenFile(format: String) throws {
    let dir = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23", "--format", format], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    let ext = ["text": "txt", "json": "json", "markdown": "md", "mermaid": "mmd"][format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/schedule.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func jsonHasExactlyTheContractFields() throws {
    let dir = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23", "--format", "json", "plans/acme.map.md"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let json = try JSONParser.parse(run.stdout)
    #expect(json.objectValue?.memberNames == ["today", "plans"])
    let plan = try #require(json["plans"]?.arrayValue?.first)
    #expect(
      plan.objectValue?.memberNames == [
        "id", "path", "go_live", "earliest_go_live", "go_live_float_days", "critical_path", "milestones",
      ])
    let milestones = try #require(plan["milestones"]?.arrayValue)
    for m in milestones {
      #expect(m.objectValue?.memberNames == ["id", "due", "early", "late", "float_days", "critical", "lead_days"])
    }
    // After go-live, the ROI review has no late date and no float.
    let roi = try #require(milestones.first { $0["id"]?.stringValue == "roi-review" })
    #expect(roi["late"] == .null)
    #expect(roi["float_days"] == .null)
    #expect(roi["early"]?.stringValue != nil)
  }

  @Test func theVerdictSaysByHowMuchAndWhichChain() throws {
    let dir = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23", "plans/beta.map.md"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    // Procurement starts today (it waits for nothing); 25 + 20 business days later is
    // 2027-01-25, six business days after go-live on 2027-01-15.
    #expect(
      run.stdout.contains(
        "Go-live on 2027-01-15 cannot be met from today (2026-11-23): it misses by 6 business days (earliest go-live 2027-01-25), held up by the chain procurement → contract → pilot."
      ), "\(run.stdout)")
  }

  @Test func aDependencyCycleExitsWithTwoNamingIt() throws {
    let dir = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("plans/beta.map.md")
    try Self.tight.replacing("lead: 10 }", with: "lead: 10, depends_on: [pilot] }").write(to: file, atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23"], in: dir)
    #expect(run.status == 2)
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("plans/beta.map.md: dependency cycle: procurement → pilot → contract → procurement"), "\(run.stderr)")
  }

  @Test func usageErrorsExitWithTwo() throws {
    let dir = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try TestSupport.mapc(["schedule", "--today", "tomorrow"], in: dir).status == 2)
    #expect(try TestSupport.mapc(["schedule", "no-such.map.md"], in: dir).status == 2)
    #expect(try TestSupport.mapc(["schedule", "--format", "gif"], in: dir).status == 2)
    try "---\nid: [unclosed\n---\n".write(to: dir.appendingPathComponent("plans/broken.map.md"), atomically: true, encoding: .utf8)
    let broken = try TestSupport.mapc(["schedule", "plans/broken.map.md"], in: dir)
    #expect(broken.status == 2)
    #expect(broken.stderr.contains("plans/broken.map.md"))
  }
}
