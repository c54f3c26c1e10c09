import MapcHistory
import MapcModel

/// The plan's timeline as inline SVG: one row per milestone by due date, a marker for its
/// status, a hollow diamond at the baseline date of each slipped milestone, and vertical lines
/// for the as-of date, go-live and the compelling event.
///
/// Every marker also says in words what it shows (`<title>`), and the list below the chart
/// carries the same facts, so colour is never the only signal.
struct TimelineChart {
  struct Row {
    var title: String
    var due: CalendarDate
    var baseline: CalendarDate?
    var status: Milestone.Status?
    var risk: Milestone.Risk?
    var slipDays: Int?
  }

  var rows: [Row]
  var asOf: CalendarDate
  var goLive: CalendarDate?
  var compellingEvent: CalendarDate?

  static let width = 960.0
  static let labelWidth = 300.0
  static let rowHeight = 28.0
  static let top = 44.0
  static let right = 24.0

  init(plan: Plan, slip: PlanSlip?, asOf: CalendarDate) {
    var rows: [Row] = []
    let slips = slip?.milestonesByID ?? [:]
    for m in plan.milestones {
      guard let due = m.due else { continue }
      let s = m.id.flatMap { slips[$0] }
      let baseline = s?.baseline.flatMap { $0 != due ? $0 : nil }
      rows.append(Row(title: m.title ?? m.id ?? "Milestone", due: due, baseline: baseline, status: m.status, risk: m.risk, slipDays: s?.slipDays))
    }
    // Stable: milestones due the same day keep the plan's order.
    self.rows = rows.enumerated().sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }.map(\.element)
    self.asOf = asOf
    self.goLive = plan.goLive
    self.compellingEvent = plan.compellingEvent?.date
  }

  var html: HTML {
    guard !rows.isEmpty else { return .empty }
    var dates = rows.map(\.due) + rows.compactMap(\.baseline) + [asOf]
    dates += [goLive, compellingEvent].compactMap { $0 }
    let first = (dates.min() ?? asOf).adding(days: -10)
    let last = (dates.max() ?? asOf).adding(days: 10)
    let span = Double(max(1, first.days(until: last)))
    let plotLeft = Self.labelWidth
    let plotWidth = Self.width - Self.labelWidth - Self.right
    func x(_ d: CalendarDate) -> Double { plotLeft + Double(first.days(until: d)) / span * plotWidth }
    let height = Self.top + Double(rows.count) * Self.rowHeight + 16

    var svg: HTML = ""
    // Month gridlines, thinned on a long plan (at most a dozen, whatever the dates).
    var previousYear: Int?
    for tick in TrendChart.monthStarts(from: first, to: last, maxLines: 12) {
      let tx = x(tick)
      let label = previousYear == tick.year ? Words.months[tick.month - 1] : "\(Words.months[tick.month - 1]) \(tick.year)"
      previousYear = tick.year
      svg += "<line class=\"grid\" x1=\"\(tx)\" y1=\"\(Self.top - 8)\" x2=\"\(tx)\" y2=\"\(height - 8)\"/>"
      svg += "<text class=\"tick\" x=\"\(tx + 4)\" y=\"\(Self.top - 14)\">\(label)</text>"
    }
    // Row bands and labels.
    for (i, row) in rows.enumerated() {
      let y = Self.top + Double(i) * Self.rowHeight
      if i % 2 == 0 {
        svg += "<rect class=\"band\" x=\"0\" y=\"\(y)\" width=\"\(Self.width)\" height=\"\(Self.rowHeight)\"/>"
      }
      svg += "<text class=\"label\" x=\"8\" y=\"\(y + Self.rowHeight / 2 + 4)\">\(Self.truncate(row.title, 40))</text>"
    }
    // Key date lines.
    func marker(_ d: CalendarDate?, _ name: String, _ cls: String) {
      guard let d else { return }
      let mx = x(d)
      svg += "<line class=\"\(cls)\" x1=\"\(mx)\" y1=\"\(Self.top - 6)\" x2=\"\(mx)\" y2=\"\(height - 8)\"><title>\(name): \(Words.date(d))</title></line>"
    }
    marker(compellingEvent, "Compelling event", "key event")
    marker(goLive, "Go-live", "key golive")
    marker(asOf, "As of", "today")
    svg += "<text class=\"today-label\" x=\"\(x(asOf) + 4)\" y=\"\(height - 2)\">As of \(Words.shortDate(asOf))</text>"
    // Markers.
    for (i, row) in rows.enumerated() {
      let cy = Self.top + Double(i) * Self.rowHeight + Self.rowHeight / 2
      let cx = x(row.due)
      var words = "\(row.title): due \(Words.date(row.due)), \(Words.status(row.status).lowercased())"
      if let r = row.risk { words += ", \(Words.risk(r).lowercased())" }
      if let b = row.baseline {
        let bx = x(b)
        words += "; baseline \(Words.date(b))"
        if let s = row.slipDays, s != 0 { words += " (\(Words.slip(s)))" }
        svg += "<line class=\"drift\" x1=\"\(bx)\" y1=\"\(cy)\" x2=\"\(cx)\" y2=\"\(cy)\"/>"
        svg += "<path class=\"baseline\" d=\"M\(bx) \(cy - 6)L\(bx + 6) \(cy)L\(bx) \(cy + 6)L\(bx - 6) \(cy)Z\"><title>Baseline of \(row.title): \(Words.date(b))</title></path>"
      }
      let cls = "mark s-\(row.status?.rawValue ?? "none")" + (row.risk.map { " r-\($0.rawValue)" } ?? "")
      let shape: HTML
      switch row.status {
      case .blocked: shape = "<rect class=\"\(cls)\" x=\"\(cx - 6)\" y=\"\(cy - 6)\" width=\"12\" height=\"12\">"
      case .cancelled: shape = "<path class=\"\(cls)\" d=\"M\(cx - 5) \(cy - 5)L\(cx + 5) \(cy + 5)M\(cx + 5) \(cy - 5)L\(cx - 5) \(cy + 5)\">"
      default: shape = "<circle class=\"\(cls)\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"7\">"
      }
      let closing: HTML = row.status == .blocked ? "</rect>" : row.status == .cancelled ? "</path>" : "</circle>"
      svg += shape + "<title>\(words)</title>" + closing
    }
    let summary = "Timeline of \(rows.count) milestones from \(Words.date(rows[0].due)) to \(Words.date(rows[rows.count - 1].due))"
    return """
      <p class="scroll-hint" aria-hidden="true">scroll →</p><div class="scroll-wrap"><div class="scroll" tabindex="0" role="region" aria-label="Timeline"><svg class="timeline" viewBox="0 0 \(Self.width) \(height)" width="\(Self.width)" height="\(height)" role="img" aria-label="\(summary)">\(svg)</svg></div></div>
      <p class="legend"><span class="key-done">● done</span> <span class="key-progress">● in progress</span> <span class="key-open">○ not started</span> <span class="key-blocked">■ blocked</span> <span class="key-baseline">◇ baseline of a slipped milestone</span> <span class="key-today">┆ as of \(Words.shortDate(asOf))</span></p>

      """
  }

  static func truncate(_ s: String, _ n: Int) -> String {
    let one = s.split(whereSeparator: \.isNewline).joined(separator: " ")
    return one.count <= n ? one : String(one.prefix(n - 1)) + "…"
  }
}
