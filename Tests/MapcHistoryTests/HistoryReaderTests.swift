import Foundation
import MapcGit
import MapcHistory
import MapcModel
import MapcTestSupport
import Testing

@Suite struct HistoryReaderTests {
  static func fixture() throws -> GitFixture {
    try GitFixture(TestSupport.temporaryDirectory("mapc-history").appendingPathComponent("repo"))
  }

  static func cleanup(_ fixture: GitFixture) {
    try? FileManager.default.removeItem(at: fixture.directory.deletingLastPathComponent())
  }

  /// A small plan with one milestone due on `due`.
  static func plan(id: String = "acme", due: String, goLive: String = "2026-06-01") -> String {
    """
    ---
    map: 1
    id: \(id)
    title: Acme rollout
    go_live: \(goLive)
    milestones:
      - id: kickoff
        title: Kickoff
        due: \(due)
    ---
    ## Why now

    Because.

    """
  }

  static func due(_ snapshot: PlanSnapshot?) -> String? {
    snapshot?.plan?.milestone("kickoff")?.due?.description
  }

  @Test func stepsFollowFirstParentHistoryAndSkipOtherCommits() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c1 = try f.commit(
      files: ["plans/acme.map.md": Self.plan(due: "2026-02-01")], message: "Add Acme plan",
      date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["README.md": "hello\n"], message: "Docs only", date: "2026-01-02T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "-b", "topic"])
    try f.commit(
      files: ["plans/acme.map.md": Self.plan(due: "2026-02-10")], message: "Inner 1", author: .buyer,
      date: "2026-01-03T10:00:00+00:00")
    try f.commit(
      files: ["plans/acme.map.md": Self.plan(due: "2026-02-15")], message: "Inner 2", author: .buyer,
      date: "2026-01-04T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "main"])
    try f.git(
      ["merge", "--quiet", "--no-ff", "-m", "Merge topic\n\nSlip-Reason: legal review moved", "topic"], date: "2026-01-05T10:00:00+00:00")
    let merge = try f.head()

    let reader = try HistoryReader(discoveringFrom: f.directory.path)
    let history = try reader.read()
    #expect(history.commitsScanned == 3)
    #expect(history.steps.count == 2)
    #expect(history.blobsParsed == 2)
    #expect(history.steps.map(\.revision.commit) == [c1, merge])
    #expect(history.steps.map { Self.due($0.changed.first) } == ["2026-02-01", "2026-02-15"])
    #expect(history.steps[0].revision.subject == "Add Acme plan")
    #expect(history.steps[0].revision.authorName == "Sam Seller")
    #expect(history.steps[0].revision.time == 1_767_261_600)
    #expect(history.steps[1].revision.subject == "Merge topic")
    #expect(history.steps[1].revision.slipReason == "legal review moved")
    #expect(history.steps[0].changed.first?.path == "plans/acme.map.md")
    #expect(history.steps[0].changed.first?.plan?.id == "acme")
    #expect(history.steps[0].changed.first?.frontmatter == nil, "frontmatter JSON is kept only on request")
    let kept = try reader.read(keepFrontmatter: true)
    #expect(kept.steps[0].changed.first?.frontmatter?["id"]?.stringValue == "acme")
    #expect(history.head?.commit == merge)
    // Clean working tree: no extra step.
    #expect(try reader.history().count == 2)
  }

  @Test func historyAtAPastRevision() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "One", date: "2026-01-01T10:00:00+00:00")
    try f.git(["tag", "v1"])
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-09")], message: "Two", date: "2026-01-02T10:00:00+00:00")
    // An uncommitted edit is not part of a past revision's history.
    try f.write(["a.map.md": Self.plan(due: "2026-03-01")])
    let reader = try HistoryReader(discoveringFrom: f.directory.path)
    let past = try reader.history(at: "v1")
    #expect(past.count == 1)
    #expect(Self.due(past[0].changed.first) == "2026-02-01")
    #expect(try reader.history(includeWorkingTree: false).count == 2)
    #expect(try reader.history().count == 3)
  }

  @Test func renameIsRemovalAndAddition() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["plans/old.map.md": Self.plan(due: "2026-02-01")], message: "Add", date: "2026-01-01T10:00:00+00:00")
    try f.git(["mv", "plans/old.map.md", "plans/new.map.md"])
    try f.commit(message: "Move", date: "2026-01-02T10:00:00+00:00")
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history()
    #expect(steps.count == 2)
    #expect(steps[1].removed == ["plans/old.map.md"])
    #expect(steps[1].changed.map(\.path) == ["plans/new.map.md"])
    #expect(steps[1].changed.first?.plan?.id == "acme")
  }

  @Test func deletedAndReaddedFile() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "Add", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.map.md": nil], message: "Delete", date: "2026-01-02T10:00:00+00:00")
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-20")], message: "Re-add", date: "2026-01-03T10:00:00+00:00")
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history()
    #expect(steps.count == 3)
    #expect(steps[1].removed == ["a.map.md"] && steps[1].changed.isEmpty)
    #expect(steps[2].removed.isEmpty && Self.due(steps[2].changed.first) == "2026-02-20")
  }

  @Test func unparseablePlanAtOneCommitHasNoPlan() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "Add", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.map.md": "---\nid: [unclosed\n---\n"], message: "Break YAML", date: "2026-01-02T10:00:00+00:00")
    try f.commit(files: ["a.map.md": "no frontmatter\n"], message: "Drop fences", date: "2026-01-03T10:00:00+00:00")
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-03")], message: "Fix", date: "2026-01-04T10:00:00+00:00")
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history()
    #expect(steps.count == 4)
    #expect(steps.map { $0.changed.first?.plan == nil } == [false, true, true, false])
    #expect(steps[1].changed.first?.frontmatter == nil)
    #expect(Self.due(steps[3].changed.first) == "2026-02-03")
  }

  @Test func sameContentIsParsedOnce() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let a = Self.plan(due: "2026-02-01")
    let b = Self.plan(due: "2026-02-05")
    try f.commit(files: ["a.map.md": a], message: "1", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.map.md": b], message: "2", date: "2026-01-02T10:00:00+00:00")
    try f.commit(files: ["a.map.md": a, "copy.map.md": b], message: "3", date: "2026-01-03T10:00:00+00:00")
    let history = try HistoryReader(discoveringFrom: f.directory.path).read()
    #expect(history.steps.count == 3)
    #expect(history.blobsParsed == 2)
    #expect(history.steps[2].changed.map(\.path) == ["a.map.md", "copy.map.md"])
  }

  @Test func isPlanSelectsFiles() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(
      files: ["plans/a.map.md": Self.plan(due: "2026-02-01"), "other/b.map.md": Self.plan(id: "b", due: "2026-02-01")],
      message: "Add", date: "2026-01-01T10:00:00+00:00")
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history { $0.hasPrefix("plans/") }
    #expect(steps.flatMap { $0.changed.map(\.path) } == ["plans/a.map.md"])
  }

  @Test func workingTreeStepForUncommittedEdits() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(
      files: ["a.map.md": Self.plan(due: "2026-02-01"), "gone.map.md": Self.plan(id: "gone", due: "2026-02-01")],
      message: "Add", date: "2026-01-01T10:00:00+00:00")
    let reader = try HistoryReader(discoveringFrom: f.directory.path)
    #expect(try reader.history().count == 1)

    try f.write(["notes.txt": "not a plan\n"])
    #expect(try reader.history().count == 1)

    try f.write([
      "a.map.md": Self.plan(due: "2026-02-12"), "gone.map.md": nil, "plans/new.map.md": Self.plan(id: "new", due: "2026-04-01"),
    ])
    let fixed = try reader.read(workingTreeTime: .fixed(1_800_000_000))
    #expect(fixed.steps.count == 2)
    let last = try #require(fixed.steps.last)
    #expect(last.revision.isWorkingTree)
    #expect(last.revision.authorName == "(working tree)")
    #expect(last.revision.time == 1_800_000_000)
    #expect(last.changed.map(\.path) == ["a.map.md", "plans/new.map.md"])
    #expect(Self.due(last.changed.first) == "2026-02-12")
    #expect(last.removed == ["gone.map.md"])

    let atHead = try reader.read(workingTreeTime: .headCommit)
    #expect(atHead.steps.last?.revision.time == 1_767_261_600)

    // Default: the newest modification time of the changed files.
    let url = f.directory.appendingPathComponent("plans/new.map.md")
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_790_000_000)], ofItemAtPath: url.path)
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSince1970: 1_780_000_000)],
      ofItemAtPath: f.directory.appendingPathComponent("a.map.md").path)
    #expect(try reader.read().steps.last?.revision.time == 1_790_000_000)

    #expect(try reader.history(includeWorkingTree: false).count == 1)
  }

  @Test func shallowCloneIsRefused() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "1", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-02")], message: "2", date: "2026-01-02T10:00:00+00:00")
    let clone = f.directory.deletingLastPathComponent().appendingPathComponent("clone")
    try f.git(["clone", "--quiet", "--depth", "1", "file://" + f.directory.path, clone.path])
    let reader = try HistoryReader(discoveringFrom: clone.path)
    do {
      _ = try reader.history()
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .shallow)
      #expect(error.message.contains("fetch-depth: 0"))
      #expect(error.message.contains("git fetch --unshallow"))
    }
  }

  @Test func emptyRepositoryIsReported() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let reader = try HistoryReader(discoveringFrom: f.directory.path)
    do {
      _ = try reader.history()
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .emptyRepository)
      #expect(error.message.contains("no commits yet"))
    }
  }

  @Test func notARepositoryIsReported() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-history-none")
    defer { try? FileManager.default.removeItem(at: dir) }
    do {
      _ = try HistoryReader(discoveringFrom: dir.path)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .notARepository)
    }
  }

  @Test func detachedHeadIsAnalysed() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c1 = try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "1", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-02")], message: "2", date: "2026-01-02T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "--detach", c1])
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history()
    #expect(steps.map(\.revision.commit) == [c1])
  }

  @Test func nonUTF8MessagesAreDecodedLeniently() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.write(["a.map.md": Self.plan(due: "2026-02-01")])
    try f.commit(
      messageBytes: Array("Add plan caf".utf8) + [0xE9, 0x0A], date: "2026-01-01T10:00:00+00:00",
      options: ["-c", "i18n.commitEncoding=latin1"])
    // A commit object whose message is not valid UTF-8 and declares no encoding.
    try f.write(["a.map.md": Self.plan(due: "2026-02-09")])
    try f.rawCommit(messageBytes: Array("Slip caf".utf8) + [0xE9, 0x0A, 0x0A] + Array("Slip-Reason: d".utf8) + [0xE9, 0x0A])
    let steps = try HistoryReader(discoveringFrom: f.directory.path).history(includeWorkingTree: false)
    try #require(steps.count == 2)
    #expect(steps[0].revision.subject == "Add plan caf\u{E9}")
    #expect(steps[1].revision.subject == "Slip caf\u{FFFD}")
    #expect(steps[1].revision.slipReason == "d\u{FFFD}")
  }

  @Test func corruptObjectIsATypedError() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.map.md": Self.plan(due: "2026-02-01")], message: "1", date: "2026-01-01T10:00:00+00:00")
    let blob = try f.git(["rev-parse", "HEAD:a.map.md"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let path = f.directory.appendingPathComponent(".git/objects/\(blob.prefix(2))/\(blob.dropFirst(2))").path
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    try Data([0x78, 0x01, 0xFF, 0x00, 0x13, 0x37]).write(to: URL(fileURLWithPath: path))
    do {
      _ = try HistoryReader(discoveringFrom: f.directory.path).history()
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .corrupt || error.kind == .notFound, "\(error)")
    }
  }
}

/// The walk over a long history runs on all cores; it must read exactly what one thread reads.
@Suite struct ParallelWalkTests {
  @Test func parallelWalkEqualsTheSequentialOne() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-walk")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = dir.appendingPathComponent("repo")
    let gen = try TestSupport.run(
      "/usr/bin/env", ["python3", "Benchmarks/gen_history.py", repo.path, "--commits", "4200", "--plans", "60"])
    try #require(gen.status == 0, "\(gen.stderr)")
    let reader = try HistoryReader(discoveringFrom: repo.path)
    let parallel = try reader.read(includeWorkingTree: false)
    let sequential = try reader.read(includeWorkingTree: false, parallel: false)
    #expect(parallel.steps.count == sequential.steps.count)
    #expect(parallel.steps.map(\.revision) == sequential.steps.map(\.revision))
    #expect(parallel.steps.map { $0.changed.map(\.path) } == sequential.steps.map { $0.changed.map(\.path) })
    #expect(parallel.steps.map { $0.changed.map { $0.plan?.milestones.map(\.due) } } == sequential.steps.map { $0.changed.map { $0.plan?.milestones.map(\.due) } })
    #expect(parallel.steps.count > 4000)
    #expect(parallel.blobsParsed == sequential.blobsParsed)

    // Streamed through the analysis (in batches, each blob dropped after its last use), the
    // report is the one computed over the steps held in memory.
    let options = SlipOptions(today: CalendarDate(daysSince1970: 20_800))
    let walked = try reader.walk(includeWorkingTree: false)
    var analyzer = SlipAnalyzer(revisions: walked.revisions, options: options)
    let parsed = try reader.forEachStep(of: walked) { analyzer.apply($0) }
    #expect(parsed == walked.distinctBlobs)
    #expect(walked.revisions == sequential.steps.map(\.revision))
    let streamed = SlipJSONRenderer().render(analyzer.report())
    #expect(streamed == SlipJSONRenderer().render(SlipAnalysis.analyze(sequential.steps, options: options)))

    // Following files by path: on two threads (commits read on one, trees looked up on the
    // other, then from both ends) as on one.
    let files: Set<String> = ["plans/plan-0007.map.md", "plans/plan-0042.map.md"]
    let followedInParallel = try reader.read(onlyPaths: files, parallel: true)
    let followedInSequence = try reader.read(onlyPaths: files, parallel: false)
    #expect(followedInParallel.steps.map(\.revision) == followedInSequence.steps.map(\.revision))
    #expect(followedInParallel.steps.map { $0.changed.map(\.path) } == followedInSequence.steps.map { $0.changed.map(\.path) })
    let expected = sequential.steps.compactMap { step -> [String]? in
      let paths = step.changed.map(\.path).filter(files.contains) + step.removed.filter(files.contains)
      return paths.isEmpty ? nil : paths.sorted()
    }
    #expect(followedInSequence.steps.map { ($0.changed.map(\.path) + $0.removed).sorted() }.filter { !$0.isEmpty } == expected)
  }
}
