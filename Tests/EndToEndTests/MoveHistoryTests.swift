import Foundation
import MapcTestSupport
import Testing

/// Issue 14, through the binary, on ``MoveHistory``: who moved a date and why, under pull
/// requests merged with `--no-ff`, squashed, or with a conflict resolved in the merge; lint
/// `--base` against the merge base; shallow clones.
@Suite struct MoveHistoryTests {
  static func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  /// The moves of one milestone (or `go_live`) in `mapc slip --format json`.
  static func moves(_ milestone: String, in report: [String: Any]) -> [[String: Any]] {
    let plan = (report["plans"] as? [[String: Any]])?.first ?? [:]
    if milestone == "go_live" { return (plan["go_live"] as? [String: Any])?["moves"] as? [[String: Any]] ?? [] }
    let m = (plan["milestones"] as? [[String: Any]])?.first { $0["id"] as? String == milestone }
    return m?["moves"] as? [[String: Any]] ?? []
  }

  static func rev(_ revision: String, in f: GitFixture) throws -> String {
    try f.git(["rev-parse", revision]).trimmingCharacters(in: .whitespacesAndNewlines)
  }

  // MARK: 1. A move is attributed to the commit that made it

  @Test(arguments: ["text", "markdown", "csv", "json"])
  func slipMatchesGoldenFiles(format: String) throws {
    let (dir, _) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["slip", "--format", format, "--today", MoveHistory.today], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"][format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/moves/slip.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  /// Case 1 of the issue: Devin's two commits on a branch, merged by Lena with `--no-ff`.
  @Test func aMergedMoveIsTheBranchCommitsWithTheMergeKept() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try Self.json(try TestSupport.mapc(["slip", "--format", "json", "--today", MoveHistory.today], in: dir).stdout)
    let merge = try Self.rev("main~4", in: f)
    let first = try Self.rev("security-delay~1", in: f)
    let second = try Self.rev("security-delay", in: f)

    let security = try #require(Self.moves("security-review", in: report).first)
    #expect(security["commit"] as? String == first)
    #expect(security["author"] as? String == "Devin Park")
    #expect(security["date"] as? String == "2026-11-11")
    #expect(security["subject"] as? String == "Move the security sign-off to 7 January")
    #expect(security["reason"] as? String == "The HECVAT questionnaire grew to 240 questions")
    let mergedIn = try #require(security["merged_in"] as? [String: Any])
    #expect(mergedIn["commit"] as? String == merge)
    #expect(mergedIn["author"] as? String == "Lena Vogel")
    #expect(mergedIn["subject"] as? String == "Merge branch 'security-delay'")

    for milestone in ["signature", "kickoff", "go_live"] {
      let move = try #require(Self.moves(milestone, in: report).first, "\(milestone)")
      #expect(move["commit"] as? String == second, "\(milestone)")
      #expect(move["author"] as? String == "Devin Park", "\(milestone)")
      #expect(move["reason"] as? String == "signature waits for the security sign-off, which moved to 7 January", "\(milestone)")
      #expect((move["merged_in"] as? [String: Any])?["commit"] as? String == merge, "\(milestone)")
    }

    let text = try TestSupport.mapc(["slip", "--today", MoveHistory.today], in: dir).stdout
    #expect(text.contains("Move the security sign-off to 7 January (merged in \(merge.prefix(7)))"), "\(text)")
    let markdown = try TestSupport.mapc(["slip", "--format", "markdown", "--today", MoveHistory.today], in: dir).stdout
    #expect(markdown.contains("Move the security sign-off to 7 January *(merged in `\(merge.prefix(7))`)*"), "\(markdown)")
  }

  /// A conflict resolved in the merge (a date neither side had) is the merge's move; a squash
  /// merge is one commit, as before.
  @Test func aConflictResolutionStaysTheMergesAndASquashIsOneCommit() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try Self.json(try TestSupport.mapc(["slip", "--format", "json", "--today", MoveHistory.today], in: dir).stdout)
    let integration = Self.moves("integration", in: report)
    #expect(integration.map { $0["to"] as? String } == ["2027-01-20", "2027-01-22", "2027-01-25"])
    let resolved = try #require(integration.last)
    #expect(resolved["commit"] as? String == (try Self.rev("main~1", in: f)))
    #expect(resolved["subject"] as? String == "Merge branch 'integration-plan'")
    #expect(resolved["reason"] as? String == "both teams agreed on 25 January")
    #expect(resolved["merged_in"] == nil)
    let squash = try Self.rev("main~3", in: f)
    #expect(integration.first?["commit"] as? String == squash)
    #expect(integration.first?["merged_in"] == nil)
  }

  // MARK: 2. A reason belongs to its move

  /// The squash's trailer names legal-review: it explains that move and not integration's,
  /// made in the same commit.
  @Test func aTrailerThatNamesMilestonesExplainsThoseMovesOnly() throws {
    let (dir, _) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let report = try Self.json(try TestSupport.mapc(["slip", "--format", "json", "--today", MoveHistory.today], in: dir).stdout)
    #expect(Self.moves("legal-review", in: report).first?["reason"] as? String == "the HECVAT answers come first")
    #expect(Self.moves("integration", in: report).first?["reason"] is NSNull)
    #expect(Self.moves("go_live", in: report).last?["reason"] as? String == "the buyer's change board meets on the 22nd")
  }

  static func lint(_ args: [String] = [], in dir: URL) throws -> TestSupport.Run {
    try TestSupport.mapc(["lint", "--base", "main", "--today", MoveHistory.today] + args, in: dir)
  }

  static func changeFindings(in dir: URL) throws -> [LintBaseTests.Finding] {
    let run = try lint(["--format", "json"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    return try LintBaseTests.findings(run.stdout).filter { $0.code.hasPrefix("MAP20") }
  }

  /// Case 2: an unexplained move, then an empty commit with a trailer about something else.
  @Test func anUnrelatedTrailerDoesNotExplainAnotherCommitsMove() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try f.git(["checkout", "--quiet", "integration-slip"])
    let found = try Self.changeFindings(in: dir)
    #expect(found.map(\.code) == ["MAP200"], "\(found)")
    #expect(found.first?.message.contains("`integration` moved 7 days later (2027-01-25 → 2027-02-01) with no reason recorded") == true, "\(found)")
  }

  /// Case 2: one commit moves two milestones; its trailer names one.
  @Test func aNamedTrailerLeavesTheOtherMoveOfItsCommitUnexplained() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try f.git(["checkout", "--quiet", "legal-slip"])
    let found = try Self.changeFindings(in: dir)
    #expect(found.map(\.code) == ["MAP200"], "\(found)")
    #expect(found.first?.message.hasPrefix("`legal-review` moved 7 days later") == true, "\(found)")
  }

  // MARK: 3. lint --base compares with the merge base

  static let lintBranches = ["docs-only", "diverged", "integration-slip", "legal-slip"]

  @Test(arguments: lintBranches)
  func lintBaseMatchesGoldenFiles(branch: String) throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try f.git(["checkout", "--quiet", branch])
    for (format, ext) in [("json", "json"), ("text", "txt")] {
      let run = try Self.lint(["--format", format], in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/moves/lint-base.\(branch).\(ext)", run.stdout) {
        Issue.record(Comment(rawValue: diff))
      }
    }
  }

  /// Case 3: main marked the pilot done and moved go-live after the branch was made; the
  /// branch only adds a document. Nothing of main's is the branch's change.
  @Test func aBranchBehindMainIsNotBlamedForMainsChanges() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try f.git(["checkout", "--quiet", "docs-only"])
    #expect(try Self.changeFindings(in: dir).isEmpty)
  }

  /// Diverged: the branch moved kickoff with a trailer naming it; main moved on. Only the
  /// branch's change counts, and it is explained.
  @Test func aDivergedBranchIsComparedWithTheMergeBase() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try f.git(["checkout", "--quiet", "diverged"])
    #expect(try Self.changeFindings(in: dir).isEmpty)
  }

  /// Ahead: the merge base is main itself; the JSON findings say which commit was compared.
  @Test func theFindingsSayWhichCommitWasCompared() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let main = try Self.rev("main", in: f)
    let fork = try Self.rev("main~1", in: f)
    try f.git(["checkout", "--quiet", "integration-slip"])
    let ahead = try Self.changeFindings(in: dir)
    #expect(ahead.first?.message.hasSuffix("compared with main at \(main.prefix(7))") == true, "\(ahead)")
    try f.git(["checkout", "--quiet", "docs-only"])
    try f.write([MoveHistory.planPath: try String(contentsOf: dir.appendingPathComponent(MoveHistory.planPath), encoding: .utf8).replacing("go_live: 2027-03-15", with: "go_live: 2027-03-29")])
    let behind = try Self.changeFindings(in: dir)
    #expect(behind.map(\.code) == ["MAP203"], "\(behind)")
    #expect(
      behind.first?.message == "go-live moved +14 days since main (2027-03-15 → 2027-03-29); compared with \(fork.prefix(7)), the merge base of main and HEAD",
      "\(behind)")
  }

  /// GitHub's test merge (refs/pull/N/merge): the merge base is main; the branch's commits
  /// arrive in one merge and each move is its own commit's.
  @Test func aTestMergeIsJudgedByTheBranchCommits() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    try MoveHistory.checkoutTestMerge(of: "integration-slip", in: f)
    #expect(try Self.changeFindings(in: dir).map(\.code) == ["MAP200"])
    try f.git(["checkout", "--quiet", "main"])
    try MoveHistory.checkoutTestMerge(of: "diverged", in: f)
    #expect(try Self.changeFindings(in: dir).isEmpty)
    try f.git(["checkout", "--quiet", "main"])
    try MoveHistory.checkoutTestMerge(of: "legal-slip", in: f)
    let found = try Self.changeFindings(in: dir)
    #expect(found.map(\.code) == ["MAP200"], "\(found)")
    #expect(found.first?.message.hasPrefix("`legal-review`") == true, "\(found)")
  }

  // MARK: diff shows each move's reason

  @Test(arguments: ["text", "markdown", "json"])
  func diffMatchesGoldenFiles(format: String) throws {
    let (dir, _) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["diff", "main~5", "main", "--format", format], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let ext = ["text": "txt", "markdown": "md", "json": "json"][format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/moves/diff.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
    if format == "text" {
      #expect(run.stdout.contains("reason: The HECVAT questionnaire grew to 240 questions"), "\(run.stdout)")
    }
  }

  // MARK: 4. Shallow clones degrade, not fail

  @Test func renderInAShallowCloneDatesByHeadAndSaysSoInThePage() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clone = try MoveHistory.shallowClone(of: dir, in: f)
    defer { try? FileManager.default.removeItem(at: clone.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["render", MoveHistory.planPath, "--audience", "buyer"], in: clone)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains(#"<time datetime="2026-11-18">"#), "the snapshot is dated by HEAD's commit")
    #expect(run.stdout.contains("shallow clone"), "the page says why it has no slip or history")
    #expect(run.stderr.contains("fetch-depth: 0"), "\(run.stderr)")
    // With --as-of too, the note is in the page, not only on standard error.
    let asOf = try TestSupport.mapc(["render", MoveHistory.planPath, "--as-of", "2026-11-20"], in: clone)
    #expect(asOf.status == 0, "\(asOf.stderr)")
    #expect(asOf.stdout.contains("shallow clone"))
  }

  @Test func lintInAShallowCloneSaysOnceThatHistoryRulesWereSkipped() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clone = try MoveHistory.shallowClone(of: dir, in: f)
    defer { try? FileManager.default.removeItem(at: clone.deletingLastPathComponent()) }
    for args in [["lint", "--today", MoveHistory.today], ["lint", "--base", "origin/main", "--today", MoveHistory.today]] {
      let run = try TestSupport.mapc(args, in: clone)
      #expect(run.status == 0, "\(args): \(run.stderr)")
      let notes = run.stderr.split(separator: "\n").filter { $0.contains("shallow") }
      #expect(notes.count == 1, "\(args): \(run.stderr)")
      #expect(notes.first?.contains("MAP190, MAP200-MAP203") == true, "\(run.stderr)")
      #expect(notes.first?.contains("fetch-depth: 0") == true, "\(run.stderr)")
    }
  }

  @Test func slipAndDiffInAShallowCloneExitWith2AndTheAdvice() throws {
    let (dir, f) = try MoveHistory.build()
    defer { try? FileManager.default.removeItem(at: dir) }
    let clone = try MoveHistory.shallowClone(of: dir, in: f)
    defer { try? FileManager.default.removeItem(at: clone.deletingLastPathComponent()) }
    for args in [["slip"], ["diff", "HEAD~1"]] {
      let run = try TestSupport.mapc(args, in: clone)
      #expect(run.status == 2, "\(args)")
      #expect(run.stderr.contains("fetch-depth: 0"), "\(args): \(run.stderr)")
    }
  }
}
