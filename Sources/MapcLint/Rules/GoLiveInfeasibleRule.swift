import MapcJSON
import MapcModel
import MapcSchedule

/// MAP113: go-live cannot be met from today on the plan's own leads.
public struct GoLiveInfeasibleRule: Rule {
  public static let check = Check(
    code: "MAP113", name: "go-live-infeasible", severity: .warning,
    summary: "Go-live cannot be met from today on the plan's own `lead`s.",
    rationale: """
      Working forward from today through each open milestone's `lead` (business days after its \
      latest dependency; done milestones at their `done_on`), the plan reaches go-live after \
      its `go_live` date: the plan promises a date its own estimates say is impossible. mapc \
      names the chain of critical milestones that holds go-live up and by how many business \
      days it misses (`mapc schedule` shows every milestone's dates and float). Shorten a lead \
      on that chain, do work in parallel, or move go-live, with the buyer. Plans without any \
      `lead` are not checked; an overdue milestone is `overdue`'s to report.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "    status: not-started\n", with: """
              status: not-started
              lead: 5
            - id: onboarding
              title: Finance team onboarded
              stage: implementation
              owners: [dana, sam]
              due: 2027-02-26
              status: not-started
              lead: 80
              depends_on: [kickoff]

          """).replacing("go_live: 2027-03-01", with: "go_live: ↓2027-03-01"),
        caption: "80 business days of onboarding from today end after the go-live on 2027-03-01")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "    status: not-started\n", with: """
              status: not-started
              lead: 5
            - id: onboarding
              title: Finance team onboarded
              stage: implementation
              owners: [dana, sam]
              due: 2027-02-26
              status: not-started
              lead: 40
              depends_on: [kickoff]

          """),
        caption: "40 business days of onboarding fit before go-live")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    guard plan.goLive != nil, plan.milestones.contains(where: { ($0.lead ?? 0) > 0 }) else { return [] }
    let calendar = PlanCalendar(plan: plan, configuration: context.calendar)
    // A dependency cycle is `dependency-cycle`'s to report.
    guard let s = try? Scheduler.schedule(plan, calendar: calendar, today: context.today),
      let goLive = s.goLive, let float = s.goLiveFloatDays, float < 0, let earliest = s.earliestGoLive
    else { return [] }
    let chain = s.criticalChainNames.map { "`\($0)`" }.joined(separator: " → ")
    let days = -float == 1 ? "1 business day" : "\(-float) business days"
    return [
      RuleFinding(
        at: JSONPointer(["go_live"]), .value,
        "go-live \(goLive) cannot be met from today (\(context.today)) on the plan's leads: it misses by \(days) (earliest \(earliest))"
          + (chain.isEmpty ? "" : ", held up by \(chain)"),
        help: "shorten a lead on that chain, do work in parallel, or agree a go-live of \(earliest) or later with the buyer; `mapc schedule` shows every date")
    ]
  }
}
