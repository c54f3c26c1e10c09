import MapcModel

/// MAP130: a milestone that no one on the buyer side owns.
public struct NoBuyerOwnerRule: Rule {
  public static let check = Check(
    code: "MAP130", name: "no-buyer-owner", severity: .warning,
    summary: "A milestone has no buyer-side owner.",
    rationale: """
      A mutual plan is a list of commitments from both sides. A step that only your team owns \
      is a seller task, not something the buyer has agreed to do, and it is the first to slip \
      when the buyer is busy. Guides ask for a buyer owner and a seller counterpart on every \
      milestone. Give each milestone the buyer-side person (or role placeholder) who makes it \
      happen. Cancelled milestones are ignored; owners that are not declared stakeholders are \
      reported by the reference rules, and the milestone is judged once they are fixed.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: ↓[sam]"),
        caption: "the kickoff is owned by the seller's account executive alone")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "a buyer owner and a seller counterpart"),
      Example(
        ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [sam]")
          .replacing("status: not-started", with: "status: cancelled"),
        caption: "a cancelled milestone is not a commitment any more"),
    ])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    var out: [RuleFinding] = []
    for m in plan.milestones where m.status != .cancelled && !m.owners.isEmpty {
      guard let owners = Practice.resolvedOwners(m, in: plan), !owners.contains(where: { $0.side == .buyer }) else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("owners"), .value, "\(Practice.name(m)) has no buyer-side owner",
          help: "add the buyer's person who makes it happen (a role placeholder is fine: roles first, names later)"))
    }
    return out
  }
}
