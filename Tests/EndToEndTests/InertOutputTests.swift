import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// Issue 12, point 8: plan text in text and Markdown outputs is inert. A plan (and a commit)
/// full of hostile strings — terminal escape and OSC sequences, C1 controls, bidirectional
/// overrides, GitHub workflow commands after a line break, `##[`, mentions, table bars, code
/// spans, `</details>` and HTML comments — goes through every text and Markdown output of
/// lint, slip, diff and schedule, and through lint's GitHub annotations.
@Suite struct InertOutputTests {
  /// Everything at once, as a YAML double-quoted scalar.
  static let hostile =
    #""H \e[2J \e]8;;https://evil.example\e\\link\e]8;;\e\\ \u202Eevil\u202C \u2066iso\u2069 \x9B31m \x7F ##[error]Y @org/team | `x` </details> <!-- \n::error file=evil::X""#

  static func plan(due: String, title: String) -> String {
    """
    ---
    map: 1
    id: "::error file=evil::P"
    title: \(hostile)
    buyer: Acme
    seller: Northwind
    value: Faster closes
    go_live: 2027-03-01
    "bad\\n::error file=evil::X": 1
    stages: [evaluation, implementation]
    stakeholders:
      - { id: dana, name: \(hostile), side: buyer, role: champion }
      - { id: "@org/team", side: seller, role: account-executive }
    milestones:
      - id: "::error file=evil::M"
        title: \(title)
        stage: implementation
        owners: [dana, "@org/team"]
        due: \(due)
        due_reason: \(hostile)
        status: not-started
      - id: kickoff
        title: Kickoff
        stage: implementation
        owners: [dana]
        due: 2027-01-12
        status: not-started
    ---

    Body.

    """
  }

  /// A repository with the hostile plan, committed twice (a date move and a retitling) by an
  /// author and with a subject that are hostile too.
  static func repository() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-inert")
    let repo = try GitFixture(dir)
    try repo.commit(files: ["deal.map.md": plan(due: "2027-02-01", title: "Go live")], message: "Add the plan")
    let author = GitFixture.Author("@org/team \u{1B}[31m\u{202E}", "evil@example.com")
    try repo.commit(
      files: ["deal.map.md": plan(due: "2027-02-15", title: hostile)],
      message: "::error file=evil::S \u{1B}]0;title\u{07} @org/team ##[warning]W | </details>", author: author,
      date: "2026-01-12T09:00:00+00:00")
    return dir
  }

  /// A scalar no text or Markdown output may hold: C0 controls other than tab and line feed,
  /// DEL, C1 controls, bidirectional overrides and isolates.
  static func isForbidden(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09, 0x0A: return false
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// White space the Actions runner trims before it looks for `::` (.NET `Char.IsWhiteSpace`).
  static func isRunnerSpace(_ c: Character) -> Bool {
    c.unicodeScalars.allSatisfy {
      switch $0.value {
      case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
      default: return false
      }
    }
  }

  /// The invariants of an inert text output; with `markdown`, those of a Markdown one too.
  static func expectInert(_ output: String, markdown: Bool, _ what: String, showsEscape: Bool = true) {
    #expect(!output.isEmpty, "\(what): no output")
    let forbidden = output.unicodeScalars.filter(isForbidden).map { String($0.value, radix: 16) }
    #expect(forbidden.isEmpty, "\(what): control characters \(forbidden)\n\(output)")
    for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(!line.drop(while: isRunnerSpace).hasPrefix("::"), "\(what): a workflow command: \(line)")
      #expect(!line.contains("##["), "\(what): an old-style workflow command: \(line)")
    }
    guard markdown else {
      if showsEscape { #expect(output.contains("\\u{1B}"), "\(what): ESC is not shown as an escape\n\(output)") }
      return
    }
    #expect(!output.contains("<!--"), "\(what): an HTML comment\n\(output)")
    #expect(
      output.components(separatedBy: "</details>").count == output.components(separatedBy: "<details>").count,
      "\(what): a </details> of the plan closes the block\n\(output)")
    // Outside raw HTML lines (a `<summary>`, where Markdown is not parsed), no code span of the plan.
    for line in output.split(separator: "\n") where !line.hasPrefix("<") {
      #expect(!line.contains("`x`"), "\(what): a code span of the plan: \(line)")
    }
    for line in output.split(separator: "\n").map(String.init) {
      // A mention pings unless it is in a code span or a <code> element.
      var searchFrom = line.startIndex
      while let r = line[searchFrom...].range(of: "@org/team") {
        let before = line[..<r.lowerBound]
        let ticks = before.count { $0 == "`" } - before.components(separatedBy: "\\`").count + 1
        #expect(before.hasSuffix("<code>") || ticks % 2 == 1, "\(what): a mention: \(line)")
        searchFrom = r.upperBound
      }
    }
    // Every row of a table has as many cells as its first row.
    var cells: Int?
    for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
      guard line.hasPrefix("|") else {
        cells = nil
        continue
      }
      let bars = line.count { $0 == "|" } - line.components(separatedBy: "\\|").count + 1
      if let cells { #expect(bars == cells, "\(what): a bar of the plan splits a cell: \(line)") } else { cells = bars }
    }
  }

  @Test func lintTextAndAnnotationsKeepEveryFindingOnItsLine() throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let text = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: dir)
    #expect(text.status == 1, "\(text.stderr)")
    Self.expectInert(text.stdout, markdown: false, "lint text", showsEscape: false)
    #expect(text.stdout.contains("unknown property `bad\\u{A}::error file=evil::X`"), "\(text.stdout)")

    let json = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "json"], in: dir)
    let findings = try JSONParser.parse(json.stdout).arrayValue ?? []
    #expect(!findings.isEmpty)
    let github = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "github"], in: dir)
    let lines = github.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == findings.count, "one annotation per finding\n\(github.stdout)")
    for line in lines {
      let forbidden = line.unicodeScalars.filter(Self.isForbidden)
      #expect(forbidden.isEmpty, "control characters in \(line)")
      let command = line.dropFirst(2).prefix { $0 != " " }
      #expect(line.hasPrefix("::") && ["error", "warning", "notice"].contains(command), "\(line)")
      let properties = line.dropFirst(2 + command.count + 1).components(separatedBy: "::").first ?? ""
      #expect(properties.hasPrefix("file=deal.map.md,") || properties == "file=deal.map.md", "\(line)")
      #expect(!properties.contains("evil"), "\(line)")
    }
  }

  @Test(arguments: ["text", "markdown"])
  func slipIsInert(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["slip", "--today", "2026-11-23", "--format", format], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    Self.expectInert(run.stdout, markdown: format == "markdown", "slip \(format)")
  }

  @Test(arguments: ["text", "markdown"])
  func diffIsInert(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["diff", "HEAD~1", "HEAD", "--format", format], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("renamed"), "\(run.stdout)")
    Self.expectInert(run.stdout, markdown: format == "markdown", "diff \(format)")
  }

  @Test(arguments: ["text", "markdown"])
  func scheduleIsInert(format: String) throws {
    let dir = try Self.repository()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23", "--format", format], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    Self.expectInert(run.stdout, markdown: format == "markdown", "schedule \(format)")
  }

  @Test func errorMessagesAreInert() throws {
    let run = try TestSupport.mapc(["lint", "no\n::error file=evil::X\u{1B}[2J.map.md"])
    #expect(run.status == 2)
    Self.expectInert(run.stderr, markdown: false, "usage error")
  }
}
