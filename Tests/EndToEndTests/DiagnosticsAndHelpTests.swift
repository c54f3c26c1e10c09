import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// Issue 15, point 5: one finding per problem, whole help texts, a hint where YAML surprises,
/// `explain MAP001` and the CLI in agreement, a friendly unknown revision for `slip --at`, and
/// `--help` of every subcommand as ArgumentParser wraps it at 80 columns.
@Suite struct DiagnosticsAndHelpTests {
  /// The example plan with `replace` replaced by `with`, linted as JSON.
  static func lint(replacing replace: String, with replacement: String) throws -> [JSONValue] {
    let dir = try TestSupport.temporaryDirectory("mapc-diagnostics")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    #expect(plan.contains(replace))
    try plan.replacing(replace, with: replacement).write(
      to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", "json"], in: dir)
    return try JSONParser.parse(run.stdout).arrayValue ?? []
  }

  @Test func aDateInTheWrongFormatIsOneFindingWithAWholeHelpText() throws {
    let findings = try Self.lint(replacing: "go_live: 2027-01-25", with: "go_live: 17/05/2027")
    let dates = findings.filter { $0["code"] == .string("MAP024") }
    #expect(dates.count == 1, "\(dates)")
    let help = dates.first?["help"]?.stringValue ?? ""
    #expect(help == "A calendar date written `YYYY-MM-DD`, e.g. `2027-03-01`", "\(help)")
  }

  @Test func aCommaInAFlowMappingGetsAHintToQuote() throws {
    let findings = try Self.lint(
      replacing: "compelling_event:\n  what: Current helpdesk contract auto-renews for 12 months\n  date: 2027-01-31\n  why: >-\n",
      with: "compelling_event: { what: Holiday census peak, no rollouts, date: 2027-01-31 }\nx-why: >-\n")
    let unknown = findings.filter { $0["code"] == .string("MAP021") }
    #expect(unknown.count == 1, "\(unknown)")
    #expect(unknown.first?["message"] == .string("unknown property `no rollouts`"), "\(unknown)")
    let help = unknown.first?["help"]?.stringValue ?? ""
    #expect(help.contains("quote the whole value, `what: \"Holiday census peak, no rollouts\"`"), "\(help)")
  }

  /// A mistyped path is a usage error (exit 2), and `mapc explain MAP001` says so rather than
  /// calling a missing file MAP001.
  @Test func explainMAP001AgreesWithTheCommandLine() throws {
    let missing = try TestSupport.mapc(["lint", "no/such/plan.map.md"])
    #expect(missing.status == 2)
    #expect(missing.stdout.isEmpty)
    let explain = try TestSupport.mapc(["explain", "MAP001"])
    #expect(explain.status == 0)
    let text = explain.stdout.replacing("\n", with: " ")
    #expect(!text.contains("(missing"), "\(explain.stdout)")
    #expect(text.contains("does not exist is not a finding but a usage error (exit code 2)"), "\(explain.stdout)")
  }

  @Test func slipAtAnUnknownRevisionSaysSo() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-slip-at")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = try GitFixture(dir)
    try repo.commit(files: ["deal.map.md": try TestSupport.read("Examples/midmarket-support-desk.map.md")], message: "Add")
    let run = try TestSupport.mapc(["slip", "--at", "nosuchrev"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.hasPrefix("mapc: error: unknown revision 'nosuchrev'\n"), "\(run.stderr)")
    #expect(!run.stderr.contains("revspec"), "\(run.stderr)")
  }

  static let commands = [
    "", "lint", "slip", "report", "diff", "render", "schedule", "new", "template", "template extract", "export", "calendar",
    "init", "explain", "rules",
  ]

  @Test(arguments: commands)
  func helpMatchesItsGoldenFile(command: String) throws {
    let words = command.split(separator: " ").map(String.init)
    let run = try TestSupport.mapc(words + ["--help"], environment: ["COLUMNS": "80"])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/help/\(command.isEmpty ? "mapc" : words.joined(separator: "-")).txt", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
    // The overview and discussion wrap where the width makes them: a line followed by more of
    // its paragraph is full, and a list item's continuation lines are indented under it.
    let overview = run.stdout.components(separatedBy: "\nUSAGE:").first ?? ""
    let lines = overview.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var inList = false
    for (line, next) in zip(lines, lines.dropFirst()) {
      #expect(line.count <= 80, "longer than 80 columns: \(line)")
      if line.isEmpty { inList = false }
      if line.hasPrefix("  - ") { inList = true }
      guard !line.isEmpty, !next.isEmpty, !next.hasPrefix("  - "), !line.hasSuffix(":") else { continue }
      let word = next.drop { $0 == " " }.prefix { $0 != " " }
      #expect(line.count + 1 + word.count > 78, "a line break in mid-sentence:\n\(line)\n\(next)")
      if inList { #expect(next.hasPrefix("    "), "a list item's continuation at the margin:\n\(line)\n\(next)") }
    }
  }
}
