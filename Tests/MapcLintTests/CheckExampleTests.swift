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
      let findings = linter.lint(bytes: example.bytes, target: example.target)
      #expect(findings.contains { $0.check == check }, "\(check) did not trigger on its example; got \(findings.map(\.check.code))")
    }
  }

  @Test(arguments: Check.all)
  func nonTriggeringExamplesDoNotTrigger(check: Check) throws {
    let linter = try #require(Self.linter, "the carried schemas must compile")
    #expect(!check.nonTriggering.isEmpty, "\(check) needs a non-triggering example")
    for example in check.nonTriggering {
      let findings = linter.lint(bytes: example.bytes, target: example.target)
      #expect(!findings.contains { $0.check == check }, "\(check) triggered on its clean example: \(findings.map(\.message.text))")
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
      #expect(text.contains("mapc reports:\n\n    example.map.md"), "\(text)")
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
