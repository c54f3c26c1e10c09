import MapcModel

/// MAP122: a milestone done on a day that has not come yet.
public struct DoneDateInFutureRule: Rule {
  public static let check = Check(
    code: "MAP122", name: "done-date-in-future", severity: .error,
    summary: "A milestone's `done_on` is after today.",
    rationale: """
      `done_on` records the day a milestone was actually done; mapc compares it with the \
      baseline to compute the milestone's slip. A done date in the future is a plan date \
      written in the wrong field, or a typo in the year, and it makes the plan claim progress \
      that has not happened. Put the real date, or keep the milestone open with its `due` date \
      until it is done.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: ↓2026-11-24"),
        caption: "done tomorrow (today is 2026-11-23 in the examples)")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: 2026-11-23"),
        caption: "done today")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      guard let done = m.doneOn, done > context.today else { return nil }
      return RuleFinding(
        at: m.pointer("done_on"), .value,
        "\(ReferenceRuleSupport.name(of: m)) is marked done on \(done), \(ReferenceRuleSupport.days(context.today.days(until: done))) after today (\(context.today))",
        help: "set `done_on` to the day it was really done, or keep the milestone open until then")
    }
  }
}
