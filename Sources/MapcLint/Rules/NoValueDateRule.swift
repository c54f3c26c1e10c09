import MapcModel

/// MAP141: the plan has no value date.
public struct NoValueDateRule: Rule {
  public static let check = Check(
    code: "MAP141", name: "no-value-date", severity: .warning,
    summary: "The plan has no `value_date`: the date of the first check on the buyer's return.",
    rationale: """
      A mutual plan ends at value, not at signature or go-live. The value date is when buyer \
      and seller first check the result promised in the value statement (a first ROI review, \
      usually 60 to 90 days after go-live). Writing it down keeps both teams working toward \
      the outcome the buyer paid for, and gives the renewal its first proof point.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "value_date: 2027-06-01\n", with: "").replacing("go_live:", with: "↓go_live:"),
        caption: "the plan stops at go-live")
    ],
    nonTriggering: [Example(ExamplePlans.minimal, caption: "a first value check on 1 June")])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    // A value date of the wrong type or an impossible date is the schema's and the date rules' business.
    guard context.plan.presence(of: .valueDate) == .absent else { return [] }
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .goLive), .key,
        "the plan has no `value_date`: it ends at go-live, not at value",
        help: "add `value_date`: the date of the first value review with the buyer, usually 60 to 90 days after go-live")
    ]
  }
}
