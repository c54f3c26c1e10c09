import MapcModel

/// MAP171: an evaluation milestone has no success criteria.
public struct MissingSuccessCriteriaRule: Rule {
  public static let check = Check(
    code: "MAP171", name: "missing-success-criteria", severity: .warning,
    summary: "An open milestone in a validation or proof-of-concept stage has no `success_criteria`.",
    rationale: """
      A validation, proof of concept or pilot without written success criteria never ends: \
      the buyer keeps testing, and "it went well" is not a decision. Agree up front with the \
      buyer what result means the test passed, and write it in `success_criteria`. mapc \
      checks the open milestones (not done, not cancelled: a done one's outcome is in its \
      progress log) in a stage named `validation`, `technical-validation`, `proof-of-concept`, \
      `poc`, `pilot`, `trial`, `evaluation` or `technical-evaluation`, and those whose id or \
      title says proof of concept, POC, pilot or trial.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "stages: [implementation, value]", with: "stages: [validation, implementation, value]")
          .replacing("title: Project kickoff\n    stage: implementation", with: "title: Reconciliation tested on Acme's data\n    stage: validation")
          .replacing("  - id: kickoff", with: "  - id: ↓kickoff"),
        caption: "a validation milestone with no success criteria"),
      Example(
        ExamplePlans.minimal(replacing: "title: Project kickoff", with: "title: Two-week pilot in the Boston office")
          .replacing("  - id: kickoff", with: "  - id: ↓kickoff"),
        caption: "a pilot, whatever its stage"),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "stages: [implementation, value]", with: "stages: [validation, implementation, value]")
          .replacing("title: Project kickoff\n    stage: implementation", with: "title: Reconciliation tested on Acme's data\n    stage: validation")
          .replacing("    status: not-started\n", with: "    status: not-started\n    success_criteria: [Q3 figures matched to the cent]\n"),
        caption: "the test's success criteria are agreed"),
      Example(ExamplePlans.minimal, caption: "a kickoff needs no success criteria"),
    ])

  public init() {}

  static let stages: Set<String> = [
    "validation", "technical-validation", "proof-of-concept", "poc", "pilot", "trial", "evaluation", "technical-evaluation",
  ]
  static let phrases: [[String]] = [["proof", "of", "concept"], ["poc"], ["pilot"], ["trial"]]

  public func findings(in context: RuleContext) -> [RuleFinding] {
    var out: [RuleFinding] = []
    for m in context.plan.milestones where m.isOpen && m.successCriteria.isEmpty {
      let byStage = m.stage.map { Self.stages.contains(Practice.kebab($0)) } ?? false
      guard byStage || Practice.containsAny(Practice.words(of: m), Self.phrases) else { continue }
      let why = byStage ? "in the `\(m.stage ?? "")` stage" : "a test of the solution"
      out.append(
        RuleFinding(
          at: Practice.head(m), .value, "\(Practice.name(m)), \(why), has no success criteria",
          help: "agree with the buyer what result means the test passed, and list it in `success_criteria`"))
    }
    return out
  }
}
