import MapcModel

/// MAP102: a `depends_on` entry that is not the id of another milestone.
public struct UnknownDependencyRule: Rule {
  public static let check = Check(
    code: "MAP102", name: "unknown-dependency", severity: .error,
    summary: "A `depends_on` entry is not the id of another milestone in the plan.",
    rationale: """
      Dependencies tell the buyer what has to happen first: no signature before the security \
      review, no go-live before onboarding. Each entry in `depends_on` is the `id` of another \
      milestone of the same plan. An id that matches no milestone (a typo, or a milestone that \
      was renamed or removed) silently drops the dependency, and a milestone cannot wait for \
      itself. Fix the id, or remove the entry.
      """,
    triggering: [
      Example(twoMilestones(dependsOn: "[↓kickof]"), caption: "a typo in a dependency"),
      Example(twoMilestones(dependsOn: "[↓onboarding]"), caption: "a milestone depending on itself"),
    ],
    nonTriggering: [Example(twoMilestones(dependsOn: "[kickoff]"), caption: "a dependency on another milestone")])

  /// ``ExamplePlans/minimal`` with a second milestone, `onboarding`, that depends on
  /// `dependsOn` (a YAML flow list), or on nothing.
  static func twoMilestones(dependsOn: String?) -> ExampleText {
    let plan = ExamplePlans.minimal(
      replacing: "    status: not-started\n",
      with: """
            status: not-started
          - id: onboarding
            title: Finance team onboarded
            stage: implementation
            owners: [dana, sam]
            due: 2027-02-01
            status: not-started
            depends_on: \(dependsOn ?? "")

        """)
    return dependsOn == nil ? plan.replacing("    depends_on: \n", with: "") : plan
  }

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let ids = context.plan.milestones.compactMap(\.id)
    let known = Set(ids)
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      let name = ReferenceRuleSupport.name(of: m)
      let pointer = m.pointer("depends_on")
      for (i, dependency) in m.dependencyEntries {
        if dependency == m.id {
          out.append(
            RuleFinding(
              at: pointer.appending(i), .value, "\(name) depends on itself",
              help: "remove `\(dependency)` from its `depends_on`"))
        } else if !known.contains(dependency) {
          let others = ids.filter { $0 != m.id }
          out.append(
            RuleFinding(
              at: pointer.appending(i), .value, "\(name) depends on `\(dependency)`, which is not a milestone of this plan",
              help: ReferenceRuleSupport.help(for: dependency, among: others, declare: "use the `id` of another milestone, or remove the entry")))
        }
      }
    }
    return out
  }
}
