import MapcModel

/// MAP104: two stakeholders, or two milestones, with the same id.
public struct DuplicateIDRule: Rule {
  public static let check = Check(
    code: "MAP104", name: "duplicate-id", severity: .error,
    summary: "Two stakeholders, or two milestones, have the same `id`.",
    rationale: """
      Ids are how a plan refers to people and milestones (owners, dependencies), and how mapc \
      follows a milestone through the plan's history to compute its slip: renaming a milestone \
      keeps its id, and so keeps its baseline. Two milestones with the same id would share one \
      history, and an owner id shared by two people would point at the first one only. Give \
      each stakeholder and each milestone its own id. The finding points at the second one.
      """,
    triggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: nil).replacing("id: onboarding", with: "id: ↓kickoff"),
        caption: "two milestones with the id `kickoff`"),
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam, name: Sam Okafor, side: seller, role: account-executive }\n",
          with: "  - { id: sam, name: Sam Okafor, side: seller, role: account-executive }\n  - { id: ↓sam, name: Sam Ortiz, side: seller, role: sales-engineer }\n"),
        caption: "two stakeholders with the id `sam`"),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "  - id: kickoff\n", with: "  - id: sam\n"),
        caption: "a milestone may have the same id as a stakeholder: they are different lists")
    ])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    var out: [RuleFinding] = []
    var firstStakeholder: [String: Stakeholder] = [:]
    for s in context.plan.stakeholders {
      guard let id = s.id else { continue }
      guard let first = firstStakeholder[id] else {
        firstStakeholder[id] = s
        continue
      }
      let who = first.name.map { " (\($0))" } ?? ""
      out.append(
        RuleFinding(
          at: s.pointer("id"), .value, "stakeholder id `\(id)` is already used by stakeholder \(first.index + 1)\(who)",
          help: "give each stakeholder its own id, and update the owners that meant this one"))
    }
    var firstMilestone: [String: Milestone] = [:]
    for m in context.plan.milestones {
      guard let id = m.id else { continue }
      guard let first = firstMilestone[id] else {
        firstMilestone[id] = m
        continue
      }
      let title = first.title.map { " (\($0))" } ?? ""
      out.append(
        RuleFinding(
          at: m.pointer("id"), .value, "milestone id `\(id)` is already used by milestone \(first.index + 1)\(title)",
          help: "give each milestone its own id; an id is how mapc follows a milestone through the plan's history"))
    }
    return out
  }
}
