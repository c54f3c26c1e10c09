import MapcWorkspace
import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcLint

/// Edge cases of the reference, dependency, date and status rules (MAP101–MAP128), beyond
/// the examples every check carries.
@Suite struct ReferenceRuleTests {
  static let target = LintTarget(path: "plan.map.md", displayPath: "plan.map.md", relativePath: "plan.map.md")
  /// The reference rules, MAP101–MAP129.
  static let rules = RuleRegistry.rules.filter { ("MAP101"..."MAP129").contains($0.check.code) }
  static let codes = Set(rules.map { $0.check.code })

  static func lint(_ text: String, today: CalendarDate = ExamplePlans.today) throws -> [Finding] {
    let linter = try Linter(configuration: Configuration(root: "/"), schemas: SchemaCatalog(), today: today)
    return linter.lint(bytes: Array(text.utf8), target: target)
  }

  /// The findings of one check.
  static func findings(_ code: String, in text: String, today: CalendarDate = ExamplePlans.today) throws -> [Finding] {
    try lint(text, today: today).filter { $0.check.code == code }
  }

  /// "line:column" of the first occurrence of `needle` after the first occurrence of `after`.
  static func position(of needle: String, after: String = "", in text: String) -> String {
    let start = after.isEmpty ? text.startIndex : text.range(of: after)!.upperBound
    let hit = text.range(of: needle, range: start..<text.endIndex)!.lowerBound
    let before = text[..<hit]
    let line = before.count(where: { $0 == "\n" }) + 1
    let column = before.reversed().prefix { $0 != "\n" }.count + 1
    return "\(line):\(column)"
  }

  static func at(_ f: Finding) -> String { f.position.map { "\($0.line):\($0.column)" } ?? "-" }

  /// The same for plans edited from ``ExamplePlans/minimal``: an edit that missed fails the test.
  static func checked(_ text: ExampleText, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    #expect(text.misses.isEmpty, "\(text.misses)", sourceLocation: sourceLocation)
    return text.text
  }

  static func lint(_ text: ExampleText, today: CalendarDate = ExamplePlans.today) throws -> [Finding] {
    try lint(checked(text), today: today)
  }

  static func findings(_ code: String, in text: ExampleText, today: CalendarDate = ExamplePlans.today) throws -> [Finding] {
    try findings(code, in: checked(text), today: today)
  }

  static func position(of needle: String, after: String = "", in text: ExampleText) -> String {
    position(of: needle, after: after, in: text.text)
  }

  /// A plan with the minimal header and these milestones (YAML list items, indented by 2).
  static func plan(stages: String = "[discovery, final-agreements, implementation, value]", goLive: String = "2027-03-01", _ milestones: String)
    -> String
  {
    """
    ---
    map: 1
    id: acme-rollout
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
    go_live: \(goLive)
    value_date: 2027-06-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    stages: \(stages)
    milestones:
    \(milestones)
    ---
    ## Why now

    """
  }

  /// One milestone, as a YAML list item.
  static func milestone(
    _ id: String, stage: String = "implementation", due: String = "2027-01-11", status: String = "not-started",
    dependsOn: String? = nil, extra: String = ""
  ) -> String {
    var s = """
        - id: \(id)
          title: Milestone \(id)
          stage: \(stage)
          owners: [dana, sam]
          due: \(due)
          status: \(status)

      """
    if let dependsOn { s += "    depends_on: \(dependsOn)\n" }
    s += extra
    return s
  }

  // MARK: Examples

  /// Each triggering example shows exactly its problem: no other rule of this group fires on
  /// it, except where one problem implies another (on track but overdue is also overdue).
  @Test(arguments: ReferenceRuleTests.rules.map { $0.check })
  func triggeringExamplesShowOnlyTheirProblem(check: Check) throws {
    // A go-live the leads cannot reach from today comes from a date the leads already contradict.
    let implied: [String: Set<String>] = ["MAP125": ["MAP123", "MAP124"], "MAP113": ["MAP112"]]
    let allowed = implied[check.code, default: []].union([check.code])
    for example in check.triggering {
      let text = String(decoding: example.bytes, as: UTF8.self)
      let found = try Self.lint(text).filter { Self.codes.contains($0.check.code) }
      #expect(found.allSatisfy { allowed.contains($0.check.code) }, "\(check): \(found.map { TextReporter.render($0) })")
      #expect(found.contains { $0.check == check })
    }
  }

  /// The example plans in `Examples/` stay clean under these rules (they set today to 2026-11-23).
  @Test(arguments: [
    "Examples/enterprise-data-platform.map.md", "Examples/midmarket-support-desk.map.md", "Examples/onboarding-logistics.map.md",
    "Examples/team-extension/harbor-freight-analytics.map.md",
  ])
  func examplePlansAreClean(path: String) throws {
    let text = try TestSupport.read(path)
    let found = try Self.lint(text, today: CalendarDate("2026-11-23")!).filter { Self.codes.contains($0.check.code) }
    #expect(found.isEmpty, "\(found.map { TextReporter.render($0) })")
  }

  // MARK: Positions

  @Test func findingsPointAtTheOffendingValue() throws {
    let text = Self.plan(
      Self.milestone(
        "kickoff", due: "2026-11-20", status: "in-progress", dependsOn: "[kickof]",
        extra: """
              risk: on-track
              done_on: 2026-11-30
              progress:
                - { on: 2026-11-25, note: Agenda agreed, by: danna }

          """)
        .replacing("owners: [dana, sam]", with: "owners: [dana, samm]")
        .replacing("stage: implementation", with: "stage: implemention"))
    let all = try Self.lint(text)
    func only(_ code: String) throws -> Finding {
      let f = all.filter { $0.check.code == code }
      try #require(f.count == 1, "\(code): \(all.map { TextReporter.render($0) })")
      return f[0]
    }
    let owners = all.filter { $0.check.code == "MAP101" }
    #expect(owners.map(Self.at) == ["18:20", Self.position(of: "danna", in: text)])  // owners: [dana, samm]; by: danna
    #expect(owners.map(Self.at).first == Self.position(of: "samm", in: text))
    #expect(owners.map(\.help) == ["did you mean `sam`?", "did you mean `dana`?"])
    #expect(try Self.at(only("MAP102")) == Self.position(of: "kickof]", in: text))
    #expect(try Self.at(only("MAP103")) == Self.position(of: "implemention", in: text))
    #expect(try Self.at(only("MAP123")) == Self.position(of: "2026-11-20", in: text))
    #expect(try Self.at(only("MAP125")) == Self.position(of: "on-track", in: text))
    #expect(try Self.at(only("MAP122")) == Self.position(of: "2026-11-30", in: text))
    #expect(try Self.at(only("MAP127")) == Self.position(of: "2026-11-30", in: text))
    #expect(try Self.at(only("MAP128")) == Self.position(of: "2026-11-25", in: text))
    let progress = owners.filter { $0.message.text.contains("progress") }
    #expect(progress.first?.message.text == "a progress note on milestone `kickoff` is by `danna`, who is not a declared stakeholder")
  }

  @Test func unknownOwnerPointsAtTheRightItemAfterAWrongTypedOne() throws {
    let text = ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [42, zed]")
    let f = try Self.findings("MAP101", in: text)
    #expect(f.map(Self.at) == [Self.position(of: "zed", in: text)])
    #expect(f.first?.help?.contains("declared: `dana`, `sam`") == true)
  }

  @Test func unknownDependencyPointsAtTheRightItemAfterAWrongTypedOne() throws {
    let text = Self.plan(Self.milestone("a") + Self.milestone("b", dependsOn: "[{x: 1}, a, 7, nope]"))
    let f = try Self.findings("MAP102", in: text)
    #expect(f.map(Self.at) == [Self.position(of: "nope", in: text)])
    #expect(f.map(\.pointer) == [JSONPointer(["milestones", "1", "depends_on", "3"])])
  }

  @Test func milestonesOfTheWrongTypeLeaveTheSizeToTheSchema() throws {
    let text = Self.plan("  {kickoff: 1}").replacing("milestones:\n", with: "milestones: ")
      .replacing("value: Cut", with: "value: [Cut").replacing("sources.", with: "sources.]")
    let codes = Set(try Self.lint(text).map(\.check.code))
    // Not a list: neither "no milestones" nor "no value statement", and both keys are still found.
    #expect(!codes.contains("MAP150") && !codes.contains("MAP151") && !codes.contains("MAP170"))
    #expect(codes.contains("MAP022"), "\(codes)")
  }

  @Test func unknownStageListsTheStagesWhenNothingIsClose() throws {
    let text = ExamplePlans.minimal(replacing: "stage: implementation", with: "stage: launch")
    let f = try Self.findings("MAP103", in: text)
    #expect(f.first?.message.text == "milestone `kickoff` is in stage `launch`, which is not in `stages`")
    #expect(f.first?.help == "add `launch` to `stages`, or use a declared stage; declared: `implementation`, `value`")
    let typo = try Self.findings("MAP103", in: ExamplePlans.minimal(replacing: "stage: implementation", with: "stage: implemention"))
    #expect(typo.first?.help == "did you mean `implementation`?")
  }

  @Test func duplicateIDPointsAtTheSecondAndNamesTheFirst() throws {
    let text = Self.plan(Self.milestone("kickoff") + Self.milestone("onboarding") + Self.milestone("kickoff", due: "2027-01-20"))
    let f = try Self.findings("MAP104", in: text)
    #expect(f.count == 1)
    #expect(f.first.map(Self.at) == Self.position(of: "kickoff", after: "id: onboarding", in: text))
    #expect(f.first?.message.text == "milestone id `kickoff` is already used by milestone 1 (Milestone kickoff)")
  }

  // MARK: Dependencies

  @Test func selfDependencyIsAnUnknownDependencyNotACycle() throws {
    let text = Self.plan(Self.milestone("kickoff", dependsOn: "[kickoff]"))
    let all = try Self.lint(text)
    #expect(all.filter { $0.check.code == "MAP102" }.map(\.message.text) == ["milestone `kickoff` depends on itself"])
    #expect(!all.contains { $0.check.code == "MAP110" })
    #expect(!all.contains { $0.check.code == "MAP111" })
  }

  @Test func cyclePathStartsAtTheCyclesFirstMilestone() throws {
    // `entry` is searched first and enters the cycle at `b`; the report still starts at `c`,
    // the cycle's first milestone in the plan.
    let text = Self.plan(
      Self.milestone("entry", due: "2027-01-20", dependsOn: "[b]") + Self.milestone("c", dependsOn: "[x, a]")
        + Self.milestone("a", dependsOn: "[b]") + Self.milestone("b", dependsOn: "[c]") + Self.milestone("x", due: "2027-01-04"))
    let f = try Self.findings("MAP110", in: text)
    #expect(f.map(\.message.text) == ["dependency cycle: c → a → b → c"])
    #expect(f.map(Self.at) == [Self.position(of: "a]", after: "id: c", in: text)])
    // The same plan with the milestones in another order reports the cycle from its new first.
    let reordered = Self.plan(
      Self.milestone("a", dependsOn: "[b]") + Self.milestone("b", dependsOn: "[c]") + Self.milestone("c", dependsOn: "[a]"))
    #expect(try Self.findings("MAP110", in: reordered).map(\.message.text) == ["dependency cycle: a → b → c → a"])
  }

  @Test func cyclesSharingAMilestoneAreReportedOnceEach() throws {
    let text = Self.plan(
      Self.milestone("a", dependsOn: "[b]") + Self.milestone("b", dependsOn: "[a, c, c]") + Self.milestone("c", dependsOn: "[b]"))
    let f = try Self.findings("MAP110", in: text)
    #expect(f.map(\.message.text).sorted() == ["dependency cycle: a → b → a", "dependency cycle: b → c → b"])
    #expect(Set(f.map(Self.at)).count == 2)
    // Linting again gives the same findings, in the same order.
    #expect(try Self.findings("MAP110", in: text) == f)
  }

  @Test func dependencyOnADuplicateIDResolvesToTheFirst() throws {
    let text = Self.plan(
      Self.milestone("a") + Self.milestone("a", dependsOn: "[a]") + Self.milestone("b", due: "2027-01-04", dependsOn: "[a]"))
    let all = try Self.lint(text)
    #expect(!all.contains { $0.check.code == "MAP110" })
    #expect(all.filter { $0.check.code == "MAP102" }.count == 1)  // the second `a` names itself
    #expect(all.filter { $0.check.code == "MAP111" }.map(\.message.text) == [
      "milestone `b` is due 7 days before milestone `a`, which it depends on (2027-01-04 vs 2027-01-11)"
    ])
  }

  @Test func dueBeforeDependencyIgnoresClosedMilestones() throws {
    let early = Self.milestone("b", due: "2027-01-04", dependsOn: "[a]")
    let open = try Self.findings("MAP111", in: Self.plan(Self.milestone("a") + early))
    #expect(open.map(Self.at) == [Self.position(of: "2027-01-04", in: Self.plan(Self.milestone("a") + early))])
    let done = Self.milestone("a", due: "2027-01-11", status: "done", extra: "    done_on: 2026-11-20\n")
    #expect(try Self.findings("MAP111", in: Self.plan(done + early)).isEmpty)
    let cancelled = Self.milestone("a", status: "cancelled")
    #expect(try Self.findings("MAP111", in: Self.plan(cancelled + early)).isEmpty)
  }

  /// A 10,000-milestone chain (and the same chain closed into a cycle) must not overflow the
  /// stack; the rules run on the typed plan directly, without the schema.
  @Test func hugeDependencyChains() throws {
    let n = 10_000
    func chain(closed: Bool) -> JSONValue {
      let milestones: [JSONValue] = (0..<n).map { i in
        let next = i + 1 < n ? "m\(i + 1)" : (closed ? "m0" : nil)
        var members: [(String, JSONValue)] = [
          ("id", .string("m\(i)")), ("stage", .string("implementation")), ("due", .string("2027-01-11")),
          ("status", .string("not-started")), ("owners", .array([.string("dana")])),
        ]
        if let next { members.append(("depends_on", .array([.string(next)]))) }
        return .object(JSONObject(members))
      }
      return .object(
        JSONObject([
          ("go_live", .string("2027-03-01")), ("stages", .array([.string("implementation")])),
          ("stakeholders", .array([.object(JSONObject([("id", .string("dana"))]))])), ("milestones", .array(milestones)),
        ]))
    }
    for closed in [false, true] {
      let json = chain(closed: closed)
      let context = RuleContext(plan: Plan(json), body: "", today: ExamplePlans.today, thresholds: Thresholds())
      var all: [RuleFinding] = []
      for rule in Self.rules { all += rule.init().findings(in: context) }
      let cycles = DependencyCycleRule().findings(in: context)
      #expect(cycles.count == (closed ? 1 : 0))
      #expect(all.count == cycles.count)
      if let c = cycles.first {
        #expect(c.pointer == JSONPointer(["milestones", "0", "depends_on", "0"]))
        #expect(c.message.hasPrefix("dependency cycle: m0 → m1 → "))
        #expect(c.message.contains("… 9981 more …"))
        #expect(c.message.hasSuffix(" → m9999 → m0"))
      }
    }
  }

  /// Wrong types, missing fields and stray values read as absent: no crash, no rule finding
  /// (the schema reports them).
  @Test func oddInputDoesNotCrash() throws {
    let texts = [
      "---\nmap: 1\nmilestones: [1, null, [a], {id: x, depends_on: x, owners: x, progress: x}]\n---\n",
      "---\nmap: 1\nmilestones: {a: 1}\nstakeholders: 3\nstages: x\n---\n",
      "---\nmap: 1\nmilestones:\n  - {depends_on: [null, 3], owners: [{}], progress: [1, {on: 3, by: 4}], done_on: 2026-02-30, status: done}\n---\n",
      "---\n[1, 2]\n---\n",
    ]
    for text in texts {
      let found = try Self.lint(text).filter { Self.codes.contains($0.check.code) }
      #expect(found.isEmpty, "\(text): \(found.map { TextReporter.render($0) })")
    }
  }

  // MARK: Time

  @Test(arguments: [(0, nil), (1, "MAP123"), (6, "MAP123"), (7, "MAP124"), (30, "MAP124")] as [(Int, String?)])
  func overdueBoundaries(daysLate: Int, code: String?) throws {
    let due = ExamplePlans.today.adding(days: -daysLate)
    let text = ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: \(due)")
    let found = try Self.lint(text).filter { ["MAP123", "MAP124"].contains($0.check.code) }
    #expect(found.map(\.check.code) == (code.map { [$0] } ?? []))
    if let f = found.first {
      let word = code == "MAP123" ? "overdue" : "stalled"
      let ago = daysLate == 1 ? "1 day" : "\(daysLate) days"
      #expect(f.message.text == "milestone `kickoff` is \(word): due \(ago) ago (\(due))")
      #expect(Self.at(f) == Self.position(of: "\(due)", in: text))
      #expect(f.severity == (code == "MAP123" ? .warning : .error))
    }
    // A blocked milestone is still open; a done or cancelled one is not.
    let blocked = text.replacing("status: not-started", with: "status: blocked")
    #expect(try Self.lint(blocked).filter { ["MAP123", "MAP124"].contains($0.check.code) }.count == found.count)
    let cancelled = text.replacing("status: not-started", with: "status: cancelled")
    #expect(try Self.lint(cancelled).filter { ["MAP123", "MAP124"].contains($0.check.code) }.isEmpty)
  }

  @Test func onTrackButOverdueFiresFromTheFirstDayLate() throws {
    for (late, fires) in [(0, false), (1, true), (10, true)] {
      let due = ExamplePlans.today.adding(days: -late)
      let text = ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: \(due)")
        .replacing("status: not-started", with: "status: in-progress\n    risk: on-track")
      #expect(try Self.findings("MAP125", in: text).count == (fires ? 1 : 0), "\(late) days late")
    }
  }

  @Test func dateBoundaries() throws {
    let tomorrow = ExamplePlans.today.adding(days: 1)
    let doneTomorrow = ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: \(tomorrow)")
    #expect(try Self.findings("MAP122", in: doneTomorrow).map(\.message.text) == [
      "milestone `kickoff` is marked done on 2026-11-24, 1 day after today (2026-11-23)"
    ])
    let valueBefore = ExamplePlans.minimal(replacing: "value_date: 2027-06-01", with: "value_date: 2027-02-28")
    let f = try Self.findings("MAP121", in: valueBefore)
    #expect(f.map(\.message.text) == ["the value date is 1 day before go-live (2027-02-28 vs 2027-03-01)"])
    #expect(f.map(Self.at) == [Self.position(of: "2027-02-28", in: valueBefore)])
    // A malformed `done_on` is the schema's to report, not `done-without-date`.
    let malformed = ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: 2026-02-30")
    #expect(try Self.findings("MAP126", in: malformed).isEmpty)
    let noDate = ExamplePlans.minimal(replacing: "status: not-started", with: "status: done")
    #expect(try Self.findings("MAP126", in: noDate).map(Self.at) == [Self.position(of: "done", after: "status: ", in: noDate)])
  }

  // MARK: Go-live stage

  @Test func milestoneDueOnGoLiveSetsTheGoLiveStage() throws {
    // The go-live milestone is in implementation: a final-agreements milestone after it is
    // reported, an implementation or value milestone is not, and one due on go-live is fine.
    let text = Self.plan(
      Self.milestone("go-live", due: "2027-03-01") + Self.milestone("signature", stage: "final-agreements", due: "2027-03-10")
        + Self.milestone("contract", stage: "final-agreements", due: "2027-03-01")
        + Self.milestone("rollout", due: "2027-04-01") + Self.milestone("roi", stage: "value", due: "2027-06-01"))
    let f = try Self.findings("MAP120", in: text)
    #expect(f.map(\.message.text) == ["milestone `signature` is due 9 days after go-live (2027-03-10 vs 2027-03-01)"])
    #expect(f.map(Self.at) == [Self.position(of: "2027-03-10", in: text)])
    #expect(f.first?.help?.hasSuffix("only milestones in stage `implementation` or a later one may be due after go-live") == true)
  }

  @Test func withoutAGoLiveMilestoneTheLastOneBeforeGoLiveCounts() throws {
    // No milestone on 2027-03-01; the last before it is `onboarding` (implementation), so
    // `signature` after go-live is reported and `rollout` is not.
    let text = Self.plan(
      Self.milestone("signature", stage: "final-agreements", due: "2027-03-05") + Self.milestone("kickoff", due: "2027-01-11")
        + Self.milestone("onboarding", due: "2027-02-20") + Self.milestone("legal", stage: "final-agreements", due: "2027-02-01")
        + Self.milestone("rollout", due: "2027-03-15"))
    #expect(try Self.findings("MAP120", in: text).map(\.message.text) == [
      "milestone `signature` is due 4 days after go-live (2027-03-05 vs 2027-03-01)"
    ])
    // When that last milestone is a final-agreements one, final agreements count as the
    // go-live stage: nothing is reported.
    let late = text.replacing("due: 2027-02-01", with: "due: 2027-02-25")
    #expect(try Self.findings("MAP120", in: late).isEmpty)
  }

  @Test func severalMilestonesOnTheGoLiveDayTakeTheLatestStage() throws {
    let text = Self.plan(
      Self.milestone("contract", stage: "final-agreements", due: "2027-03-01") + Self.milestone("go-live", due: "2027-03-01")
        + Self.milestone("sign-off", stage: "final-agreements", due: "2027-03-02"))
    #expect(try Self.findings("MAP120", in: text).map(\.message.text) == [
      "milestone `sign-off` is due 1 day after go-live (2027-03-02 vs 2027-03-01)"
    ])
  }

  @Test func goLiveStageIsUnknownWithoutMilestonesByGoLive() throws {
    // Every milestone after go-live (or in an undeclared stage): the rule cannot tell which
    // stages come after go-live, and stays silent.
    let text = Self.plan(
      Self.milestone("signature", stage: "final-agreements", due: "2027-03-05") + Self.milestone("early", stage: "nowhere", due: "2027-01-05"))
    #expect(try Self.findings("MAP120", in: text).isEmpty)
  }
}
