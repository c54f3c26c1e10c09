import Foundation
import MapcTestSupport
import Testing

/// `mapc slip` on the scripted example history (Examples/history/build.py), through the binary.
@Suite struct SlipCommandTests {
  /// Builds the example history in a fresh temporary directory.
  static func history() throws -> URL {
    let parent = try TestSupport.temporaryDirectory("mapc-slip")
    let repo = parent.appendingPathComponent("brightwater")
    let run = try TestSupport.run("/usr/bin/env", ["python3", "Examples/history/build.py", repo.path])
    try #require(run.status == 0, "build.py failed: \(run.stderr)")
    return repo
  }

  static func git(_ args: [String], in dir: URL) throws -> TestSupport.Run {
    try TestSupport.run("/usr/bin/env", ["git", "-c", "advice.detachedHead=false"] + args, in: dir)
  }

  @Test(arguments: ["text", "markdown", "csv", "json"])
  func exampleHistoryMatchesGoldenFiles(format: String) throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["slip", "--format", format], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let ext = ["text": "txt", "markdown": "md", "csv": "csv", "json": "json"][format] ?? format
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/slip.\(ext)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }

  @Test func followsThePlanAcrossTheMoveAndCountsTheMergedPullRequestOnce() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["slip", "--format", "csv"], in: repo)
    let lines = run.stdout.split(separator: "\r\n").map(String.init)
    // The pull request arrives in one merge; each move it brings is the branch commit's that made it.
    #expect(!lines.contains { $0.contains("Merge pull request #7") })
    #expect(lines.filter { $0.contains("Replan go-live after the year-end change freeze") }.count == 4)
    #expect(lines.filter { $0.contains("Give legal and approval the time the freeze leaves") }.count == 2)
    #expect(lines.contains { $0.hasPrefix("brightwater-data-platform,security-review,") && $0.contains("questionnaire grew") })
  }

  @Test func atSinceAndBaselineOptions() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    // Before the replan was merged, go-live had not moved.
    let before = try TestSupport.mapc(["slip", "--format", "json", "--at", "HEAD~3"], in: repo)
    #expect(before.status == 0, "\(before.stderr)")
    #expect(before.stdout.contains(#""current": "2027-02-15""#))
    // --since lists only later moves.
    let since = try TestSupport.mapc(["slip", "--format", "csv", "--since", "2026-11-10"], in: repo)
    #expect(!since.stdout.contains("Move technical validation"))
    #expect(since.stdout.contains("Replan go-live after the year-end change freeze"))
    // A branch's move counts from the day it was merged (2026-11-16), not authored (2026-11-13).
    let merged = try TestSupport.mapc(["slip", "--format", "csv", "--since", "2026-11-16"], in: repo)
    #expect(merged.stdout.contains("Replan go-live after the year-end change freeze"), "\(merged.stdout)")
    // A baseline after the replan: go-live has not slipped since.
    let baseline = try TestSupport.mapc(["slip", "--format", "text", "--baseline", "HEAD~1"], in: repo)
    #expect(baseline.stdout.contains("go-live: 2027-03-01 → 2027-03-01 (slip 0 days"), "\(baseline.stdout)")
  }

  @Test func onePlanByPathOrId() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let byPath = try TestSupport.mapc(["slip", "--format", "json", "plans/brightwater/data-platform.map.md"], in: repo)
    let byID = try TestSupport.mapc(["slip", "--format", "json", "brightwater-data-platform"], in: repo)
    #expect(byPath.status == 0)
    #expect(byPath.stdout == byID.stdout)
    let unknown = try TestSupport.mapc(["slip", "no-such-plan"], in: repo)
    #expect(unknown.status == 2)
  }

  @Test func uncommittedEditsAreALastChange() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let file = repo.appendingPathComponent("plans/brightwater/data-platform.map.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    try text.replacing("    due: 2026-12-15\n", with: "    due: 2026-12-22\n").write(to: file, atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["slip", "--format", "csv"], in: repo)
    #expect(run.stdout.contains("vendor-onboarding,,(working tree)"), "\(run.stdout)")
  }

  @Test func faultsAreClearAndExitWithTwo() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-slip-faults")
    defer { try? FileManager.default.removeItem(at: dir) }
    let notRepo = try TestSupport.mapc(["slip"], in: dir)
    #expect(notRepo.status == 2)
    #expect(notRepo.stderr.contains("not a git repository"))

    let empty = dir.appendingPathComponent("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
    _ = try Self.git(["init", "-q"], in: empty)
    let emptyRun = try TestSupport.mapc(["slip"], in: empty)
    #expect(emptyRun.status == 2)
    #expect(emptyRun.stderr.contains("no commits yet"), "\(emptyRun.stderr)")

    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let shallow = dir.appendingPathComponent("shallow")
    _ = try Self.git(["clone", "-q", "--depth", "2", "file://" + repo.path, shallow.path], in: dir)
    let shallowRun = try TestSupport.mapc(["slip"], in: shallow)
    #expect(shallowRun.status == 2)
    #expect(shallowRun.stderr.contains("fetch-depth: 0"), "\(shallowRun.stderr)")

    _ = try Self.git(["checkout", "-q", "--detach", "HEAD~2"], in: repo)
    let detached = try TestSupport.mapc(["slip", "--format", "json"], in: repo)
    #expect(detached.status == 0, "\(detached.stderr)")
  }

  @Test func lintReportsAStalePlanInAGitRepository() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    #expect(try TestSupport.mapc(["lint"], in: repo).status == 0)
    let late = try TestSupport.mapc(["lint", "--today", "2026-12-05"], in: repo)
    #expect(late.stdout.contains("warning[MAP190]: no commit has touched this plan for 15 days (last: 2026-11-20 by Priya Natarajan"))
  }
}
