import MapcModel

/// MAP126: a done milestone with no done date.
public struct DoneWithoutDateRule: Rule {
  public static let check = Check(
    code: "MAP126", name: "done-without-date", severity: .warning,
    summary: "A milestone has `status: done` but no `done_on`.",
    rationale: """
      When a milestone is done, the day it was done matters: mapc compares it with the \
      milestone's baseline to compute its slip, and the buyer's snapshot shows it as momentum. \
      Without `done_on`, a done milestone's slip is unknown. Add the date it was done.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "status: not-started", with: "status: ↓done"), caption: "done, but when?")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: 2026-11-20"), caption: "done, with its date")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      // A `done_on` that is present but malformed is the schema's to report.
      guard m.status == .done, m.presence(of: .doneOn) == .absent else { return nil }
      return RuleFinding(
        at: m.pointer("status"), .value, "\(ReferenceRuleSupport.name(of: m)) is done but has no `done_on`",
        help: "add `done_on: YYYY-MM-DD` with the day it was done")
    }
  }
}
