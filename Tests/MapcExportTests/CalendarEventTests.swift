import MapcExport
import MapcModel
import MapcPortfolio
import Testing

/// Calendar events from plans without git: what becomes an event, what does not, and how
/// hostile text is written.
@Suite struct CalendarEventTests {
  static func plan(_ text: String) throws -> ExportPlan {
    let document = PlanDocument(text: text)
    let plan = try #require(document.plan)
    let frontmatter = try #require(document.frontmatter)
    let status = PortfolioAnalysis.status(
      plan: plan, path: "p.map.md", repositoryPath: "p.map.md", slip: nil, activity: PlanActivity(),
      options: PortfolioOptions(today: CalendarDate("2026-12-01")!))
    return ExportPlan(plan: plan, frontmatter: frontmatter, path: "p.map.md", slip: nil, status: status)
  }

  static let text = """
    ---
    map: 1
    id: hostile
    title: "Plan; with, commas\\\\ and\\nbreaks"
    go_live: 9999-12-31
    value_date: 2027-06-01
    constraints:
      - { kind: blackout, what: Freeze, from: 2027-01-10, to: 2027-01-05 }
      - { kind: blackout, what: Freeze, from: 2027-02-01, to: 2027-02-03 }
      - { kind: budget, what: Budget, date: 2027-03-01 }
    milestones:
      - { id: a, title: "Line one\\r\\nline two \\u0007 bell", due: 2027-01-01, status: in-progress }
      - { id: b, title: B, due: 2027-01-02, status: done, done_on: 2026-12-30 }
      - { id: c, title: C, due: 2027-01-03, status: cancelled }
      - { id: d, title: D }
      - { id: a, title: Repeated id, due: 2027-01-04 }
    ---
    """

  @Test func eventsSkipWhatTheyMustAndKeepUIDsUnique() throws {
    let plan = try Self.plan(Self.text)
    let options = CalendarOptions(audience: .buyer, fallbackStamp: 1_764_547_200)
    let events = try CalendarEvents.events(of: plan, options: options)
    let summaries = events.map(\.summary)
    // a (open), value date, two blackouts; not b (done), c (cancelled), d (no date), the
    // repeated a, the go-live in 9999-12-31 (its DTEND would need a five-digit year), the budget.
    #expect(events.count == 4, "\(summaries)")
    #expect(Set(events.map(\.uid)).count == events.count)
    let blackouts = events.filter { $0.categories == ["blackout"] }
    #expect(blackouts.count == 2)
    // A period written backwards is one day long, not negative.
    #expect(blackouts[0].start == CalendarDate("2027-01-10") && blackouts[0].end == CalendarDate("2027-01-11"))
    #expect(blackouts[1].end == CalendarDate("2027-02-04"))
    let withDone = try CalendarEvents.events(of: plan, options: CalendarOptions(audience: .buyer, includeDone: true, fallbackStamp: 0))
    let b = try #require(withDone.first { $0.summary.hasPrefix("B ") })
    #expect(b.start == CalendarDate("2026-12-30"))
    #expect(!withDone.contains { $0.summary.hasPrefix("C ") })
  }

  @Test func hostileTextIsEscapedFoldedAndReadsBackWhole() throws {
    let plan = try Self.plan(Self.text)
    let feed = CalendarFeed(name: "N", events: try CalendarEvents.events(of: plan, options: CalendarOptions(audience: .buyer, fallbackStamp: 0)))
    let ics = feed.render()
    #expect(!ics.contains("\u{7}"))
    // No bare CR or LF: every line break is a CRLF.
    let scalars = Array(ics.unicodeScalars)
    for (i, u) in scalars.enumerated() where u == "\n" { #expect(i > 0 && scalars[i - 1] == "\r") }
    for (i, u) in scalars.enumerated() where u == "\r" { #expect(i + 1 < scalars.count && scalars[i + 1] == "\n") }
    #expect(ics.contains("SUMMARY:Line one\\nline two  bell — Plan\\; with\\, commas\\\\ and\\nbreaks"))
    #expect(ICSWriter.unfoldedText(ics).contains("Line one\nline two  bell — Plan; with, commas\\ and\nbreaks"))
  }

  @Test func withoutACommitOrADateThereIsNoStamp() throws {
    let plan = try Self.plan(Self.text)
    #expect(throws: CalendarEvents.MissingStamp.self) { try CalendarEvents.events(of: plan, options: CalendarOptions(audience: .buyer)) }
  }
}
