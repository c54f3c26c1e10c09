import MapcModel

/// MAP125: an overdue milestone still marked on track.
public struct OnTrackButOverdueRule: Rule {
  public static let check = Check(
    code: "MAP125", name: "on-track-but-overdue", severity: .warning,
    summary: "An open milestone past its due date has `risk: on-track`.",
    rationale: """
      Risk is the honest part of a plan: it tells the buyer where to help. A milestone whose \
      due date has passed without it being done is not on track, whatever the plan says, and \
      a buyer who notices the contradiction stops trusting the rest of the plan. Set the risk \
      to `at-risk` or `off-track`, or move the date in a commit that says why.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-20").replacing(
          "status: not-started", with: "status: in-progress\n    risk: ↓on-track"),
        caption: "due 3 days ago and still on track (today is 2026-11-23 in the examples)")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-23").replacing(
          "status: not-started", with: "status: in-progress\n    risk: on-track"),
        caption: "due today: still on track"),
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-20").replacing(
          "status: not-started", with: "status: in-progress\n    risk: at-risk"),
        caption: "overdue and honestly at risk"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      guard m.risk == .onTrack, let late = OverdueRule.daysLate(m, today: context.today) else { return nil }
      return RuleFinding(
        at: m.pointer("risk"), .value,
        "\(ReferenceRuleSupport.name(of: m)) is marked on-track but was due \(ReferenceRuleSupport.days(late)) ago (\(m.due!))",
        help: "set `risk: at-risk` or `risk: off-track`, or move `due` in a commit that says why")
    }
  }
}
