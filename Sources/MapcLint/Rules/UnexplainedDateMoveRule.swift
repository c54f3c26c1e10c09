import MapcHistory
import MapcModel

/// With `--base`: a milestone's due date moved later than at the base, with no reason recorded.
public struct UnexplainedDateMoveRule: Rule {
  public static let check = Check(
    code: "MAP200", name: "unexplained-date-move", severity: .warning,
    summary: "With `--base`: a due date moved later with no `due_reason` change and no `Slip-Reason:` commit trailer.",
    rationale: """
      A date that quietly moves later is the first sign a deal is slipping, and the buyer \
      notices before you do. When a milestone's due date moves later than at the base \
      revision, record why: update the milestone's `due_reason`, or put a `Slip-Reason:` \
      trailer in the commit message. Then the reviewer, your manager and the buyer see a \
      decision, not a drift. The check runs only with `mapc lint --base REV`.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2027-01-11"), caption: "kickoff was due 2027-01-04 at the base",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04"))
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "due: 2027-01-11", with: "due: 2027-01-11\n    due_reason: The buyer's IT team asked for a week more"),
        caption: "the move comes with a new `due_reason`",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04")),
      Example(
        ExampleText(ExamplePlans.minimal), caption: "a commit since the base carries a `Slip-Reason:` trailer",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04"), slipReasons: true),
      Example(
        ExampleText(ExamplePlans.minimal), caption: "moved earlier",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-18")),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let base = context.base, !base.slipReasons, let old = base.plan else { return [] }
    let before = Dictionary(old.milestones.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let id = m.id, let o = before[id], let from = o.due, let to = m.due, to > from, m.dueReason == o.dueReason
      else { continue }
      let days = from.days(until: to)
      out.append(
        RuleFinding(
          at: m.pointer("due"), .value,
          "`\(id)` moved \(days) day\(days == 1 ? "" : "s") later (\(from) → \(to)) with no reason recorded",
          help: "say why in the milestone's `due_reason`, or add a `Slip-Reason:` trailer to the commit message"))
    }
    return out
  }
}
