/// A `lint.disable` entry that suppresses nothing. The linter itself reports it (it needs the
/// other rules' findings), so ``findings(in:)`` is empty; the check holds the documentation.
public struct UnusedSuppressionRule: Rule {
  public static let check = Check(
    code: "MAP100", name: "unused-suppression", severity: .warning,
    summary: "A check disabled in the plan's `lint.disable` finds nothing, or does not exist.",
    rationale: """
      Suppressions are for the rare plan where a rule does not apply. One that suppresses \
      nothing (the plan was fixed, or the code is mistyped) hides the next real problem, so \
      mapc reports it: remove the entry.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "milestones:\n", with: "lint: { disable: [↓no-champion] }\nmilestones:\n").replacing("role: economic-buyer", with: "role: champion"))
    ],
    nonTriggering: [Example(ExamplePlans.minimal(replacing: "milestones:\n", with: "lint: { disable: [no-champion] }\nmilestones:\n"))])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] { [] }
}
