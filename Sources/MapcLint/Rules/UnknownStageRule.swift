import MapcModel

/// MAP103: a milestone in a stage the plan does not declare.
public struct UnknownStageRule: Rule {
  public static let check = Check(
    code: "MAP103", name: "unknown-stage", severity: .error,
    summary: "A milestone's `stage` is not one of the plan's `stages`.",
    rationale: """
      Stages (discovery, validation, final agreements, implementation, value) give the plan its \
      shape: the snapshot groups milestones by stage, in the order of `stages`, and other rules \
      use that order (a milestone due after go-live is fine in a stage that comes after it). A \
      milestone in a stage that is not listed in `stages` falls out of that picture. Fix the \
      stage name, or add the stage to `stages` in its place in the order.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "stage: implementation", with: "stage: ↓implemention"), caption: "a typo in the stage"),
      Example(ExamplePlans.minimal(replacing: "stage: implementation", with: "stage: ↓launch"), caption: "a stage the plan does not list"),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "stages: [implementation, value]", with: "stages: [launch, implementation, value]")
          .replacing("stage: implementation", with: "stage: launch"),
        caption: "any stage name works once it is listed in `stages`")
    ])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let stages = context.plan.stages
    let known = Set(stages)
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let stage = m.stage, !known.contains(stage) else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("stage"), .value, "\(ReferenceRuleSupport.name(of: m)) is in stage `\(stage)`, which is not in `stages`",
          help: ReferenceRuleSupport.help(for: stage, among: stages, declare: "add `\(stage)` to `stages`, or use a declared stage")))
    }
    return out
  }
}
