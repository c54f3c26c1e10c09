import MapcModel

/// MAP111: a milestone due before a milestone it depends on.
public struct DueBeforeDependencyRule: Rule {
  public static let check = Check(
    code: "MAP111", name: "due-before-dependency", severity: .error,
    summary: "A milestone is due before a milestone it depends on.",
    rationale: """
      If onboarding depends on the kickoff, onboarding cannot be due before the kickoff is. A \
      plan whose dates contradict its dependencies tells the buyer two different stories, and \
      one of the dates will slip. Move the milestone's `due` on or after the date of what it \
      waits for, or drop the dependency if it is not real. Both milestones must have a due \
      date; once the dependency is done or cancelled, or the milestone itself is, its dates \
      no longer constrain each other and the rule stays silent.
      """,
    triggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]").replacing("due: 2027-02-01", with: "due: ↓2027-01-04"),
        caption: "onboarding is due a week before the kickoff it waits for")
    ],
    nonTriggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]").replacing("due: 2027-02-01", with: "due: 2027-01-11"),
        caption: "due on the same day as its dependency")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let milestones = context.plan.milestones
    let byID = ReferenceRuleSupport.milestoneIndexByID(context.plan)
    var out: [RuleFinding] = []
    for m in milestones where m.isOpen {
      guard let due = m.due else { continue }
      var seen = Set<Int>()
      for (_, id) in m.dependencyEntries {
        guard let t = byID[id], t != m.index, seen.insert(t).inserted else { continue }
        let dependency = milestones[t]
        guard dependency.isOpen, let other = dependency.due, due < other else { continue }
        out.append(
          RuleFinding(
            at: m.pointer("due"), .value,
            "\(ReferenceRuleSupport.name(of: m)) is due \(ReferenceRuleSupport.days(due.days(until: other))) before \(ReferenceRuleSupport.name(of: dependency)), which it depends on (\(due) vs \(other))",
            help: "move `due` to \(other) or later, or remove `\(id)` from `depends_on` if it is not a real dependency"))
      }
    }
    return out
  }
}
