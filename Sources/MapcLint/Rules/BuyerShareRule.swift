import MapcModel

/// MAP131: the buyer side owns too small a share of the open milestones.
public struct BuyerShareRule: Rule {
  public static let check = Check(
    code: "MAP131", name: "buyer-share", severity: .warning,
    summary: "The buyer side owns under 30% of the open milestones (`thresholds.buyer_share`).",
    rationale: """
      When the seller owns almost every remaining step, the plan is a seller's project plan \
      shown to the buyer, and nothing in it tells you whether the buyer is investing. The \
      buyer's own steps (security review, legal, procurement, internal approvals, kickoff \
      staffing) are where deals stall, so they belong in the plan with buyer owners. A \
      milestone counts as buyer-owned when any of its owners is on the buyer side; only open \
      milestones (not done, not cancelled) count. The threshold is 30% by default; set \
      `thresholds.buyer_share` in `mapc.yml` to change it.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [sam]").replacing("milestones:\n", with: "↓milestones:\n"),
        caption: "the only open milestone is owned by the seller")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "the buyer owns the kickoff with the seller"),
      Example(
        ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [sam]")
          .replacing("status: not-started", with: "status: done\n    done_on: 2026-11-02"),
        caption: "done milestones do not count: there is no open milestone to share"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    let open = plan.milestones.filter(\.isOpen)
    guard !open.isEmpty else { return [] }
    let owned = open.filter { Practice.hasBuyerOwner($0, in: plan) }.count
    let threshold = context.thresholds.buyerShare
    // Exactly at the threshold passes (3 of 10 at 30%); the margin absorbs rounding of 0.3 × 10.
    guard Double(owned) + 1e-9 < threshold * Double(open.count) else { return [] }
    let percent = owned * 100 / open.count  // rounded down, so it never shows the threshold itself
    return [
      RuleFinding(
        at: Practice.nearestKey(context.plan, .milestones), .key,
        "the buyer side owns \(owned) of \(Practice.count(open.count, "open milestone")) (\(percent)%); aim for at least \(Self.format(threshold))",
        help: "give the buyer's people the steps only they can do (security, legal, procurement, approvals, staffing), each with a seller counterpart")
    ]
  }

  /// `0.3` → `30%`, `0.255` → `25.5%`.
  static func format(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return tenths % 10 == 0 ? "\(tenths / 10)%" : "\(tenths / 10).\(abs(tenths % 10))%"
  }
}
