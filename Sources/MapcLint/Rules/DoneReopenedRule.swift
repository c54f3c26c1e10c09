import MapcHistory
import MapcModel

/// With `--base`: a milestone done at the base is no longer done.
public struct DoneReopenedRule: Rule {
  public static let check = Check(
    code: "MAP202", name: "done-reopened", severity: .warning,
    summary: "With `--base`: a milestone that was `done` at the base is no longer done.",
    rationale: """
      A milestone marked done tells the buyer that step is behind you. Reopening it is \
      sometimes right (the security review found a new issue), but it must be a decision both \
      sides see, not an edit that slips through review. Tell the buyer why, and record it in \
      the milestone's progress notes. The check runs only with `mapc lint --base REV`.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "status: not-started", with: "status: ↓in-progress"),
        caption: "kickoff was done at the base",
        basePlan: ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: 2026-11-20"))
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "status: not-started", with: "status: in-progress"),
        caption: "kickoff was not done at the base",
        base: BaseContext(planText: ExamplePlans.minimal)),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let old = context.base?.plan else { return [] }
    let done = Set(old.milestones.filter { $0.status == .done }.compactMap(\.id))
    var seen = Set<String>()
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let id = m.id, seen.insert(id).inserted, done.contains(id), m.status != .done else { continue }
      let now = m.status?.rawValue ?? "no status"
      out.append(
        RuleFinding(
          at: m.status == nil ? m.pointer("id") : m.pointer("status"), .value,
          "`\(id)` was done at \(context.base?.revision ?? "the base") and is now \(now)"
            + (context.base?.comparedSuffix ?? ""),
          help: "tell the buyer why it reopened, and note it in the milestone's `progress`"))
    }
    return out
  }
}
