import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// `mapc lint --format junit|gitlab` and `mapc rules --format markdown` through the binary.
@Suite struct ReportFormatCommandTests {
  @Test func junitListsOnlyTheChecksLeftOnForEachPath() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    try """
      rules:
        byte-order-mark: off
      overrides:
        - paths: ["legacy/**"]
          rules: { empty-file: off }
      """.write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("legacy"), withIntermediateDirectories: true)
    let plan = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    try plan.write(to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    // Its own id: two files with one id are a finding of their own (MAP030).
    try plan.replacing("id: copperline-support-desk", with: "id: copperline-support-desk-old")
      .write(to: dir.appendingPathComponent("legacy/old.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--format", "junit"], in: dir)
    #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"mapc lint\""))
    let suites = run.stdout.components(separatedBy: "<testsuite ").dropFirst()
    #expect(suites.count == 2)
    for suite in suites {
      #expect(!suite.contains("MAP008 byte-order-mark"))
      #expect(suite.contains("MAP021 unknown-property"))
      #expect(suite.contains("legacy/old.map.md") != suite.contains("MAP005 empty-file"))
    }
    // Well-formed, by an independent parser.
    let xml = dir.appendingPathComponent("report.xml")
    try run.stdout.write(to: xml, atomically: true, encoding: .utf8)
    let check = try TestSupport.run("/usr/bin/env", ["python3", "-c", "import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])", xml.path])
    #expect(check.status == 0, "\(check.stderr)")
  }

  @Test func gitlabFingerprintsAreUniqueAndStableAcrossRuns() throws {
    let first = try TestSupport.mapc(["lint", "--format", "gitlab", "Examples/broken"])
    let second = try TestSupport.mapc(["lint", "--format", "gitlab", "Examples/broken"])
    #expect(first.status == 1)
    #expect(first.stdout == second.stdout)
    guard case .array(let issues) = try JSONParser.parse(first.stdout) else {
      Issue.record("not a JSON array")
      return
    }
    #expect(!issues.isEmpty)
    var prints: [String] = []
    for issue in issues {
      let o = issue.objectValue
      #expect(o.map { Set($0.memberNames) } == ["description", "check_name", "fingerprint", "severity", "location"])
      if case .string(let s) = o?["fingerprint"] { prints.append(s) }
    }
    #expect(prints.count == issues.count)
    #expect(Set(prints).count == prints.count)
  }

  @Test func rulesMarkdownMatchesTheLibrary() throws {
    let run = try TestSupport.mapc(["rules", "--format", "markdown"])
    #expect(run.status == 0)
    #expect(run.stdout.hasPrefix("# mapc rules reference\n"))
    #expect(run.stdout.contains("\n### MAP021 unknown-property\n"))
    let table = try TestSupport.mapc(["rules"])
    #expect(table.stdout.contains("MAP021  unknown-property"))
  }
}
