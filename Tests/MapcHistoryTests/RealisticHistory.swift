import MapcWorkspace
import MapcHistory
import MapcJSON
import MapcModel

/// A realistic synthetic history for the golden files: a dozen revisions of one plan over
/// several weeks by buyer and seller authors (slips, a pull-in, reasons in the file and in
/// trailers, a title change, a file move, a revision that does not parse, a dropped milestone,
/// an uncommitted edit), a second plan gone stale, and a third plan removed.
enum RealisticHistory {
  static let options = SlipOptions(today: CalendarDate("2026-11-21")!, staleAfterDays: 14)

  struct M {
    var id: String
    var title: String
    var owners: [String]
    var due: String
    var status = "not-started"
    var doneOn: String? = nil
    var reason: String? = nil

    var json: JSONValue {
      SlipFixture.milestone(id, due, title: title, owners: owners, status: status, doneOn: doneOn, reason: reason)
    }
  }

  static let acmeStakeholders: [JSONValue] = [
    SlipFixture.stakeholder("dana", name: "Dana Ruiz", role: "economic-buyer"),
    SlipFixture.stakeholder("ines", name: "Inès Moreau", role: "champion"),
    SlipFixture.stakeholder("sec", name: nil, role: "security-reviewer"),
    SlipFixture.stakeholder("lee", name: "Lee Park", role: "legal"),
    SlipFixture.stakeholder("sam", name: "Sam Lee", role: "ae", side: "seller"),
    SlipFixture.stakeholder("priya", name: "Priya Nair", role: "se", side: "seller"),
  ]

  static let steps: [HistoryStep] = {
    var ms: [M] = [
      M(id: "discovery-call", title: "Discovery call", owners: ["ines", "sam"], due: "2026-09-07"),
      M(id: "success-criteria", title: "Success criteria agreed", owners: ["ines", "sam"], due: "2026-09-29"),
      M(id: "technical-validation", title: "Technical validation", owners: ["ines", "priya"], due: "2026-10-20"),
      M(id: "security-review", title: "Security sign-off on the SOC 2 package", owners: ["sec", "sam"], due: "2026-11-13"),
      M(id: "legal-review", title: "Legal and compliance review", owners: ["lee", "sam"], due: "2026-11-27"),
      M(id: "signature", title: "Order form signed", owners: ["dana", "sam"], due: "2026-12-11"),
      M(id: "kickoff", title: "Project kickoff", owners: ["ines", "priya"], due: "2027-01-11"),
      M(id: "first-roi-review", title: "First ROI review", owners: ["dana", "sam"], due: "2027-06-01"),
    ]
    var goLive = "2027-03-01"
    var path = "plans/acme.map.md"
    func index(_ id: String) -> Int { ms.firstIndex { $0.id == id }! }
    func acme() -> PlanSnapshot {
      SlipFixture.snap(
        path,
        SlipFixture.plan(
          "acme-data-platform", title: "Acme × Northwind — data platform rollout", goLive: goLive,
          stakeholders: acmeStakeholders, ms.map(\.json)))
    }
    let sam = "Sam Lee"
    let ines = "Inès Moreau"
    let priya = "Priya Nair"
    let dana = "Dana Ruiz"
    var steps: [HistoryStep] = []
    func commit(
      _ n: Int, _ date: String, _ author: String, _ subject: String, reason: String? = nil, changed: [PlanSnapshot]? = nil,
      removed: [String] = [], workingTree: Bool = false
    ) {
      steps.append(
        SlipFixture.step(
          SlipFixture.rev(n, date, author: author, subject: subject, reason: reason, workingTree: workingTree),
          changed ?? [acme()],
          removed: removed))
    }

    commit(1, "2026-09-01", sam, "Create the Acme mutual action plan")

    let initech = SlipFixture.snap(
      "plans/initech.map.md",
      SlipFixture.plan(
        "initech-pilot", title: "Initech pilot", goLive: "2026-12-01", [SlipFixture.milestone("pilot", "2026-11-01")]))
    commit(2, "2026-09-05", priya, "Add the Initech pilot plan", changed: [initech])

    ms[index("discovery-call")].status = "done"
    ms[index("discovery-call")].doneOn = "2026-09-07"
    ms.insert(
      M(id: "reference-call", title: "Reference call with a customer", owners: ["dana", "sam"], due: "2026-11-20"), at: 5)
    commit(3, "2026-09-08", ines, "Discovery done; add a reference call")

    func globex(_ pilot: String) -> PlanSnapshot {
      SlipFixture.snap(
        "plans/globex.map.md",
        SlipFixture.plan(
          "globex-rollout", title: "Globex rollout", goLive: "2027-01-15",
          stakeholders: [
            SlipFixture.stakeholder("kim", name: "Kim Tan", role: "champion"),
            SlipFixture.stakeholder("priya", name: "Priya Nair", role: "se", side: "seller"),
          ],
          [SlipFixture.milestone("pilot", pilot, title: "Pilot with the finance team", owners: ["kim", "priya"])]))
    }
    commit(4, "2026-09-10", priya, "Add the Globex rollout plan", changed: [globex("2026-10-15")])
    commit(
      5, "2026-09-20", "Kim Tan", "Pilot starts earlier", reason: "Globex freed a test team early",
      changed: [globex("2026-10-10")])

    ms[index("technical-validation")].due = "2026-11-03"
    commit(6, "2026-09-22", priya, "Push technical validation two weeks", reason: "Sandbox access delayed by Acme IT")

    ms[index("success-criteria")].title = "Requirements and success criteria agreed"
    ms[index("success-criteria")].status = "done"
    ms[index("success-criteria")].doneOn = "2026-10-02"
    commit(7, "2026-10-02", ines, "Success criteria agreed")

    commit(8, "2026-10-01", dana, "Initech deal lost; remove the plan", changed: [], removed: ["plans/initech.map.md"])

    path = "plans/acme/data-platform.map.md"
    commit(9, "2026-10-06", sam, "Move the Acme plan under plans/acme/", removed: ["plans/acme.map.md"])

    commit(10, "2026-10-13", priya, "WIP: reshuffle dates", changed: [SlipFixture.snap(path, nil)])

    ms[index("security-review")].due = "2026-12-04"
    ms[index("security-review")].reason = "The questionnaire needs the SOC 2 bridge letter"
    ms[index("legal-review")].due = "2026-12-11"
    ms[index("signature")].due = "2026-12-18"
    commit(11, "2026-10-14", priya, "Fix the frontmatter; security review slips", reason: "Follows the security review")

    ms[index("legal-review")].due = "2026-12-04"
    ms[index("legal-review")].reason = "Legal can start before the SOC 2 letter"
    commit(12, "2026-10-27", dana, "Pull the legal review in, in parallel with security")

    ms.remove(at: index("reference-call"))
    ms[index("technical-validation")].status = "done"
    ms[index("technical-validation")].doneOn = "2026-11-02"
    commit(13, "2026-11-03", sam, "Drop the reference call (Acme waived it); validation done")

    goLive = "2027-03-15"
    ms[index("kickoff")].due = "2027-01-25"
    commit(14, "2026-11-10", ines, "Go-live and kickoff after the holidays", reason: "Acme change freeze over the holidays")

    ms[index("signature")].due = "2027-01-08"
    commit(15, "2026-11-17", sam, "Signature: \"final\" date, per procurement")

    ms[index("security-review")].due = "2026-12-11"
    commit(16, "2026-11-20", sam, "", workingTree: true)
    return steps
  }()
}
