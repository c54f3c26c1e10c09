import MapcModel

/// MAP114: a milestone marked `go_live` or `value_date` whose due date differs from the plan's.
public struct MarksDateMismatchRule: Rule {
  public static let check = Check(
    code: "MAP114", name: "marks-date-mismatch", severity: .error,
    summary: "A milestone marked `go_live` or `value_date` is not due on the plan's date.",
    rationale: """
      `marks: go_live` says "this milestone is the go-live" (and `marks: value_date`, "this \
      milestone is the value date"). When its `due` and the plan's `go_live` (or `value_date`) \
      differ, the plan states two go-live dates, and the buyer and `mapc schedule` cannot tell \
      which one holds. Move both together: set the milestone's `due` to the plan's date, or \
      change the plan's date with it.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "    status: not-started\n", with: """
              status: not-started
            - id: go-live
              title: Finance team live on the new close
              stage: implementation
              owners: [dana, sam]
              due: ↓2027-03-05
              status: not-started
              depends_on: [kickoff]
              marks: go_live

          """),
        caption: "the go-live milestone is due four days after the plan's go-live")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(replacing: "    status: not-started\n", with: """
              status: not-started
            - id: go-live
              title: Finance team live on the new close
              stage: implementation
              owners: [dana, sam]
              due: 2027-03-01
              status: not-started
              depends_on: [kickoff]
              marks: go_live

          """),
        caption: "due on the plan's go-live")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      guard let mark = m.marks, let due = m.due else { continue }
      let (date, key, words) =
        mark == .goLive ? (context.plan.goLive, "go_live", "go-live") : (context.plan.valueDate, "value_date", "value date")
      guard let date, date != due else { continue }
      out.append(
        RuleFinding(
          at: m.pointer("due"), .value,
          "\(ReferenceRuleSupport.name(of: m)) marks the plan's \(words) but is due \(due), not on `\(key)` (\(date))",
          help: "set `due` to \(date), or move `\(key)` to \(due) with it"))
    }
    return out
  }
}
