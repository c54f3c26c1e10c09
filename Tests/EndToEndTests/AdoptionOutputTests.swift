import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// Issue 15, points 3 and 4: machine formats give paths from the repository root whatever the
/// working directory, and JUnit totals add up as junitparser counts them.
@Suite struct AdoptionOutputTests {
  static let machineFormats = ["github", "sarif", "gitlab", "junit", "json"]

  /// A git repository with one broken plan in `plans/`, committed.
  static func repository() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-repo-paths")
    let repo = try GitFixture(dir)
    try repo.commit(files: ["plans/deal.map.md": try TestSupport.read("Examples/broken/unknown-key.map.md")], message: "Add a plan")
    return dir
  }

  @Test(arguments: machineFormats)
  func machineFormatsGiveRepositoryPathsFromASubfolder(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let plans = dir.appendingPathComponent("plans")
    let fromRoot = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", format], in: dir)
    let fromSubfolder = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", format], in: plans)
    let named = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", format, "deal.map.md"], in: plans)
    #expect(fromRoot.status == 1, "\(fromRoot.stderr)")
    #expect(fromRoot.stdout.contains("plans/deal.map.md"), "\(fromRoot.stdout)")
    #expect(fromSubfolder.stdout == fromRoot.stdout, "\(fromSubfolder.stdout)")
    #expect(named.stdout == fromRoot.stdout, "\(named.stdout)")
  }

  @Test func textStaysRelativeToTheWorkingDirectory() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: dir.appendingPathComponent("plans"))
    #expect(run.stdout.hasPrefix("deal.map.md:"), "\(run.stdout)")
    #expect(!run.stdout.contains("plans/deal.map.md"), "\(run.stdout)")
  }

  @Test func sarifNamesTheRepositoryRootAsItsBase() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "sarif"], in: dir.appendingPathComponent("plans"))
    let log = try JSONParser.parse(run.stdout)
    let sarifRun = try #require(log["runs"]?.arrayValue?.first)
    #expect(sarifRun["originalUriBaseIds"]?["%SRCROOT%"]?["description"] != nil, "\(run.stdout)")
    #expect(sarifRun["originalUriBaseIds"]?["%SRCROOT%"]?["uri"] == nil)
    let results = sarifRun["results"]?.arrayValue ?? []
    #expect(!results.isEmpty)
    for result in results {
      let location = result["locations"]?.arrayValue?.first?["physicalLocation"]?["artifactLocation"]
      #expect(location?["uri"] == .string("plans/deal.map.md"))
      #expect(location?["uriBaseId"] == .string("%SRCROOT%"))
    }
  }

  @Test func outsideGitTheFolderOfMapcYmlIsTheRoot() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-no-git")
    defer { try? FileManager.default.removeItem(at: dir) }
    try "plans: [\"plans/**/*.map.md\"]\n".write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let plans = dir.appendingPathComponent("plans")
    try FileManager.default.createDirectory(at: plans, withIntermediateDirectories: true)
    try TestSupport.read("Examples/broken/unknown-key.map.md").write(
      to: plans.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    // Outside git, mapc.yml is looked for in the working directory only (a parent folder such
    // as /tmp may be shared), so machine paths start at the folder mapc runs in with it.
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "github", "plans/deal.map.md"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("::error file=plans/deal.map.md,"), "\(run.stdout)")
  }

  /// The first attribute `name` in `element` (the text from an element's name on), as a number.
  static func attribute(_ name: String, of element: Substring) -> Int? {
    guard let r = element.range(of: " \(name)=\"") else { return nil }
    return Int(element[r.upperBound...].prefix { $0 != "\"" })
  }

  @Test func junitTotalsAddUpAtEveryLevel() throws {
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "junit", "Examples/broken"])
    #expect(run.status == 1)
    let xml = run.stdout
    let suites = xml.components(separatedBy: "<testsuite ").dropFirst()
    var tests = 0
    var failures = 0
    for suite in suites {
      let declaredTests = Self.attribute("tests", of: Substring(suite))
      let declaredFailures = Self.attribute("failures", of: Substring(suite))
      let cases = suite.components(separatedBy: "<testcase ").count - 1
      let failed = suite.components(separatedBy: "<failure ").count - 1
      #expect(declaredTests == cases, "\(suite.prefix(120))")
      #expect(declaredFailures == failed, "\(suite.prefix(120))")
      tests += cases
      failures += failed
    }
    let top = try #require(xml.range(of: "<testsuites ")).upperBound
    #expect(Self.attribute("tests", of: xml[top...]) == tests)
    #expect(Self.attribute("failures", of: xml[top...]) == failures)
    #expect(failures > suites.count, "some test case holds several failures, or the check proves nothing")
  }

  /// junitparser (PyPI; `Scripts/test.sh` installs it) reads the report, and its own counts at
  /// every level equal the ones the report declares.
  @Test func junitparserCountsWhatTheReportDeclares() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-junit")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "junit", "Examples/broken"])
    let report = dir.appendingPathComponent("report.xml")
    try run.stdout.write(to: report, atomically: true, encoding: .utf8)
    let script = """
      import json, sys
      from junitparser import JUnitXml
      xml = JUnitXml.fromfile(sys.argv[1])
      declared = [xml.tests, xml.failures, xml.errors]
      suites = []
      for suite in xml:
          before = [suite.tests, suite.failures, suite.errors]
          suite.update_statistics()
          suites.append([suite.name, before, [suite.tests, suite.failures, suite.errors]])
      xml.update_statistics()
      print(json.dumps({"declared": declared, "counted": [xml.tests, xml.failures, xml.errors], "suites": suites}))
      """
    let python = try TestSupport.run("/usr/bin/env", ["python3", "-c", script, report.path])
    guard python.status == 0 else {
      Issue.record(
        "junitparser could not read the report (install it with `python3 -m pip install junitparser`; Scripts/test.sh does): \(python.stderr)"
      )
      return
    }
    let result = try JSONParser.parse(python.stdout)
    #expect(result["declared"] == result["counted"], "\(python.stdout)")
    let suites = result["suites"]?.arrayValue ?? []
    #expect(suites.count >= 15)
    for suite in suites {
      let parts = suite.arrayValue ?? []
      #expect(parts.count == 3 && parts[1] == parts[2], "\(suite)")
    }
  }
}
