import MapcModel

/// MAP151: the number of milestones is outside the 8–12 key outcomes the guides recommend.
public struct KeyOutcomesRule: Rule {
  public static let check = Check(
    code: "MAP151", name: "key-outcomes", severity: .note,
    summary: "The plan has 3–7 or 13–30 milestones, outside the 8–12 key outcomes guides recommend.",
    rationale: """
      Guides recommend 8 to 12 key outcomes: enough to show every commitment on both sides \
      from evaluation to value, few enough to review in a weekly check-in. A shorter plan often \
      misses the buyer's own steps (security, legal, procurement) or the steps after \
      signature; a longer one mixes outcomes with tasks. This is a note, not a rule: below 3 \
      or above 30 milestones, `milestone-count` reports instead. Cancelled milestones do not count.
      """,
    triggering: [Example(plan(milestones: 5).replacing("milestones:\n", with: "↓milestones:\n"), caption: "five milestones")],
    nonTriggering: [
      Example(plan(milestones: 8), caption: "eight key outcomes"),
      Example(ExamplePlans.minimal, caption: "one milestone: `milestone-count` reports it instead"),
    ])

  public init() {}

  public static let recommended = 8...12

  public func findings(in context: RuleContext) -> [RuleFinding] {
    if context.plan.presence(of: .milestones) == .wrongType { return [] }
    let count = context.plan.milestones.filter { $0.status != .cancelled }.count
    guard count >= MilestoneCountRule.minimum, count <= MilestoneCountRule.maximum, !Self.recommended.contains(count) else {
      return []
    }
    let help =
      count < Self.recommended.lowerBound
      ? "check that the plan shows the buyer's own steps and the steps after signature, through go-live to a first value review"
      : "merge tasks into outcomes: keep what both sides must achieve, and leave the task lists to the project plan"
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .milestones), .key,
        "the plan has \(count) milestones; guides recommend 8 to 12 key outcomes", help: help)
    ]
  }

  /// ``ExamplePlans/minimal`` with `count` milestones (one a week from the kickoff).
  static func plan(milestones count: Int) -> ExampleText {
    var extra = ""
    for i in 1..<max(1, count) {
      let due = CalendarDate(daysSince1970: 20_829 + 7 * i)  // 2027-01-11 + i weeks
      extra += "  - id: step-\(i)\n    title: Step \(i) done\n    stage: implementation\n    owners: [dana, sam]\n    due: \(due)\n    status: not-started\n"
    }
    return ExamplePlans.minimal(replacing: "    status: not-started\n", with: "    status: not-started\n" + extra)
  }
}
