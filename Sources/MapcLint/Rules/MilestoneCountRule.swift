import MapcModel

/// MAP150: too few or too many milestones.
public struct MilestoneCountRule: Rule {
  public static let check = Check(
    code: "MAP150", name: "milestone-count", severity: .warning,
    summary: "The plan has fewer than 3 milestones or more than 30.",
    rationale: """
      With fewer than 3 milestones there is no plan to share: a date and a signature are a \
      forecast. With more than 30 steps a plan performs like no plan at all: nobody on the \
      buyer side reads it, and it cannot be reviewed in a weekly check-in. Keep the key \
      outcomes (8 to 12 is the guides' advice) and move the task lists to the project tools. \
      Cancelled milestones do not count.
      """,
    triggering: [Example(ExamplePlans.minimal(replacing: "milestones:\n", with: "↓milestones:\n"), caption: "a single milestone")],
    nonTriggering: [Example(KeyOutcomesRule.plan(milestones: 3), caption: "three milestones")])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public static let minimum = 3
  public static let maximum = 30

  public func findings(in context: RuleContext) -> [RuleFinding] {
    // `milestones` of the wrong type is the schema's business.
    if context.plan.presence(of: .milestones) == .wrongType { return [] }
    let count = context.plan.milestones.filter { $0.status != .cancelled }.count
    let at = Practice.nearestKey(context.plan, .milestones)
    if count < Self.minimum {
      let what = count == 0 ? "the plan has no milestones" : "the plan has only \(Practice.count(count, "milestone"))"
      return [
        RuleFinding(
          at: at, .key, "\(what); a mutual plan needs at least \(Self.minimum)",
          help: "add the key outcomes from here to value: the buyer's approvals, signature, kickoff, go-live and a first value review")
      ]
    }
    if count > Self.maximum {
      return [
        RuleFinding(
          at: at, .key, "the plan has \(count) milestones; over \(Self.maximum) steps performs like no plan",
          help: "keep the 8 to 12 key outcomes in the plan and move the detailed tasks to the project plan")
      ]
    }
    return []
  }
}
