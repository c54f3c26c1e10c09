import Foundation
import JSONSchema
import MapcJSON
import MapcTestSupport
import Testing

/// `mapc lint --base` in every output format, over one pull request that triggers each change
/// rule: golden files, so a reporter change shows in review.
@Suite struct LintBaseGoldenTests {
  /// A plan that is clean under every other rule, so the golden files hold the change rules only
  /// (with `key-outcomes` off in mapc.yml).
  static func plan(
    id: String, title: String, goLive: String = "2027-03-01", kickoffDue: String, reopened: Bool = false,
    training: Bool = true
  ) -> String {
    let security =
      reopened
      ? """
          due: 2026-12-04
          due_reason: The penetration test found two issues to fix first
          status: in-progress
      """
      : """
          due: 2026-11-20
          status: done
          done_on: 2026-11-19
      """
    let trainingText = """
        - id: training
          title: Admins trained on the governed platform
          stage: implementation
          owners: [ines, sam]
          due: 2027-01-15
          status: not-started

      """
    return """
      ---
      map: 1
      id: \(id)
      title: \(title)
      buyer: Acme Corp
      seller: Northwind Analytics
      value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
      compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
      go_live: \(goLive)
      value_date: 2027-06-01
      stages: [implementation, value]
      stakeholders:
        - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
        - { id: ines, name: Inès Moreau, side: buyer, role: champion }
        - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
      milestones:
        - id: kickoff
          title: Project launch with the finance team
          stage: implementation
          owners: [ines, sam]
          due: \(kickoffDue)
          status: not-started
        - id: security
          title: Security review passed
          stage: implementation
          owners: [dana, sam]
      \(security)
      \(training ? trainingText : "")  - id: roi-review
          title: First ROI review
          stage: value
          owners: [dana, sam]
          due: 2027-06-01
          status: not-started
      ---

      Why now: the FY27 budget locks in January.

      """
  }

  /// Commits are dated the week before "today" (2026-11-23), so no plan is stale (MAP190).
  /// `main`: the Acme and Beta plans, then Beta's kickoff moved from 2026-12-01 to 2026-12-08
  /// with a `Slip-Reason:`. Branch `head`, rewritten from main's first commit: the plans'
  /// commit edited so Beta's kickoff was due 2026-12-08 from the start (MAP201, edited
  /// history); then Acme's training dropped and, in the next commit, re-added (MAP201), its
  /// kickoff moved 9 days with no reason (MAP200), security reopened (MAP202), go-live moved
  /// (MAP203). Beta's plan is the same at both ends, and security's move carries a reason.
  static func repository() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-lint-base-golden")
    let fixture = try GitFixture(dir)
    try fixture.commit(
      files: ["mapc.yml": "plans: [\"plans/**/*.map.md\"]\nrules:\n  key-outcomes: off\n"], message: "Start",
      date: "2026-11-16T09:00:00+00:00")
    let acme = Self.plan(id: "acme", title: "Acme rollout", kickoffDue: "2026-12-09")
    try fixture.commit(
      files: [
        "plans/acme.map.md": acme,
        "plans/beta.map.md": Self.plan(id: "beta", title: "Acme Beta pilot", kickoffDue: "2026-12-01"),
      ], message: "Add the Acme plans", date: "2026-11-17T09:00:00+00:00")
    try fixture.commit(
      files: ["plans/beta.map.md": Self.plan(id: "beta", title: "Acme Beta pilot", kickoffDue: "2026-12-08")],
      message: "Move Beta's kickoff\n\nSlip-Reason: the buyer's IT freeze\n", date: "2026-11-18T09:00:00+00:00")

    try fixture.git(["checkout", "--quiet", "-b", "head", "main~2"])
    try fixture.commit(
      files: [
        "plans/acme.map.md": acme,
        "plans/beta.map.md": Self.plan(id: "beta", title: "Acme Beta pilot", kickoffDue: "2026-12-08"),
      ], message: "Add the Acme plans", date: "2026-11-17T09:00:00+00:00")
    try fixture.commit(
      files: ["plans/acme.map.md": Self.plan(id: "acme", title: "Acme rollout", kickoffDue: "2026-12-09", training: false)],
      message: "Drop training", date: "2026-11-19T09:00:00+00:00")
    try fixture.commit(
      files: [
        "plans/acme.map.md": Self.plan(
          id: "acme", title: "Acme rollout", goLive: "2027-03-15", kickoffDue: "2026-12-18", reopened: true)
      ], message: "Replan Acme", date: "2026-11-20T09:00:00+00:00")
    return dir
  }

  static let extensions = ["text": "txt", "json": "json", "github": "github", "sarif": "sarif", "junit": "junit", "gitlab": "gitlab"]

  @Test(arguments: ["text", "json", "github", "sarif", "junit", "gitlab"])
  func everyFormatMatchesItsGoldenFile(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = ["lint", "--base", "main", "--today", "2026-11-23", "--format", format]
    let run = try TestSupport.mapc(args, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let ext = Self.extensions[format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/lint-base.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
    // Every change rule is in every format (two MAP201 findings: a re-added milestone and an
    // edited history), so regenerating the golden files cannot drop one unnoticed.
    for code in ["MAP200", "MAP201", "MAP202", "MAP203"] {
      #expect(run.stdout.contains(code), "\(format) lacks \(code)")
    }
    #expect(run.stdout.contains("re-added in"), "\(format)")
    #expect(run.stdout.contains("history edited"), "\(format)")
    // Deterministic.
    #expect(try TestSupport.mapc(args, in: dir).stdout == run.stdout)
  }

  /// The findings, by code and line, from the JSON output: exactly the change the fixture made.
  @Test func theFindingsAreExactlyTheChangeRules() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23", "--format", "json"], in: dir)
    let found = try LintBaseTests.findings(run.stdout)
    let acme = Self.plan(id: "acme", title: "Acme rollout", goLive: "2027-03-15", kickoffDue: "2026-12-18", reopened: true)
    let beta = Self.plan(id: "beta", title: "Acme Beta pilot", kickoffDue: "2026-12-08")
    let got = found.map { "\($0.code):\($0.line)" }.sorted()
    let want = [
      "MAP200:\(LintBaseTests.line(of: "due: 2026-12-18", in: acme))",
      "MAP201:\(LintBaseTests.line(of: "- id: training", in: acme))",
      "MAP201:\(LintBaseTests.line(of: "due: 2026-12-08", in: beta))",
      "MAP202:\(LintBaseTests.line(of: "status: in-progress", in: acme))",
      "MAP203:\(LintBaseTests.line(of: "go_live:", in: acme))",
    ].sorted()
    #expect(got == want, "\(run.stdout)")
  }

  @Test func sarifIsValidAgainstTheSARIFSchema() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    var schemaDoc = try JSONParser.parse(
      String(contentsOf: TestSupport.sharedDirectory.appendingPathComponent("conformance/sarif-schema-2.1.0.json"), encoding: .utf8))
    // The SARIF schema is draft-04; its keywords used here mean the same in 2020-12.
    if case .object(var o) = schemaDoc {
      o["$schema"] = nil
      o["id"] = nil
      schemaDoc = .object(o)
    }
    let schema = try Schema(schemaDoc, uri: "https://mapc.dev/test/sarif-schema.json", options: ValidationOptions(assertFormat: true))
    let run = try TestSupport.mapc(["lint", "--base", "main", "--today", "2026-11-23", "--format", "sarif"], in: dir)
    let result = schema.validate(try JSONParser.parse(run.stdout))
    #expect(result.isValid, "\(result.errors.prefix(5).map { "\($0.instanceLocation): \($0.message)" })")
  }
}
