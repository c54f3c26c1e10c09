import MapcWorkspace
import MapcTestSupport
import Testing

@testable import MapcLint

/// Runs every check's own examples: each triggering example must produce the check's
/// finding, each non-triggering example must not. A check without a triggering example
/// must say why it cannot have one (only `unreadable-file` and `schema-violation`).
@Suite struct CheckExampleTests {
  static let linter: Linter? = try? Linter(
    configuration: Configuration(root: "/"), schemas: SchemaCatalog(), today: ExamplePlans.today)

  static let target = LintTarget(path: "example.map.md", displayPath: "example.map.md", relativePath: "example.map.md")

  @Test(arguments: Check.all)
  func triggeringExamplesTrigger(check: Check) throws {
    let linter = try #require(Self.linter, "the carried schemas must compile")
    if check.triggering.isEmpty {
      #expect(["unreadable-file", "schema-violation"].contains(check.name), "\(check) needs a triggering example")
    }
    for example in check.triggering {
      #expect(example.misses.isEmpty, "\(check): an edit of the example's template missed: \(example.misses)")
      let findings = linter.lint(example)
      #expect(findings.contains { $0.check == check }, "\(check) did not trigger on its example; got \(findings.map(\.check.code))")
    }
  }

  @Test(arguments: Check.all)
  func nonTriggeringExamplesDoNotTrigger(check: Check) throws {
    let linter = try #require(Self.linter, "the carried schemas must compile")
    #expect(!check.nonTriggering.isEmpty, "\(check) needs a non-triggering example")
    for example in check.nonTriggering {
      #expect(example.misses.isEmpty, "\(check): an edit of the example's template missed: \(example.misses)")
      #expect(example.markers.isEmpty, "\(check): a non-triggering example has a `↓` mark")
      let findings = linter.lint(example)
      #expect(!findings.contains { $0.check == check }, "\(check) triggered on its clean example: \(findings.map(\.message.text))")
    }
  }

  /// Each triggering example marks with `↓` where the check's findings start, and they start
  /// exactly there: a finding that moves, or an extra one elsewhere, fails.
  @Test(arguments: Check.all)
  func findingsPointAtTheMarks(check: Check) throws {
    let linter = try #require(Self.linter, "the carried schemas must compile")
    for (i, example) in check.triggering.enumerated() {
      #expect(!example.markers.isEmpty, "\(check): triggering example \(i + 1) has no `↓` mark where its finding points")
      let found = linter.lint(example).filter { $0.check == check }
      let at = Set(found.compactMap(\.position))
      #expect(
        at == Set(example.markers) && found.allSatisfy { $0.position != nil },
        "\(check), example \(i + 1): marked at \(example.markers.sorted()), found at \(found.map { $0.position?.description ?? "-" })")
    }
  }

  @Test func minimalPlanPassesTheSchema() throws {
    let linter = try #require(Self.linter, "the carried schemas must compile")
    let findings = linter.lint(bytes: Array(ExamplePlans.minimal.utf8), target: Self.target)
      .filter { Check.builtin.contains($0.check) }
    #expect(findings.isEmpty, "\(findings.map { TextReporter.render($0) })")
  }

  @Test func codesAndNamesAreUnique() {
    #expect(Set(Check.all.map(\.code)).count == Check.all.count)
    #expect(Set(Check.all.map(\.name)).count == Check.all.count)
    for c in Check.all {
      #expect(c.code.wholeMatch(of: /MAP[0-9]{3}/) != nil)
      #expect(c.name.wholeMatch(of: /[a-z0-9]+(-[a-z0-9]+)*/) != nil)
    }
  }
}

@Suite struct ExplanationTests {
  /// `mapc explain` covers every code, and shows the finding its example really produces.
  @Test(arguments: Check.all)
  func everyCheckIsExplained(check: Check) throws {
    let linter = try #require(CheckExampleTests.linter)
    let text = Explanation.render(check, linter: linter)
    #expect(text.hasPrefix("\(check.code) \(check.name) (\(check.defaultSeverity.rawValue) by default)\n"))
    #expect(text.contains(check.summary))
    if !check.triggering.isEmpty {
      #expect(text.contains("mapc reports:\n\n    \(check.triggering[0].fileName)"), "\(text)")
      #expect(text.contains("[\(check.code)]"))
    }
  }

  @Test func checksAreFoundByCodeOrName() {
    #expect(Check.named("map021") == .unknownProperty)
    #expect(Check.named("unknown-property") == .unknownProperty)
    #expect(Check.named("MAP999") == nil)
  }
}

@Suite struct ReadmeTests {
  /// The README's tables name every check, so a new rule cannot ship undocumented there.
  @Test func readmeListsEveryCheck() throws {
    let readme = try TestSupport.read("README.md")
    for check in Check.all {
      #expect(readme.contains("| \(check.code) | \(check.name) |"), "README.md does not list \(check)")
    }
  }
}

/// The two tools the examples are written with: template edits that must hit, and `↓` marks.
@Suite struct ExampleToolTests {
  @Test func anEditThatMissesIsRecordedNotApplied() {
    let missed = ExamplePlans.minimal(replacing: "status: not-a-status", with: "status: done")
    #expect(missed.text == ExamplePlans.minimal)
    #expect(missed.misses == ["`status: not-a-status` occurs 0 times in the text to edit, not once"])
    let ambiguous = ExampleText("a b a").replacing("a", with: "c")
    #expect(ambiguous.text == "a b a")
    #expect(ambiguous.misses.count == 1)
    // A miss carries through later edits and into the example.
    let example = Example(missed.replacing("due: 2027-01-11", with: "due: 2027-01-18"))
    #expect(example.misses == missed.misses)
    #expect(example.displayText.contains("due: 2027-01-18"))
    let hit = ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-18")
    #expect(hit.misses.isEmpty)
    #expect(hit.text.contains("due: 2027-01-18") && !hit.text.contains("due: 2027-01-11"))
  }

  @Test func anEditOfTheBasePlanThatMissesIsRecorded() {
    let example = Example(ExampleText("---\nmap: 1\n---\n"), basePlan: ExampleText("---\nmap: 1\n---\n").replacing("map: 2", with: "map: 3"))
    #expect(example.misses == ["in the base plan: `map: 2` occurs 0 times in the text to edit, not once"])
  }

  @Test func marksAreRemovedAndCountedInUnicodeScalars() {
    let example = Example("---\ntitle: Acme × ↓Northwind\n↓---\n")
    #expect(example.displayText == "---\ntitle: Acme × Northwind\n---\n")
    #expect(example.markers.map(\.description) == ["2:15", "3:1"])
    let bytes = Example(content: .bytes(Array("a\n×↓".utf8) + [0xFF]))
    #expect(bytes.bytes == Array("a\n×".utf8) + [0xFF])
    #expect(bytes.markers.map(\.description) == ["2:2"])
    #expect(Example("no marks").markers.isEmpty)
  }
}
