/// Every rule mapc runs, in code order.
///
/// Written by hand, one list: a test (`RuleRegistryTests`) reads the sources for every type
/// that conforms to ``Rule`` and fails when one is missing here, so a rule file cannot be left
/// out and silently never run.
public enum RuleRegistry {
  public static let rules: [any Rule.Type] = [
    UnusedSuppressionRule.self,
    // References and dependencies (MAP101–MAP119).
    UnknownStakeholderRule.self, UnknownDependencyRule.self, UnknownStageRule.self, DuplicateIDRule.self,
    DependencyCycleRule.self, DueBeforeDependencyRule.self, DueBeforeLeadRule.self, GoLiveInfeasibleRule.self,
    MarksDateMismatchRule.self,
    // Dates, status and time (MAP120–MAP129).
    DueAfterGoLiveRule.self, ValueDateBeforeGoLiveRule.self, DoneDateInFutureRule.self, OverdueRule.self, StalledRule.self,
    OnTrackButOverdueRule.self, DoneWithoutDateRule.self, DoneDateNotDoneRule.self, ProgressInFutureRule.self,
    // The practice of a mutual plan: both sides, value, size, stakeholders, substance, links (MAP130–MAP189).
    NoBuyerOwnerRule.self, BuyerShareRule.self, NoSellerCounterpartRule.self, EndsAtSignatureRule.self,
    NoValueDateRule.self, MilestoneCountRule.self, KeyOutcomesRule.self, NoDecisionMakerRule.self, NoChampionRule.self,
    UnnamedOwnerDueSoonRule.self, WeakValueStatementRule.self, MissingSuccessCriteriaRule.self,
    NoCompellingEventRule.self, LinkSchemeRule.self,
    // The plan's history: the last commit, and the changes since `--base` (MAP190–MAP209).
    StalePlanRule.self, UnexplainedDateMoveRule.self, BaselineRewrittenRule.self, DoneReopenedRule.self,
    GoLiveMovedRule.self,
    // Templates (`*.map-template.md`) (MAP210–MAP219).
    UnknownPlaceholderRule.self, OffsetContradictsDependencyRule.self,
  ]
}
