import MapcModel

/// MAP172: the plan has no compelling event.
public struct NoCompellingEventRule: Rule {
  public static let check = Check(
    code: "MAP172", name: "no-compelling-event", severity: .warning,
    summary: "The plan has no `compelling_event`.",
    rationale: """
      The compelling event is the buyer's own date that makes the timeline matter: a budget \
      lock, a contract renewal, a regulatory deadline, a season. Without one, the go-live date \
      is the seller's wish, and every slip costs the buyer nothing. Find the event with the \
      champion and write down what it is and when.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "go_live:", with: "↓go_live:"),
        caption: "the minimal plan has a go-live date but no reason for it")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "go_live: 2027-03-01\n", with: "compelling_event: { what: FY27 budget lock, date: 2027-01-15 }\ngo_live: 2027-03-01\n"),
        caption: "the FY27 budget lock")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard context.plan.presence(of: .compellingEvent) == .absent else { return [] }
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .goLive, .value), .key, "the plan has no compelling event",
        help: "add `compelling_event`: the buyer's own date (budget lock, renewal, deadline) that makes the go-live date matter")
    ]
  }
}
