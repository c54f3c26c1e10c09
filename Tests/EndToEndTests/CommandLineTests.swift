import Foundation
import MapcTestSupport
import Testing

/// What every subcommand shares: help exits 0, bad dates say what they take, renamed options
/// say so, and `--today` means a fixed date wherever a command has one.
@Suite struct CommandLineTests {
  static let subcommands = ["lint", "slip", "schedule", "diff", "render", "init", "explain", "rules"]

  @Test(arguments: [["--help"], ["help"], ["-h"]] + subcommands.map { [$0, "--help"] } + subcommands.map { ["help", $0] })
  func helpExitsZero(arguments: [String]) throws {
    let run = try TestSupport.mapc(arguments)
    #expect(run.status == 0, "\(arguments): \(run.stderr)")
    #expect(run.stdout.contains("USAGE:"), "\(arguments)")
    #expect(!run.stderr.contains("CommandError"))
  }

  @Test(arguments: [
    (["lint", "--today", "bad"], "--today takes a calendar date written YYYY-MM-DD, got 'bad'"),
    (["slip", "--since", "13/01/2027"], "--since takes a calendar date written YYYY-MM-DD, got '13/01/2027'"),
    (["render", "x.map.md", "--as-of", "2027-02-30"], "--as-of takes a calendar date written YYYY-MM-DD, got '2027-02-30'"),
    (["render", "x.map.md", "--since", "HEAD~1"], "--since REV is now --base REV"),
  ])
  func badOptionsSayWhatTheyTake(arguments: [String], message: String) throws {
    let run = try TestSupport.mapc(arguments)
    #expect(run.status == 2)
    #expect(run.stderr.contains(message), "\(run.stderr)")
  }

  @Test func renderTakesTodayAsItsAsOfDate() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-cli")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = try TestSupport.read("Examples/midmarket-support-desk.map.md")
    try plan.write(to: dir.appendingPathComponent("plan.map.md"), atomically: true, encoding: .utf8)
    let today = try TestSupport.mapc(["render", "plan.map.md", "--today", "2026-11-23"], in: dir)
    let asOf = try TestSupport.mapc(["render", "plan.map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(today.status == 0, "\(today.stderr)")
    #expect(today.stdout == asOf.stdout)
    #expect(!today.stdout.isEmpty)
  }
}
