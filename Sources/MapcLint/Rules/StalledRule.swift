import MapcModel

/// MAP124: an open milestone due 7 or more days ago.
public struct StalledRule: Rule {
  public static let check = Check(
    code: "MAP124", name: "stalled", severity: .error,
    summary: "An open milestone was due 7 or more days ago.",
    rationale: """
      A milestone still open a week or more after its due date has stalled: either it is done \
      and nobody updated the plan, or it is stuck and the dates after it are no longer true. \
      Either way the buyer is looking at a plan that does not match reality. Update it: mark \
      the milestone done with its `done_on`, or move `due` (and what depends on it) in a \
      commit that says why, so that `mapc slip` records the reason. Under 7 days late, the \
      milestone is `overdue`, a warning.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2026-11-16"), caption: "due 7 days ago (today is 2026-11-23 in the examples)")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-17"), caption: "due 6 days ago: that is `overdue`"),
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-10-01").replacing("status: not-started", with: "status: cancelled"),
        caption: "a cancelled milestone is not open"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      guard let late = OverdueRule.daysLate(m, today: context.today), late >= 7 else { return nil }
      return RuleFinding(
        at: m.pointer("due"), .value,
        "\(ReferenceRuleSupport.name(of: m)) is stalled: due \(ReferenceRuleSupport.days(late)) ago (\(m.due!))",
        help: "mark it done with `done_on`, or move `due` (and what depends on it) in a commit that says why")
    }
  }
}
