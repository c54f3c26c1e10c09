import MapcHistory
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

private typealias F = SlipFixture
private let d = SlipFixture.date

private func analyze(_ steps: [HistoryStep], _ options: SlipOptions = F.options(), only: Set<String>? = nil) -> SlipReport {
  SlipAnalysis.analyze(steps, options: options, only: only)
}

private func milestone(_ report: SlipReport, _ id: String, plan: String = "acme") -> MilestoneSlip? {
  report.plans.first { $0.id == plan }?.milestones.first { $0.id == id }
}

@Suite struct SlipAnalysisTests {
  @Test func baselineAtFirstAppearance() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("plans/acme.md", F.plan([F.milestone("kickoff", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-08"), [F.snap("plans/acme.md", F.plan([F.milestone("kickoff", "2026-11-10")]))]),
    ]
    let m = milestone(analyze(steps), "kickoff")!
    #expect(m.baseline == d("2026-11-01"))
    #expect(m.current == d("2026-11-10"))
    #expect(m.slipDays == 9)
    #expect(m.moves.count == 1)
    #expect(m.moves[0].revision.commit == F.commitID(2))
    #expect(m.moves[0].deltaDays == 9)
  }

  @Test func milestoneAddedLaterUsesItsFirstAppearance() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("kickoff", "2026-11-01")]))]),
      F.step(
        F.rev(2, "2026-10-08"),
        [F.snap("a.md", F.plan([F.milestone("kickoff", "2026-11-01"), F.milestone("pilot", "2026-12-01")]))]),
      F.step(
        F.rev(3, "2026-10-15"),
        [F.snap("a.md", F.plan([F.milestone("kickoff", "2026-11-01"), F.milestone("pilot", "2026-12-05")]))]),
    ]
    let r = analyze(steps)
    let pilot = milestone(r, "pilot")!
    #expect(pilot.baseline == d("2026-12-01"))
    #expect(pilot.slipDays == 4)
    #expect(pilot.moves.count == 1)
    #expect(milestone(r, "kickoff")!.slipDays == 0)
  }

  @Test func pushesAndPullsAreCountedAndSumToTheSlip() {
    let dates = ["2026-11-01", "2026-11-08", "2026-11-05", "2026-11-20", "2026-11-20", "2026-11-18"]
    let steps = dates.enumerated().map { i, due in
      F.step(F.rev(i + 1, "2026-10-0\(i + 1)"), [F.snap("a.md", F.plan([F.milestone("m", due)]))])
    }
    let m = milestone(analyze(steps), "m")!
    #expect(m.pushes == 2)
    #expect(m.pulls == 2)
    #expect(m.moves.map(\.deltaDays) == [7, -3, 15, -2])
    #expect(m.slipDays == 17)
    #expect(m.moves.reduce(0) { $0 + $1.deltaDays } == m.slipDays)
  }

  @Test func doneMilestoneComparesDoneOnWithBaseline() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(
        F.rev(2, "2026-11-05"),
        [F.snap("a.md", F.plan([F.milestone("m", "2026-11-03", status: "done", doneOn: "2026-11-04")]))]),
    ]
    let m = milestone(analyze(steps), "m")!
    #expect(m.current == d("2026-11-03"))
    #expect(m.slipDays == 3)
    #expect(m.doneOn == d("2026-11-04"))
    // done_on without status done does not count.
    let notDone = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01", doneOn: "2026-12-01")]))])
    ]
    #expect(milestone(analyze(notDone), "m")!.slipDays == 0)
  }

  @Test func renamedMilestoneKeepsItsHistory() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01", title: "Contract close")]))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-06", title: "Project launch")]))]),
    ]
    let m = milestone(analyze(steps), "m")!
    #expect(m.title == "Project launch")
    #expect(m.baseline == d("2026-11-01"))
    #expect(m.slipDays == 5)
  }

  @Test func droppedMilestoneIsReportedAfterTheCurrentOnesAndLeftOutOfTotals() {
    let steps = [
      F.step(
        F.rev(1, "2026-10-01"),
        [
          F.snap(
            "a.md", F.plan([F.milestone("a", "2026-11-01"), F.milestone("b", "2026-11-02"), F.milestone("c", "2026-11-03")]))
        ]),
      F.step(
        F.rev(2, "2026-10-02"),
        [
          F.snap(
            "a.md", F.plan([F.milestone("a", "2026-11-01"), F.milestone("b", "2026-11-22"), F.milestone("c", "2026-11-03")]))
        ]),
      F.step(F.rev(3, "2026-10-03"), [F.snap("a.md", F.plan([F.milestone("a", "2026-11-01"), F.milestone("c", "2026-11-03")]))]),
      F.step(F.rev(4, "2026-10-04"), [F.snap("a.md", F.plan([F.milestone("z", "2026-12-01"), F.milestone("c", "2026-11-03")]))]),
    ]
    let plan = analyze(steps).plans[0]
    #expect(plan.milestones.map(\.id) == ["z", "c", "b", "a"])
    let b = plan.milestones[2]
    #expect(b.dropped?.commit == F.commitID(3))
    #expect(b.slipDays == 20)
    #expect(plan.milestones[3].dropped?.commit == F.commitID(4))
    #expect(plan.totalDaysOffSchedule == 0)
    #expect(plan.topMilestones.isEmpty)
  }

  @Test func movedPlanFileKeepsItsHistory() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("old/acme.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(
        F.rev(2, "2026-10-02"), [F.snap("plans/acme.md", F.plan([F.milestone("m", "2026-11-04")]))], removed: ["old/acme.md"]),
    ]
    let r = analyze(steps)
    #expect(r.plans.count == 1)
    #expect(r.removedPlans.isEmpty)
    #expect(r.plans[0].path == "plans/acme.md")
    #expect(r.plans[0].milestones[0].slipDays == 3)
    #expect(r.plans[0].milestones[0].moves.count == 1)
  }

  @Test func deletedAndReAddedPlanContinues() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01"), F.milestone("n", "2026-11-02")]))]),
      F.step(F.rev(2, "2026-10-02"), [], removed: ["a.md"]),
      F.step(F.rev(3, "2026-10-03"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-11")]))]),
      // A plan deleted and never re-added is listed as removed.
      F.step(F.rev(4, "2026-10-04"), [F.snap("b.md", F.plan("globex", [F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(5, "2026-10-05"), [], removed: ["b.md"]),
    ]
    let r = analyze(steps)
    #expect(r.plans.map(\.id) == ["acme"])
    let m = r.plans[0].milestones[0]
    #expect(m.slipDays == 10)
    #expect(m.moves.map(\.revision.commit) == [F.commitID(3)])
    #expect(r.plans[0].milestones[1].id == "n")
    #expect(r.plans[0].milestones[1].dropped?.commit == F.commitID(3))
    #expect(r.removedPlans.map(\.id) == ["globex"])
    #expect(r.removedPlans[0].removed.commit == F.commitID(5))
    #expect(r.removedPlans[0].path == "b.md")
  }

  @Test func unparseableSnapshotIsSkippedAndCounted() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", nil)]),
      F.step(F.rev(3, "2026-10-03"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-05")]))]),
      // A new file that does not parse at first: its skips count once it parses as a plan.
      F.step(F.rev(4, "2026-10-04"), [F.snap("b.md", nil)]),
      F.step(F.rev(5, "2026-10-05"), [F.snap("b.md", F.plan("globex", [F.milestone("m", "2026-11-01")]))]),
      // The last revision does not parse: current is the last parsed one.
      F.step(F.rev(6, "2026-10-06"), [F.snap("a.md", nil)]),
    ]
    let r = analyze(steps)
    let acme = r.plans[0]
    #expect(acme.skippedRevisions.map(\.commit) == [F.commitID(2), F.commitID(6)])
    #expect(acme.milestones[0].current == d("2026-11-05"))
    #expect(acme.milestones[0].moves.count == 1)
    #expect(acme.lastChange?.commit == F.commitID(6))
    #expect(r.plans[1].skippedRevisions.map(\.commit) == [F.commitID(4)])
    #expect(r.render(.text).contains("note: skipped 2 revisions where the plan did not parse"))
    #expect(r.render(.json).contains("\"skipped_revisions\": 2"))
  }

  @Test func reasonPrefersAChangedDueReasonOverTheTrailer() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01", reason: "initial")]))]),
      // due_reason changed with the move: it wins over the trailer.
      F.step(
        F.rev(2, "2026-10-02", reason: "trailer 2"),
        [F.snap("a.md", F.plan([F.milestone("m", "2026-11-05", reason: "CISO on leave")]))]),
      // due_reason unchanged: the trailer is the reason.
      F.step(
        F.rev(3, "2026-10-03", reason: "Legal queue"),
        [F.snap("a.md", F.plan([F.milestone("m", "2026-11-09", reason: "CISO on leave")]))]),
      // Neither: no reason.
      F.step(F.rev(4, "2026-10-04"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-10", reason: "CISO on leave")]))]),
      // due_reason removed: the trailer.
      F.step(F.rev(5, "2026-10-05", reason: "trailer 5"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-11")]))]),
    ]
    let m = milestone(analyze(steps), "m")!
    #expect(m.moves.map(\.reason) == ["CISO on leave", "Legal queue", nil, "trailer 5"])
  }

  @Test func baselineRevisionTakesDatesAsOfThatCommit() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-04")]))]),
      F.step(
        F.rev(3, "2026-10-03"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-06"), F.milestone("late", "2026-12-01")]))]),
      F.step(
        F.rev(4, "2026-10-04"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-07"), F.milestone("late", "2026-12-03")]))]),
    ]
    let r = analyze(steps, F.options(baselineRevision: String(F.commitID(2).prefix(8)).uppercased()))
    let m = milestone(r, "m")!
    #expect(m.baseline == d("2026-11-04"))
    #expect(m.slipDays == 3)
    #expect(m.moves.map(\.revision.commit) == [F.commitID(3), F.commitID(4)])
    #expect(milestone(r, "late")!.baseline == d("2026-12-01"))
    #expect(r.notes.isEmpty)

    let unknown = analyze(steps, F.options(baselineRevision: "deadbeef"))
    #expect(milestone(unknown, "m")!.baseline == d("2026-11-01"))
    #expect(unknown.notes.count == 1)
    #expect(unknown.notes[0].contains("deadbeef"))
  }

  @Test func baselineDateTakesDatesAsOfTheLastRevisionOnOrBeforeIt() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-05"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-04")]))]),
      F.step(F.rev(3, "2026-10-09"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-06")]))]),
    ]
    #expect(milestone(analyze(steps, F.options(baselineDate: "2026-10-05")), "m")!.baseline == d("2026-11-04"))
    #expect(milestone(analyze(steps, F.options(baselineDate: "2026-10-08")), "m")!.baseline == d("2026-11-04"))
    #expect(milestone(analyze(steps, F.options(baselineDate: "2026-09-01")), "m")!.baseline == d("2026-11-01"))
    let late = milestone(analyze(steps, F.options(baselineDate: "2027-01-01")), "m")!
    #expect(late.baseline == d("2026-11-06"))
    #expect(late.slipDays == 0)
    #expect(late.moves.isEmpty)
  }

  @Test func sinceFiltersMovesButNotBaselines() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-05"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-04")]))]),
      F.step(F.rev(3, "2026-10-09"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-02")]))]),
    ]
    let r = analyze(steps, F.options(since: "2026-10-09"))
    let m = milestone(r, "m")!
    #expect(m.baseline == d("2026-11-01"))
    #expect(m.slipDays == 1)
    #expect(m.moves.map(\.revision.commit) == [F.commitID(3)])
    #expect(m.pushes == 0)
    #expect(m.pulls == 1)
    #expect(r.render(.csv).split(separator: "\r\n").count == 2)
  }

  @Test func staleFlagCountsCommitsOnly() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-11-01", workingTree: true), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-03")]))]),
    ]
    let stale = analyze(steps, F.options(today: "2026-10-16")).plans[0]
    #expect(stale.daysSinceLastCommit == 15)
    #expect(stale.stale)
    #expect(stale.lastChange?.commit == nil)
    #expect(stale.lastCommit?.commit == F.commitID(1))
    let fresh = analyze(steps, F.options(today: "2026-10-15")).plans[0]
    #expect(!fresh.stale)
    #expect(!analyze(steps, F.options(today: "2026-10-16", staleAfterDays: 30)).plans[0].stale)
    // Never committed: not stale.
    let uncommitted = [F.step(F.rev(1, "2026-01-01", workingTree: true), [F.snap("a.md", F.plan([]))])]
    #expect(!analyze(uncommitted).plans[0].stale)
  }

  @Test func workingTreeStepIsALastUncommittedMove() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(
        F.rev(2, "2026-10-20", author: "Dana Ruiz", subject: "", workingTree: true),
        [F.snap("a.md", F.plan([F.milestone("m", "2026-11-15")]))]),
    ]
    let r = analyze(steps)
    let m = milestone(r, "m")!
    #expect(m.current == d("2026-11-15"))
    #expect(m.moves.count == 1)
    #expect(m.moves[0].revision.isWorkingTree)
    #expect(r.render(.text).contains("(uncommitted)"))
    #expect(r.render(.json).contains("\"commit\": null"))
    #expect(r.render(.csv).contains("acme,m,,Dana Ruiz,2026-10-20,2026-11-01,2026-11-15,14,,\r\n"))
  }

  @Test func totalDaysOffScheduleSumsPositiveSlipsOfCurrentMilestones() {
    let first = F.plan([
      F.milestone("a", "2026-11-01"), F.milestone("b", "2026-11-01"), F.milestone("c", "2026-11-01"),
      F.milestone("x", "2026-11-01"), F.milestone("gone", "2026-11-01"),
    ])
    let second = F.plan([
      F.milestone("a", "2026-11-11"),  // +10
      F.milestone("b", "2026-10-22"),  // -10: does not offset a
      F.milestone("c", "2026-11-04", status: "done", doneOn: "2026-11-06"),  // +5 (done_on)
      F.milestone("x", "2026-12-01", status: "cancelled"),  // cancelled: left out
      F.milestone("gone", "2026-12-01"),
    ])
    let third = F.plan([
      F.milestone("a", "2026-11-11"), F.milestone("b", "2026-10-22"),
      F.milestone("c", "2026-11-04", status: "done", doneOn: "2026-11-06"), F.milestone("x", "2026-12-01", status: "cancelled"),
    ])
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", first)]), F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", second)]),
      F.step(F.rev(3, "2026-10-03"), [F.snap("a.md", third)]),
    ]
    let plan = analyze(steps).plans[0]
    #expect(plan.totalDaysOffSchedule == 15)
    #expect(plan.topMilestones.map(\.id) == ["a", "c"])
    #expect(SlipReport.totalDaysOffScheduleDefinition.contains("does not offset"))
    #expect(analyze(steps).render(.text).contains(SlipReport.totalDaysOffScheduleDefinition))
  }

  @Test func topMilestonesAndStakeholdersCarryTheMostSlip() {
    let stakeholders = F.defaultStakeholders + [F.stakeholder("lee", name: "Lee Park", role: "legal")]
    func p(_ a: String, _ b: String, _ c: String, _ e: String) -> Plan {
      F.plan(
        stakeholders: stakeholders,
        [
          F.milestone("a", a, owners: ["sec", "sam"]), F.milestone("b", b, owners: ["dana"]),
          F.milestone("c", c, owners: ["lee", "sam", "sam"]), F.milestone("e", e, owners: ["ghost"]),
        ])
    }
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", p("2026-11-01", "2026-11-01", "2026-11-01", "2026-11-01"))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", p("2026-11-08", "2026-11-04", "2026-11-08", "2026-11-02"))]),
    ]
    let plan = analyze(steps).plans[0]
    #expect(plan.topMilestones.map(\.id) == ["a", "c", "b"])
    #expect(plan.topMilestones.map(\.slipDays) == [7, 7, 3])
    #expect(plan.topStakeholders.map(\.id) == ["sam", "sec", "lee"])
    #expect(plan.topStakeholders.map(\.slipDays) == [14, 7, 7])
    #expect(plan.topStakeholders[0].name == "Sam Lee")
    #expect(plan.topStakeholders[0].role == "ae")
    #expect(plan.topStakeholders[0].milestones == ["a", "c"])
    #expect(plan.topStakeholders[1].name == nil)
  }

  @Test func goLiveIsTrackedLikeAMilestone() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan(goLive: "2027-03-01", []))]),
      F.step(F.rev(2, "2026-10-02", reason: "Budget freeze"), [F.snap("a.md", F.plan(goLive: "2027-03-15", []))]),
    ]
    let g = analyze(steps).plans[0].goLive
    #expect(g.baseline == d("2027-03-01"))
    #expect(g.current == d("2027-03-15"))
    #expect(g.slipDays == 14)
    #expect(g.pushes == 1)
    #expect(g.moves[0].reason == "Budget freeze")
  }

  @Test func onlySelectsPlansById() {
    let steps = [
      F.step(
        F.rev(1, "2026-10-01"),
        [F.snap("b.md", F.plan("globex", [])), F.snap("a.md", F.plan("acme", [])), F.snap("c.md", F.plan("initech", []))])
    ]
    #expect(analyze(steps).plans.map(\.id) == ["acme", "globex", "initech"])
    let r = analyze(steps, only: ["initech", "acme", "nope"])
    #expect(r.plans.map(\.id) == ["acme", "initech"])
    #expect(r.notes == ["no plan with id `nope` in the history"])
  }

  @Test func dueDateRemovedAndSetAgainIsOneMove() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", nil)]))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(3, "2026-10-03"), [F.snap("a.md", F.plan([F.milestone("m", nil)]))]),
      F.step(F.rev(4, "2026-10-04"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-03")]))]),
    ]
    let m = milestone(analyze(steps), "m")!
    #expect(m.baseline == d("2026-11-01"))
    #expect(m.moves.map(\.deltaDays) == [2])
    #expect(m.slipDays == 2)
  }

  @Test func csvQuotesFieldsAndDefusesFormulas() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(
        F.rev(2, "2026-10-02", author: "=cmd", subject: "Move \"kickoff\", again", reason: "line one\nline two"),
        [F.snap("a.md", F.plan([F.milestone("m", "2026-11-02")]))]),
    ]
    let csv = analyze(steps).render(.csv)
    #expect(csv.hasPrefix("plan,milestone,commit,author,date,from,to,delta_days,subject,reason\r\n"))
    #expect(csv.contains(",'=cmd,2026-10-02,2026-11-01,2026-11-02,1,\"Move \"\"kickoff\"\", again\",\"line one\nline two\"\r\n"))
  }

  @Test func markdownEscapesTableCells() {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01", title: "A | B <script>")]))])
    ]
    let md = analyze(steps).render(.markdown)
    #expect(md.contains("A \\| B &lt;script&gt;"))
    #expect(!md.contains("<script>"))
  }

  @Test func jsonKeepsTheContractNames() throws {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-01")]))]),
      F.step(F.rev(2, "2026-10-02"), [F.snap("a.md", F.plan([F.milestone("m", "2026-11-02")]))]),
    ]
    let json = SlipJSONRenderer.json(analyze(steps))
    let plan = try #require(json["plans"]?.arrayValue?.first)
    for key in ["id", "path", "go_live", "total_days_off_schedule", "milestones"] { #expect(plan[key] != nil, "\(key)") }
    for key in ["baseline", "current", "slip_days"] { #expect(plan["go_live"]?[key] != nil, "\(key)") }
    let m = try #require(plan["milestones"]?.arrayValue?.first)
    for key in ["id", "title", "baseline", "current", "slip_days", "pushes", "moves"] { #expect(m[key] != nil, "\(key)") }
    let move = try #require(m["moves"]?.arrayValue?.first)
    #expect(
      move.objectValue?.memberNames == ["commit", "author", "date", "from", "to", "delta_days", "subject", "reason"])
    #expect(move["delta_days"] == .number(1))
    #expect(move["date"] == .string("2026-10-02"))
  }

  @Test func outputIsDeterministic() {
    let a = SlipAnalysis.analyze(RealisticHistory.steps, options: RealisticHistory.options)
    let b = SlipAnalysis.analyze(RealisticHistory.steps, options: RealisticHistory.options)
    for format in SlipFormat.allCases { #expect(a.render(format) == b.render(format)) }
  }

  @Test(arguments: SlipFormat.allCases)
  func goldenReport(format: SlipFormat) {
    let report = SlipAnalysis.analyze(RealisticHistory.steps, options: RealisticHistory.options)
    let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"][format.rawValue]!
    let problem = TestSupport.golden("Tests/MapcHistoryTests/Goldens/slip.\(ext)", report.render(format))
    #expect(problem == nil, "\(problem ?? "")")
  }
}
