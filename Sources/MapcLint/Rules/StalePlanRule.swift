/// A plan nobody has updated for a while: in a git repository, no commit touched its file for
/// more than `slip.stale_after_days` days (default 14).
public struct StalePlanRule: Rule {
  public static let check = Check(
    code: "MAP190", name: "stale-plan", severity: .warning,
    summary: "No commit touched the plan for more than `slip.stale_after_days` days (default 14).",
    rationale: """
      A mutual plan works when both sides keep it current at a regular check-in, weekly or \
      monthly. A plan nobody has touched for weeks has stopped being the plan: dates have \
      moved in emails, not here. Update it at the next check-in, even if only to confirm the \
      dates. The check runs only inside a git repository, and counts commits, not uncommitted edits.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "id: acme-rollout", with: "↓id: acme-rollout"), caption: "last commit 30 days before today",
        lastChange: LastChange(date: ExamplePlans.today.adding(days: -30), author: "Sam Okafor", commit: "4f1c2ab"))
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal, caption: "last commit 14 days before today",
        lastChange: LastChange(date: ExamplePlans.today.adding(days: -14), author: "Sam Okafor", commit: "4f1c2ab")),
      Example(ExamplePlans.minimal, caption: "not in a git repository"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let last = context.lastChange else { return [] }
    let days = last.date.days(until: context.today)
    guard days > context.thresholds.staleAfterDays else { return [] }
    return [
      RuleFinding(
        at: .root.appending("id"), .key,
        "no commit has touched this plan for \(days) days (last: \(last.date) by \(last.author), \(last.commit.prefix(7)))",
        help: "review the plan with the buyer at the next check-in and commit it, even if only to confirm the dates")
    ]
  }
}
