import MapcModel

/// MAP127: a done date on a milestone that is not done.
public struct DoneDateNotDoneRule: Rule {
  public static let check = Check(
    code: "MAP127", name: "done-date-not-done", severity: .warning,
    summary: "A milestone has a `done_on` date but its status is not `done`.",
    rationale: """
      A done date on a milestone that is still in progress (or cancelled) says two things at \
      once: reports count it as open, while its slip is computed as if it were finished. \
      Usually the status was not updated, or the milestone was reopened and the date left \
      behind. Set `status: done`, or remove `done_on`.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "status: not-started", with: "status: in-progress\n    done_on: ↓2026-11-20"),
        caption: "in progress, with a done date")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal(replacing: "status: not-started", with: "status: done\n    done_on: 2026-11-20"), caption: "done, with its date")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    context.plan.milestones.compactMap { m in
      // A missing or unknown status is the schema's to report.
      guard let status = m.status, status != .done, let done = m.doneOn else { return nil }
      return RuleFinding(
        at: m.pointer("done_on"), .value,
        "\(ReferenceRuleSupport.name(of: m)) has a done date (\(done)) but its status is `\(status.rawValue)`",
        help: "set `status: done`, or remove `done_on` if it is not done")
    }
  }
}
