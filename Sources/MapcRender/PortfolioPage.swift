import MapcModel
import MapcPortfolio

/// The portfolio as one self-contained page (`mapc report --format html`, and the index of
/// `render --all` for the internal audience): totals, four small charts (plans by band, go-live
/// slip per plan, forecast vs baseline go-live, overdue milestones by owner), then the plans
/// worst first, the owners and the stages. Render's head, styles and safety: the same CSP, no
/// script, every text escaped through ``HTML``, nothing loaded from anywhere.
///
/// Charts show at most ``chartRows`` rows (the largest values; the tables below list all).
public struct PortfolioPage: Sendable {
  public var summary: PortfolioSummary
  /// Plan id → the file name of its snapshot beside the page, when there is one.
  public var links: [String: String]
  public var branding: Branding

  public static let chartRows = 20

  public init(summary: PortfolioSummary, links: [String: String] = [:], branding: Branding = Branding()) {
    self.summary = summary
    self.links = links
    self.branding = branding
  }

  static let internalBanner: HTML = """
    <aside class="internal-banner" aria-label="Internal report"><strong>Internal</strong> — this report shows the selling team's deal amounts. Do not send it to the buyer; run <code>mapc report --audience buyer</code> for them.</aside>

    """

  static let css = """
    .stats{display:grid;gap:10px;grid-template-columns:repeat(auto-fit,minmax(120px,1fr));list-style:none;margin:0 0 14px;padding:0}
    .stats li{border:1px solid var(--line);border-radius:12px;padding:10px 14px}
    .stats .n{display:block;font-size:1.6rem;font-weight:700;line-height:1.2}
    .stats .l{color:var(--muted);font-size:.8rem;text-transform:uppercase;letter-spacing:.05em}
    .charts{display:grid;gap:18px;grid-template-columns:minmax(0,1fr)}
    @media (min-width:900px){.charts{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
    figure{margin:0}
    figcaption{font-weight:600;margin-bottom:6px}
    svg.pchart{font:12px system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;min-width:420px;width:100%}
    svg .b-stalled{fill:var(--bad)}svg .b-at-risk{fill:var(--warn)}svg .b-on-track{fill:var(--good)}svg .b-done{fill:#57606a}svg .b-closed{fill:#8c959f}
    svg .late{fill:var(--bad)}svg .early{fill:var(--good)}
    svg .zero{stroke:#57606a;stroke-width:1}
    svg .span{stroke:#8c959f;stroke-width:2}
    svg .fc{fill:var(--accent)}
    svg .fc-late{fill:var(--bad)}
    svg .cur{stroke:var(--ink);stroke-width:2}
    svg .od{fill:var(--warn)}svg .od-stalled{fill:var(--bad)}
    .band-pill{display:inline-block;font-size:.75rem;font-weight:700;padding:2px 9px;border-radius:999px;border:1px solid currentColor;white-space:nowrap}
    .band-pill.stalled{color:var(--bad)}.band-pill.at-risk{color:var(--warn)}.band-pill.on-track{color:var(--good)}.band-pill.done,.band-pill.closed{color:var(--muted)}
    table.portfolio{width:100%;border-collapse:collapse;font-size:.85rem;min-width:1000px}
    table.portfolio th{text-align:left;font-size:.7rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);padding:8px 7px;border-bottom:1px solid var(--line);vertical-align:bottom}
    table.portfolio td{padding:10px 7px;border-bottom:1px solid var(--line);vertical-align:top}
    table.portfolio td.num,table.portfolio th.num{text-align:right;white-space:nowrap}
    table.portfolio td.date{min-width:96px}table.portfolio td.date time{white-space:nowrap}
    table.portfolio.narrow{min-width:560px}
    table.portfolio td.plan{min-width:160px}
    table.portfolio td.why{min-width:130px}
    table.portfolio td.who{min-width:110px}
    main.wide{max-width:1200px}
    .masthead.wide,footer.wide{max-width:1200px}

    """

  public func render() -> String {
    let plans = summary.worstFirst
    let totals = summary.totals
    let report = summary.report
    let internalAudience = summary.audience == .internal
    let seller = branding.seller.map { "\($0) · " } ?? ""
    let logo: HTML = branding.logoDataURI.map { "<img class=\"logo\" src=\"\($0)\" alt=\"\(branding.seller ?? "Seller") logo\">" } ?? .empty
    let asOf: HTML =
      "<p class=\"asof\">As of <time datetime=\"\(report.today.description)\">\(Words.date(report.today))</time>"
      + (report.at.map { a -> HTML in " · at revision <code>\(a)</code>" } ?? .empty) + "</p>"

    var stats: [HTML] = []
    for (band, count) in totals.bands where band != .closed || count > 0 {
      stats.append("<li><span class=\"n\">\(count)</span><span class=\"l\">\(band.label)</span></li>")
    }
    stats.append("<li><span class=\"n\">\(totals.totalDaysOffSchedule)</span><span class=\"l\">Days off schedule</span></li>")
    stats.append(
      "<li><span class=\"n\">\(totals.overdueMilestones)</span><span class=\"l\">Overdue milestones (\(totals.stalledMilestones) stalled)</span></li>")
    stats.append(
      "<li><span class=\"n\">\(totals.goLivesThisQuarter) → \(totals.forecastThisQuarter)</span><span class=\"l\">Go-lives \(totals.quarter.description), planned → forecast</span></li>")
    stats.append(
      "<li><span class=\"n\">\(totals.goLivesNextQuarter) → \(totals.forecastNextQuarter)</span><span class=\"l\">Go-lives \(totals.nextQuarter.description), planned → forecast</span></li>")

    let charts: HTML = """
      <div class="charts">
      \(Self.figure("Plans by band", bandChart()))
      \(Self.figure("Go-live slip per plan", slipChart(plans)))
      \(Self.figure("Forecast vs baseline go-live", forecastChart(plans)))
      \(Self.figure("Overdue milestones by owner", overdueChart()))
      </div>
      """

    // Every view is on the page; the one asked for (`--by`) comes first after the totals.
    let plansSection: HTML = """
      <section aria-labelledby="h-plans"><h2 id="h-plans">Plans, worst first</h2>\(planTable(plans, internal: internalAudience))</section>
      """
    let ownersSection: HTML = """
      <section aria-labelledby="h-owners"><h2 id="h-owners">By owner</h2><p class="small">Seller side first: open, overdue and stalled milestones across plans, date moves without a reason, role placeholders to name before a due date within \(summary.placeholderDueDays) days, stale plans.</p>\(ownerTable())</section>
      """
    let stagesSection: HTML = """
      <section aria-labelledby="h-stages"><h2 id="h-stages">By stage</h2><p class="small">Where open milestones pile up across the portfolio.</p>\(stageTable())</section>
      """
    let ordered: [HTML]
    switch summary.view {
    case .plan: ordered = [plansSection, ownersSection, stagesSection]
    case .owner: ordered = [ownersSection, plansSection, stagesSection]
    case .stage: ordered = [stagesSection, plansSection, ownersSection]
    }
    let views: HTML = "\(ordered.map { $0 + "\n" })"

    let body: HTML = """
      <header class="masthead wide">\(logo)<p class="kicker">\(seller)Portfolio</p><h1>\(plans.count) \(plans.count == 1 ? "plan" : "plans")</h1>\(asOf)</header>
      <main class="wide">
      <section aria-labelledby="h-totals"><h2 id="h-totals">Totals</h2><ul class="stats">\(stats)</ul>
      \(charts)</section>
      \(views)
      </main>
      <footer class="wide"><p>Bands: stalled = an open milestone 7 or more days overdue; at risk = 1–6 days overdue, marked at risk or off track, or a go-live the plan's leads cannot meet; done = every milestone done or cancelled. Forecast: the scheduler's earliest go-live where the plan has leads, else go-live moved by the largest overdue (business days) on its dependency chain.</p><p>generated by \(Snapshot.generator)</p></footer>

      """
    return Page.document(
      title: "\(seller)Portfolio", branding: branding, internal: internalAudience, body: body, extraCSS: Self.css,
      banner: Self.internalBanner)
  }

  // MARK: Tables

  func planCell(_ p: PlanStatus) -> HTML {
    let title = p.title ?? p.id
    let name: HTML = links[p.id].map { "<a href=\"\($0)\">\(title)</a>" } ?? "<strong>\(title)</strong>"
    let parties = [p.buyer, p.seller].compactMap { $0 }.joined(separator: " × ")
    return name + "<br><span class=\"small\"><code>\(p.id)</code>\(parties.isEmpty ? "" : " · " + parties)</span>"
  }

  func planTable(_ plans: [PlanStatus], internal internalAudience: Bool) -> HTML {
    var rows: [HTML] = []
    for p in plans {
      let slip: HTML = p.goLiveSlipDays.flatMap { $0 != 0 ? Page.slipBadge($0, baseline: p.goLiveBaseline) : nil } ?? .empty
      let goLive: HTML = p.goLive.map { d -> HTML in "<time datetime=\"\(d.description)\">\(Words.date(d))</time> \(slip)" } ?? "—"
      let forecast: HTML =
        (p.forecast.goLive.map { d -> HTML in "<time datetime=\"\(d.description)\">\(Words.date(d))</time><br>" } ?? .empty)
        + "<span class=\"small\">\(p.forecast.reason)</span>"
      let activity: HTML = p.lastBuyerActivity.map { a -> HTML in
        "<time datetime=\"\(a.date.description)\">\(Words.date(a.date))</time><br><span class=\"small\">\(a.detail)</span>"
      } ?? "<span class=\"small\">unknown</span>"
      let next: HTML = p.nextMilestone.map { n -> HTML in
        var owners: [HTML] = []
        if !n.buyerOwners.isEmpty { owners.append("<span class=\"side buyer\">\(Self.names(n.buyerOwners))</span>") }
        if !n.sellerOwners.isEmpty { owners.append("<span class=\"side seller\">\(Self.names(n.sellerOwners))</span>") }
        return "\(n.title ?? n.id)" + (n.due.map { d -> HTML in "<br><span class=\"small\">due \(Words.date(d))</span>" } ?? .empty)
          + (owners.isEmpty ? .empty : "<br><span class=\"small\">\(owners)</span>")
      } ?? "<span class=\"small\">none open</span>"
      let overdue: HTML = p.stalledCount > 0 ? "\(p.overdueCount) <span class=\"small\">(\(p.stalledCount) stalled)</span>" : "\(p.overdueCount)"
      let moves: HTML =
        p.recentUnexplainedMoves > 0 ? "\(p.recentMoves) <span class=\"small\">(\(p.recentUnexplainedMoves) without reason)</span>" : "\(p.recentMoves)"
      let stale: HTML = p.stale ? "<br><span class=\"small overdue\">stale</span>" : .empty
      // The deal amount goes under the plan's name: a column of its own would push the table
      // past a laptop's width.
      let deal: HTML =
        internalAudience
        ? (p.deal.map { d -> HTML in "<br><span class=\"small\">Deal \(Words.number(d.amount) + (d.currency.map { " " + $0 } ?? ""))</span>" } ?? .empty)
        : .empty
      rows.append(
        """
        <tr><td class="plan">\(planCell(p))\(deal)\(stale)</td><td class="why"><span class="band-pill \(p.band.rawValue)">\(p.band.label)</span><br><span class="small">\(p.bandReason)</span></td><td class="num">\(p.percentDone.map { "\($0)%" } ?? "—")</td><td class="num">\(overdue)</td><td class="date">\(goLive)</td><td class="why">\(forecast)</td><td class="num">\(p.totalDaysOffSchedule)</td><td class="num">\(moves)</td><td class="who">\(activity)</td><td class="why">\(next)</td></tr>

        """)
    }
    return """
      <div class="scroll" tabindex="0" role="region" aria-label="Plans"><table class="portfolio">
      <thead><tr><th scope="col">Plan</th><th scope="col">Band</th><th scope="col" class="num">Done</th><th scope="col" class="num">Overdue</th><th scope="col">Go-live</th><th scope="col">Forecast</th><th scope="col" class="num">Days off</th><th scope="col" class="num">Moves (\(summary.report.recentDays) d)</th><th scope="col">Last buyer activity</th><th scope="col">Next milestone</th></tr></thead>
      <tbody>
      \(rows)</tbody></table></div>
      """
  }

  func ownerTable() -> HTML {
    guard !summary.owners.isEmpty else { return "<p>No milestone owners.</p>" }
    var rows: [HTML] = []
    for r in summary.owners {
      let side = r.side?.rawValue ?? "other"
      let placeholder: HTML = r.placeholder ? " <span class=\"tbd\">to be named</span>" : .empty
      rows.append(
        "<tr><td><span class=\"side \(side)\">\(r.name)</span>\(placeholder)<br><span class=\"small\">\(side)\(r.roles.isEmpty ? "" : " · " + r.roles.joined(separator: ", "))</span></td><td class=\"num\">\(r.plans.count)</td><td class=\"num\">\(r.open)</td><td class=\"num\">\(r.overdue)</td><td class=\"num\">\(r.stalled)</td><td class=\"num\">\(r.unexplainedMoves)</td><td class=\"num\">\(r.placeholdersToName)</td><td>\(r.stalePlans.joined(separator: ", "))</td></tr>\n"
      )
    }
    return """
      <div class="scroll" tabindex="0" role="region" aria-label="Owners"><table class="portfolio narrow">
      <thead><tr><th scope="col">Owner</th><th scope="col" class="num">Plans</th><th scope="col" class="num">Open</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">Stalled</th><th scope="col" class="num">Unexplained moves</th><th scope="col" class="num">To name</th><th scope="col">Stale plans</th></tr></thead>
      <tbody>
      \(rows)</tbody></table></div>
      """
  }

  func stageTable() -> HTML {
    guard !summary.stages.isEmpty else { return "<p>No open milestones.</p>" }
    var rows: [HTML] = []
    for r in summary.stages {
      let median = r.medianDaysOverdue.map { $0.rounded() == $0 ? String(Int($0)) : HTML.format($0) } ?? "—"
      rows.append(
        "<tr><td>\(r.stage)</td><td class=\"num\">\(r.plans)</td><td class=\"num\">\(r.open)</td><td class=\"num\">\(r.overdue)</td><td class=\"num\">\(r.stalled)</td><td class=\"num\">\(median)</td></tr>\n"
      )
    }
    return """
      <div class="scroll" tabindex="0" role="region" aria-label="Stages"><table class="portfolio narrow">
      <thead><tr><th scope="col">Stage</th><th scope="col" class="num">Plans</th><th scope="col" class="num">Open</th><th scope="col" class="num">Overdue</th><th scope="col" class="num">Stalled</th><th scope="col" class="num">Median days overdue</th></tr></thead>
      <tbody>
      \(rows)</tbody></table></div>
      """
  }

  static func names(_ refs: [OwnerRef]) -> String {
    refs.map { $0.displayName + ($0.isPlaceholder ? " (to be named)" : "") }.joined(separator: ", ")
  }

  // MARK: Charts

  static let chartWidth = 520.0
  static let labelWidth = 150.0
  static let rowHeight = 24.0

  static func figure(_ caption: String, _ chart: (svg: HTML, words: String)?) -> HTML {
    guard let chart else {
      return "<figure><figcaption>\(caption)</figcaption><p class=\"small\">Nothing to show.</p></figure>"
    }
    return """
      <figure><figcaption>\(caption)</figcaption><div class="scroll" tabindex="0" role="region" aria-label="\(caption)">\(chart.svg)</div></figure>
      """
  }

  static func svg(_ label: String, height: Double, _ content: HTML) -> HTML {
    "<svg class=\"pchart\" viewBox=\"0 0 \(chartWidth) \(height)\" width=\"\(chartWidth)\" height=\"\(height)\" role=\"img\" aria-label=\"\(label)\">\(content)</svg>"
  }

  static func truncate(_ s: String, _ n: Int) -> String { s.count <= n ? s : String(s.prefix(n - 1)) + "…" }

  func bandChart() -> (svg: HTML, words: String)? {
    let bands = summary.totals.bands.filter { $0.band != .closed || $0.count > 0 }
    let most = bands.map(\.count).max() ?? 0
    guard most > 0 else { return nil }
    let plot = Self.chartWidth - Self.labelWidth - 40
    var content: HTML = .empty
    var words: [String] = []
    for (i, b) in bands.enumerated() {
      let y = 8 + Double(i) * Self.rowHeight
      let w = Double(b.count) / Double(most) * plot
      content += "<text class=\"label\" x=\"0\" y=\"\(y + 15)\">\(b.band.label)</text>"
      content += "<rect class=\"b-\(b.band.rawValue)\" x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(max(w, b.count > 0 ? 2 : 0))\" height=\"16\" rx=\"3\"><title>\(b.band.label): \(b.count)</title></rect>"
      content += "<text class=\"tick\" x=\"\(Self.labelWidth + w + 6)\" y=\"\(y + 15)\">\(b.count)</text>"
      words.append("\(b.band.label) \(b.count)")
    }
    let text = "Plans by band: " + words.joined(separator: ", ")
    return (Self.svg(text, height: 16 + Double(bands.count) * Self.rowHeight, content), text)
  }

  func slipChart(_ plans: [PlanStatus]) -> (svg: HTML, words: String)? {
    var slipped: [(PlanStatus, Int)] = []
    for p in plans { if let days = p.goLiveSlipDays, days != 0 { slipped.append((p, days)) } }
    slipped.sort { a, b in abs(a.1) != abs(b.1) ? abs(a.1) > abs(b.1) : a.0.id < b.0.id }
    let rows = slipped.prefix(Self.chartRows)
    guard !rows.isEmpty else { return nil }
    let most = Double(rows.map { abs($0.1) }.max() ?? 1)
    let hasEarly = rows.contains { $0.1 < 0 }
    let plot = Self.chartWidth - Self.labelWidth - 50
    let zero = Self.labelWidth + (hasEarly ? plot / 2 : 0)
    let scale = (hasEarly ? plot / 2 : plot) / most
    var content: HTML = .empty
    var words: [String] = []
    for (i, (p, days)) in rows.enumerated() {
      let y = 8 + Double(i) * Self.rowHeight
      let w = Double(abs(days)) * scale
      let x = days > 0 ? zero : zero - w
      let label = Words.slip(days)
      content += "<text class=\"label\" x=\"0\" y=\"\(y + 15)\">\(Self.truncate(p.id, 22))</text>"
      content += "<rect class=\"\(days > 0 ? "late" : "early")\" x=\"\(x)\" y=\"\(y + 3)\" width=\"\(max(w, 2))\" height=\"16\" rx=\"3\"><title>\(p.title ?? p.id): go-live \(label)</title></rect>"
      let tx = days > 0 ? zero + w + 4 : x - 4
      let anchor: HTML = days > 0 ? .empty : " text-anchor=\"end\""
      let sign = days > 0 ? "+" : "−"
      content += "<text class=\"tick\" x=\"\(tx)\" y=\"\(y + 15)\"\(anchor)>\(sign)\(abs(days)) d</text>"
      words.append("\(p.title ?? p.id) \(label)")
    }
    let height = 16 + Double(rows.count) * Self.rowHeight
    content += "<line class=\"zero\" x1=\"\(zero)\" y1=\"4\" x2=\"\(zero)\" y2=\"\(height - 4)\"/>"
    let text = "Go-live slip since baseline, largest first: " + words.joined(separator: "; ")
    return (Self.svg(text, height: height, content), text)
  }

  func forecastChart(_ plans: [PlanStatus]) -> (svg: HTML, words: String)? {
    let rows = plans.compactMap { p -> (PlanStatus, CalendarDate, CalendarDate)? in
      guard let base = p.goLiveBaseline ?? p.goLive, let fc = p.forecast.goLive else { return nil }
      return (p, base, fc)
    }.sorted { a, b in
      let da = abs(a.1.days(until: a.2))
      let db = abs(b.1.days(until: b.2))
      return da != db ? da > db : a.0.id < b.0.id
    }.prefix(Self.chartRows)
    guard !rows.isEmpty else { return nil }
    var dates = rows.flatMap { [$0.1, $0.2] + ($0.0.goLive.map { [$0] } ?? []) }
    dates.append(summary.report.today)
    guard let lo = dates.min(), let hi = dates.max() else { return nil }
    let span = Double(max(1, lo.days(until: hi)))
    let plot = Self.chartWidth - Self.labelWidth - 20
    func x(_ d: CalendarDate) -> Double { Self.labelWidth + 6 + Double(lo.days(until: d)) / span * (plot - 12) }
    var content: HTML = .empty
    var words: [String] = []
    for (i, (p, base, fc)) in rows.enumerated() {
      let y = 26 + Double(i) * Self.rowHeight
      let cy = y + 11
      let name = p.title ?? p.id
      content += "<text class=\"label\" x=\"0\" y=\"\(y + 15)\">\(Self.truncate(p.id, 22))</text>"
      content += "<line class=\"span\" x1=\"\(x(base))\" y1=\"\(cy)\" x2=\"\(x(fc))\" y2=\"\(cy)\"/>"
      content += "<circle class=\"baseline\" cx=\"\(x(base))\" cy=\"\(cy)\" r=\"5\"><title>\(name): baseline go-live \(Words.date(base))</title></circle>"
      if let current = p.goLive, current != base {
        content += "<line class=\"cur\" x1=\"\(x(current))\" y1=\"\(cy - 7)\" x2=\"\(x(current))\" y2=\"\(cy + 7)\"><title>\(name): go-live now \(Words.date(current))</title></line>"
      }
      let late = fc > (p.goLive ?? base)
      content += "<path class=\"\(late ? "fc-late" : "fc")\" d=\"M\(HTML.format(x(fc))) \(HTML.format(cy - 6))L\(HTML.format(x(fc) + 6)) \(HTML.format(cy))L\(HTML.format(x(fc))) \(HTML.format(cy + 6))L\(HTML.format(x(fc) - 6)) \(HTML.format(cy))Z\"><title>\(name): forecast \(Words.date(fc)) — \(p.forecast.reason)</title></path>"
      words.append("\(name): baseline \(Words.date(base)), forecast \(Words.date(fc))")
    }
    let height = 46 + Double(rows.count) * Self.rowHeight
    content += "<text class=\"tick\" x=\"\(Self.labelWidth + 6)\" y=\"14\">\(Words.shortDate(lo)) \(lo.year)</text>"
    content += "<text class=\"tick\" x=\"\(Self.chartWidth - 14)\" y=\"14\" text-anchor=\"end\">\(Words.shortDate(hi)) \(hi.year)</text>"
    let t = x(summary.report.today)
    content += "<text class=\"today-label\" x=\"\(t)\" y=\"\(height - 2)\" text-anchor=\"middle\">today</text>"
    content += "<line class=\"today\" x1=\"\(t)\" y1=\"20\" x2=\"\(t)\" y2=\"\(height - 14)\"><title>Today, \(Words.date(summary.report.today))</title></line>"
    let text = "Baseline (circle) and forecast (diamond) go-live per plan: " + words.joined(separator: "; ")
    return (Self.svg(text, height: height, content), text)
  }

  func overdueChart() -> (svg: HTML, words: String)? {
    let rows = summary.owners.filter { $0.overdue > 0 }
      .sorted { a, b in a.overdue != b.overdue ? a.overdue > b.overdue : (a.stalled != b.stalled ? a.stalled > b.stalled : a.name < b.name) }
      .prefix(Self.chartRows)
    guard !rows.isEmpty else { return nil }
    let most = Double(rows.map(\.overdue).max() ?? 1)
    let plot = Self.chartWidth - Self.labelWidth - 40
    var content: HTML = .empty
    var words: [String] = []
    for (i, r) in rows.enumerated() {
      let y = 8 + Double(i) * Self.rowHeight
      let stalledW = Double(r.stalled) / most * plot
      let restW = Double(r.overdue - r.stalled) / most * plot
      content += "<text class=\"label\" x=\"0\" y=\"\(y + 15)\">\(Self.truncate(r.name, 22))</text>"
      if r.stalled > 0 {
        content += "<rect class=\"od-stalled\" x=\"\(Self.labelWidth)\" y=\"\(y + 3)\" width=\"\(stalledW)\" height=\"16\"><title>\(r.name): \(r.stalled) stalled</title></rect>"
      }
      if r.overdue > r.stalled {
        content += "<rect class=\"od\" x=\"\(Self.labelWidth + stalledW)\" y=\"\(y + 3)\" width=\"\(restW)\" height=\"16\"><title>\(r.name): \(r.overdue - r.stalled) overdue 1–6 days</title></rect>"
      }
      content += "<text class=\"tick\" x=\"\(Self.labelWidth + stalledW + restW + 6)\" y=\"\(y + 15)\">\(r.overdue)</text>"
      words.append("\(r.name) \(r.overdue) (\(r.stalled) stalled)")
    }
    let text = "Overdue milestones by owner (stalled in red): " + words.joined(separator: "; ")
    return (Self.svg(text, height: 16 + Double(rows.count) * Self.rowHeight, content), text)
  }
}
