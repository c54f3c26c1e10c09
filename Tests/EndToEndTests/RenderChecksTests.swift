import Foundation
import MapcTestSupport
import Testing

/// `mapc render` runs the plan's checks first: a plan with an error is not drawn (a typo in an
/// owner would reach the buyer as raw text), warnings are printed beside a written page.
@Suite struct RenderChecksTests {
  static let plan = "midmarket-support-desk.map.md"

  /// The examples with the owner `lauren` of the first milestone misspelt `lenna`.
  static func typoCopy() throws -> URL {
    let dir = try RenderCommandTests.examplesCopy()
    let url = dir.appendingPathComponent(plan)
    let text = try RenderCommandTests.read(url)
    let broken = text.replacingOccurrences(of: "owners: [lauren, mia]", with: "owners: [lenna, mia]")
    try #require(broken != text)
    try broken.write(to: url, atomically: true, encoding: .utf8)
    return dir
  }

  @Test func aPlanWithAnErrorIsNotRenderedAndNothingIsWritten() throws {
    let dir = try Self.typoCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 1)
    #expect(run.stdout.isEmpty, "no page on standard output")
    #expect(run.stderr.contains("\(Self.plan):98:14: error[MAP101]: milestone `discovery-call` is owned by `lenna`, who is not a declared stakeholder"), "\(run.stderr)")
    #expect(run.stderr.contains("98 |     owners: [lenna, mia]"))
    #expect(run.stderr.contains("\(Self.plan): error: the plan has 3 errors, so it is not rendered"))
    #expect(run.stderr.contains("help: fix what `mapc lint \(Self.plan)` reports, then render again"))

    // An existing snapshot is left as it was, and no new file appears.
    let existing = dir.appendingPathComponent("snapshot.html")
    try "the snapshot sent last week".write(to: existing, atomically: true, encoding: .utf8)
    let over = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-11-23", "-o", "snapshot.html"], in: dir)
    #expect(over.status == 1)
    #expect(try RenderCommandTests.read(existing) == "the snapshot sent last week")
    let fresh = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-11-23", "-o", "new.html"], in: dir)
    #expect(fresh.status == 1)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("new.html").path))
  }

  /// The selling team's own page is where a broken plan is looked at: drawn, errors said.
  @Test func anInternalSnapshotIsDrawnWithItsErrorsReported() throws {
    let dir = try Self.typoCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["render", Self.plan, "--audience", "internal", "--as-of", "2026-11-23", "-o", "team.html"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("error[MAP101]"), "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "\(Self.plan): note: the plan has 3 errors; it is rendered for the internal audience, a buyer snapshot would not be"))
    #expect(try RenderCommandTests.read(dir.appendingPathComponent("team.html")).contains("lenna"))
  }

  @Test func warningsArePrintedAndThePageIsWritten() throws {
    let dir = try RenderCommandTests.examplesCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    // Three days after the security check was due: overdue (a warning), not yet stalled.
    let run = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-12-07", "-o", "page.html"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("\(Self.plan):143:10: warning[MAP123]: milestone `security-check` is overdue: due 3 days ago (2026-12-04)"), "\(run.stderr)")
    #expect(!run.stderr.contains("note["), "notes stay with `mapc lint`")
    #expect(try RenderCommandTests.read(dir.appendingPathComponent("page.html")).hasPrefix("<!DOCTYPE html>"))
  }

  @Test func renderAllDrawsTheOtherPlansAndExitsOne() throws {
    let dir = try Self.typoCopy()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["render", "--all", "-o", "out", "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 1)
    #expect(run.stderr.contains("error[MAP101]"), "\(run.stderr)")
    let written = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path).sorted()
    #expect(written == ["brightwater-data-platform.html", "harrow-vane-onboarding.html", "index.html"])
  }

  /// A revision is checked as the working tree is: `--at HEAD` is no way round the check. The
  /// team's own page of a past revision is drawn, its errors said.
  @Test func aRevisionGetsNoBuyerPageWithErrorsAndTheTeamsPageSaysThem() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let buyer = try TestSupport.mapc(["render", "plans/brightwater.map.md", "--at", "HEAD~5"], in: repo)
    #expect(buyer.status == 1, "\(buyer.stderr)")
    #expect(buyer.stdout.isEmpty)
    #expect(buyer.stderr.contains("HEAD~5:plans/brightwater.map.md:307:10: error[MAP111]"), "\(buyer.stderr)")
    #expect(buyer.stderr.contains("HEAD~5:plans/brightwater.map.md: error: the plan has an error, so it is not rendered"))
    let run = try TestSupport.mapc(["render", "plans/brightwater.map.md", "--at", "HEAD~5", "--audience", "internal"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.contains("HEAD~5:plans/brightwater.map.md:307:10: error[MAP111]"), "\(run.stderr)")
    #expect(
      run.stderr.contains(
        "HEAD~5:plans/brightwater.map.md: note: the plan has an error; it is rendered for the internal audience, a buyer snapshot would not be"))
    #expect(run.stdout.contains("Two reference calls with insurance finance teams"))
  }
}
