/// The rules about the practice of a mutual plan: both sides, value, size, stakeholders,
/// substance and contacts (MAP130–MAP199).
extension RuleRegistry {
  static let practiceRules: [any Rule.Type] = [
    NoBuyerOwnerRule.self,
    BuyerShareRule.self,
    NoSellerCounterpartRule.self,
    EndsAtSignatureRule.self,
    NoValueDateRule.self,
    MilestoneCountRule.self,
    KeyOutcomesRule.self,
    NoDecisionMakerRule.self,
    NoChampionRule.self,
    UnnamedOwnerDueSoonRule.self,
    WeakValueStatementRule.self,
    MissingSuccessCriteriaRule.self,
    NoCompellingEventRule.self,
    LinkSchemeRule.self,
  ]
}
