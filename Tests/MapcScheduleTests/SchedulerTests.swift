import MapcJSON
import MapcModel
import MapcSchedule
import MapcYAML
import Testing

/// The two passes on hand-checked plans. Today is Monday 2027-01-04 unless said otherwise;
/// the weekend is Saturday and Sunday.
@Suite struct SchedulerTests {
  static let today = CalendarDate("2027-01-04")!

  /// A plan with `go_live`, the stages `final-agreements`, `implementation` and `value`, and
  /// milestones given as YAML flow mappings (owners and titles filled in).
  static func plan(goLive: String = "2027-03-01", _ milestones: [String], extra: String = "") -> Plan {
    var yaml = """
      id: p
      go_live: \(goLive)
      stakeholders:
        - { id: dana, side: buyer, role: champion }
        - { id: sam, side: seller, role: account-executive }
      stages: [final-agreements, implementation, value]
      \(extra)
      milestones:

      """
    for m in milestones {
      let stage = m.contains("stage:") ? "" : "stage: implementation, "
      let status = m.contains("status:") ? "" : "status: not-started, "
      yaml += "  - { title: T, owners: [dana, sam], \(status)\(stage)\(m) }\n"
    }
    let value = YAMLLoader.load(yaml, firstLine: 1).value ?? .null
    return Plan(value)
  }

  static func schedule(_ plan: Plan, today: CalendarDate = today) throws -> Schedule {
    try Scheduler.schedule(plan, calendar: PlanCalendar(plan: plan, configuration: nil), today: today)
  }

  static func d(_ s: String) -> CalendarDate { CalendarDate(s)! }

  /// "id early late float critical" per milestone, for compact expectations.
  static func rows(_ s: Schedule) -> [String] {
    s.milestones.map { e in
      "\(e.name) \(e.early?.description ?? "-") \(e.late?.description ?? "-") \(e.floatDays.map(String.init) ?? "-")\(e.critical ? " *" : "")"
    }
  }

  @Test func chain() throws {
    let s = try Self.schedule(
      Self.plan([
        "id: a, due: 2027-01-15", "id: b, due: 2027-02-01, lead: 10, depends_on: [a]",
        "id: c, due: 2027-02-15, lead: 5, depends_on: [b]",
      ]))
    // Late: c at go-live (implicit edge, lead 0); b 5 business days before; a 10 before that.
    // Early: a today; b 10 business days later; c 5 after that. Float 25 everywhere.
    #expect(
      Self.rows(s) == [
        "a 2027-01-04 2027-02-08 25 *", "b 2027-01-18 2027-02-22 25 *", "c 2027-01-25 2027-03-01 25 *",
      ])
    #expect(s.criticalPathNames == ["a", "b", "c"])
    #expect(s.earliestGoLive == Self.d("2027-01-25"))
    #expect(s.goLiveFloatDays == 25)
    #expect(s.goLiveFeasible == true)
    #expect(s.goLiveMilestone == nil)
  }

  @Test func diamond() throws {
    let s = try Self.schedule(
      Self.plan([
        "id: a, due: 2027-01-15", "id: b, due: 2027-02-01, lead: 5, depends_on: [a]",
        "id: c, due: 2027-02-01, lead: 10, depends_on: [a]", "id: d, due: 2027-02-15, lead: 2, depends_on: [b, c]",
      ]))
    // a's late date is the earlier of its two successors' needs: 2027-02-25 - 10 = 2027-02-11.
    // d's early date waits for the later branch: c (2027-01-18) + 2 = 2027-01-20.
    #expect(
      Self.rows(s) == [
        "a 2027-01-04 2027-02-11 28 *", "b 2027-01-11 2027-02-25 33", "c 2027-01-18 2027-02-25 28 *",
        "d 2027-01-20 2027-03-01 28 *",
      ])
    #expect(s.criticalPathNames == ["a", "c", "d"])
    #expect(s.criticalChainNames == ["a", "c", "d"])
    #expect(s.earliestGoLive == Self.d("2027-01-20"))
    #expect(s.goLiveFloatDays == 28)
  }

  @Test func twoSuccessorsOneAfterGoLiveAndAGoLiveMilestone() throws {
    let s = try Self.schedule(
      Self.plan([
        "id: p, due: 2027-02-01",
        "id: q, due: 2027-02-15, lead: 3, depends_on: [p]",
        "id: launch, due: 2027-03-01, lead: 5, depends_on: [q], marks: go_live",
        "id: roi, stage: value, due: 2027-04-15, lead: 20, depends_on: [p]",
        "id: training, due: 2027-02-15",
        "id: hypercare, due: 2027-03-01, depends_on: [launch]",
      ]))
    // p's late date comes from q only: roi has no route to go-live. Training leads into the
    // go-live milestone implicitly; hypercare comes after it and gets no implicit edge.
    #expect(
      Self.rows(s) == [
        "p 2027-01-04 2027-02-17 32 *", "q 2027-01-07 2027-02-22 32 *", "launch 2027-01-14 2027-03-01 32 *",
        "roi 2027-02-01 - -", "training 2027-01-04 2027-03-01 40", "hypercare 2027-01-14 - -",
      ])
    #expect(s.criticalPathNames == ["p", "q", "launch"])
    #expect(s.criticalChainNames == ["p", "q", "launch"])
    #expect(s.goLiveMilestone == 2)
    #expect(s.earliestGoLive == Self.d("2027-01-14"))
    #expect(s.goLiveFloatDays == 32)
  }

  @Test func doneMilestone() throws {
    let s = try Self.schedule(
      Self.plan(
        goLive: "2027-01-29",
        [
          "id: a, due: 2026-12-18, status: done, done_on: 2026-12-18",
          "id: b, due: 2027-01-29, lead: 10, depends_on: [a]",
        ]))
    // a is done: early at its done date. b: 10 business days after it is 2027-01-01, before today.
    #expect(Self.rows(s) == ["a 2026-12-18 2027-01-15 20", "b 2027-01-04 2027-01-29 19 *"])
    #expect(s.criticalPathNames == ["b"])
    #expect(s.criticalChainNames == ["b"])
    #expect(s.goLiveFloatDays == 19)
  }

  @Test func infeasibleGoLive() throws {
    let s = try Self.schedule(
      Self.plan(
        goLive: "2027-02-01",
        ["id: a, due: 2027-01-04", "id: b, due: 2027-02-01, lead: 30, depends_on: [a]"]))
    // 30 business days from today is 2027-02-15: go-live misses by 10 business days.
    #expect(Self.rows(s) == ["a 2027-01-04 2026-12-21 -10 *", "b 2027-02-15 2027-02-01 -10 *"])
    #expect(s.earliestGoLive == Self.d("2027-02-15"))
    #expect(s.goLiveFloatDays == -10)
    #expect(s.goLiveFeasible == false)
    #expect(s.criticalPathNames == ["a", "b"])
  }

  @Test func cancelledMilestonesAndUnknownDependenciesAreLeftOut() throws {
    let s = try Self.schedule(
      Self.plan([
        "id: a, due: 2027-01-15, status: cancelled", "id: b, due: 2027-02-01, lead: 10, depends_on: [a, nowhere, b]",
      ]))
    #expect(Self.rows(s) == ["a - - -", "b 2027-01-04 2027-03-01 40 *"])
    #expect(s.milestones[1].dependencies == [])
  }

  @Test func dependencyCycleIsAnErrorNamingIt() throws {
    let plan = Self.plan([
      "id: x, due: 2027-01-15", "id: a, due: 2027-01-15, depends_on: [c]", "id: b, due: 2027-01-15, depends_on: [a, x]",
      "id: c, due: 2027-01-15, depends_on: [b]",
    ])
    #expect(throws: ScheduleError.dependencyCycle(["a", "c", "b", "a"])) { try Self.schedule(plan) }
  }

  @Test func scopedBlackoutDelaysOnlyItsMilestones() throws {
    let plan = Self.plan(
      [
        "id: a, due: 2027-01-04",
        "id: cutover, due: 2027-02-01, lead: 5, depends_on: [a]",
        "id: legal, stage: final-agreements, due: 2027-02-01, lead: 5, depends_on: [a]",
      ],
      extra: """
        calendar: { holidays: [2027-02-26] }
        constraints:
          - { kind: blackout, what: Freeze, from: 2027-01-05, to: 2027-01-08, applies_to: { stages: [implementation] } }
        """)
    let s = try Self.schedule(plan)
    // The freeze stops the cutover's work (Tuesday to Friday), not the legal review's. The
    // holiday on Friday 2027-02-26 moves a's late date from 2027-02-22 back to 2027-02-19.
    #expect(s.milestones[1].early == Self.d("2027-01-15"))
    #expect(s.milestones[2].early == Self.d("2027-01-11"))
    #expect(s.milestones[0].late == Self.d("2027-02-19"))
  }

  @Test func noGoLiveMeansNoLateDates() throws {
    var plan = Self.plan(["id: a, due: 2027-01-15"])
    plan.goLive = nil
    let s = try Self.schedule(plan)
    #expect(Self.rows(s) == ["a 2027-01-04 - -"])
    #expect(s.earliestGoLive == nil && s.goLiveFloatDays == nil && s.criticalPath.isEmpty)
  }

  @Test func largePlansScheduleInLinearTime() throws {
    // A chain of 5,000 milestones and a fan of 5,000 into the last: a quadratic pass would take
    // minutes here.
    var lines = ["id: m0, due: 2027-01-04"]
    for i in 1..<5_000 { lines.append("id: m\(i), due: 2027-01-04, depends_on: [m\(i - 1)]") }
    for i in 0..<5_000 { lines.append("id: f\(i), due: 2027-01-04") }
    let s = try Self.schedule(Self.plan(goLive: "2027-03-01", lines))
    #expect(s.milestones.count == 10_000)
    #expect(s.milestones[4_999].late == Self.d("2027-03-01"))
    #expect(s.criticalPathNames.count == 10_000)
  }
}
