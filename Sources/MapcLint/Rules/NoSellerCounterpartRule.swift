import MapcModel

/// MAP132: a milestone the buyer owns without anyone on the seller side.
public struct NoSellerCounterpartRule: Rule {
  public static let check = Check(
    code: "MAP132", name: "no-seller-counterpart", severity: .note,
    summary: "A buyer-owned milestone has no seller-side counterpart.",
    rationale: """
      Guides ask for a buyer owner and a seller counterpart on each milestone, where possible. \
      A step the buyer owns alone (a security review, a procurement form) has nobody on your \
      side who answers the questions, sends the documents and notices when it stalls. Add the \
      seller's person who supports it. A partner (an implementation or integration partner) \
      counts as a counterpart. This is a note: some steps are the buyer's alone.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: ↓[dana]"),
        caption: "the kickoff is owned by the buyer alone")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "Sam is the seller counterpart"),
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam,",
          with: "  - { id: rhys, name: Rhys Morgan, side: partner, role: partner }\n  - { id: sam,"
        ).replacing("owners: [dana, sam]", with: "owners: [dana, rhys]"),
        caption: "a partner counts as a counterpart"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    var out: [RuleFinding] = []
    for m in plan.milestones where m.status != .cancelled {
      guard let owners = Practice.resolvedOwners(m, in: plan), owners.contains(where: { $0.side == .buyer }),
        !owners.contains(where: { $0.side == .seller || $0.side == .partner })
      else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("owners"), .value, "\(Practice.name(m)) is owned by the buyer side only, with no seller counterpart",
          help: "add the person on your side who supports this step and follows it up"))
    }
    return out
  }
}
