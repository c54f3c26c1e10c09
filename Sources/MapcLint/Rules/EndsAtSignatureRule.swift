import MapcModel

/// MAP140: the plan's last milestone is a signature or contract step.
public struct EndsAtSignatureRule: Rule {
  public static let check = Check(
    code: "MAP140", name: "ends-at-signature", severity: .warning,
    summary: "The plan's last milestone is a signature, contract or procurement step, not go-live or value.",
    rationale: """
      A mutual plan ends at value, not at signature. A plan that stops at the contract is a \
      close plan: it tells the buyer that the seller's interest ends when the order is signed, \
      and it hides the steps (kickoff, go-live, the first value review) that justify the \
      purchase in the first place. mapc looks at the last milestone (the latest due date; on \
      a tie, the later one in the list; cancelled milestones aside). It is a signature step \
      when its stage is named like `final-agreements`, `negotiation`, `closing`, `procurement` \
      or `contracting`, or when its id or title says sign, signature, contract, agreement, \
      purchase order, order form, procurement or closed-won, unless its stage or wording is \
      about go-live, launch, implementation, adoption or value.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "stages: [implementation, value]", with: "stages: [final-agreements, implementation, value]"
        ).replacing(
          "    status: not-started\n",
          with: "    status: not-started\n  - id: ↓contract-signed\n    title: Order form signed\n    stage: final-agreements\n    owners: [dana, sam]\n    due: 2027-01-20\n    status: not-started\n"
        ),
        caption: "the latest milestone is the signature")
    ],
    nonTriggering: [
      Example(ExamplePlans.minimal, caption: "the plan ends at the kickoff of the implementation"),
      Example(
        ExamplePlans.minimal(
          replacing: "stages: [implementation, value]", with: "stages: [final-agreements, implementation, value]"
        ).replacing(
          "    status: not-started\n",
          with: "    status: not-started\n  - id: contract-signed\n    title: Order form signed\n    stage: final-agreements\n    owners: [dana, sam]\n    due: 2026-12-18\n    status: not-started\n  - id: value-review\n    title: First value review\n    stage: value\n    owners: [dana, sam]\n    due: 2027-06-01\n    status: not-started\n"
        ),
        caption: "the signature is followed by the kickoff and a first value review"),
    ])

  public init() {}

  /// Id or title words of a signature step.
  static let signatureWords: [[String]] = [
    ["sign"], ["signed"], ["signing"], ["signature"], ["signatures"], ["contract"], ["contracts"], ["contracting"],
    ["agreement"], ["agreements"], ["procurement"], ["purchase", "order"], ["po"], ["order", "form"], ["closed", "won"],
  ]
  /// Stage words of the steps up to signature.
  static let closingStageWords: Set<String> = [
    "agreement", "agreements", "negotiation", "negotiations", "negotiate", "closing", "contract", "contracts",
    "contracting", "procurement", "signature", "signing", "purchase",
  ]
  /// Stage, id or title words of the steps after signature.
  static let afterSignatureWords: Set<String> = [
    "live", "launch", "value", "roi", "adoption", "implementation", "implement", "onboarding", "rollout", "deployment",
    "hypercare", "kickoff",
  ]

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let candidates = context.plan.milestones.filter { $0.status != .cancelled }
    let dated = candidates.filter { $0.due != nil }
    // The latest due date; on a tie the later milestone in the list. Without any dates, the last one.
    let last: Milestone?
    if dated.isEmpty {
      last = candidates.last
    } else {
      last = dated.reduce(nil as Milestone?) { best, m in
        guard let best, let b = best.due, let d = m.due else { return m }
        return d >= b ? m : best
      }
    }
    guard let last, let reason = Self.signatureReason(last) else { return [] }
    let title = last.title.map { " (\($0))" } ?? ""
    return [
      RuleFinding(
        at: Practice.head(last), .value,
        "the plan ends at \(Practice.name(last))\(title), \(reason), not at go-live or value",
        help: "add the steps after signature: kickoff, go-live and a first value review with the buyer, and a `value_date`")
    ]
  }

  /// Why `m` looks like a signature step, or nil.
  static func signatureReason(_ m: Milestone) -> String? {
    let stageWords = Set(Practice.words(m.stage))
    if !stageWords.isDisjoint(with: afterSignatureWords) { return nil }
    if !stageWords.isDisjoint(with: closingStageWords), let stage = m.stage { return "in the `\(stage)` stage" }
    let words = Practice.words(of: m)
    if !Set(words).isDisjoint(with: afterSignatureWords) { return nil }
    if Practice.containsAny(words, signatureWords) { return "a signature or contract step" }
    return nil
  }
}
