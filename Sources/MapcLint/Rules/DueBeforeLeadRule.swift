import MapcModel
import MapcSchedule

/// MAP112: a milestone due earlier than its dependencies' dates plus its lead allow.
public struct DueBeforeLeadRule: Rule {
  public static let check = Check(
    code: "MAP112", name: "due-before-lead", severity: .warning,
    summary: "A milestone is due earlier than its dependencies plus its `lead` allow.",
    rationale: """
      A milestone's `lead` is the work, in business days, between the date of its latest \
      dependency and its own. If onboarding needs 10 business days after the kickoff but is due \
      3 days after it, either the lead or the date is wrong, and the buyer will see the date \
      slip. mapc counts business days on the plan's calendar (weekend, holidays, and the \
      blackouts that apply to the milestone) and says the earliest date the lead allows: move \
      `due` there, shorten the lead, or drop the dependency if it is not real. A done \
      dependency counts from its `done_on`. A milestone due before an open dependency is \
      `due-before-dependency`'s to report.
      """,
    triggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]").replacing("due: 2027-02-01", with: "due: ↓2027-01-14\n    lead: 10"),
        caption: "onboarding needs 10 business days after the kickoff, but is due 3 days after it")
    ],
    nonTriggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]").replacing("due: 2027-02-01", with: "due: 2027-01-25\n    lead: 10"),
        caption: "due exactly 10 business days after the kickoff")
    ])

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let plan = context.plan
    guard plan.milestones.contains(where: { ($0.lead ?? 0) > 0 && $0.isOpen && !$0.dependsOn.isEmpty }) else { return [] }
    let calendar = PlanCalendar(plan: plan, configuration: context.calendar)
    var sides: [String: Stakeholder.Side] = [:]
    for s in plan.stakeholders { if let id = s.id, let side = s.side, sides[id] == nil { sides[id] = side } }
    let byID = ReferenceRuleSupport.milestoneIndexByID(plan)
    var out: [RuleFinding] = []
    for m in plan.milestones where m.isOpen {
      guard let lead = m.lead, lead > 0, let due = m.due else { continue }
      // The latest date among the dependencies; a due date after this one is MAP111's.
      var latest: (date: CalendarDate, milestone: Milestone)?
      var contradicted = false
      for id in Set(m.dependsOn) {
        guard let t = byID[id], t != m.index else { continue }
        let d = plan.milestones[t]
        guard d.status != .cancelled, let date = d.status == .done ? (d.doneOn ?? d.due) : d.due else { continue }
        if d.isOpen && due < date { contradicted = true }
        if latest.map({ date > $0.date || (date == $0.date && t < $0.milestone.index) }) ?? true { latest = (date, d) }
      }
      guard !contradicted, let latest else { continue }
      let target = PlanCalendar.Target(id: m.id, stage: m.stage, sides: Set(m.owners.compactMap { sides[$0] }))
      guard let earliest = calendar.workingCalendar(for: target).workday(from: latest.date, lead), due < earliest else { continue }
      let verb = latest.milestone.status == .done ? "was done" : "is due"
      out.append(
        RuleFinding(
          at: m.pointer("due"), .value,
          "\(ReferenceRuleSupport.name(of: m)) is due \(due), but its lead of \(lead) business \(lead == 1 ? "day" : "days") after \(ReferenceRuleSupport.name(of: latest.milestone)) (which \(verb) \(latest.date)) allows \(earliest) at the earliest",
          help: "move `due` to \(earliest) or later, or shorten `lead` if the work takes less"))
    }
    return out
  }
}
