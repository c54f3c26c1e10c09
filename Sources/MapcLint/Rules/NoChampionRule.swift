import MapcModel

/// MAP161: no champion on the buyer side.
public struct NoChampionRule: Rule {
  public static let check = Check(
    code: "MAP161", name: "no-champion", severity: .warning,
    summary: "No named buyer-side stakeholder has the role `champion`.",
    rationale: """
      The champion is the buyer's person who wants the project to succeed and moves the plan \
      forward inside their company: they confirm the list of stakeholders, chase the internal \
      approvals and tell you when a date is at risk. A plan without one has nobody on the buyer \
      side who owns it. Mark that person with `role: champion`; a role placeholder with no \
      name does not count, because a champion you cannot name is one you do not have.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "stakeholders:\n", with: "↓stakeholders:\n"),
        caption: "the buyer side has an economic buyer but no champion")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam,",
          with: "  - { id: lee, name: Lee Park, side: buyer, role: champion }\n  - { id: sam,"),
        caption: "Lee is the buyer's champion")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let champions = context.plan.stakeholders.filter { $0.side == .buyer && $0.role == "champion" }
    if champions.contains(where: { !$0.isPlaceholder }) { return [] }
    let help = "name the buyer's person who wants this project to succeed and give them `role: champion`"
    if let placeholder = champions.first {
      return [
        RuleFinding(
          at: placeholder.pointer(placeholder.id != nil ? "id" : nil), .value,
          "the buyer's champion \(Practice.name(placeholder)) is a role placeholder with no name yet", help: help)
      ]
    }
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .stakeholders), .key, "the buyer side has no champion", help: help)
    ]
  }
}
