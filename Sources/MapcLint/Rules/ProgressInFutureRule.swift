import MapcModel

/// MAP128: a progress note dated after today.
public struct ProgressInFutureRule: Rule {
  public static let check = Check(
    code: "MAP128", name: "progress-in-future", severity: .warning,
    summary: "A progress note is dated after today.",
    rationale: """
      The progress log records what happened, dated the day it happened: the buyer reads it \
      as the story of the deal so far. A note dated in the future is a plan written in the \
      wrong place (or a typo in the date). Fix the date, or turn the future step into a \
      milestone with a `due` date.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "    status: not-started\n",
          with: "    status: in-progress\n    progress:\n      - { on: ↓2026-11-30, note: Agenda agreed, by: dana }\n"),
        caption: "a note dated next week (today is 2026-11-23 in the examples)")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "    status: not-started\n",
          with: "    status: in-progress\n    progress:\n      - { on: 2026-11-23, note: Agenda agreed, by: dana }\n"),
        caption: "a note dated today")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      for p in m.progress {
        guard let on = p.on, on > context.today else { continue }
        out.append(
          RuleFinding(
            at: m.pointer("progress").appending(p.index).appending("on"), .value,
            "a progress note on \(ReferenceRuleSupport.name(of: m)) is dated \(on), \(ReferenceRuleSupport.days(context.today.days(until: on))) after today (\(context.today))",
            help: "date the note the day it happened, or make the future step a milestone with a `due` date"))
      }
    }
    return out
  }
}
