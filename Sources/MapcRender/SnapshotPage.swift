import MapcHistory
import MapcJSON
import MapcModel

/// Renders a ``Snapshot`` as one self-contained HTML document.
///
/// Top to bottom: title, buyer and seller; the as-of date; the value statement; key dates;
/// where the plan stands across its stages; next up; the timeline; the milestone trend and what
/// changed (from git); milestones by stage; stakeholders; documents; the Markdown body; the
/// footer. Internal content is only ever *added* for ``SnapshotAudience/internal``: the buyer
/// path never reads it, so no stylesheet or script can reveal it.
public struct SnapshotPage: Sendable {
  public var snapshot: Snapshot {
    didSet { slips = snapshot.history.slip?.milestonesByID ?? [:] }
  }
  /// The slip of each milestone by id, looked up once per milestone row.
  private var slips: [String: MilestoneSlip]

  public init(_ snapshot: Snapshot) {
    self.snapshot = snapshot
    slips = snapshot.history.slip?.milestonesByID ?? [:]
  }

  private var plan: Plan { snapshot.plan }
  private var isInternal: Bool { snapshot.audience == .internal }
  private var asOf: CalendarDate { snapshot.asOf }

  /// The complete document.
  public func render() -> String {
    let title = plan.title ?? plan.id ?? "Mutual action plan"
    let main: HTML =
      header() + glance() + internalOverview() + valueStatement() + keyDates() + stages() + nextUp() + timeline() + trend()
      + changes() + milestones() + stakeholders() + documents() + story()
    return Page.document(title: title, branding: snapshot.branding, internal: isInternal, body: "<main>\n\(main)</main>\n\(footer())")
  }

  // MARK: - Sections

  private func header() -> HTML {
    let seller = snapshot.branding.seller ?? plan.seller
    let logo: HTML = snapshot.branding.logoDataURI.map { uri in
      "<img class=\"logo\" src=\"\(uri)\" alt=\"\(seller ?? "Seller") logo\">"
    } ?? .empty
    var parties: [String] = []
    if let b = plan.buyer { parties.append(b) }
    if let s = seller { parties.append(s) }
    let checkIns: HTML = {
      guard let c = plan.checkIns, let cadence = c.cadence else { return .empty }
      let with = c.with.map { " · \($0)" } ?? ""
      return "<p class=\"checkins\">Check-ins: \(Words.humanize(cadence).lowercased())\(with)</p>"
    }()
    let leftOut: HTML = snapshot.history.leftOut.map { "<p class=\"asof history-left-out\">\($0)</p>\n" } ?? .empty
    // The feed beside the page: a relative link, like the index's links to the pages.
    let calendar: HTML = snapshot.calendarFile.map { file in
      "<p class=\"checkins calendar\"><a href=\"\(file)\" type=\"text/calendar\">Add these dates to your calendar</a> (subscribe to its address to keep them current)</p>\n"
    } ?? .empty
    return """
      <header class="masthead">
      \(logo)<p class="kicker">Mutual action plan</p>
      <h1>\(plan.title ?? plan.id ?? "Mutual action plan")</h1>
      <p class="parties">\(parties.joined(separator: " × "))</p>
      <p class="asof">As of <time datetime="\(asOf.description)">\(Words.date(asOf))</time></p>
      \(leftOut)\(checkIns)\(calendar)</header>

      """
  }

  /// A slip badge with the reason of the move that set the current date, when that reason is
  /// about the current date (a later move without a reason leaves none).
  private static func badge(_ days: Int, _ slip: DateSlip, _ reason: PlanDiff.DatedReason?) -> HTML {
    let why = reason.flatMap { r in r.date == slip.current ? r.reason : nil }
    return Page.slipBadge(days, baseline: slip.baseline, reason: why)
  }

  /// The milestones of each declared stage, and those of no declared stage, in plan order: one
  /// pass, however many stages a plan declares.
  private var milestonesByStage: (declared: [String: [Milestone]], undeclared: [Milestone]) {
    var declared: [String: [Milestone]] = [:]
    for stage in plan.stages { declared[stage] = [] }
    var undeclared: [Milestone] = []
    for m in plan.milestones {
      if let stage = m.stage, declared[stage] != nil { declared[stage, default: []].append(m) } else { undeclared.append(m) }
    }
    return (declared, undeclared)
  }

  /// The open milestones, by due date (undated last, the plan's order among equals).
  private var openByDue: [Milestone] {
    plan.milestones.filter(\.isOpen).enumerated()
      .sorted { a, b in
        switch (a.element.due, b.element.due) {
        case let (x?, y?): return (x, a.offset) < (y, b.offset)
        case (.some, nil): return true
        case (nil, .some): return false
        case (nil, nil): return a.offset < b.offset
        }
      }
      .map(\.element)
  }

  /// The plan's state in words: "N overdue" when any open milestone is past due, else "at
  /// risk" when any open one is at risk or off track, else "on track".
  private var planState: (words: String, cls: String) {
    let open = plan.milestones.filter(\.isOpen)
    let overdue = open.count { m in m.due.map { $0 < asOf } ?? false }
    if overdue > 0 { return ("\(overdue) overdue", "overdue") }
    if open.contains(where: { $0.risk == .atRisk || $0.risk == .offTrack }) { return ("At risk", "at-risk") }
    return ("On track", "on-track")
  }

  /// The first screen on a phone: the plan's state, go-live with its slip, and the next
  /// milestone with its due date and owners on both sides.
  private func glance() -> HTML {
    var facts: [HTML] = []
    let state = planState
    facts.append("<div class=\"fact\" id=\"glance-state\"><p class=\"label\">Plan</p><p class=\"state \(state.cls)\">\(state.words)</p></div>")
    if let d = plan.goLive {
      let s = snapshot.history.slip?.goLive
      let badge: HTML = s.flatMap { s in s.slipDays.flatMap { $0 != 0 ? Page.slipBadge($0, baseline: s.baseline) : nil } } ?? .empty
      facts.append(
        "<div class=\"fact\" id=\"glance-go-live\"><p class=\"label\">Go-live</p><p class=\"value\"><time datetime=\"\(d.description)\">\(Words.date(d))</time></p>\(badge)</div>")
    }
    if let m = openByDue.first {
      let due: HTML = m.due.map { d in
        "<p class=\"due\(d < asOf ? " overdue" : "")\">Due <time datetime=\"\(d.description)\">\(Words.date(d))</time> · \(d < asOf ? "overdue, " : "")\(Words.relative(d, from: asOf))</p>"
      } ?? "<p class=\"due\">No due date yet</p>"
      facts.append("<div class=\"fact\" id=\"glance-next\"><p class=\"label\">Next</p><p class=\"value\">\(m.title ?? m.id ?? "Milestone")</p>\(due)\(owners(m))</div>")
    }
    return "<section class=\"glance\" aria-labelledby=\"h-glance\"><h2 id=\"h-glance\">At a glance</h2><div class=\"facts\">\(facts)</div></section>\n"
  }

  private func valueStatement() -> HTML {
    var out: HTML = ""
    if let value = plan.value {
      out += "<section class=\"value\" aria-labelledby=\"h-value\"><h2 id=\"h-value\">Why we are doing this</h2><p class=\"lead\">\(value)</p>\n"
      if !plan.objectives.isEmpty {
        out += "<ul class=\"objectives\">"
        for o in plan.objectives {
          guard let result = o.result else { continue }
          let challenge: HTML = o.challenge.map { "<p class=\"challenge\">Today: \($0)</p>" } ?? .empty
          let criteria = o.successCriteria
          let list: HTML = criteria.isEmpty ? .empty : "<ul class=\"checks\">\(criteria.map { c -> HTML in "<li>\(c)</li>" })</ul>"
          out += "<li><p class=\"result\">\(result)</p>\(challenge)\(list)</li>"
        }
        out += "</ul>\n"
      }
      out += "</section>\n"
    }
    return out
  }

  private func keyDates() -> HTML {
    var cards: [HTML] = []
    func card(_ label: String, _ date: CalendarDate, _ detail: String?, slip: DateSlip?, reason: PlanDiff.DatedReason? = nil) -> HTML {
      let badge: HTML = slip.flatMap { s in s.slipDays.flatMap { $0 != 0 ? Self.badge($0, s, reason) : nil } } ?? .empty
      let what: HTML = detail.map { "<p class=\"what\">\($0)</p>" } ?? .empty
      return """
        <div class="keydate"><p class="label">\(label)</p><p class="date"><time datetime="\(date.description)">\(Words.date(date))</time></p><p class="remaining">\(Words.relative(date, from: asOf))</p>\(badge)\(what)</div>
        """
    }
    if let ce = plan.compellingEvent, let d = ce.date {
      cards.append(card("Compelling event", d, ce.what, slip: nil))
    }
    if let d = plan.goLive {
      cards.append(card("Go-live", d, nil, slip: snapshot.history.slip?.goLive, reason: snapshot.history.reasons?.goLive))
    }
    if let d = plan.valueDate { cards.append(card("Value date", d, "First measure of the value", slip: nil)) }
    guard !cards.isEmpty else { return .empty }
    var out: HTML = "<section class=\"keydates\" aria-labelledby=\"h-dates\"><h2 id=\"h-dates\">Key dates</h2><div class=\"cards\">\(cards)</div>\n"
    if let why = plan.compellingEvent?.why { out += "<p class=\"why\">\(why)</p>\n" }
    if !plan.constraints.isEmpty {
      out += "<ul class=\"constraints\">"
      for c in plan.constraints {
        guard let what = c.what else { continue }
        let when: String
        if let d = c.date {
          when = Words.date(d)
        } else if let a = c.from, let b = c.to {
          when = "\(Words.date(a)) – \(Words.date(b))"
        } else {
          continue
        }
        out += "<li><span class=\"when\">\(when)</span> \(what)</li>"
      }
      out += "</ul>\n"
    }
    return out + "</section>\n"
  }

  private func stages() -> HTML {
    guard !plan.stages.isEmpty else { return .empty }
    var items: [HTML] = []
    var currentFound = false
    let byStage = milestonesByStage.declared
    for stage in plan.stages {
      let ms = byStage[stage] ?? []
      let closed = ms.count { !$0.isOpen }
      let complete = !ms.isEmpty && closed == ms.count
      let state: String
      if complete && !currentFound {
        state = "complete"
      } else if !currentFound {
        state = "current"
        currentFound = true
      } else {
        state = "upcoming"
      }
      let stateWords = state == "complete" ? "complete" : state == "current" ? "in progress now" : "upcoming"
      let current: HTML = state == "current" ? " aria-current=\"step\"" : ""
      items.append(
        "<li class=\"\(state)\"\(current)><span class=\"name\">\(Words.humanize(stage))</span><span class=\"count\">\(closed) of \(ms.count) done · \(stateWords)</span></li>")
    }
    return "<section class=\"stages\" aria-labelledby=\"h-stages\"><h2 id=\"h-stages\">Where we are</h2><ol class=\"stepper\">\(items)</ol></section>\n"
  }

  private func nextUp() -> HTML {
    let open = openByDue.prefix(3)
    guard !open.isEmpty else { return .empty }
    var items: [HTML] = []
    for m in open {
      let due: HTML = m.due.map { d in
        let overdue = d < asOf
        return "<p class=\"due\(overdue ? " overdue" : "")\">Due <time datetime=\"\(d.description)\">\(Words.date(d))</time> · \(overdue ? "overdue, " : "")\(Words.relative(d, from: asOf))</p>"
      } ?? "<p class=\"due\">No due date yet</p>"
      items.append("<li><h3>\(m.title ?? m.id ?? "Milestone")</h3>\(due)\(owners(m))</li>")
    }
    return "<section class=\"next\" aria-labelledby=\"h-next\"><h2 id=\"h-next\">Next up</h2><ol class=\"nextlist\">\(items)</ol></section>\n"
  }

  private func timeline() -> HTML {
    let chart = TimelineChart(plan: plan, slip: snapshot.history.slip, asOf: asOf).html
    guard chart != .empty else { return .empty }
    return "<section class=\"timeline-section\" aria-labelledby=\"h-timeline\"><h2 id=\"h-timeline\">Timeline</h2>\(chart)</section>\n"
  }

  private func trend() -> HTML {
    guard let trend = snapshot.history.trend else { return .empty }
    // The milestones that moved most, else the next open ones: the lines worth watching.
    let slips = snapshot.history.slip?.milestones ?? []
    var keys = slips.filter { !$0.moves.isEmpty && $0.dropped == nil }
      .sorted { (abs($0.slipDays ?? 0), -($0.moves.count)) > (abs($1.slipDays ?? 0), -($1.moves.count)) }.map(\.id)
    if keys.isEmpty { keys = plan.milestones.filter(\.isOpen).compactMap(\.id) }
    guard let chart = TrendChart(trend: trend, keyMilestones: Array(keys.filter { $0 != "go-live" }.prefix(4))) else { return .empty }
    return """
      <section class="trend-section" aria-labelledby="h-trend"><h2 id="h-trend">How the dates have moved</h2><p class="hint">Each line is a date as it was forecast at each revision of this plan. A flat line held; a rising line slipped.</p>\(chart.html)</section>

      """
  }

  private func changes() -> HTML {
    guard let changes = snapshot.history.changes else { return .empty }
    let entries = changes.entries.filter { isInternal || !$0.isInternal }
    let items: [HTML] = entries.map { "<li>\(Page.sentence($0, plan: plan))</li>" }
    let list: HTML = items.isEmpty ? "<p>No changes to dates, milestones, owners or stakeholders.</p>" : "<ul class=\"changes\">\(items)</ul>"
    return "<section class=\"changes-section\" aria-labelledby=\"h-changes\"><h2 id=\"h-changes\">What changed since \(changes.since)</h2>\(list)</section>\n"
  }

  private func milestones() -> HTML {
    guard !plan.milestones.isEmpty else { return .empty }
    let byStage = milestonesByStage
    var groups: [(stage: String?, items: [Milestone])] = plan.stages.map { s in (s, byStage.declared[s] ?? []) }
    if !byStage.undeclared.isEmpty { groups.append((nil, byStage.undeclared)) }
    var out: HTML = "<section class=\"milestones\" aria-labelledby=\"h-milestones\"><h2 id=\"h-milestones\">Milestones</h2>\n"
    for group in groups where !group.items.isEmpty {
      out += "<h3>\(group.stage.map(Words.humanize) ?? "Other milestones")</h3>\n<ol class=\"mlist\">\n"
      for m in group.items { out += milestone(m) }
      out += "</ol>\n"
    }
    return out + "</section>\n"
  }

  private func milestone(_ m: Milestone) -> HTML {
    let statusClass = m.status?.rawValue ?? "none"
    var pills: HTML = "<span class=\"pill st-\(statusClass)\">\(Words.status(m.status))</span>"
    if let r = m.risk { pills += " <span class=\"pill rk-\(r.rawValue)\">\(Words.risk(r))</span>" }
    var meta: [HTML] = []
    if let d = m.due {
      let late = m.isOpen && d < asOf
      meta.append("<span class=\"due\(late ? " overdue" : "")\">Due <time datetime=\"\(d.description)\">\(Words.date(d))</time>\(m.isOpen ? " · \(late ? "overdue, " : "")\(Words.relative(d, from: asOf))" : "")</span>")
    }
    if let done = m.doneOn, m.status == .done { meta.append("<span>Done <time datetime=\"\(done.description)\">\(Words.date(done))</time></span>") }
    if let s = m.id.flatMap({ slips[$0] }), let days = s.slipDays, days != 0 {
      meta.append(Self.badge(days, s.due, m.id.flatMap { snapshot.history.reasons?.milestones[$0] }))
    }
    var body: HTML = ""
    if !m.successCriteria.isEmpty {
      body += "<div class=\"criteria\"><h5>Success criteria</h5><ul class=\"checks\">\(m.successCriteria.map { c -> HTML in "<li>\(c)</li>" })</ul></div>"
    }
    let progress = m.progress.filter { $0.note != nil }
    if !progress.isEmpty {
      var entries: [HTML] = []
      for p in progress {
        let when: HTML = p.on.map { "<time datetime=\"\($0.description)\">\(Words.date($0))</time> " } ?? .empty
        let who: HTML = p.by.map { " <span class=\"by\">— \(name(of: $0))</span>" } ?? .empty
        entries.append("<li>\(when)<span class=\"note\">\(p.note ?? "")</span>\(who)</li>")
      }
      body += "<div class=\"log\"><h5>Progress</h5><ol>\(entries)</ol></div>"
    }
    let links = m.links.compactMap { l -> HTML? in
      guard let url = l.url, SafeURL.isAllowed(url) else { return nil }
      return "<li>\(HTML.link(url, "\(l.title ?? url)"))</li>"
    }
    if !links.isEmpty { body += "<ul class=\"links\">\(links)</ul>" }
    if isInternal, let note = m.internalNote {
      body += "<p class=\"internal-note\"><span class=\"tag\">Internal</span> \(note)</p>"
    }
    return """
      <li class="milestone st-\(statusClass)"><div class="mhead"><h4>\(m.title ?? m.id ?? "Milestone")</h4><p class="pills">\(pills)</p></div><p class="meta">\(meta.joined(" · "))</p>\(owners(m))\(body)</li>

      """
  }

  private func owners(_ m: Milestone) -> HTML {
    guard !m.owners.isEmpty else { return "<p class=\"owners none\">No owner yet</p>" }
    var buyer: [String] = []
    var seller: [String] = []
    var other: [String] = []
    for id in m.owners {
      let s = plan.stakeholder(id)
      switch s?.side {
      case .buyer: buyer.append(name(of: id))
      case .seller: seller.append(name(of: id))
      default: other.append(name(of: id))
      }
    }
    var parts: [HTML] = []
    if !buyer.isEmpty { parts.append("<span class=\"side buyer\">\(plan.buyer ?? "Buyer"): \(Words.list(buyer))</span>") }
    if !seller.isEmpty {
      parts.append("<span class=\"side seller\">\(snapshot.branding.seller ?? plan.seller ?? "Seller"): \(Words.list(seller))</span>")
    }
    if !other.isEmpty { parts.append("<span class=\"side other\">\(Words.list(other))</span>") }
    return "<p class=\"owners\">\(parts.joined(" "))</p>"
  }

  /// A stakeholder's name, or their role while the name is still to come.
  private func name(of id: String) -> String {
    guard let s = plan.stakeholder(id) else { return id }
    if let n = s.name, !n.isEmpty { return n }
    return "\(Words.humanize(s.role ?? id)) (to be named)"
  }

  private func stakeholders() -> HTML {
    guard !plan.stakeholders.isEmpty else { return .empty }
    let sides: [(Stakeholder.Side?, String)] = [
      (.buyer, plan.buyer ?? "Buyer"), (.seller, snapshot.branding.seller ?? plan.seller ?? "Seller"), (.partner, "Partners"),
    ]
    var out: HTML = "<section class=\"people\" aria-labelledby=\"h-people\"><h2 id=\"h-people\">Who is involved</h2><div class=\"sides\">"
    for (side, label) in sides {
      let people = plan.stakeholders.filter { $0.side == side }
      guard !people.isEmpty else { continue }
      out += "<div class=\"side-group\"><h3>\(label)</h3><ul class=\"cards\">"
      for s in people {
        let named = !(s.name ?? "").isEmpty
        let heading: HTML = named ? "\(s.name ?? "")" : "\(Words.humanize(s.role ?? "role")) <span class=\"tbd\">to be named</span>"
        var lines: [HTML] = []
        var roleLine = [s.title, named ? s.role.map(Words.humanize) : nil].compactMap { $0 }.joined(separator: " · ")
        if roleLine.isEmpty { roleLine = " " }
        lines.append("<p class=\"role\">\(roleLine)</p>")
        if !s.decides.isEmpty { lines.append("<p class=\"decides\">Decides: \(Words.list(s.decides))</p>") }
        var contact: [HTML] = []
        if let e = s.email { contact.append(HTML.link("mailto:" + e, "\(e)")) }
        if let p = s.phone { contact.append("<span>\(p)</span>") }
        if let u = s.url, SafeURL.isAllowed(u) { contact.append(HTML.link(u, "Profile")) }
        if !contact.isEmpty { lines.append("<p class=\"contact\">\(contact.joined(" · "))</p>") }
        if isInternal, let note = s.internalNote {
          lines.append("<p class=\"internal-note\"><span class=\"tag\">Internal</span> \(note)</p>")
        }
        out += "<li class=\"person\"><h4>\(heading)</h4>\(lines)</li>"
      }
      out += "</ul></div>"
    }
    return out + "</div></section>\n"
  }

  private func documents() -> HTML {
    let docs = plan.documents.compactMap { d -> HTML? in
      guard let title = d.title else { return nil }
      let kind: HTML = d.kind.map { "<span class=\"kind\">\(Words.humanize($0))</span> " } ?? .empty
      return "<li>\(kind)\(HTML.link(d.url, "\(title)"))</li>"
    }
    guard !docs.isEmpty else { return .empty }
    return "<section class=\"docs\" aria-labelledby=\"h-docs\"><h2 id=\"h-docs\">Documents</h2><ul>\(docs)</ul></section>\n"
  }

  private func story() -> HTML {
    let body = MarkdownBody(markdown: snapshot.body)
    var content: HTML = ""
    if isInternal {
      for segment in body.segments {
        content += segment.isInternal
          ? "<div class=\"internal-section\"><p class=\"tag\">Internal</p>\(HTML(trusted: segment.html))</div>"
          : HTML(trusted: segment.html)
      }
    } else {
      content = HTML(trusted: body.publicHTML)
    }
    guard content != .empty else { return .empty }
    return "<section class=\"story\" aria-labelledby=\"h-story\"><h2 id=\"h-story\">The plan in detail</h2>\n\(content)</section>\n"
  }

  private func internalOverview() -> HTML {
    guard isInternal, let deal = plan.internalNotes, deal.content != .null else { return .empty }
    return """
      <section class="internal-section deal" aria-labelledby="h-deal"><h2 id="h-deal"><span class="tag">Internal</span> Deal information</h2>\(Page.deal(deal))</section>

      """
  }

  private func footer() -> HTML {
    var parts: [HTML] = ["Plan <code>\(plan.id ?? snapshot.path)</code>"]
    if let c = snapshot.commit {
      parts.append("commit <code>\(c)</code>\(snapshot.uncommitted ? " with uncommitted changes" : "")")
    } else if snapshot.uncommitted {
      parts.append("not committed")
    }
    parts.append("as of \(Words.date(asOf))")
    parts.append("generated by \(Snapshot.generator)")
    return "<footer><p>\(parts.joined(" · "))</p></footer>\n"
  }
}

extension [HTML] {
  func joined(_ separator: HTML) -> HTML {
    var out: HTML = ""
    for (i, h) in enumerated() {
      if i > 0 { out += separator }
      out += h
    }
    return out
  }
}
