import MapcWorkspace
import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import MapcYAML
import Testing

@testable import MapcLint

/// The format's scheduling fields: `calendar`, milestone `lead`, `pinned`, `marks`, and a
/// blackout's `applies_to`, in the plan schema, the typed model and `mapc.yml`.
@Suite struct SchedulingFormatTests {
  static let target = LintTarget(path: "plan.map.md", displayPath: "plan.map.md", relativePath: "plan.map.md")

  static let plan = ExamplePlans.minimal
    .replacing(
      "stages: [implementation, value]",
      with: """
        calendar: { weekend: [fri, sat], holidays: [2026-12-25, 2027-01-01] }
        constraints:
          - kind: blackout
            what: Year-end finance change freeze
            from: 2026-12-19
            to: 2027-01-04
            applies_to: { stages: [implementation], sides: [buyer] }
        stages: [implementation, value]
        """
    )
    .replacing(
      "    status: not-started\n",
      with: "    status: not-started\n    lead: 10\n    pinned: true\n    marks: go_live\n")

  /// Codes of the schema findings (MAP020–MAP026) for the plan with `target` replaced.
  static func schemaCodes(_ target: String = "", _ replacement: String = "") throws -> [String] {
    let text = target.isEmpty ? plan : plan.replacing(target, with: replacement)
    let linter = try Linter(configuration: Configuration(root: "/"), schemas: SchemaCatalog(), today: ExamplePlans.today)
    return linter.lint(bytes: Array(text.utf8), target: Self.target).map(\.check.code).filter { $0 < "MAP100" }
  }

  @Test func theNewFieldsAreValid() throws {
    #expect(try Self.schemaCodes() == [])
    // Without them, a map: 1 plan stays valid.
    let linter = try Linter(configuration: Configuration(root: "/"), schemas: SchemaCatalog(), today: ExamplePlans.today)
    #expect(linter.lint(bytes: Array(ExamplePlans.minimal.utf8), target: Self.target).filter { $0.check.code < "MAP100" }.isEmpty)
  }

  @Test(arguments: [
    ("lead: 10", "lead: -1"), ("lead: 10", "lead: 1.5"), ("lead: 10", "lead: 1001"), ("lead: 10", "lead: ten"),
    ("pinned: true", "pinned: yes"), ("marks: go_live", "marks: signature"),
    ("weekend: [fri, sat]", "weekend: [mon, tue, wed, thu, fri, sat, sun]"), ("weekend: [fri, sat]", "weekend: [friday]"),
    ("holidays: [2026-12-25, 2027-01-01]", "holidays: [2026-12-32]"),
    ("applies_to: { stages: [implementation], sides: [buyer] }", "applies_to: {}"),
    ("sides: [buyer]", "sides: [vendor]"), ("kind: blackout", "kind: budget"),
    ("calendar: {", "calendar: { workdays: [mon],"),
  ])
  func invalidValuesAreReported(target: String, replacement: String) throws {
    #expect(try !Self.schemaCodes(target, replacement).isEmpty, "\(replacement)")
  }

  @Test func theModelReadsTheFields() throws {
    let source = try #require(PlanReader.split(bytes: Array(Self.plan.utf8)).source)
    let plan = Plan(try #require(Self.frontmatter(source.frontmatter)))
    let m = try #require(plan.milestones.first)
    #expect(m.lead == 10)
    #expect(m.pinned)
    #expect(m.marks == .goLive)
    #expect(plan.calendar?.weekend == [.fri, .sat])
    #expect(plan.calendar?.holidays == [CalendarDate("2026-12-25")!, CalendarDate("2027-01-01")!])
    let freeze = try #require(plan.constraints.first)
    #expect(freeze.isBlackout)
    #expect(freeze.from == CalendarDate("2026-12-19") && freeze.to == CalendarDate("2027-01-04"))
    #expect(freeze.appliesTo?.stages == ["implementation"])
    #expect(freeze.appliesTo?.sides == [.buyer])
    #expect(freeze.appliesTo?.milestones == nil)
    // Out-of-range leads read as absent rather than trapping.
    for bad in ["1e300", "-3", "2.5", "1001", ".inf"] {
      let p = Plan(try #require(Self.frontmatter(source.frontmatter.replacing("lead: 10", with: "lead: \(bad)"))))
      #expect(p.milestones.first?.lead == nil, "\(bad)")
    }
  }

  @Test func theConfigurationReadsItsCalendar() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("mapc.yml")
    try "calendar:\n  weekend: [sun]\n  holidays: [2026-12-25]\n".write(to: file, atomically: true, encoding: .utf8)
    let configuration = try Configuration.load(file: file.path, schemas: SchemaCatalog())
    #expect(configuration.calendar == CalendarSettings(weekend: [.sun], holidays: [CalendarDate("2026-12-25")!]))
    try "calendar:\n  weekend: [someday]\n".write(to: file, atomically: true, encoding: .utf8)
    #expect(throws: ConfigurationError.self) { try Configuration.load(file: file.path, schemas: SchemaCatalog()) }
  }

  /// The frontmatter as a JSON value.
  static func frontmatter(_ yaml: String) -> JSONValue? { YAMLLoader.load(yaml, firstLine: 1).value }
}
