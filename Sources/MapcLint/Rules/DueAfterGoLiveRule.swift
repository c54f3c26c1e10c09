import MapcModel

/// MAP120: a milestone due after go-live in a stage that comes before go-live.
public struct DueAfterGoLiveRule: Rule {
  public static let check = Check(
    code: "MAP120", name: "due-after-go-live", severity: .warning,
    summary: "A milestone is due after `go_live` although its stage comes before go-live.",
    rationale: """
      Everything the buyer must do before they can use what they bought (reviews, signature, \
      onboarding) has to be done by go-live; a security review due after go-live means the \
      go-live date is not real. Milestones in the stages that come after go-live (the rollout \
      and the first value review) are of course due later. mapc finds the go-live stage from \
      the plan itself: it is the stage of the milestone due on the `go_live` date or, when \
      no milestone is due that day, of the last milestone due before it (when several \
      milestones share that date, the latest of their stages in `stages` counts). A milestone \
      due after `go_live` is reported when its stage comes before the go-live stage in \
      `stages`. A milestone due on the go-live date itself is fine. Move its date on or \
      before go-live, or move the go-live date, and say why in the commit.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "stages: [implementation, value]", with: "stages: [final-agreements, implementation, value]")
          .replacing(
            "    status: not-started\n",
            with: """
                  status: not-started
                - id: go-live
                  title: Finance closes the month on the new platform
                  stage: implementation
                  owners: [dana, sam]
                  due: 2027-03-01
                  status: not-started
                - id: security-review
                  title: Security sign-off on the SOC 2 package
                  stage: final-agreements
                  owners: [dana, sam]
                  due: ↓2027-03-10
                  status: not-started

              """),
        caption: "a final-agreements milestone due after the go-live milestone's stage")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "stages: [implementation, value]", with: "stages: [final-agreements, implementation, value]")
          .replacing(
            "    status: not-started\n",
            with: """
                  status: not-started
                - id: security-review
                  title: Security sign-off on the SOC 2 package
                  stage: final-agreements
                  owners: [dana, sam]
                  due: 2027-03-01
                  status: not-started
                - id: roi-review
                  title: First ROI review
                  stage: value
                  owners: [dana, sam]
                  due: 2027-06-01
                  status: not-started

              """),
        caption: "due exactly on go-live, and a value milestone after it")
    ])

  public init() {}

  /// The position in `stages` of the go-live stage: the stage of the milestone due on
  /// `go_live`, else of the last milestone due before it; the latest stage when several
  /// milestones share that date. Nil when no milestone with a declared stage is due by go-live.
  static func goLiveStage(of plan: Plan) -> Int? {
    guard let goLive = plan.goLive else { return nil }
    var best: (due: CalendarDate, stage: Int)?
    for m in plan.milestones where m.status != .cancelled {
      guard let due = m.due, due <= goLive, let stage = plan.stageIndex(m.stage) else { continue }
      if let b = best, b.due > due || (b.due == due && b.stage >= stage) { continue }
      best = (due, stage)
    }
    return best?.stage
  }

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    guard let goLive = plan.goLive else { return [] }
    let goLiveStage = Self.goLiveStage(of: plan)
    var out: [RuleFinding] = []
    for m in plan.milestones where m.status != .cancelled {
      guard let due = m.due, due > goLive, let stage = plan.stageIndex(m.stage) else { continue }
      // Without a go-live milestone, the stages that come after go-live are unknown.
      guard let goLiveStage, stage < goLiveStage else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("due"), .value,
          "\(ReferenceRuleSupport.name(of: m)) is due \(ReferenceRuleSupport.days(goLive.days(until: due))) after go-live (\(due) vs \(goLive))",
          help: "move `due` on or before \(goLive), or move `go_live` and say why in the commit; only milestones in stage `\(plan.stages[goLiveStage])` or a later one may be due after go-live"))
    }
    return out
  }
}
