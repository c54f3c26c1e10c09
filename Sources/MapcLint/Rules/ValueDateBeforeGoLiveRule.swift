import MapcJSON
import MapcModel

/// MAP121: a value date before go-live.
public struct ValueDateBeforeGoLiveRule: Rule {
  public static let check = Check(
    code: "MAP121", name: "value-date-before-go-live", severity: .error,
    summary: "The `value_date` is before `go_live`.",
    rationale: """
      The value date is when the buyer first checks the return on their investment: the plan \
      ends at value, not at signature. The buyer can only measure value from something that \
      is live, so the value date comes after go-live (usually weeks or months after; the \
      same day is allowed). A value date before go-live is a typo or a plan that was never \
      updated after go-live moved. Move the value date after go-live.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "value_date: 2027-06-01", with: "value_date: ↓2027-02-01"), caption: "value a month before go-live")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal(replacing: "value_date: 2027-06-01", with: "value_date: 2027-03-01"), caption: "value on the go-live day")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let goLive = context.plan.goLive, let value = context.plan.valueDate, value < goLive else { return [] }
    return [
      RuleFinding(
        at: JSONPointer(["value_date"]), .value,
        "the value date is \(ReferenceRuleSupport.days(value.days(until: goLive))) before go-live (\(value) vs \(goLive))",
        help: "set `value_date` to the first ROI review after go-live (\(goLive) or later)")
    ]
  }
}
