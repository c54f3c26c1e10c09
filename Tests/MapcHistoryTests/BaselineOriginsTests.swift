import MapcGit
import MapcHistory
import MapcModel
import Testing

private typealias F = SlipFixture

@Suite struct BaselineOriginsTests {
  /// The recorded baselines are the slip analysis's own, so MAP201 and `mapc slip` never disagree.
  @Test func firstRecordedMatchesTheSlipAnalysisBaselines() throws {
    let steps = RealisticHistory.steps
    let records = BaselineOrigins.firstRecorded(steps)
    let report = SlipAnalysis.analyze(steps, options: RealisticHistory.options)
    var compared = 0
    for plan in report.plans {
      for m in plan.milestones {
        #expect(records[plan.id]?[m.id]?.date == m.baseline, "\(plan.id)/\(m.id)")
        compared += 1
      }
    }
    #expect(compared >= 8)
    // Each record names the step that first carried the date.
    let commits = Set(steps.compactMap(\.revision.commit))
    for (_, milestones) in records {
      for (_, record) in milestones { #expect(record.commit.map(commits.contains) ?? true) }
    }
  }

  @Test func aMilestoneFirstSeenWithoutADateIsRecordedWhenItGetsOne() throws {
    let steps = [
      F.step(F.rev(1, "2026-10-01"), [F.snap("a.map.md", F.plan([F.milestone("kickoff", nil)]))]),
      F.step(F.rev(2, "2026-10-08"), [F.snap("a.map.md", F.plan([F.milestone("kickoff", "2026-11-01")]))]),
      F.step(F.rev(3, "2026-10-15"), [F.snap("a.map.md", F.plan([F.milestone("kickoff", "2026-11-09")]))]),
      F.step(
        F.rev(4, "2026-10-16", workingTree: true),
        [F.snap("a.map.md", F.plan([F.milestone("kickoff", "2026-11-09"), F.milestone("pilot", "2026-12-01")]))]),
    ]
    let records = BaselineOrigins.firstRecorded(steps)
    #expect(records["acme"]?["kickoff"] == BaselineRecord(date: F.date("2026-11-01"), commit: F.commitID(2)))
    #expect(records["acme"]?["pilot"] == BaselineRecord(date: F.date("2026-12-01"), commit: nil))
  }

  @Test func onlyADifferentBaselineWhoseCommitHeadLacksIsADisagreement() throws {
    let x = F.commitID(1)
    let y = F.commitID(2)
    let base: [String: [String: BaselineRecord]] = [
      "acme": [
        "kickoff": BaselineRecord(date: F.date("2026-03-01"), commit: x),
        "pilot": BaselineRecord(date: F.date("2026-05-01"), commit: y),
        "training": BaselineRecord(date: F.date("2026-06-01"), commit: x),
        "gone": BaselineRecord(date: F.date("2026-06-01"), commit: x),
      ],
      "other": ["kickoff": BaselineRecord(date: F.date("2026-03-01"), commit: x)],
    ]
    let head: [String: [String: BaselineRecord]] = [
      "acme": [
        "kickoff": BaselineRecord(date: F.date("2026-04-01"), commit: F.commitID(9)),
        "pilot": BaselineRecord(date: F.date("2026-05-20"), commit: F.commitID(9)),
        "training": BaselineRecord(date: F.date("2026-06-01"), commit: F.commitID(9)),
      ]
    ]
    var asked: [String] = []
    let found = try BaselineOrigins.disagreements(
      base: base, head: head,
      inHeadHistory: { (commit) throws(GitError) in
        asked.append(commit)
        return commit == y
      })
    // kickoff: differs and x is not in HEAD's history. pilot: differs, but y is (HEAD merged
    // the base in). training: same date. gone: not in HEAD. other: no such plan in HEAD.
    #expect(
      found == [
        "acme": [
          "kickoff": BaselineDisagreement(
            base: BaselineRecord(date: F.date("2026-03-01"), commit: x),
            head: BaselineRecord(date: F.date("2026-04-01"), commit: F.commitID(9)))
        ]
      ])
    #expect(asked.sorted() == [x, y].sorted())
  }
}
