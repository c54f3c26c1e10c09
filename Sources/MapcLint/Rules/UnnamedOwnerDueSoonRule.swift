import MapcModel

/// MAP162: a role placeholder still owns a milestone that is due soon.
public struct UnnamedOwnerDueSoonRule: Rule {
  public static let check = Check(
    code: "MAP162", name: "unnamed-owner-due-soon", severity: .warning,
    summary: "An owner of an open milestone due within 14 days is a role placeholder with no name.",
    rationale: """
      Roles first, names later: a plan may start with "security reviewer" before anyone knows \
      who that is. But a step due within two weeks whose owner has no name is a step nobody has \
      agreed to do. Ask the champion who it is and add the name. The window runs from today to \
      14 days ahead, both included (`thresholds.placeholder_due_days` in `mapc.yml`); overdue \
      milestones are reported by the overdue rules instead.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam,",
          with: "  - { id: sec, side: buyer, role: security-reviewer }\n  - { id: sam,"
        ).replacing("owners: [dana, sam]\n    due: 2027-01-11", with: "owners: [↓sec, sam]\n    due: 2026-11-30"),
        caption: "the security reviewer has no name and the milestone is due in 7 days")
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam,",
          with: "  - { id: sec, side: buyer, role: security-reviewer }\n  - { id: sam,"
        ).replacing("owners: [dana, sam]", with: "owners: [sec, sam]"),
        caption: "the milestone is due in 7 weeks: there is time to find the name"),
      Example(
        ExamplePlans.minimal(replacing: "due: 2027-01-11", with: "due: 2026-11-30"),
        caption: "due in 7 days, with named owners"),
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    var out: [RuleFinding] = []
    for m in plan.milestones where m.isOpen {
      guard let due = m.due else { continue }
      let days = context.today.days(until: due)
      guard days >= 0, days <= context.thresholds.placeholderDueDays else { continue }
      var seen = Set<String>()
      for (i, id) in m.ownerEntries where seen.insert(id).inserted {
        guard let s = plan.stakeholder(id), s.isPlaceholder else { continue }
        let when = days == 0 ? "today" : "in \(Practice.count(days, "day"))"
        out.append(
          RuleFinding(
            at: m.pointer("owners").appending(i), .value,
            "owner \(Practice.name(s)) has no name yet and \(Practice.name(m)) is due \(when)",
            help: "ask the buyer's champion who will do it and add their `name`"))
      }
    }
    return out
  }
}
