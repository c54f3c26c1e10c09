import MapcHistory
import MapcModel

/// With `--base`: the plan's go-live date differs from the base.
public struct GoLiveMovedRule: Rule {
  public static let check = Check(
    code: "MAP203", name: "go-live-moved", severity: .note,
    summary: "With `--base`: `go_live` differs from the base revision.",
    rationale: """
      Go-live is the date the buyer's executives remember. Any move of it, earlier or later, \
      deserves a line in the pull request and a conversation with the economic buyer. This \
      note makes the move show up in code review annotations, so nobody learns about it from \
      the buyer. The check runs only with `mapc lint --base REV`.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "go_live: 2027-03-01", with: "go_live: ↓2027-03-01"), caption: "go-live was 2027-02-15 at the base",
        basePlan: ExamplePlans.minimal(replacing: "go_live: 2027-03-01", with: "go_live: 2027-02-15"))
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "go-live unchanged", base: BaseContext(planText: ExamplePlans.minimal)),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let base = context.base, let old = base.plan, old.goLive != context.plan.goLive else { return [] }
    let now = context.plan.goLive
    var message: String
    if let from = old.goLive, let to = now {
      let days = from.days(until: to)
      message = "go-live moved \(days > 0 ? "+" : "")\(days) days since \(base.revision) (\(from) → \(to))"
    } else {
      message = "go-live changed since \(base.revision) (\(old.goLive?.description ?? "none") → \(now?.description ?? "none"))"
    }
    message += base.comparedSuffix
    return [
      RuleFinding(
        at: now == nil ? .root.appending("id") : .root.appending("go_live"), now == nil ? .key : .value, message,
        help: "make sure the economic buyer has agreed to the new date")
    ]
  }
}
