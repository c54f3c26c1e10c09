import MapcLint
import MapcModel
import MapcWorkspace
import Testing

/// Templates go through the one linter: recognised by their name, checked against the template
/// schema and by the rules whose scope covers them.
@Suite struct TemplateLintTests {
  static let linter = try? Linter(configuration: Configuration(root: "/"), schemas: SchemaCatalog(), today: ExamplePlans.today)

  static func target(_ name: String) -> LintTarget { LintTarget(path: name, displayPath: name, relativePath: name) }

  @Test func aTemplateIsRecognisedByItsName() throws {
    let linter = try #require(Self.linter)
    let text = ExampleTemplates.minimal.replacingOccurrences(of: "title: ${buyer} ×", with: "title: ${buyr} ×")
    // (MAP150: the smallest template has two milestones.)
    let asTemplate = linter.lint(bytes: Array(text.utf8), target: Self.target("t.map-template.md")).filter { $0.check.code != "MAP150" }
    #expect(asTemplate.map(\.check.code) == ["MAP210"], "\(asTemplate.map(\.message.text))")
    // The same text as a plan: the plan schema reports the template's keys, and no template rule runs.
    let asPlan = linter.lint(bytes: Array(text.utf8), target: Self.target("t.map.md"))
    #expect(asPlan.contains { $0.check.code == "MAP020" })
    #expect(!asPlan.contains { $0.check.code == "MAP210" })
    // A plan's own dates, status and names are unknown properties in a template.
    let plan = linter.lint(bytes: Array(ExamplePlans.minimal.utf8), target: Self.target("p.map-template.md"))
    #expect(plan.contains { $0.check.code == "MAP021" && $0.message.text.contains("`due`") }, "\(plan.map(\.message.text))")
  }

  @Test func theReferenceRulesCheckTemplates() throws {
    let linter = try #require(Self.linter)
    let text = ExampleTemplates.minimal.replacingOccurrences(of: "depends_on: [kickoff]", with: "depends_on: [kickof]")
    let findings = linter.lint(bytes: Array(text.utf8), target: Self.target("t.map-template.md")).filter { $0.check.code != "MAP150" }
    #expect(findings.map(\.check.code) == ["MAP102"])
  }

  @Test func checksKnowWhichFilesTheyCover() {
    #expect(UnknownPlaceholderRule.check.covers(template: true) && !UnknownPlaceholderRule.check.covers(template: false))
    #expect(!OverdueRule.check.covers(template: true) && OverdueRule.check.covers(template: false))
    #expect(DependencyCycleRule.check.covers(template: true) && DependencyCycleRule.check.covers(template: false))
    #expect(Check.unknownProperty.covers(template: true))
  }
}

@Suite struct TemplateDiscoveryTests {
  /// A template is never one of the plans, whatever the `plans` globs say, and the `templates`
  /// globs decide which templates `mapc lint` and `mapc new --list` see.
  @Test func templatesAndPlansAreTellApartByName() {
    var configuration = Configuration(root: "/repo")
    configuration.plans = [Glob("**/*.md")]
    #expect(configuration.includesPlan(atRelativePath: "plans/a.map.md"))
    #expect(!configuration.includesPlan(atRelativePath: "templates/a.map-template.md"))
    #expect(configuration.includesTemplate(atRelativePath: "templates/deep/a.map-template.md"))
    #expect(!configuration.includesTemplate(atRelativePath: "elsewhere/a.map-template.md"))
    #expect(!configuration.includesTemplate(atRelativePath: "templates/a.map.md"))
    configuration.exclude = [Glob("templates/old/**")]
    #expect(!configuration.includesTemplate(atRelativePath: "templates/old/a.map-template.md"))
  }
}
