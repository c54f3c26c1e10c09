import MapcModel

/// MAP101: an owner, or the author of a progress note, who is not a declared stakeholder.
public struct UnknownStakeholderRule: Rule {
  public static let check = Check(
    code: "MAP101", name: "unknown-stakeholder", severity: .error,
    summary: "A milestone owner or a progress note's `by` is not a declared stakeholder id.",
    rationale: """
      Owners are what make a plan mutual: every milestone names who will get it done, on the \
      buyer's side and on yours. An owner is a stakeholder `id` from `stakeholders`, so that the \
      snapshot can show their name and role and reports can count what each side owns. An id \
      nobody declared is usually a typo (`danna` for `dana`) and leaves the milestone without \
      an owner anyone can see. Declare the person (a role is enough until you know the name) \
      or fix the id. The same goes for the `by` of a progress note.
      """,
    triggering: [
      Example(ExamplePlans.minimal(replacing: "owners: [dana, sam]", with: "owners: [↓danna, sam]"), caption: "a typo in an owner id"),
      Example(
        ExamplePlans.minimal(
          replacing: "    status: not-started\n",
          with: "    status: in-progress\n    progress:\n      - { on: 2026-11-20, note: Agenda agreed, by: ↓priya }\n"),
        caption: "a progress note by someone who is not a stakeholder"),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "  - { id: sam, name: Sam Okafor, side: seller, role: account-executive }\n",
          with: "  - { id: sam, name: Sam Okafor, side: seller, role: account-executive }\n  - { id: it-lead, side: buyer, role: technical-buyer }\n"
        ).replacing("owners: [dana, sam]", with: "owners: [dana, it-lead, sam]"),
        caption: "a role placeholder with no name yet is a declared stakeholder"),
      Example(
        ExamplePlans.minimal(
          replacing: "    status: not-started\n",
          with: "    status: in-progress\n    progress:\n      - { on: 2026-11-20, note: Agenda agreed }\n"),
        caption: "a progress note need not say who wrote it"),
    ])

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let declared = context.plan.stakeholders.compactMap(\.id)
    let known = Set(declared)
    var out: [RuleFinding] = []
    for m in context.plan.milestones {
      let name = ReferenceRuleSupport.name(of: m)
      for (i, owner) in m.ownerEntries where !known.contains(owner) {
        out.append(
          RuleFinding(
            at: m.pointer("owners").appending(i), .value, "\(name) is owned by `\(owner)`, who is not a declared stakeholder",
            help: ReferenceRuleSupport.help(for: owner, among: declared, declare: "add `\(owner)` to `stakeholders` (a role is enough until you know the name)")))
      }
      for p in m.progress {
        guard let by = p.by, !known.contains(by) else { continue }
        out.append(
          RuleFinding(
            at: m.pointer("progress").appending(p.index).appending("by"), .value,
            "a progress note on \(name) is by `\(by)`, who is not a declared stakeholder",
            help: ReferenceRuleSupport.help(for: by, among: declared, declare: "add `\(by)` to `stakeholders`, or use a declared id")))
      }
    }
    return out
  }
}
