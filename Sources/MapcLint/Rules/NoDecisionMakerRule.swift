import MapcModel

/// MAP160: nobody named on the buyer side can approve the budget or sign.
public struct NoDecisionMakerRule: Rule {
  public static let check = Check(
    code: "MAP160", name: "no-decision-maker", severity: .warning,
    summary: "No named buyer-side economic buyer or other decision maker.",
    rationale: """
      A plan that the person who approves the budget or signs has never seen is a forecast, \
      not a commitment: the dates are the champion's hopes. Name the buyer's decision maker \
      in `stakeholders`. mapc counts a buyer-side stakeholder with a name and the role \
      `economic-buyer`, `decision-maker` or `executive-sponsor`, or one who `decides` the \
      `budget` or the `signature`. A role placeholder with no name does not count yet: \
      roles first, names later, but a decision maker nobody can name is a risk to the close.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "role: economic-buyer", with: "role: champion").replacing("stakeholders:\n", with: "↓stakeholders:\n"),
        caption: "the buyer's only stakeholder is the champion"),
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam,",
          with: "  - { id: ↓cfo, side: buyer, role: economic-buyer }\n  - { id: sam,"
        ).replacing("name: Dana Ruiz, side: buyer, role: economic-buyer", with: "name: Dana Ruiz, side: buyer, role: champion"),
        caption: "the economic buyer is a role placeholder with no name yet"),
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "Dana is the economic buyer"),
      Example(
        ExamplePlans.minimal(replacing: "role: economic-buyer }", with: "role: executive-sponsor }"),
        caption: "an executive sponsor counts"),
      Example(
        ExamplePlans.minimal(replacing: "role: economic-buyer }", with: "role: finance, decides: [budget] }"),
        caption: "so does whoever decides the budget"),
    ])

  public init() {}

  static let decisionRoles: Set<String> = ["economic-buyer", "decision-maker", "executive-sponsor"]
  static let decisions: Set<String> = ["budget", "signature"]

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let deciders = context.plan.stakeholders.filter { s in
      s.side == .buyer && (s.role.map(Self.decisionRoles.contains) ?? false || !Self.decisions.isDisjoint(with: s.decides))
    }
    if deciders.contains(where: { !$0.isPlaceholder }) { return [] }
    let help = "name the buyer's person who approves the budget or signs (role `economic-buyer`, `decision-maker` or `executive-sponsor`), and review the plan with them"
    if let placeholder = deciders.first {
      return [
        RuleFinding(
          at: placeholder.pointer(placeholder.id != nil ? "id" : nil), .value,
          "the buyer's decision maker \(Practice.name(placeholder)) is a role placeholder with no name yet", help: help)
      ]
    }
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .stakeholders), .key,
        "no economic buyer or other decision maker is named on the buyer side", help: help)
    ]
  }
}
