import MapcJSON
import MapcModel
import MapcTemplates

/// MAP211: a template milestone whose offset puts it before one of its dependencies, or
/// closer to it than its lead allows.
public struct OffsetContradictsDependencyRule: Rule {
  public static let check = Check(
    code: "MAP211", name: "offset-contradicts-dependency", severity: .error,
    summary: "A template milestone's `offset` is earlier than its dependency's offset plus its `lead`.",
    rationale: """
      Offsets are business days from go-live, so a milestone that depends on another must sit \
      at least its `lead` business days after it: offset ≥ the dependency's offset + lead (the \
      go-live milestone counts as offset 0). Otherwise every plan made from the template starts \
      with a milestone due before the work it waits for, which `mapc lint` then reports in each \
      plan. Move the offset, or shorten the lead.
      """,
    triggering: [
      Example.template(
        ExampleTemplates.minimal(replacing: "    offset: -20\n", with: "    offset: -20\n  - id: training\n    title: Users trained\n    stage: implementation\n    owners: [champion, ae]\n    offset: ↓-18\n    depends_on: [kickoff]\n    lead: 5\n"),
        caption: "training, 5 business days after kickoff, cannot be 2 after it")
    ],
    nonTriggering: [
      Example.template(
        ExampleTemplates.minimal(replacing: "    offset: -20\n", with: "    offset: -20\n  - id: training\n    title: Users trained\n    stage: implementation\n    owners: [champion, ae]\n    offset: -15\n    depends_on: [kickoff]\n    lead: 5\n"),
        caption: "training 5 business days after kickoff")
    ])

  public static var scope: RuleScope { .templates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let template = context.template else { return [] }
    let ms = context.plan.milestones
    func position(_ m: Milestone) -> Int? { m.marks == .goLive ? 0 : template.offsets[m.index] }
    var byID: [String: Int] = [:]
    for m in ms { if let id = m.id, byID[id] == nil { byID[id] = m.index } }
    var out: [RuleFinding] = []
    for m in ms {
      guard let own = position(m) else { continue }
      let lead = m.lead ?? 0
      for (entry, id) in m.dependencyEntries {
        guard let d = byID[id], d != m.index, let theirs = position(ms[d]), theirs + lead > own else { continue }
        let name = m.id ?? "#\(m.index + 1)"
        let at = m.marks == .goLive && template.offsets[m.index] == nil ? m.pointer("depends_on").appending(entry) : m.pointer("offset")
        out.append(
          RuleFinding(
            at: at, .value,
            "`\(name)` is at offset \(own) but depends on `\(id)` at offset \(theirs) with a lead of \(lead): it cannot be before \(theirs + lead)",
            help: lead > 0
              ? "set its offset to \(theirs + lead) or later, or shorten its `lead`"
              : "set its offset to \(theirs) or later, or remove the dependency if it is not real"))
      }
    }
    return out
  }
}
