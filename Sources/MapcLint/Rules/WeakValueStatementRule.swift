import MapcJSON
import MapcModel

/// MAP170: the value statement is missing or a single word.
public struct WeakValueStatementRule: Rule {
  public static let check = Check(
    code: "MAP170", name: "weak-value-statement", severity: .warning,
    summary: "The plan has no `value` statement, or it is a single word.",
    rationale: """
      The value statement is the plan's north star: the measurable change the buyer gets, in \
      the buyer's words ("Cut month-end close from 9 days to 3"). It is what the economic buyer \
      approves and what the first value review measures. A missing statement, or one word \
      ("Efficiency"), gives neither side anything to hold the plan to.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.", with: "value: ↓Efficiency"),
        caption: "one word"),
      Example(
        ExamplePlans.minimal(replacing: "value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.\n", with: "")
          .replacing("title: Acme", with: "↓title: Acme"),
        caption: "no value statement"),
    ],
    nonTriggering: [Example(ExamplePlans.minimal, caption: "a measurable change for the buyer")])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let help = "write the measurable change for the buyer, in their words: from what to what, by when"
    guard context.plan.presence(of: .value) != .absent else {
      return [
        RuleFinding(at: Practice.nearestKey(context.plan, .title), .key, "the plan has no `value` statement", help: help)
      ]
    }
    // A value of the wrong type is the schema's business.
    guard let text = context.plan.value else { return [] }
    let tokens = text.split { $0.isWhitespace }
    guard tokens.count <= 1 else { return [] }
    let message = tokens.isEmpty ? "the value statement is empty" : "the value statement `\(tokens[0])` is a single word"
    return [RuleFinding(at: JSONPointer(["value"]), .value, message, help: help)]
  }
}
