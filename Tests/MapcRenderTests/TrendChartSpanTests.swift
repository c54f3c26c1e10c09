import MapcModel
import MapcTestSupport
import Testing

@testable import MapcRender

/// Issue 13, row 3: the trend chart's month ticks cost as much as the ticks drawn, not as the
/// months spanned (a commit dated in the year 3 billion made the walk take minutes).
@Suite struct TrendChartSpanTests {
  @Test(arguments: [
    (1, 100_000_000), (1, 9999), (2026, 2026), (2026, 2027), (-50_000_000, 50_000_000),
  ])
  func monthTicksAreBoundedByTheLines(fromYear: Int, toYear: Int) throws {
    let from = try #require(CalendarDate(year: fromYear, month: 3, day: 14))
    let to = try #require(CalendarDate(year: toYear, month: 11, day: 2))
    var ticks: [CalendarDate] = []
    let seconds = TestSupport.seconds { ticks = TrendChart.monthStarts(from: from, to: to, maxLines: 10) }
    #expect(seconds < 2)
    #expect(ticks.count <= 10)
    #expect(ticks.allSatisfy { $0 >= from && $0 <= to && $0.day == 1 })
    #expect(ticks == ticks.sorted())
  }

  /// The ticks a short span had before the change.
  @Test func shortSpansKeepTheirTicks() throws {
    let from = try #require(CalendarDate("2026-01-15"))
    let to = try #require(CalendarDate("2026-07-02"))
    #expect(TrendChart.monthStarts(from: from, to: to, maxLines: 10).map(\.description) == [
      "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01", "2026-07-01",
    ])
    let long = try #require(CalendarDate("2030-12-31"))
    #expect(TrendChart.monthStarts(from: from, to: long, maxLines: 10).map(\.description) == [
      "2026-07-01", "2027-01-01", "2027-07-01", "2028-01-01", "2028-07-01", "2029-01-01", "2029-07-01", "2030-01-01",
      "2030-07-01",
    ])
  }
}
