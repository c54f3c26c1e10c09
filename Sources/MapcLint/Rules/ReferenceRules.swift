/// The rules about references, dependencies, dates, status and time (MAP101–MAP129).
extension RuleRegistry {
  static let referenceRules: [any Rule.Type] = [
    UnknownStakeholderRule.self, UnknownDependencyRule.self, UnknownStageRule.self, DuplicateIDRule.self,
    DependencyCycleRule.self, DueBeforeDependencyRule.self, DueBeforeLeadRule.self, GoLiveInfeasibleRule.self,
    MarksDateMismatchRule.self,
    DueAfterGoLiveRule.self, ValueDateBeforeGoLiveRule.self, DoneDateInFutureRule.self,
    OverdueRule.self, StalledRule.self, OnTrackButOverdueRule.self,
    DoneWithoutDateRule.self, DoneDateNotDoneRule.self, ProgressInFutureRule.self,
  ]
}
