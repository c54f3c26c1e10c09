import Foundation
import MapcTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 13 through the binary: forged commit dates, out-of-range configuration numbers, FIFOs
/// and symbolic links given as plans. Each run is killed after a generous limit, so a hang
/// fails the test instead of stalling the suite; before the fixes these trapped (exit on a
/// signal), hung, or printed /etc/passwd.
@Suite struct BoundedWorkCommandTests {
  static let limit = 60.0
  static let plan = "plans/midmarket-support-desk.map.md"

  /// A repository with one ordinary commit of a plan, then a commit that moves a date in it
  /// with the forged author date `when`.
  static func forgedHistory(_ when: String) throws -> (GitFixture, URL) {
    let parent = try TestSupport.temporaryDirectory("mapc-forged")
    let fixture = try GitFixture(parent.appendingPathComponent("repo"))
    let text = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    try fixture.commit(files: [plan: text], message: "Add the plan")
    let moved = text.replacingOccurrences(of: "go_live: 2027-01-25", with: "go_live: 2027-02-25")
    try fixture.write([plan: moved])
    try fixture.rawCommit(messageBytes: Array("Move go-live\n".utf8), when: when)
    return (fixture, parent)
  }

  static let forgedDates = [
    "9223372036854775807 +0100", "99999999999999999 +0000", "253402300800 +0000", "-62135596801 +0000",
    "253402300799 +1400",
  ]

  /// The commands that read the history, and what each does with a forged date: `slip` and
  /// `render` stop with the error; `diff` leaves the slip column out, as for any history it
  /// cannot read; `lint` notes why the stale-plan check is skipped and lints on.
  enum Reaction: Sendable { case error, quietlyWithoutHistory, note }

  static let historyCommands: [([String], Reaction)] = [
    (["slip"], .error), (["slip", "--format", "json"], .error),
    (["render", plan, "--at", "HEAD", "--as-of", "2026-06-01"], .error), (["render", plan, "--as-of", "2026-06-01"], .error),
    (["diff", "HEAD~1", "HEAD"], .quietlyWithoutHistory), (["lint", "--base", "HEAD~1", plan], .note), (["lint", plan], .note),
  ]

  @Test(arguments: forgedDates)
  func forgedAuthorDatesAreAClearErrorNotATrap(when: String) throws {
    let (fixture, parent) = try Self.forgedHistory(when)
    defer { try? FileManager.default.removeItem(at: parent) }
    for (command, reaction) in Self.historyCommands {
      let r = try TestSupport.mapc(command, in: fixture.directory, environment: ["SOURCE_DATE_EPOCH": "1780000000"], timeout: Self.limit)
      let shown = command.joined(separator: " ")
      #expect(!r.timedOut && r.seconds < Self.limit / 2, "\(shown): \(r.seconds) s")
      #expect(!r.signaled, "\(shown) died on a signal: \(r.run.stderr)")
      switch reaction {
      case .error:
        #expect(r.run.status == 2, "\(shown): exit \(r.run.status), \(r.run.stderr)")
        #expect(r.run.stderr.contains("author date"), "\(shown): \(r.run.stderr)")
        #expect(r.run.stderr.contains("years 1 to 9999"), "\(shown): \(r.run.stderr)")
      case .quietlyWithoutHistory:
        #expect(r.run.status == 0, "\(shown): exit \(r.run.status), \(r.run.stderr)")
        #expect(r.run.stdout.contains("go-live: 2027-01-25 → 2027-02-25"), "\(shown): \(r.run.stdout)")
      case .note:
        #expect(r.run.status == 0 || r.run.status == 1, "\(shown): exit \(r.run.status), \(r.run.stderr)")
        #expect(r.run.stderr.contains("stale plans are not checked"), "\(shown): \(r.run.stderr)")
        #expect(r.run.stderr.contains("years 1 to 9999"), "\(shown): \(r.run.stderr)")
      }
    }
  }

  @Test(arguments: ["0 +0000", "253402300799 +0000", "1767603600 -1200", "1767603600 +1400"])
  func datesInRangeAreRead(when: String) throws {
    let (fixture, parent) = try Self.forgedHistory(when)
    defer { try? FileManager.default.removeItem(at: parent) }
    let r = try TestSupport.mapc(["slip", "--format", "json"], in: fixture.directory, timeout: Self.limit)
    #expect(!r.timedOut && !r.signaled)
    #expect(r.run.status == 0, "\(r.run.stderr)")
  }

  // MARK: Row 2

  @Test(arguments: [
    ("thresholds:\n  placeholder_due_days: 1e300\n", "mapc.yml:2:25"),
    ("thresholds:\n  placeholder_due_days: 9223372036854775807\n", "mapc.yml:2:25"),
    ("slip:\n  stale_after_days: 1e300\n", "mapc.yml:2:21"),
    ("slip:\n  stale_after_days: 9223372036854775807\n", "mapc.yml:2:21"),
    ("thresholds:\n  buyer_share: .nan\n", "mapc.yml:2:16"),
  ])
  func configurationNumbersAreRangeChecked(yaml: String, position: String) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try yaml.write(to: directory.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try TestSupport.read("Examples/midmarket-support-desk.map.md").write(
      to: directory.appendingPathComponent("a.map.md"), atomically: true, encoding: .utf8)
    for command in [["lint"], ["lint", "a.map.md"], ["render", "a.map.md", "--as-of", "2026-06-01"]] {
      let r = try TestSupport.mapc(command, in: directory, timeout: Self.limit)
      #expect(!r.timedOut && !r.signaled, "\(command): \(r.run.stderr)")
      #expect(r.run.status == 2, "\(command): \(r.run.status) \(r.run.stderr)")
      #expect(r.run.stderr.contains(position), "\(command): \(r.run.stderr)")
    }
  }

  // MARK: Row 12

  @Test(arguments: [["lint", "x.map.md"], ["lint", "--format", "json", "x.map.md"], ["render", "x.map.md", "--as-of", "2026-06-01"], ["lint"]])
  func aFIFOGivenAsThePlanIsRefusedNotWaitedOn(command: [String]) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try #require(mkfifo(directory.appendingPathComponent("x.map.md").path, 0o644) == 0)
    let r = try TestSupport.mapc(command, in: directory, timeout: 20)
    #expect(!r.timedOut, "\(command) hung on a FIFO")
    #expect(!r.signaled)
    #expect(r.run.status != 0)
    // Given by name or found by the plan globs, it is refused with what it is.
    #expect((r.run.stdout + r.run.stderr).contains("not a regular file (a FIFO)"), "\(r.run.stdout) \(r.run.stderr)")
  }

  /// A FIFO the plan globs match is not left out without a word: it is a finding, and the
  /// plans beside it are linted.
  @Test func aFIFOAmongThePlansIsReportedAndTheOthersLinted() throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try #require(mkfifo(directory.appendingPathComponent("b.map.md").path, 0o644) == 0)
    try "not a plan".write(to: directory.appendingPathComponent("a.map.md"), atomically: true, encoding: .utf8)
    let r = try TestSupport.mapc(["lint"], in: directory, timeout: 20)
    #expect(!r.timedOut)
    #expect(r.run.status == 1, "\(r.run.stdout) \(r.run.stderr)")
    #expect(r.run.stdout.contains("b.map.md: error[MAP001]: cannot read file: not a regular file (a FIFO)"), "\(r.run.stdout)")
    #expect(r.run.stdout.contains("a.map.md:1:1: error["), "\(r.run.stdout)")
    #expect(r.run.stdout.contains("in 2 of 2 files"), "\(r.run.stdout)")
  }

  @Test(arguments: [["lint", "p.map.md"], ["lint", "--format", "json", "p.map.md"], ["lint", "--format", "sarif", "p.map.md"], ["lint"], ["render", "p.map.md", "--as-of", "2026-06-01"]])
  func aSymbolicLinkGivenAsThePlanIsRefusedUnread(command: [String]) throws {
    let directory = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createSymbolicLink(
      atPath: directory.appendingPathComponent("p.map.md").path, withDestinationPath: "/etc/passwd")
    let r = try TestSupport.mapc(command, in: directory, timeout: Self.limit)
    let output = r.run.stdout + r.run.stderr
    #expect(!r.timedOut && !r.signaled)
    #expect(r.run.status != 0)
    #expect(output.contains("is a symbolic link; mapc reads only regular files inside the repository"), "\(output)")
    let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
    for line in passwd.split(separator: "\n").prefix(5) where line.count > 8 {
      #expect(!output.contains(line), "\(command) printed /etc/passwd: \(line)")
    }
    #expect(!output.contains("root:"))
  }
}
