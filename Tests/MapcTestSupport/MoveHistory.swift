import Foundation

/// The repository of issue 14: a buyer (Devin, Acme) and a seller (Lena, Northwind) move dates
/// on branches that reach `main` through `--no-ff` merges, a squash merge and a merge whose
/// conflict is resolved by hand; then branches that are behind, ahead, diverged, and test
/// merges, for `lint --base`. Every commit has a fixed author and date, so ids and outputs are
/// the same on every run. Today is 2026-11-23.
///
/// `main`'s first-parent history:
///
/// 1. `Add the Acme plan` (Lena).
/// 2. `Merge branch 'security-delay'` (Lena) of two commits by Devin: the security sign-off
///    moved to 7 January with a `due_reason`; signature, kickoff and go-live moved two weeks
///    with `Slip-Reason: signature waits for the security sign-off, which moved to 7 January`.
/// 3. `Legal waits for the HECVAT answers (#3)` (Lena), a squash merge: legal-review +7 and
///    integration +7, with `Slip-Reason: [legal-review] the HECVAT answers come first`, which
///    names legal-review only.
/// 4. `Integration can start on the 22nd` (Lena): integration +2, no reason.
/// 5. `Merge branch 'integration-plan'` (Lena): Devin moved integration to 27 January on the
///    branch; the conflict with step 4 is resolved to 25 January, a date neither side had, with
///    `Slip-Reason: [integration] both teams agreed on 25 January`.
/// 6. `Pilot done; go-live moves a week` (Lena): pilot done, go-live +7 with
///    `Slip-Reason: [go-live] the buyer's change board meets on the 22nd`.
///
/// Branches: `docs-only` (from step 5, adds a document: behind main), `integration-slip`
/// (from main: integration +7 with no reason, then an empty commit whose unnamed trailer is
/// about something else), `legal-slip` (from main: one commit moves security-review and
/// legal-review with a trailer naming security-review only), `diverged` (from step 5: kickoff
/// +7 with a trailer naming it; main has step 6 since).
public enum MoveHistory {
  public static let devin = GitFixture.Author("Devin Park", "devin@acme.example")
  public static let lena = GitFixture.Author("Lena Vogel", "lena@northwind.example")
  public static let today = "2026-11-23"
  public static let planPath = "plans/acme.map.md"

  /// The plan's dates and statuses at one commit.
  public struct State: Sendable {
    public var goLive = "2027-03-01"
    public var due: [String: String] = [
      "security-review": "2026-12-18", "legal-review": "2026-12-22", "signature": "2027-01-08",
      "integration": "2027-01-13", "pilot": "2026-11-27", "kickoff": "2027-01-18", "roi-review": "2027-06-01",
    ]
    public var reasons: [String: String] = [:]
    public var pilotDone = false

    public init() {}

    func with(_ change: (inout State) -> Void) -> State {
      var s = self
      change(&s)
      return s
    }
  }

  static let milestones: [(id: String, title: String, stage: String, owners: String)] = [
    ("security-review", "Security sign-off on the HECVAT", "final-agreements", "[devin, lena]"),
    ("legal-review", "Legal review of the order form", "final-agreements", "[cora, lena]"),
    ("signature", "Order form signed", "final-agreements", "[cora, lena]"),
    ("pilot", "Pilot with the finance team", "implementation", "[devin, lena]"),
    ("integration", "Data sources connected", "implementation", "[devin, lena]"),
    ("kickoff", "Project launch with the finance team", "implementation", "[devin, lena]"),
    ("roi-review", "First ROI review", "value", "[cora, lena]"),
  ]

  /// The plan file for a state: clean under every rule but the change rules (with
  /// `key-outcomes` off in mapc.yml), so lint's output holds the change rules only.
  public static func plan(_ s: State) -> String {
    var text = """
      ---
      map: 1
      id: acme
      title: Acme × Northwind — finance data platform
      buyer: Acme Corp
      seller: Northwind Analytics
      value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
      compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
      go_live: \(s.goLive)
      value_date: 2027-06-01
      stages: [final-agreements, implementation, value]
      stakeholders:
        - { id: cora, name: Cora Lind, side: buyer, role: economic-buyer }
        - { id: devin, name: Devin Park, side: buyer, role: champion }
        - { id: lena, name: Lena Vogel, side: seller, role: account-executive }
      milestones:

      """
    for m in milestones {
      text += "  - id: \(m.id)\n    title: \(m.title)\n    stage: \(m.stage)\n    owners: \(m.owners)\n"
      if m.id == "pilot" { text += "    success_criteria: [Month-end close reproduced in 3 days]\n" }
      text += "    due: \(s.due[m.id] ?? "2027-01-01")\n"
      if let reason = s.reasons[m.id] { text += "    due_reason: \(reason)\n" }
      if m.id == "pilot" && s.pilotDone {
        text += "    status: done\n    done_on: 2026-11-18\n"
      } else {
        text += "    status: not-started\n"
      }
    }
    text += "---\n\nWhy now: the FY27 budget locks in January.\n"
    return text
  }

  static let v0 = State()
  static let afterSecurity = v0.with {
    $0.due["security-review"] = "2027-01-07"
    $0.reasons["security-review"] = "The HECVAT questionnaire grew to 240 questions"
  }
  static let afterDelay = afterSecurity.with {
    $0.due["signature"] = "2027-01-22"
    $0.due["kickoff"] = "2027-02-01"
    $0.goLive = "2027-03-15"
  }
  static let afterHECVAT = afterDelay.with {
    $0.due["legal-review"] = "2026-12-29"
    $0.due["integration"] = "2027-01-20"
  }
  static let mainIntegration = afterHECVAT.with { $0.due["integration"] = "2027-01-22" }
  static let branchIntegration = afterHECVAT.with { $0.due["integration"] = "2027-01-27" }
  static let resolvedIntegration = afterHECVAT.with { $0.due["integration"] = "2027-01-25" }
  static let pilotDone = resolvedIntegration.with {
    $0.pilotDone = true
    $0.goLive = "2027-03-22"
  }

  static func at(_ day: Int, _ time: String = "09:00") -> String {
    "2026-11-\(day < 10 ? "0" : "")\(day)T\(time):00+00:00"
  }

  /// Builds the repository in a new temporary directory, checked out on `main`.
  public static func build() throws -> (URL, GitFixture) {
    let dir = try TestSupport.temporaryDirectory("mapc-move-history")
    let f = try GitFixture(dir)
    try f.commit(
      files: [
        "mapc.yml": "plans: [\"plans/**/*.map.md\"]\nrules:\n  key-outcomes: off\n", planPath: plan(v0),
      ], message: "Add the Acme plan", author: lena, date: at(10))

    // 1. A buyer's branch merged with --no-ff.
    try f.git(["checkout", "--quiet", "-b", "security-delay"])
    try f.commit(
      files: [planPath: plan(afterSecurity)], message: "Move the security sign-off to 7 January", author: devin,
      date: at(11, "10:00"))
    try f.commit(
      files: [planPath: plan(afterDelay)],
      message:
        "Move signature, kickoff and go-live two weeks after security\n\nSlip-Reason: signature waits for the security sign-off, which moved to 7 January\n",
      author: devin, date: at(11, "15:00"))
    try f.git(["checkout", "--quiet", "main"])
    try f.git(["merge", "--quiet", "--no-ff", "-m", "Merge branch 'security-delay'", "security-delay"], author: lena, date: at(12))

    // 2. A squash merge with a trailer that names one of the two milestones it moves.
    try f.git(["checkout", "--quiet", "-b", "hecvat"])
    try f.commit(files: [planPath: plan(afterHECVAT)], message: "Legal waits for the HECVAT answers", author: devin, date: at(13))
    try f.git(["checkout", "--quiet", "main"])
    try f.git(["merge", "--quiet", "--squash", "hecvat"], author: lena, date: at(13, "12:00"))
    try f.commit(
      message: "Legal waits for the HECVAT answers (#3)\n\nSlip-Reason: [legal-review] the HECVAT answers come first\n",
      author: lena, date: at(13, "12:00"))

    // 3. A conflict resolved in the merge, to a date neither side had.
    try f.git(["checkout", "--quiet", "-b", "integration-plan"])
    try f.commit(
      files: [planPath: plan(branchIntegration)], message: "Integration needs the new SSO tenant", author: devin, date: at(16))
    try f.git(["checkout", "--quiet", "main"])
    try f.commit(files: [planPath: plan(mainIntegration)], message: "Integration can start on the 22nd", author: lena, date: at(16, "11:00"))
    _ = try? f.git(["merge", "--quiet", "--no-ff", "integration-plan"], author: lena, date: at(17))
    try f.commit(
      files: [planPath: plan(resolvedIntegration)],
      message: "Merge branch 'integration-plan'\n\nSlip-Reason: [integration] both teams agreed on 25 January\n",
      author: lena, date: at(17))

    // A branch that only adds a document, made before main moves on: behind main.
    try f.git(["checkout", "--quiet", "-b", "docs-only"])
    try f.commit(files: ["docs/security-faq.md": "# Security FAQ\n"], message: "Add the security FAQ", author: devin, date: at(17, "15:00"))
    // A branch that moves kickoff with a reason, made at the same point: diverged once main moves on.
    try f.git(["checkout", "--quiet", "-b", "diverged", "main"])
    try f.commit(
      files: [planPath: plan(resolvedIntegration.with { $0.due["kickoff"] = "2027-02-08" })],
      message: "Kickoff a week later\n\nSlip-Reason: [kickoff] the buyer's admins are on leave\n", author: devin,
      date: at(19))

    // 4. main marks the pilot done and moves go-live.
    try f.git(["checkout", "--quiet", "main"])
    try f.commit(
      files: [planPath: plan(pilotDone)],
      message: "Pilot done; go-live moves a week\n\nSlip-Reason: [go-live] the buyer's change board meets on the 22nd\n",
      author: lena, date: at(18))

    // Ahead of main: an unexplained move, then an empty commit whose trailer is about something else.
    try f.git(["checkout", "--quiet", "-b", "integration-slip"])
    try f.commit(
      files: [planPath: plan(pilotDone.with { $0.due["integration"] = "2027-02-01" })],
      message: "Integration after the holidays", author: devin, date: at(19, "10:00"))
    try f.commit(
      message: "Note the security call\n\nSlip-Reason: nothing to do with integration\n", author: devin, date: at(19, "11:00"))
    // Ahead of main: one commit moves two milestones, its trailer names one.
    try f.git(["checkout", "--quiet", "-b", "legal-slip", "main"])
    try f.commit(
      files: [
        planPath: plan(
          pilotDone.with {
            $0.due["security-review"] = "2027-01-12"
            $0.due["legal-review"] = "2027-01-05"
          })
      ],
      message: "Security review needs the pen test\n\nSlip-Reason: [security-review] the pen test report is late\n",
      author: devin, date: at(20))
    try f.git(["checkout", "--quiet", "main"])
    return (dir, f)
  }

  /// GitHub's test merge of `branch` into `main` (refs/pull/N/merge), checked out detached.
  public static func checkoutTestMerge(of branch: String, in f: GitFixture) throws {
    try f.git(["checkout", "--quiet", "--detach", "main"])
    try f.git(["merge", "--quiet", "--no-ff", "-m", "Merge \(branch) into main", branch], author: lena, date: at(21))
  }

  /// A shallow clone of the repository's `main` (`git clone --depth 1 file://…`) in a new
  /// temporary directory, removed by the caller.
  public static func shallowClone(of dir: URL, in f: GitFixture) throws -> URL {
    let clone = try TestSupport.temporaryDirectory("mapc-move-history-shallow").appendingPathComponent("acme")
    try f.git(["clone", "--quiet", "--depth", "1", "--branch", "main", "file://" + dir.path, clone.path])
    return clone
  }
}
