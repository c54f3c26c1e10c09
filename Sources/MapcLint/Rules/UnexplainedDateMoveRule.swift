import MapcHistory
import MapcModel

/// With `--base`: a milestone's due date moved later than at the base, and a move that pushed
/// it has no reason recorded.
public struct UnexplainedDateMoveRule: Rule {
  static let kickoffMoved = [
    "kickoff": [
      BaseContext.Move(
        from: CalendarDate(year: 2027, month: 1, day: 4) ?? ExamplePlans.today,
        to: CalendarDate(year: 2027, month: 1, day: 11) ?? ExamplePlans.today, commit: "4f1c2ab",
        reason: "The buyer's IT team asked for a week more")
    ]
  ]

  static let kickoffMovedWithoutReason = kickoffMoved.mapValues { $0.map { m in BaseContext.Move(from: m.from, to: m.to, commit: m.commit, reason: nil) } }

  public static let check = Check(
    code: "MAP200", name: "unexplained-date-move", severity: .warning,
    summary:
      "With `--base`: a due date moved later, and the commit that moved it changed no `due_reason` and has no `Slip-Reason:` trailer for it.",
    rationale: """
      A date that quietly moves later is the first sign a deal is slipping, and the buyer \
      notices before you do. When a milestone's due date moves later than at the base, record \
      why in the commit that moves it: update the milestone's `due_reason` there, or put a \
      `Slip-Reason:` trailer in that commit's message. A trailer explains the moves of its own \
      commit only; it may name the milestones it explains (`Slip-Reason: [security-review, \
      legal-review] HECVAT grew`), and then explains those only. A reason added in a later \
      commit explains nothing that came before: amend the commit that moved the date. The \
      check compares with the merge base of the base revision and HEAD, reads the moves of the \
      commits HEAD adds to the base (a merge's moves count as its branch commits') and of the \
      working tree, and gives each the reason `mapc slip` shows. Then the reviewer, your \
      manager and the buyer see a decision, not a drift. The check runs only with \
      `mapc lint --base REV`.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2027-01-11"), caption: "kickoff was due 2027-01-04 at the base",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04")),
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: ↓2027-01-11"),
        caption: "the commit that moved kickoff has no reason; a trailer on another commit does not explain it",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04"), moves: kickoffMovedWithoutReason),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "due: 2027-01-11", with: "due: 2027-01-11\n    due_reason: The buyer's IT team asked for a week more"),
        caption: "the move comes with a new `due_reason`",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04")),
      Example(
        ExampleText(ExamplePlans.minimal), caption: "the commit that moved kickoff carries a `Slip-Reason:` trailer",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-04"), moves: kickoffMoved),
      Example(
        ExampleText(ExamplePlans.minimal), caption: "moved earlier",
        basePlan: ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2027-01-18")),
      Example(ExamplePlans.minimal, caption: "linted without `--base`"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let base = context.base, let old = base.plan else { return [] }
    let before = Dictionary(old.milestones.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let id = m.id, let o = before[id], let from = o.due, let to = m.due, to > from else { continue }
      let pushes = (base.moves?[id] ?? []).filter { $0.deltaDays > 0 }
      let unexplained = pushes.filter { $0.reason == nil }
      var where_ = ""
      if pushes.isEmpty {
        // No move of the change is known (no history read): the plan itself is the record, by
        // the same rule as for one move.
        let reason = MoveReason.reason(milestone: id, dueReasonBefore: o.dueReason, dueReasonAfter: m.dueReason, slipReasons: [])
        if reason != nil { continue }
      } else {
        if unexplained.isEmpty { continue }
        let commits = unexplained.map { $0.commit ?? "the working tree" }
        where_ = " (moved in \(commits.joined(separator: ", ")))"
      }
      let days = from.days(until: to)
      out.append(
        RuleFinding(
          at: m.pointer("due"), .value,
          "`\(id)` moved \(days) day\(days == 1 ? "" : "s") later (\(from) → \(to)) with no reason recorded\(where_)"
            + base.comparedSuffix,
          help:
            "say why in the commit that moves the date: change the milestone's `due_reason` there, or add a trailer "
            + "to its message (`Slip-Reason: [\(id)] why`)"))
    }
    return out
  }
}
