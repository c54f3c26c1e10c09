import MapcHistory
import MapcModel

/// With `--base`: a milestone's baseline rewritten since the base, by deleting and re-adding
/// the milestone under the same id, or by editing history.
public struct BaselineRewrittenRule: Rule {
  public static let check = Check(
    code: "MAP201", name: "baseline-rewritten", severity: .warning,
    summary:
      "With `--base`: a milestone's baseline was rewritten: deleted and re-added under the same id, or history edited so its first due date differs.",
    rationale: """
      Slip is measured against each milestone's baseline: its due date in the first commit \
      in which it appears. Two edits restart that baseline and hide how far the date has \
      moved, from your manager and from the buyer. Deleting a milestone and adding it back \
      under the same id, in a later commit, looks like a fresh start: if the scope really \
      changed, give the new milestone a new id; if not, move the date and say why. Editing \
      history (amending or dropping a commit that is already on the base branch, then \
      force-pushing) can change the first recorded due date itself: mapc reports a milestone \
      whose baseline differs between the base's history and HEAD's when the commit that \
      recorded the base's baseline is not in HEAD's history. A branch that simply descends \
      from the base, or is behind it, never triggers this. Keep the base's history as it is \
      and put your own commits on top of it (`git rebase --onto main <the commit before \
      your first>`): then a new date shows as a move that can carry a reason. The check \
      runs only with `mapc lint --base REV`; it follows the commits HEAD adds to the base \
      (the working tree counts as the last one), and compares the two histories only when \
      HEAD does not descend from the base. On a test merge of a branch into the base (what \
      GitHub checks out for a pull request), the branch stands for HEAD.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2027-01-11"),
        caption: "main's history first recorded kickoff due 2027-01-04 in 9d2e7b1; HEAD's history, without that commit, 2027-01-11",
        base: BaseContext(
          planText: ExamplePlans.minimal,
          rewrittenBaselines: [
            "kickoff": BaseContext.RewrittenBaseline(
              base: CalendarDate(year: 2027, month: 1, day: 4) ?? ExamplePlans.today, commit: "9d2e7b1",
              head: CalendarDate(year: 2027, month: 1, day: 11) ?? ExamplePlans.today)
          ])),
      Example(
        ExamplePlans.minimal(replacing: "  - id: kickoff", with: "  - id: ↓kickoff"), caption: "kickoff was removed in one commit and added back in a later one",
        base: BaseContext(planText: ExamplePlans.minimal, readdedMilestones: ["kickoff": "4f1c2ab"])),
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "kickoff stayed in the plan", base: BaseContext(planText: ExamplePlans.minimal)),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let base = context.base, !(base.readdedMilestones.isEmpty && base.rewrittenBaselines.isEmpty) else { return [] }
    var seen = Set<String>()
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let id = m.id, seen.insert(id).inserted else { continue }
      if let commit = base.readdedMilestones[id] {
        out.append(
          RuleFinding(
            at: m.pointer("id"), .value,
            "`\(id)` was deleted and re-added under the same id since \(base.revision) (re-added in \(commit)); its baseline "
              + "restarts" + base.comparedSuffix,
            help: "keep the milestone and move its date with a reason, or give a new scope a new id"))
      }
      if let rewritten = base.rewrittenBaselines[id] {
        out.append(
          RuleFinding(
            at: m.due == nil ? m.pointer("id") : m.pointer("due"), .value,
            "history edited: `\(id)`'s baseline is \(rewritten.base) in the history of \(base.revision) "
              + "(set in \(rewritten.commit)) but \(rewritten.head) in the history of \(rewritten.headName), "
              + "which lacks \(rewritten.commit)",
            help:
              "keep the history of \(base.revision) as it is: put your own commits on top of it "
              + "(`git rebase --onto \(base.revision) <the commit before your first>`) and move the date in a new "
              + "commit with a `due_reason`"))
      }
    }
    return out
  }
}
