import MapcWorkspace
import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcLint

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 13, the rows that live in MapcLint and MapcModel: globs, configuration numbers, link
/// positions on CRLF plans, and files that are not regular files. Each row failed (trapped,
/// hung or answered wrongly) before its fix; the time guards are generous for a loaded CI
/// machine, where the fixed code takes milliseconds.
@Suite struct BoundedInputTests {
  // MARK: Row 8: globs are linear

  static let deepPath = (0..<30).map { "d\($0)" }.joined(separator: "/")

  @Test(arguments: [
    // 26 stars, then a `z` the name does not have: exponential for a backtracking matcher.
    (String(repeating: "*", count: 26) + "z", String(repeating: "a", count: 60) + ".map.md", false),
    (String(repeating: "*a", count: 20) + "*z", String(repeating: "a", count: 80) + "z", true),
    (String(repeating: "*a", count: 20) + "*z", String(repeating: "a", count: 80) + "y", false),
    // `**/` × 11 over a 30-level tree.
    (String(repeating: "**/", count: 11) + "z", deepPath + "/y", false),
    (String(repeating: "**/", count: 11) + "z", deepPath + "/z", true),
    (String(repeating: "**/d1*/", count: 8) + "z", deepPath + "/y", false),
  ])
  func globsMatchInLinearTime(pattern: String, path: String, expected: Bool) {
    var result = !expected
    let seconds = TestSupport.seconds { result = Glob(pattern).matches(path) }
    #expect(result == expected)
    #expect(seconds < 3, "\(pattern.prefix(40)) took \(seconds) s")
  }

  /// What the glob language means, unchanged by the linear matcher.
  @Test(arguments: [
    ("plans/**/*.map.md", "plans/a.map.md", true),
    ("plans/**/*.map.md", "plans/x/y/a.map.md", true),
    ("plans/**/*.map.md", "other/a.map.md", false),
    ("**/x/**/y", "a/x/b/c/y", true),
    ("**/x/**/y", "x/y", true),
    ("**/x/**/y", "a/x/b/c/z", false),
    ("**", "a/b", true),
    ("**", "", true),
    ("a/**", "a", true),
    ("a*b*c", "aXbYc", true),
    ("a*b*c", "abc", true),
    ("a*b*c", "aXbYd", false),
    ("*", "", false),
    ("?", "", false),
    ("a?c", "abc", true),
    ("a?c", "ac", false),
    ("[", "[", true),
    ("a[b", "a[b", true),
    ("*.[mM]d", "x.Md", true),
    ("[z-a]", "m", false),
    ("[!z-a]", "m", true),
    ("[^a-c]x", "dx", true),
    ("[^a-c]x", "bx", false),
    ("\u{E9}*.map.md", "\u{E9}cole.map.md", true),
    ("e\u{301}*.map.md", "\u{E9}cole.map.md", false),
    ("e*.map.md", "école.map.md", false),
    ("*.map.md", "école.map.md", true),
    ("*/*", "a", false),
    ("*/*", "a/b", true),
  ])
  func globMeaningIsKept(pattern: String, path: String, expected: Bool) {
    #expect(Glob(pattern).matches(path) == expected)
  }

  // MARK: Row 2: configuration numbers are range-checked

  @Test(arguments: [
    ("thresholds:\n  placeholder_due_days: 1e300\n", "2:25"),
    ("thresholds:\n  placeholder_due_days: 9223372036854775807\n", "2:25"),
    ("thresholds:\n  placeholder_due_days: .inf\n", "2:25"),
    ("thresholds:\n  placeholder_due_days: 36501\n", "2:25"),
    ("slip:\n  stale_after_days: 1e300\n", "2:21"),
    ("slip:\n  stale_after_days: 9223372036854775807\n", "2:21"),
    ("slip:\n  stale_after_days: -9223372036854775808\n", "2:21"),
    ("thresholds:\n  buyer_share: .nan\n", "2:16"),
    ("thresholds:\n  buyer_share: 1e300\n", "2:16"),
  ])
  func configurationNumbersOutOfRangeAreClearErrors(yaml: String, position: String) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("mapc.yml").path
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    do {
      let configuration = try Configuration.load(file: file, displayPath: "mapc.yml", schemas: SchemaCatalog())
      Issue.record("accepted \(yaml): \(configuration.thresholds)")
    } catch {
      #expect(error.position.map { "\($0.line):\($0.column)" } == position, "\(error.message)")
      #expect(error.path == "mapc.yml")
    }
  }

  @Test(arguments: [
    ("thresholds:\n  placeholder_due_days: 36500\n  buyer_share: 0.25\nslip:\n  stale_after_days: 36500\n", 36500, 0.25)
  ])
  func configurationNumbersInRangeAreKept(yaml: String, days: Int, share: Double) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("mapc.yml").path
    try yaml.write(toFile: file, atomically: true, encoding: .utf8)
    let configuration = try Configuration.load(file: file, schemas: SchemaCatalog())
    #expect(configuration.thresholds.placeholderDueDays == days)
    #expect(configuration.staleAfterDays == days)
    #expect(configuration.thresholds.buyerShare == share)
  }

  // MARK: Row 15: link findings on CRLF plans

  @Test(arguments: [
    "[x](javascript:void(0))",
    "   [x](javascript:void(0))",
    "  Intro with [x](javascript:void(0))\n\nMore [y](data:text/html,hi) here\n   [z](vbscript:1)",
    "## Links\r\n\r\n [a](ftp://files.example.com/x) and <FILE:///etc/passwd>",
    // An indented first line is code; on a CRLF plan read as one line, the link was lost.
    "    indented code\n\nSee [x](javascript:void(0)) and <ftp://x.example/y>",
  ])
  func crlfPlansReportLinksWhereTheirLFTwinsDo(body: String) throws {
    let lf = PracticeRuleTests.plan(body: body.replacingOccurrences(of: "\r\n", with: "\n"), PracticeRuleTests.milestones(9))
    let crlf = lf.replacingOccurrences(of: "\n", with: "\r\n")
    let expected = try PracticeRuleTests.findings("MAP180", in: lf)
    let found = try PracticeRuleTests.findings("MAP180", in: crlf)
    #expect(!expected.isEmpty)
    #expect(found.map(PracticeRuleTests.at) == expected.map(PracticeRuleTests.at))
    #expect(found.map(\.message.text) == expected.map(\.message.text))
    #expect(found.map(\.length) == expected.map(\.length))
  }

  // MARK: Row 12: only regular files are read as plans

  enum Special: String, CaseIterable, Sendable {
    case fifo, symlinkToPasswd, symlinkToPlan, devNull, devZero, directory
  }

  /// Makes the special file; returns its path.
  static func make(_ kind: Special, in directory: URL) throws -> String {
    let path = directory.appendingPathComponent("x.map.md").path
    switch kind {
    case .fifo:
      guard mkfifo(path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
    case .symlinkToPasswd:
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/etc/passwd")
    case .symlinkToPlan:
      let real = directory.appendingPathComponent("real.md").path
      try PracticeRuleTests.plan(PracticeRuleTests.milestones(3)).write(toFile: real, atomically: true, encoding: .utf8)
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: real)
    case .devNull:
      return "/dev/null"
    case .devZero:
      return "/dev/zero"
    case .directory:
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    return path
  }

  @Test(arguments: Special.allCases)
  func onlyRegularFilesAreRead(kind: Special) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try Self.make(kind, in: directory)
    var result: Result<[UInt8], FileBytes.Failure> = .success([])
    let seconds = TestSupport.seconds { result = FileBytes.read(path: path, limit: PlanReader.maximumFileSize) }
    #expect(seconds < 3)
    guard case .failure(let failure) = result else {
      Issue.record("\(kind) was read")
      return
    }
    let problem = PlanReader.problem(for: failure)
    switch kind {
    case .symlinkToPasswd, .symlinkToPlan:
      #expect(problem.message.contains("is a symbolic link; mapc reads only regular files inside the repository"), "\(problem.message)")
    case .fifo:
      #expect(problem.message.contains("not a regular file (a FIFO)"), "\(problem.message)")
    case .devNull, .devZero:
      #expect(problem.message.contains("not a regular file (a device)"), "\(problem.message)")
    case .directory:
      #expect(problem.message.contains("is a directory"), "\(problem.message)")
    }
    #expect(!problem.message.contains("root:"))
  }

  @Test func aFIFOPlanIsAFindingNotAHang() throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = try Self.make(.fifo, in: directory)
    let linter = try Linter(configuration: Configuration(root: directory.path), schemas: SchemaCatalog(), today: ExamplePlans.today)
    var findings: [Finding] = []
    let seconds = TestSupport.seconds {
      findings = linter.lint(LintTarget(path: path, displayPath: "x.map.md", relativePath: "x.map.md"))
    }
    #expect(seconds < 3)
    #expect(findings.map(\.message.text) == ["cannot read file: not a regular file (a FIFO); mapc reads only regular files"])
  }
}
