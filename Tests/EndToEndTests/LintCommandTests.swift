import MapcWorkspace
import Foundation
import JSONSchema
import MapcJSON
import MapcTestSupport
import Testing

@Suite struct LintCommandTests {
  @Test func examplesLintClean() throws {
    let run = try TestSupport.mapc(["lint"], in: TestSupport.packageRoot.appendingPathComponent("Examples"))
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    // The three plans and the three templates of Examples/templates/.
    #expect(run.stdout == "No problems found in 6 files.\n")
  }

  @Test func worksFromAnyDirectoryWithCarriedSchemas() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    try plan.write(to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: dir)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
  }

  @Test func crlfLintsExactlyLikeLF() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let lf = try TestSupport.read("Examples/broken/unknown-key.map.md").replacing("\r\n", with: "\n")
    try lf.write(to: dir.appendingPathComponent("a.map.md"), atomically: true, encoding: .utf8)
    try lf.replacing("\n", with: "\r\n").write(to: dir.appendingPathComponent("b.map.md"), atomically: true, encoding: .utf8)
    let a = try TestSupport.mapc(["lint", "--format", "json", "a.map.md"], in: dir)
    let b = try TestSupport.mapc(["lint", "--format", "json", "b.map.md"], in: dir)
    #expect(a.status == 1)
    #expect(a.stdout.contains("MAP021"))
    #expect(a.stdout == b.stdout.replacing("b.map.md", with: "a.map.md"))
  }

  @Test func oversizedFileIsReportedAndOthersStillLinted() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    var big = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    let pad = String(repeating: "Filler line of body text for a very large plan file.\n", count: 110_000)
    big += pad
    try big.write(to: dir.appendingPathComponent("big.map.md"), atomically: true, encoding: .utf8)
    try TestSupport.read("Examples/broken/unknown-key.map.md").write(
      to: dir.appendingPathComponent("typo.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--format", "json", "."], in: dir)
    #expect(run.status == 1)
    let findings = try JSONParser.parse(run.stdout).arrayValue ?? []
    #expect(findings.contains { $0["code"] == .string("MAP002") && $0["path"] == .string("big.map.md") })
    #expect(findings.contains { $0["code"] == .string("MAP021") && $0["path"] == .string("typo.map.md") })
  }

  @Test func strictTurnsWarningsIntoFailure() throws {
    let bom = "Examples/broken/bom.map.md"
    #expect(try TestSupport.mapc(["lint", "--today", "2026-11-23", bom]).status == 0)
    #expect(try TestSupport.mapc(["lint", "--today", "2026-11-23", "--strict", bom]).status == 1)
  }

  @Test func usageErrorsExitWithTwo() throws {
    let missing = try TestSupport.mapc(["lint", "no/such/plan.map.md"])
    #expect(missing.status == 2)
    #expect(missing.stderr.contains("no such file or directory: no/such/plan.map.md"))
    #expect(try TestSupport.mapc(["lint", "--format", "xml", "Examples"]).status == 2)
    #expect(try TestSupport.mapc(["explain", "MAP999"]).status == 2)
  }

  @Test func badConfigurationExitsWithTwoAndPointsAtTheLine() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "plans: [\"*.map.md\"]\nrules:\n  MAP021: loud\n".write(
      to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try TestSupport.read("Examples/midmarket-support-desk.map.md").write(
      to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("mapc.yml:3:11: error:"), "\(run.stderr)")
  }

  @Test func configurationCanTurnACheckOff() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "today: 2026-11-23\nrules:\n  unknown-property: warning\n".write(
      to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try TestSupport.read("Examples/broken/unknown-key.map.md").write(
      to: dir.appendingPathComponent("typo.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint"], in: dir)
    #expect(run.status == 0)
    #expect(run.stdout.contains("warning[MAP021]"))
  }

  @Test func sarifIsValidAgainstTheSARIFSchema() throws {
    var schemaDoc = try JSONParser.parse(
      String(contentsOf: TestSupport.sharedDirectory.appendingPathComponent("conformance/sarif-schema-2.1.0.json"), encoding: .utf8))
    // The SARIF schema is draft-04; its keywords used here mean the same in 2020-12.
    if case .object(var o) = schemaDoc {
      o["$schema"] = nil
      o["id"] = nil
      schemaDoc = .object(o)
    }
    let schema = try Schema(schemaDoc, uri: "https://mapc.dev/test/sarif-schema.json", options: ValidationOptions(assertFormat: true))
    let run = try TestSupport.mapc(["lint", "--format", "sarif", "Examples/broken"])
    let log = try JSONParser.parse(run.stdout)
    let result = schema.validate(log)
    #expect(result.isValid, "\(result.errors.prefix(5).map { "\($0.instanceLocation): \($0.message)" })")
    // And the check can fail: a log without `version` is rejected.
    if case .object(var o) = log {
      o["version"] = nil
      #expect(!schema.validate(.object(o)).isValid)
    }
  }

  @Test func explainPrintsRationaleAndTheRealFinding() throws {
    let run = try TestSupport.mapc(["explain", "unknown-property"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("MAP021 unknown-property (error by default)"))
    #expect(run.stdout.contains("error[MAP021]: unknown property `stauts` in milestone `kickoff`"))
  }

  @Test func outputIsDeterministic() throws {
    let a = try TestSupport.mapc(["lint", "--format", "json", "Examples/broken"])
    let b = try TestSupport.mapc(["lint", "--format", "json", "Examples/broken"])
    #expect(a.stdout == b.stdout)
  }
}

/// A team's extension schema (`schema.extend` in mapc.yml), with the worked example in
/// `Examples/team-extension/`.
@Suite struct ExtensionSchemaTests {
  static let example = TestSupport.packageRoot.appendingPathComponent("Examples/team-extension")

  @Test func workedExampleLintsClean() throws {
    let run = try TestSupport.mapc(["lint"], in: Self.example)
    #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
  }

  @Test func extensionIsEnforcedWithTheSameDiagnostics() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    for name in ["mapc.yml", "meddpicc.schema.json"] {
      try FileManager.default.copyItem(at: Self.example.appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    let plan = try String(contentsOf: Self.example.appendingPathComponent("harbor-freight-analytics.map.md"), encoding: .utf8)
    let broken = plan.replacing("  champion: marco", with: "  champoin: marco")
      .replacing("crm_stage: develop\n", with: "crm_stage: developing\n")
      .replacing("crm_opportunity: 006Q00000HbRfLk\n", with: "")
    try broken.write(to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint"], in: dir)
    #expect(run.status == 1)
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/extension.txt", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func brokenExtensionSchemaIsAConfigurationError() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try "schema:\n  extend: team.schema.json\n".write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try #"{"properties": {"x": {"pattern": "("}}}"#.write(
      to: dir.appendingPathComponent("team.schema.json"), atomically: true, encoding: .utf8)
    try TestSupport.read("Examples/midmarket-support-desk.map.md").write(
      to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("team.schema.json"), "\(run.stderr)")
  }
}
