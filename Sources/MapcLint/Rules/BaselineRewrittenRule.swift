import MapcModel

/// With `--base`: a milestone deleted and re-added under the same id since the base.
public struct BaselineRewrittenRule: Rule {
  public static let check = Check(
    code: "MAP201", name: "baseline-rewritten", severity: .warning,
    summary: "With `--base`: a milestone was deleted and re-added under the same id between the base and HEAD.",
    rationale: """
      Slip is measured against each milestone's baseline: its due date when it first appeared. \
      Deleting a milestone and adding it back under the same id, in a later commit, looks like \
      a fresh start and hides how far the date has moved, from your manager and from the buyer. \
      If the scope really changed, give the new milestone a new id; if not, move the date and \
      say why. The check runs only with `mapc lint --base REV`, and follows the first-parent \
      commits from the base to HEAD (the working tree counts as the last one); it does not \
      detect history rewritten by a force-push.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal, caption: "kickoff was removed in one commit and added back in a later one",
        base: BaseContext(planText: ExamplePlans.minimal, readdedMilestones: ["kickoff": "4f1c2ab"]))
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "kickoff stayed in the plan", base: BaseContext(planText: ExamplePlans.minimal)),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let base = context.base, !base.readdedMilestones.isEmpty else { return [] }
    var seen = Set<String>()
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let id = m.id, seen.insert(id).inserted, let commit = base.readdedMilestones[id] else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("id"), .value,
          "`\(id)` was deleted and re-added under the same id since \(base.revision) (re-added in \(commit)); its baseline restarts",
          help: "keep the milestone and move its date with a reason, or give a new scope a new id"))
    }
    return out
  }
}
