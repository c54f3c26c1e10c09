import Foundation

/// A portfolio of twelve plans in a git repository, for `mapc report`: every band (stalled, at
/// risk by overdue, by a risk mark and by an infeasible go-live, on track, done), buyer and
/// seller commits, a buyer domain in mapc.yml, a stale plan, a plan with no emails, date moves
/// with and without a reason, deal amounts and internal notes with canaries.
/// Today is ``today`` (a Wednesday).
public enum ReportPortfolio {
  public static let today = "2026-12-02"
  public static let seller = GitFixture.Author("Sam Lee", "sam@northwind.example")
  public static let atlasBuyer = GitFixture.Author("Atlas Champion", "champ@atlas.example")
  public static let irisIT = GitFixture.Author("Iris IT", "it@eu.iris.example")
  /// Internal notes of the plans hold this marker (and the plan id), so a buyer output can be
  /// checked for them.
  public static let canary = "CANARY-internal"

  struct Spec {
    var id: String
    var buyer: String
    var domain: String
    var goLive: String
    var milestones: [String]
    var emails = true
    var amount: Int? = nil
    var extra = ""
  }

  static func plan(_ s: Spec, goLive: String? = nil, milestones: [String]? = nil, note: String = "", deal: String = "deal notes") -> String {
    let email: (String) -> String = { s.emails ? ", email: \($0)" : "" }
    let amount = s.amount.map { "amount: \($0), currency: USD, " } ?? ""
    return """
      ---
      map: 1
      id: \(s.id)
      title: \(s.buyer) × Northwind — rollout
      buyer: \(s.buyer)
      seller: Northwind
      value: Cut month-end close from 9 days to 3.
      go_live: \(goLive ?? s.goLive)
      value_date: 2027-06-01
      compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
      stages: [discovery, final-agreements, implementation]
      stakeholders:
        - { id: champ, name: \(s.buyer) Champion, side: buyer, role: champion\(email("champ@\(s.domain)")) }
        - { id: sec, side: buyer, role: security-reviewer }
        - { id: sam, name: Sam Lee, side: seller, role: ae\(email("sam@northwind.example")) }
        - { id: sol, name: Sol Ortiz, side: seller, role: se\(email("sol@northwind.example")), internal: \(canary)-\(s.id) stakeholder note }
      milestones:
      \((milestones ?? s.milestones).map { "  - " + $0 }.joined(separator: "\n"))
      \(s.extra)
      internal: { \(amount)notes: \(canary)-\(s.id) \(deal) }
      ---
      ## Why now

      Month-end takes nine days.\(note)

      """
  }

  static let done = "status: done, done_on: 2026-10-20"

  static let specs: [Spec] = [
    // Stalled: security review 13 days overdue, its buyer owner a placeholder.
    Spec(
      id: "atlas", buyer: "Atlas", domain: "atlas.example", goLive: "2027-03-01",
      milestones: [
        "{ id: discovery, title: Discovery call, stage: discovery, owners: [champ, sam], due: 2026-10-20, \(done) }",
        "{ id: security-review, title: Security sign-off, stage: final-agreements, owners: [sec, sol], due: 2026-11-19, status: in-progress }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sam], due: 2027-01-20, status: not-started, depends_on: [security-review] }",
      ], amount: 180_000),
    // At risk: legal four days overdue.
    Spec(
      id: "boreal", buyer: "Boreal", domain: "boreal.example", goLive: "2027-02-15",
      milestones: [
        "{ id: legal, title: Legal review, stage: final-agreements, owners: [champ, sam], due: 2026-11-28, status: in-progress }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sam], due: 2027-01-10, status: not-started }",
      ], amount: 60_000),
    // At risk: marked off-track, nothing overdue.
    Spec(
      id: "cobalt", buyer: "Cobalt", domain: "cobalt.example", goLive: "2027-01-29",
      milestones: [
        "{ id: procurement, title: Procurement approval, stage: final-agreements, owners: [champ, sam], due: 2026-12-18, status: in-progress, risk: off-track }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sol], due: 2027-01-15, status: not-started }",
      ]),
    // At risk: the leads cannot meet go-live (an infeasible go-live).
    Spec(
      id: "delta", buyer: "Delta", domain: "delta.example", goLive: "2027-01-15",
      milestones: [
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sam], due: 2026-12-10, status: not-started, lead: 5 }",
        "{ id: onboarding, title: Finance team onboarded, stage: implementation, owners: [champ, sol], due: 2027-01-14, status: not-started, lead: 40, depends_on: [kickoff] }",
      ]),
    // On track, buyer progress note.
    Spec(
      id: "ember", buyer: "Ember", domain: "ember.example", goLive: "2027-03-31",
      milestones: [
        "{ id: validation, title: Technical validation, stage: discovery, owners: [champ, sol], due: 2026-12-15, status: in-progress, progress: [{ on: 2026-11-27, note: Sandbox connected, by: champ }] }",
        "{ id: signature, title: Order form signed, stage: final-agreements, owners: [champ, sam], due: 2027-01-31, status: not-started }",
      ], amount: 95_000),
    // Done.
    Spec(
      id: "fjord", buyer: "Fjord", domain: "fjord.example", goLive: "2026-11-02",
      milestones: [
        "{ id: signature, title: Order form signed, stage: final-agreements, owners: [champ, sam], due: 2026-10-20, \(done) }",
        "{ id: go-live, title: Project launch, stage: implementation, owners: [champ, sol], due: 2026-11-02, status: done, done_on: 2026-11-02, marks: go_live }",
      ]),
    // Stale: no commit since October.
    Spec(
      id: "garnet", buyer: "Garnet", domain: "garnet.example", goLive: "2027-04-30",
      milestones: [
        "{ id: discovery, title: Requirements agreed, stage: discovery, owners: [champ, sam], due: 2027-01-12, status: not-started }",
      ]),
    // No emails at all: buyer activity unknown.
    Spec(
      id: "harbor", buyer: "Harbor", domain: "harbor.example", goLive: "2027-05-14",
      milestones: [
        "{ id: demo, title: Executive demo, stage: discovery, owners: [champ, sam], due: 2026-12-20, status: not-started }",
      ], emails: false),
    // On track; a commit from the buyer's IT (domain in mapc.yml).
    Spec(
      id: "iris", buyer: "Iris", domain: "iris.example", goLive: "2027-02-26",
      milestones: [
        "{ id: security-review, title: Security sign-off, stage: final-agreements, owners: [sec, sol], due: 2026-12-11, status: in-progress }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sam], due: 2027-01-20, status: not-started }",
      ], amount: 240_000),
    // Stalled twice over, with date moves that gave no reason.
    Spec(
      id: "jade", buyer: "Jade", domain: "jade.example", goLive: "2027-01-22",
      milestones: [
        "{ id: legal, title: Legal review, stage: final-agreements, owners: [champ, sam], due: 2026-11-06, status: in-progress }",
        "{ id: procurement, title: Procurement approval, stage: final-agreements, owners: [sec, sam], due: 2026-11-13, status: blocked }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sol], due: 2027-01-08, status: not-started }",
      ]),
    // At risk: two days overdue, go-live forecast moved by it.
    Spec(
      id: "kite", buyer: "Kite", domain: "kite.example", goLive: "2027-03-15",
      milestones: [
        "{ id: references, title: Customer references, stage: final-agreements, owners: [champ, sol], due: 2026-11-30, status: not-started }",
        "{ id: kickoff, title: Project kickoff, stage: implementation, owners: [champ, sam], due: 2027-02-01, status: not-started }",
      ]),
    // On track, half done.
    Spec(
      id: "lumen", buyer: "Lumen", domain: "lumen.example", goLive: "2027-06-30",
      milestones: [
        "{ id: discovery, title: Discovery call, stage: discovery, owners: [champ, sam], due: 2026-10-20, \(done) }",
        "{ id: validation, title: Technical validation, stage: discovery, owners: [champ, sol], due: 2027-01-29, status: not-started }",
      ], amount: 75_000),
  ]

  static func path(_ id: String) -> String { "plans/\(id).map.md" }

  /// Builds the repository in `directory` (created); returns the fixture.
  @discardableResult
  public static func build(in directory: URL) throws -> GitFixture {
    let repo = try GitFixture(directory)
    func at(_ day: String) -> String { "\(day)T10:00:00+00:00" }
    let jade = specs[9]
    let jadeBefore = jade.milestones.map {
      $0.replacingOccurrences(of: "due: 2026-11-06", with: "due: 2026-10-30").replacingOccurrences(of: "due: 2026-11-13", with: "due: 2026-11-06")
    }
    var files: [String: String?] = ["mapc.yml": "report:\n  buyer_domains: [iris.example]\n"]
    for s in specs { files[path(s.id)] = s.id == "jade" ? plan(s, milestones: jadeBefore) : plan(s) }
    try repo.commit(files: files, message: "Add the portfolio", author: seller, date: at("2026-09-01"))
    // garnet's last commit.
    let garnet = specs[6]
    try repo.commit(files: [path("garnet"): plan(garnet, note: " Budget confirmed.")], message: "garnet: budget", author: seller, date: at("2026-10-01"))
    // Moves: atlas go-live with a reason, jade's legal and procurement without one.
    let atlas = specs[0]
    try repo.commit(
      files: [path("atlas"): plan(atlas, goLive: "2027-03-15")], message: "atlas: replan go-live\n\nSlip-Reason: [go-live] security questionnaire grew",
      author: seller, date: at("2026-11-10"))
    try repo.commit(files: [path("jade"): plan(jade)], message: "jade: move legal and procurement", author: seller, date: at("2026-11-12"))
    // Weekly check-in on every plan but garnet.
    var weekly: [String: String?] = [:]
    for s in specs where s.id != "garnet" && s.id != "atlas" && s.id != "jade" { weekly[path(s.id)] = plan(s, note: " Checked in.") }
    weekly[path("atlas")] = plan(atlas, goLive: "2027-03-15", note: " Checked in.")
    weekly[path("jade")] = plan(jade, note: " Checked in.")
    try repo.commit(files: weekly, message: "Weekly check-in", author: seller, date: at("2026-11-25"))
    // Buyer commits: Atlas's champion by email, Iris's IT by domain.
    try repo.commit(
      files: [path("atlas"): plan(atlas, goLive: "2027-03-15", note: " Checked in. Questionnaire answered.")], message: "Answer the questionnaire",
      author: atlasBuyer, date: at("2026-11-26"))
    try repo.commit(
      files: [path("iris"): plan(specs[8], note: " Checked in. SSO ready.")], message: "SSO ready", author: irisIT, date: at("2026-11-30"))
    // An internal-only change: the seller's view dates lumen by it, the buyer's does not.
    try repo.commit(
      files: [path("lumen"): plan(specs[11], note: " Checked in.", deal: "deal notes, budget approved")], message: "lumen: deal notes",
      author: seller, date: at("2026-12-01"))
    return repo
  }
}
