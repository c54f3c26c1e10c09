import MapcWorkspace
import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcLint

/// The scheduling rules (MAP112–MAP114) beyond the examples every check carries.
@Suite struct ScheduleRuleTests {
  static let target = LintTarget(path: "plan.map.md", displayPath: "plan.map.md", relativePath: "plan.map.md")

  static func findings(_ code: String, in text: String, calendar: CalendarSettings? = nil) throws -> [Finding] {
    var configuration = Configuration(root: "/")
    configuration.calendar = calendar
    let linter = try Linter(configuration: configuration, schemas: SchemaCatalog(), today: ExamplePlans.today)
    return linter.lint(bytes: Array(text.utf8), target: target).filter { $0.check.code == code }
  }

  static func onboarding(due: String, lead: Int, kickoff: String = "") -> String {
    UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]")
      .replacing("due: 2027-02-01", with: "due: \(due)\n    lead: \(lead)")
      .replacing("    due: 2027-01-11\n    status: not-started\n", with: "    due: 2027-01-11\n    status: not-started\n\(kickoff)").text
  }

  @Test func dueBeforeLeadSaysTheEarliestDateOnTheCalendar() throws {
    let found = try Self.findings("MAP112", in: Self.onboarding(due: "2027-01-22", lead: 10))
    #expect(found.count == 1)
    #expect(
      found.first?.message.text
        == "milestone `onboarding` is due 2027-01-22, but its lead of 10 business days after milestone `kickoff` (which is due 2027-01-11) allows 2027-01-25 at the earliest")
    // A holiday from mapc.yml pushes the earliest date a day further.
    let holiday = try Self.findings(
      "MAP112", in: Self.onboarding(due: "2027-01-25", lead: 10), calendar: CalendarSettings(holidays: [CalendarDate("2027-01-18")!]))
    #expect(holiday.first?.message.text.hasSuffix("allows 2027-01-26 at the earliest") == true, "\(holiday)")
    #expect(try Self.findings("MAP112", in: Self.onboarding(due: "2027-01-25", lead: 10)).isEmpty)
    // A done dependency counts from its done date.
    let done = try Self.findings(
      "MAP112", in: Self.onboarding(due: "2027-01-25", lead: 10, kickoff: "    done_on: 2027-01-13\n").replacing(
        "due: 2027-01-11\n    status: not-started", with: "due: 2027-01-11\n    status: done"))
    #expect(done.first?.message.text.contains("(which was done 2027-01-13) allows 2027-01-27") == true, "\(done)")
    // Due before the dependency itself: MAP111's finding, not this one.
    #expect(try Self.findings("MAP112", in: Self.onboarding(due: "2027-01-04", lead: 10)).isEmpty)
  }

  @Test func goLiveInfeasibleNamesTheChainAndTheShortfall() throws {
    let text = Self.onboarding(due: "2027-02-26", lead: 75)
    let found = try Self.findings("MAP113", in: text)
    #expect(found.count == 1)
    // Today 2026-11-23 + 75 business days = 2027-03-08, five business days after 2027-03-01.
    #expect(
      found.first?.message.text
        == "go-live 2027-03-01 cannot be met from today (2026-11-23) on the plan's leads: it misses by 5 business days (earliest 2027-03-08), held up by `kickoff` → `onboarding`")
    #expect(found.first?.position?.line == 8)
    #expect(try Self.findings("MAP113", in: Self.onboarding(due: "2027-02-26", lead: 68)).isEmpty)
    // A cycle is MAP110's; scheduling stays silent.
    let cycle = text.replacing("    due: 2027-01-11\n", with: "    due: 2027-01-11\n    depends_on: [onboarding]\n")
    #expect(try Self.findings("MAP113", in: cycle).isEmpty)
    #expect(try !Self.findings("MAP110", in: cycle).isEmpty)
  }

  @Test func marksValueDate() throws {
    let plan = ExamplePlans.minimal(replacing: "    status: not-started\n", with: "    status: not-started\n    marks: value_date\n").text
    let found = try Self.findings("MAP114", in: plan)
    #expect(
      found.first?.message.text == "milestone `kickoff` marks the plan's value date but is due 2027-01-11, not on `value_date` (2027-06-01)")
    let matching = plan.replacing("value_date: 2027-06-01", with: "value_date: 2027-01-11")
    #expect(try Self.findings("MAP114", in: matching).isEmpty)
  }
}
