import Foundation
import MapcTestSupport
import Testing

/// `mapc schedule PLAN --write shift|alap` through the binary, on
/// `Goldens/schedule-write/input.map.md` (comments, odd quoting, flow and block milestones, a
/// done, a pinned and a cancelled milestone, an existing `due_reason`), with LF and CRLF line
/// ends: the written files, the printed moves and the `--dry-run` diff are golden files.
@Suite struct ScheduleWriteCommandTests {
  static let goldens = "Tests/EndToEndTests/Goldens/schedule-write"
  static let reason = "Acme's board moved go-live a week"
  static let shift = ["--write", "shift", "--go-live", "2027-03-08", "--reason", reason]
  static let alap = ["--write", "alap", "--reason", "Work back from go-live: \"as late as possible\""]

  /// A directory with the input plan as `plan.map.md`, with `ending` line ends.
  static func fixture(ending: String = "\n") throws -> (dir: URL, file: URL, bytes: Data) {
    let dir = try TestSupport.temporaryDirectory("mapc-schedule-write")
    let file = dir.appendingPathComponent("plan.map.md")
    let text = try TestSupport.read("\(goldens)/input.map.md").replacing("\n", with: ending)
    let bytes = Data(text.utf8)
    try bytes.write(to: file)
    return (dir, file, bytes)
  }

  static func schedule(_ arguments: [String], in dir: URL) throws -> TestSupport.Run {
    try TestSupport.mapc(["schedule", "plan.map.md", "--today", "2026-11-23"] + arguments, in: dir)
  }

  @Test(arguments: [("shift", "\n"), ("shift", "\r\n"), ("alap", "\n"), ("alap", "\r\n")])
  func theWrittenPlanAndTheMovesMatchTheGoldenFiles(mode: String, ending: String) throws {
    let (dir, file, _) = try Self.fixture(ending: ending)
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try Self.schedule(mode == "shift" ? Self.shift : Self.alap, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty)
    if let diff = TestSupport.golden("\(Self.goldens)/\(mode).txt", run.stdout) { Issue.record(Comment(rawValue: diff)) }
    let written = try String(decoding: Data(contentsOf: file), as: UTF8.self)
    if ending == "\n" {
      if let diff = TestSupport.golden("\(Self.goldens)/\(mode).map.md", written) { Issue.record(Comment(rawValue: diff)) }
    } else {
      // The CRLF file is the LF golden with CRLF line ends, inserted lines included.
      let golden = try TestSupport.read("\(Self.goldens)/\(mode).map.md")
      #expect(Array(written.utf8) == Array(golden.replacing("\n", with: "\r\n").utf8))
    }
  }

  @Test(arguments: ["\n", "\r\n"])
  func dryRunPrintsTheDiffAndWritesNothing(ending: String) throws {
    let (dir, file, before) = try Self.fixture(ending: ending)
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try Self.schedule(Self.shift + ["--dry-run"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Data(contentsOf: file) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.map.md"])
    if ending == "\n" {
      if let diff = TestSupport.golden("\(Self.goldens)/shift.diff", run.stdout) { Issue.record(Comment(rawValue: diff)) }
    } else {
      // Diff lines carry the file's CR; the diff's own line ends stay LF.
      let golden = try TestSupport.read("\(Self.goldens)/shift.diff")
      let expected = golden.split(separator: "\n", omittingEmptySubsequences: false).map { line in
        line.hasPrefix(" ") || (line.hasPrefix("-") && !line.hasPrefix("---")) || (line.hasPrefix("+") && !line.hasPrefix("+++"))
          ? line + "\r" : line
      }.joined(separator: "\n")
      #expect(Array(run.stdout.utf8) == Array(expected.utf8))
    }
  }

  @Test func theDryRunDiffIsWhatTheWriteDoes() throws {
    // Applying the printed diff with patch(1) gives the written file.
    let (dir, file, _) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let diff = try Self.schedule(Self.alap + ["--dry-run"], in: dir).stdout
    let copy = dir.appendingPathComponent("copy.map.md")
    try FileManager.default.copyItem(at: file, to: copy)
    let patchFile = dir.appendingPathComponent("d.patch")
    try diff.write(to: patchFile, atomically: true, encoding: .utf8)
    let patch = try TestSupport.run("/usr/bin/env", ["patch", "--quiet", copy.path, patchFile.path], in: dir)
    #expect(patch.status == 0, "\(patch.stderr)\(patch.stdout)")
    #expect(try Self.schedule(Self.alap, in: dir).status == 0)
    #expect(try Data(contentsOf: copy) == Data(contentsOf: file))
  }

  @Test(arguments: ["shift", "alap"])
  func theWrittenPlanPassesMAP200InReview(mode: String) throws {
    let dir = try TestSupport.temporaryDirectory("mapc-schedule-write-git")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    let input = try TestSupport.read("\(Self.goldens)/input.map.md")
    try git.commit(files: ["plan.map.md": input], message: "Plan")
    func unexplainedMoves() throws -> [String] {
      let run = try TestSupport.mapc(["lint", "--base", "HEAD", "--today", "2026-11-23", "--format", "json", "plan.map.md"], in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      let findings = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
      return findings.filter { $0["code"] as? String == "MAP200" }.compactMap { $0["message"] as? String }
    }
    // The same dates moved by hand, without a reason, are unexplained: the check can fail.
    let byHand = input.replacing("due: 2027-01-12, status", with: "due: 2027-01-19, status")
    try byHand.write(to: dir.appendingPathComponent("plan.map.md"), atomically: true, encoding: .utf8)
    #expect(try unexplainedMoves().count == 1)
    try git.git(["checkout", "--", "plan.map.md"])

    let run = try Self.schedule(mode == "shift" ? Self.shift : Self.alap, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("kickoff: 2027-01-12 → "))
    #expect(try unexplainedMoves() == [])
  }

  @Test func doneAndPinnedMilestonesNeverMove() throws {
    let (dir, file, _) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    for args in [Self.shift, Self.alap] {
      #expect(try Self.schedule(args, in: dir).status == 0)
    }
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("    due: 2026-11-20\n    status: done\n"))
    #expect(text.contains("due: 2027-01-08, status: not-started, lead: 3, pinned: true"))
    #expect(text.contains("due: 2027-01-20, status: cancelled"))
  }

  // MARK: - Refusals

  static func expectRefused(_ arguments: [String], in dir: URL, file: URL, before: Data, saying needle: String) throws {
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23"] + arguments, in: dir)
    #expect(run.status == 2, "\(arguments)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains(needle), "\(run.stderr)")
    #expect(try Data(contentsOf: file) == before)
  }

  @Test func badOptionCombinationsExitWithTwo() throws {
    let (dir, file, before) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.copyItem(at: file, to: dir.appendingPathComponent("other.map.md"))
    let cases: [([String], String)] = [
      (["--write", "alap", "--reason", "r"], "exactly one PLAN"),
      (["plan.map.md", "other.map.md", "--write", "alap", "--reason", "r"], "exactly one PLAN"),
      (["plan.map.md", "--write", "shift", "--reason", "r"], "--write shift needs --go-live"),
      (["plan.map.md", "--write", "alap", "--go-live", "2027-03-08", "--reason", "r"], "--go-live goes with --write shift"),
      (["plan.map.md", "--write", "alap"], "--write needs --reason"),
      (["plan.map.md", "--write", "alap", "--reason", "  "], "`--reason` is empty"),
      (["plan.map.md", "--reason", "r"], "--reason goes with --write"),
      (["plan.map.md", "--go-live", "2027-03-08"], "--go-live goes with --write shift"),
      (["plan.map.md", "--dry-run"], "--dry-run goes with --write"),
      (["plan.map.md", "--write", "later", "--reason", "r"], "later"),
      (["plan.map.md", "--write", "alap", "--reason", "r", "--format", "json"], "--format does not apply to --write"),
      (["plan.map.md", "--write", "shift", "--go-live", "soon", "--reason", "r"], "soon"),
    ]
    for (arguments, needle) in cases {
      try Self.expectRefused(arguments, in: dir, file: file, before: before, saying: needle)
    }
  }

  @Test func aPlanWithSchemaErrorsIsRefused() throws {
    let (dir, file, _) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = try TestSupport.read("\(Self.goldens)/input.map.md").replacing("    lead: 15\n", with: "    led: 15\n")
    try bad.write(to: file, atomically: true, encoding: .utf8)
    try Self.expectRefused(
      ["plan.map.md"] + Self.alap, in: dir, file: file, before: Data(bad.utf8),
      saying: "plan.map.md:37:5: unknown property `led` in milestone `security-review`")
    let broken = "---\nid: [unclosed\n---\n"
    try broken.write(to: file, atomically: true, encoding: .utf8)
    try Self.expectRefused(["plan.map.md"] + Self.alap, in: dir, file: file, before: Data(broken.utf8), saying: "plan.map.md:")
  }

  @Test func aDependencyCycleIsRefused() throws {
    let (dir, file, _) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let cycle = try TestSupport.read("\(Self.goldens)/input.map.md").replacing(
      "depends_on: [kickoff]", with: "depends_on: [kickoff, roi-review]")
    try cycle.write(to: file, atomically: true, encoding: .utf8)
    try Self.expectRefused(
      ["plan.map.md"] + Self.shift, in: dir, file: file, before: Data(cycle.utf8),
      saying: "plan.map.md: dependency cycle: go-live → roi-review → go-live")
  }

  @Test func onlyARegularFileIsWritten() throws {
    let (dir, file, before) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let link = dir.appendingPathComponent("link.map.md")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
    let run = try TestSupport.mapc(["schedule", "--today", "2026-11-23", "link.map.md"] + Self.alap, in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("is a symbolic link"), "\(run.stderr)")
    #expect(try Data(contentsOf: file) == before)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == file.path)
  }

  @Test func theWriteKeepsTheFilesPermissions() throws {
    let (dir, file, _) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: file.path)
    #expect(try Self.schedule(Self.alap, in: dir).status == 0)
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o640)
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plan.map.md"])
  }

  @Test func aShiftToGoLiveItselfWritesNothing() throws {
    let (dir, file, before) = try Self.fixture()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try Self.schedule(["--write", "shift", "--go-live", "2027-03-01", "--reason", "r"], in: dir)
    #expect(run.status == 0)
    #expect(run.stdout == "plan.map.md: no date moves\n")
    #expect(try Data(contentsOf: file) == before)
  }
}
