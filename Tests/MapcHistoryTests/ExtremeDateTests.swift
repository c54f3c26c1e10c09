import Foundation
import MapcGit
import MapcHistory
import MapcModel
import MapcTestSupport
import Testing

/// Issue 13, rows 1 and 3: author dates at the extremes. Before the fix, `Revision.date`
/// trapped on an overflow (`9223372036854775807 +0100`) and a date in the year 3 billion made
/// the trend chart walk billions of months.
@Suite struct ExtremeDateTests {
  static let extremes: [(Int64, Int)] = [
    (Int64.max, 60), (Int64.max, 0), (Int64.min, -60), (Int64.min, 0), (99_999_999_999_999_999, 0),
    (0, Int.max), (0, Int.min), (Int64.max, Int.max), (Int64.min, Int.min), (-62_135_596_801, 0),
  ]

  @Test(arguments: extremes)
  func revisionDatesNeverTrap(time: Int64, offset: Int) {
    let revision = Revision(
      commit: "c", authorName: "a", authorEmail: "e", time: time, timeOffsetMinutes: offset, subject: "s", slipReason: nil)
    let date = revision.date
    // Outside the supported range the date is pinned to its nearest end.
    #expect((1...9999).contains(date.year), "\(date)")
  }

  @Test(arguments: [
    (Int64(0), 0, "1970-01-01") as (Int64, Int, String), (Int64(-1), 0, "1969-12-31"), (Int64(86_399), 60, "1970-01-02"),
    (Int64(253_402_300_799), 0, "9999-12-31"), (Int64(-62_135_596_800), 0, "0001-01-01"),
  ])
  func revisionDatesInRange(time: Int64, offset: Int, expected: String) {
    let revision = Revision(
      commit: "c", authorName: "a", authorEmail: "e", time: time, timeOffsetMinutes: offset, subject: "s", slipReason: nil)
    #expect(revision.date.description == expected)
  }

  static let plan = """
    ---
    map: 1
    id: acme
    title: Acme rollout
    go_live: 2026-06-01
    milestones:
      - id: kickoff
        title: Kickoff
        due: DUE
    ---
    ## Why now

    """

  /// Forged (`git hash-object --literally`) and out-of-range author dates; git fsck accepts
  /// the second. (libgit2 reads an offset beyond ±14:00, such as `+9959`, as `+0000`.)
  static let forged = [
    "9223372036854775807 +0100", "99999999999999999 +0000", "253402300800 +0000", "-62135596801 +0000",
    "253402300799 +1400", "-62135596800 -0100",
  ]

  @Test(arguments: forged)
  func historyWithAForgedDateIsAClearError(when: String) throws {
    let fixture = try GitFixture(TestSupport.temporaryDirectory("mapc-forged").appendingPathComponent("repo"))
    defer { try? FileManager.default.removeItem(at: fixture.directory.deletingLastPathComponent()) }
    try fixture.commit(files: ["a.map.md": Self.plan.replacingOccurrences(of: "DUE", with: "2026-03-01")], message: "Add")
    try fixture.write(["a.map.md": Self.plan.replacingOccurrences(of: "DUE", with: "2026-04-01")])
    let forged = try fixture.rawCommit(messageBytes: Array("Move kickoff\n".utf8), when: when)
    let reader = try HistoryReader(discoveringFrom: fixture.directory.path)
    let seconds = try TestSupport.seconds {
      for parallel in [false, true] {
        #expect {
          _ = try reader.read(parallel: parallel)
        } throws: { error in
          let message = (error as? GitError)?.message ?? "\(error)"
          return message.contains(forged) && message.contains("author date") && message.contains("years 1 to 9999")
        }
      }
      #expect(throws: GitError.self) { _ = try reader.read(following: ["a.map.md"]) }
      #expect(throws: GitError.self) {
        _ = try LastChanges.find(["a.map.md"], in: try Repository.discover(from: fixture.directory.path))
      }
    }
    #expect(seconds < 10)
  }
}
