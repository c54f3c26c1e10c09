import MapcModel

/// The milestone trend chart: for each revision (across), the date then forecast (up) for
/// go-live and a few key milestones. A flat line is a date that held; a line climbing is a
/// date that slipped. The dashed diagonal is where forecast = revision date.
struct TrendChart {
  var series: [PlanTrend.Series]
  var revisions: [CalendarDate]

  static let width = 960.0
  static let height = 340.0
  static let left = 96.0
  static let right = 24.0
  static let top = 16.0
  static let bottom = 40.0
  /// Line styles, so that series differ in more than colour.
  static let dashes = ["", "6 4", "2 3", "10 3 2 3", "1 5"]

  /// Go-live and the milestones with the most slip (up to four), else the next open ones.
  init?(trend: PlanTrend, keyMilestones: [String]) {
    guard trend.isChartable else { return nil }
    let goLive = trend.series.filter { $0.id == "go-live" }
    // A milestone that tracks go-live exactly (the go-live milestone itself) would hide under its line.
    let forecasts = goLive.first.map { $0.points.map(\.forecast) }
    let milestones = keyMilestones.compactMap { id in
      trend.series.first { $0.id == id && $0.id != "go-live" && $0.points.map(\.forecast) != forecasts }
    }
    let picked = goLive + milestones
    guard !picked.isEmpty else { return nil }
    series = Array(picked.prefix(Self.dashes.count))
    revisions = trend.revisions
  }

  var html: HTML {
    guard let firstRevision = revisions.first, let lastRevision = revisions.last else { return .empty }
    let forecasts = series.flatMap { $0.points.map(\.forecast) }
    guard let low = forecasts.min(), let high = forecasts.max() else { return .empty }
    let yFirst = low.adding(days: -7)
    let yLast = high.adding(days: 7)
    let xSpan = Double(max(1, firstRevision.days(until: lastRevision)))
    let ySpan = Double(max(1, yFirst.days(until: yLast)))
    let plotWidth = Self.width - Self.left - Self.right
    let plotHeight = Self.height - Self.top - Self.bottom
    func x(_ d: CalendarDate) -> Double { Self.left + Double(firstRevision.days(until: d)) / xSpan * plotWidth }
    func y(_ d: CalendarDate) -> Double { Self.top + plotHeight - Double(yFirst.days(until: d)) / ySpan * plotHeight }

    var svg: HTML = "<rect class=\"plot\" x=\"\(Self.left)\" y=\"\(Self.top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\"/>"
    // Horizontal gridlines at month starts (forecast axis).
    for d in Self.monthStarts(from: yFirst, to: yLast, maxLines: 10) {
      svg += "<line class=\"grid\" x1=\"\(Self.left)\" y1=\"\(y(d))\" x2=\"\(Self.width - Self.right)\" y2=\"\(y(d))\"/>"
      svg += "<text class=\"tick\" x=\"\(Self.left - 8)\" y=\"\(y(d) + 4)\" text-anchor=\"end\">\(Words.months[d.month - 1]) \(d.year)</text>"
    }
    // Vertical ticks at month starts (revision axis).
    for d in Self.monthStarts(from: firstRevision, to: lastRevision, maxLines: 10) {
      svg += "<line class=\"grid\" x1=\"\(x(d))\" y1=\"\(Self.top)\" x2=\"\(x(d))\" y2=\"\(Self.top + plotHeight)\"/>"
      svg += "<text class=\"tick\" x=\"\(x(d))\" y=\"\(Self.height - 20)\" text-anchor=\"middle\">\(Words.months[d.month - 1]) \(d.year)</text>"
    }
    svg += "<text class=\"axis\" x=\"\(Self.left + plotWidth / 2)\" y=\"\(Self.height - 4)\" text-anchor=\"middle\">Date of the plan revision</text>"
    // The diagonal forecast = revision date, where it crosses the plot.
    let dFrom = max(firstRevision, yFirst)
    let dTo = min(lastRevision, yLast)
    if dFrom < dTo {
      svg += "<line class=\"diagonal\" x1=\"\(x(dFrom))\" y1=\"\(y(dFrom))\" x2=\"\(x(dTo))\" y2=\"\(y(dTo))\"/>"
    }
    var legend: [HTML] = []
    for (i, s) in series.enumerated() {
      let dash = Self.dashes[i]
      var d = ""
      for (j, p) in s.points.enumerated() {
        // Steps: a forecast holds until the next revision changes it.
        if j == 0 {
          d += "M\(HTML.format(x(p.revision))) \(HTML.format(y(p.forecast)))"
        } else {
          d += "H\(HTML.format(x(p.revision)))V\(HTML.format(y(p.forecast)))"
        }
      }
      if let lastPoint = s.points.last, lastPoint.revision < lastRevision { d += "H\(HTML.format(x(lastRevision)))" }
      let dashAttribute: HTML = dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\""
      svg += "<path class=\"series c\(i)\" d=\"\(d)\"\(dashAttribute)/>"
      for p in s.points {
        svg += "<circle class=\"point c\(i)\" cx=\"\(x(p.revision))\" cy=\"\(y(p.forecast))\" r=\"3.5\"><title>\(s.label): forecast \(Words.date(p.forecast)) on \(Words.date(p.revision))</title></circle>"
      }
      let firstForecast = s.points.first?.forecast
      let lastForecast = s.points.last?.forecast
      var change = ""
      if let a = firstForecast, let b = lastForecast {
        let delta = a.days(until: b)
        change = delta == 0 ? "held at \(Words.date(b))" : "\(Words.date(a)) → \(Words.date(b)) (\(delta > 0 ? "+" : "−")\(Words.days(abs(delta))))"
      }
      legend.append("<li><svg class=\"swatch\" viewBox=\"0 0 28 8\" width=\"28\" height=\"8\" aria-hidden=\"true\"><line class=\"series c\(i)\" x1=\"0\" y1=\"4\" x2=\"28\" y2=\"4\"\(dashAttribute)/></svg> <strong>\(s.label)</strong>: \(change)</li>")
    }
    let summary = "Forecast dates at each of \(revisions.count) plan revisions from \(Words.date(firstRevision)) to \(Words.date(lastRevision))"
    return """
      <p class="scroll-hint from-end" aria-hidden="true">← scroll for earlier revisions</p><div class="scroll-wrap from-end"><div class="scroll from-end" tabindex="0" role="region" aria-label="Milestone trend chart"><svg class="trend" viewBox="0 0 \(Self.width) \(Self.height)" width="\(Self.width)" height="\(Self.height)" role="img" aria-label="\(summary)">\(svg)</svg></div></div>
      <ul class="trend-legend">\(legend)</ul>

      """
  }

  /// Month starts in [from, to], thinned to at most `maxLines`. Only the ticks kept are
  /// visited, so the cost does not grow with the span (dates are bounded, but a span of
  /// thousands of years would otherwise walk every month of it).
  static func monthStarts(from: CalendarDate, to: CalendarDate, maxLines: Int) -> [CalendarDate] {
    guard from <= to, maxLines > 0 else { return [] }
    // Months counted from year 0; Int is wide enough for any CalendarDate a plan or a
    // supported commit date can hold.
    let first = from.year * 12 + from.month - 1
    let last = to.year * 12 + to.month - 1
    let months = last - first
    // Every month, or every second, third, sixth month, or whole years, so that the ticks fit.
    let stride = [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200].first { months / $0 < maxLines } ?? max(1, months / maxLines + 1)
    // The first month index at or after `first` on the stride's grid (floor modulo, so years
    // before 0 align the same way).
    let remainder = ((first % stride) + stride) % stride
    var monthIndex = remainder == 0 ? first : first + stride - remainder
    var out: [CalendarDate] = []
    while monthIndex <= last {
      let year = monthIndex >= 0 ? monthIndex / 12 : -((-monthIndex + 11) / 12)
      if let d = CalendarDate(year: year, month: monthIndex - year * 12 + 1, day: 1), d >= from, d <= to { out.append(d) }
      monthIndex += stride
    }
    return out
  }
}
