import MapcModel

/// MAP123: an open milestone due 1 to 6 days ago.
public struct OverdueRule: Rule {
  public static let check = Check(
    code: "MAP123", name: "overdue", severity: .warning,
    summary: "An open milestone was due 1 to 6 days ago.",
    rationale: """
      A milestone is overdue when it is not done (nor cancelled) and its due date has passed. \
      A few days late is normal life in a deal, but the plan must say what is happening: a \
      plan the buyer sees with past dates and no news looks abandoned. Mark the milestone done \
      with its `done_on`, log where it stands in `progress`, or move `due` in a commit that \
      says why. From 7 days on, the milestone is `stalled`, an error.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2026-11-22"), caption: "due yesterday (today is 2026-11-23 in the examples)"),
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2026-11-17"), caption: "due 6 days ago"),
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-23"), caption: "due today"),
      Example(ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-16"), caption: "due 7 days ago: that is `stalled`"),
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-20").replacing(
          "status: not-started", with: "status: done\n    done_on: 2026-11-20"),
        caption: "done on time"),
    ])

  public init() {}

  /// How many days ago an open milestone was due; nil when it is closed, undated or not past due.
  static func daysLate(_ m: Milestone, today: CalendarDate) -> Int? {
    guard m.isOpen, let due = m.due else { return nil }
    let late = due.days(until: today)
    return late >= 1 ? late : nil
  }

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      guard let late = Self.daysLate(m, today: context.today), late <= 6 else { return nil }
      return RuleFinding(
        at: m.pointer("due"), .value,
        "\(ReferenceRuleSupport.name(of: m)) is overdue: due \(ReferenceRuleSupport.days(late)) ago (\(m.due!))",
        help: "mark it done with `done_on`, log where it stands in `progress`, or move `due` in a commit that says why")
    }
  }
}
