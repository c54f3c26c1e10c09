import Foundation
import MapcTestSupport
import Testing

/// The buyer page explains its slips (issue 14, point 5) and answers the four first-screen
/// questions (point 6), on the scripted history and the examples.
@Suite struct PageWhyTests {
  static let plan = "plans/brightwater/data-platform.map.md"

  /// Each slipped date shows the reason of the move that set it next to its badge: for the
  /// buyer only a `due_reason`, never a `Slip-Reason:` trailer; the internal page shows both.
  @Test func slipBadgesCarryTheirReason() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let buyer = try TestSupport.mapc(["render", Self.plan, "--base", "HEAD~5"], in: repo)
    #expect(buyer.status == 0, "\(buyer.stderr)")
    #expect(
      buyer.stdout.contains(
        #"<span class="slip late" title="Baseline 15 Feb 2027">+14 days since baseline</span><span class="slip-why"> — Brightwater&#39;s year-end change freeze runs to 8 January 2027</span>"#
      ))
    #expect(buyer.stdout.contains(#"<span class="slip-why"> — Brightwater IT needed an extra week to provision sandbox access</span>"#))
    // The security review moved by a commit trailer only: a commit message is not the buyer's to read.
    #expect(!buyer.stdout.contains("questionnaire grew"))
    let internalRun = try TestSupport.mapc(["render", Self.plan, "--base", "HEAD~5", "--audience", "internal"], in: repo)
    #expect(internalRun.status == 0, "\(internalRun.stderr)")
    #expect(internalRun.stdout.contains(#"<span class="slip-why"> — Brightwater&#39;s questionnaire grew from 80 to 240 questions</span>"#))
    // "What changed" gives the reason of a move too.
    #expect(
      buyer.stdout.contains(
        "moved from 15 Feb 2027 to 1 Mar 2027 (+14 days; +14 days since baseline): Brightwater&#39;s year-end change freeze runs to 8 January 2027.</li>"
      ))
  }

  /// "What changed" names its starting point by its commit's date and subject, never by the
  /// revision as typed or a commit id.
  @Test func whatChangedNamesItsStartingPoint() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["render", Self.plan, "--base", "HEAD~5"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("What changed since 6 Nov 2026: Technical validation passed: 9-day close reproduced in 3</h2>"))
    #expect(!run.stdout.contains("since HEAD~5"))
    let id = try TestSupport.run("/usr/bin/env", ["git", "-C", repo.path, "rev-parse", "HEAD~5"]).stdout
      .trimmingCharacters(in: .whitespacesAndNewlines)
    let byID = try TestSupport.mapc(["render", Self.plan, "--base", String(id.prefix(7))], in: repo)
    #expect(byID.status == 0, "\(byID.stderr)")
    #expect(byID.stdout.contains("What changed since 6 Nov 2026: Technical validation passed"))
    #expect(!byID.stdout.contains("What changed since \(id.prefix(7))"))
  }

  /// A buyer's page does not quote the subject of a commit that changed only internal content.
  @Test func buyerSeesNoSubjectOfAnInternalOnlyCommit() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-page-why")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = try GitFixture(dir)
    func plan(note: String, goLive: String, reason: String) -> String {
      """
      ---
      map: 1
      id: acme
      title: Acme rollout
      buyer: Acme
      seller: Northwind
      go_live: \(goLive)
      value: Acme closes its books in 3 days instead of 9 by March 2027.
      stages: [decision]
      internal:
        notes: \(note)
      stakeholders:
        - {id: ana, name: Ana Buyer, side: buyer, role: decision-maker}
        - {id: sam, name: Sam Seller, side: seller, role: account-executive}
      milestones:
        - id: signature
          title: Signature
          stage: decision
          owners: [ana, sam]
          due: \(goLive)
          due_reason: \(reason)
          status: in-progress
      ---
      """
    }
    _ = try fixture.commit(
      files: ["plans/acme.map.md": plan(note: "first", goLive: "2027-01-04", reason: "agreed")], message: "Plan agreed",
      date: "2026-11-02T09:00:00+00:00")
    _ = try fixture.commit(
      files: ["plans/acme.map.md": plan(note: "discount talk", goLive: "2027-01-04", reason: "agreed")],
      message: "Pricing strategy for the CFO call", date: "2026-11-05T09:00:00+00:00")
    _ = try fixture.commit(
      files: ["plans/acme.map.md": plan(note: "discount talk", goLive: "2027-02-01", reason: "signature waits for the security sign-off")],
      message: "Move signature\n\nSlip-Reason: [signature] CFO on holiday", date: "2026-11-09T09:00:00+00:00")
    let since = try TestSupport.mapc(["render", "plans/acme.map.md", "--base", "HEAD~1"], in: dir)
    #expect(since.status == 0, "\(since.stderr)")
    #expect(since.stdout.contains("What changed since 5 Nov 2026</h2>"))
    #expect(!since.stdout.contains("Pricing strategy"))
    #expect(since.stdout.contains("<span class=\"slip-why\"> — signature waits for the security sign-off</span>"))
    #expect(!since.stdout.contains("CFO on holiday"))
    let agreed = try TestSupport.mapc(["render", "plans/acme.map.md", "--base", "HEAD~2"], in: dir)
    #expect(agreed.stdout.contains("What changed since 2 Nov 2026: Plan agreed</h2>"))
    let internalRun = try TestSupport.mapc(["render", "plans/acme.map.md", "--base", "HEAD~1", "--audience", "internal"], in: dir)
    #expect(internalRun.stdout.contains("What changed since 5 Nov 2026: Pricing strategy for the CFO call</h2>"))
  }

  /// The first section answers: the plan's state, go-live and its slip, what is next, when, and
  /// who owns it on both sides.
  @Test func firstSectionAnswersTheFourQuestions() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-11-20"], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let html = run.stdout
    let glance = try #require(html.range(of: #"<section class="glance""#))
    let value = html.range(of: #"<section class="value""#)
    #expect(value.map { glance.lowerBound < $0.lowerBound } ?? true, "the glance comes before the value statement")
    #expect(html.contains(#"<div class="fact" id="glance-state"><p class="label">Plan</p><p class="state at-risk">At risk</p></div>"#))
    #expect(
      html.contains(
        #"<div class="fact" id="glance-go-live"><p class="label">Go-live</p><p class="value"><time datetime="2027-03-01">1 Mar 2027</time></p><span class="slip late" title="Baseline 15 Feb 2027">+14 days since baseline</span></div>"#
      ))
    #expect(
      html.contains(
        #"<p class="due">Due <time datetime="2026-12-09">9 Dec 2026</time> · in 19 days</p><p class="owners"><span class="side buyer">Brightwater Mutual Insurance: Security reviewer (to be named)</span> <span class="side seller">Northwind Analytics: Jo Castellanos</span></p></div></div></section>"#
      ))
    // Later, the security review is overdue (five days: a week would be stalled, an error that
    // stops the render).
    let late = try TestSupport.mapc(["render", Self.plan, "--as-of", "2026-12-14"], in: repo)
    #expect(late.status == 0, "\(late.stderr)")
    #expect(late.stdout.contains(#"<p class="state overdue">"#))
    #expect(late.stdout.contains(" overdue</p></div>"))
  }

  /// Charts that scroll say so, and the trend chart opens at its latest revisions.
  @Test func scrollingChartsShowThatTheyScroll() throws {
    let repo = try SlipCommandTests.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let html = try TestSupport.mapc(["render", Self.plan], in: repo).stdout
    #expect(html.contains(#"<p class="scroll-hint" aria-hidden="true">scroll →</p><div class="scroll-wrap"><div class="scroll" tabindex="0" role="region" aria-label="Timeline">"#))
    #expect(html.contains(#"<div class="scroll-wrap from-end"><div class="scroll from-end" tabindex="0" role="region" aria-label="Milestone trend chart">"#))
    #expect(html.contains(".scroll.from-end{direction:rtl}"))
    #expect(!html.contains("<script"))
  }
}
