/// Every rule mapc runs, in code order.
public enum RuleRegistry {
  public static let rules: [any Rule.Type] = (referenceRules + practiceRules + [
    UnusedSuppressionRule.self, StalePlanRule.self, UnexplainedDateMoveRule.self, BaselineRewrittenRule.self,
    DoneReopenedRule.self, GoLiveMovedRule.self,
  ]).sorted {
    $0.check.code < $1.check.code
  }
}
