import Foundation
import MapcLint
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcWorkspace

/// Plan ids across files (issue 12 point 4): the byte scan that spares parsing every plan, and
/// the check's behaviour that its examples do not show.
@Suite struct PlanIDTests {
  @Test func theScanFindsEveryOccurrenceAndNoOther() {
    func has(_ text: String, _ needle: String) -> Bool { PlanIDs.contains(Array(text.utf8), Array(needle.utf8)) }
    #expect(has("aaab", "aab"))
    #expect(has("ababab", "abab"))
    #expect(has("id: acme-rollout\n", "acme-rollout"))
    #expect(has("x", "x"))
    #expect(!has("acme-rollou", "acme-rollout"))
    #expect(has("abaabab", "abab"))
    #expect(!has("aaaa", "aab"))
    #expect(!has("", "a"))
  }

  /// A id written with a YAML escape holds no literal copy of it: the file is parsed all the same.
  @Test func anIDSpelledWithAnEscapeIsFound() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ids")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plain = dir.appendingPathComponent("a.map.md").path
    let escaped = dir.appendingPathComponent("b.map.md").path
    let other = dir.appendingPathComponent("c.map.md").path
    try "---\nmap: 1\nid: acme-rollout\n---\n".write(toFile: plain, atomically: false, encoding: .utf8)
    try "---\nmap: 1\nid: \"acme\\u002Drollout\"\n---\n".write(toFile: escaped, atomically: false, encoding: .utf8)
    try "---\nmap: 1\nid: globex-rollout\n---\n".write(toFile: other, atomically: false, encoding: .utf8)
    let files = [plain, escaped, other].map { PlanFile(path: $0, displayPath: $0, relativePath: $0) }
    let found = PlanIDs.entries(of: files, matching: ["acme-rollout"])
    #expect(found.map(\.path).sorted() == [plain, escaped])
    #expect(throws: UsageError.self) { try PlanIDs.requireUnique(found) }
    #expect(PlanIDs.list(["a", "b", "c", "d", "e", "f", "g"]) == "a, b, c, d, e and 2 more")
    #expect(PlanIDs.list(["a", "b"]) == "a and b")
  }

  /// A plan cannot hide the finding by disabling the check for itself; mapc.yml can set its
  /// severity (render, slip and diff refuse the files all the same).
  @Test func aPlanCannotDisableTheCheckForItself() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ids")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = ExamplePlans.minimal
    let disabled = ExamplePlans.minimal(replacing: "stages: [implementation, value]\n", with: "stages: [implementation, value]\nlint:\n  disable: [duplicate-plan-id]\n")
    try #require(disabled.misses.isEmpty)
    try plan.write(to: dir.appendingPathComponent("acme.map.md"), atomically: false, encoding: .utf8)
    try disabled.text.write(to: dir.appendingPathComponent("globex.map.md"), atomically: false, encoding: .utf8)
    let linter = Linter(configuration: Configuration(root: dir.path), schemas: try SchemaCatalog(), today: ExamplePlans.today)
    let targets = ["acme.map.md", "globex.map.md"].map {
      LintTarget(path: dir.appendingPathComponent($0).path, displayPath: $0, relativePath: $0)
    }
    let findings = linter.lint(targets).findings
    let duplicates = findings.filter { $0.check == .duplicatePlanID }
    #expect(duplicates.map(\.path) == ["acme.map.md", "globex.map.md"])
    #expect(duplicates.allSatisfy { $0.position?.line == 3 && $0.position?.column == 5 && $0.sourceLine == "id: acme-rollout" })
    #expect(findings.contains { $0.path == "globex.map.md" && $0.message.text == "`duplicate-plan-id` cannot be disabled for one plan" })
    // One file alone has nothing to compare with.
    #expect(!linter.lint([targets[0]]).findings.contains { $0.check == .duplicatePlanID })
  }
}
