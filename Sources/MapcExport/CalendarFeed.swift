import MapcHistory
import MapcModel
import MapcPortfolio

/// One all-day event of a calendar feed.
public struct CalendarEvent: Sendable, Hashable {
  /// Stable across renames and date moves, and free of identifying data (``CalendarFeed/uid(plan:key:)``).
  public var uid: String
  /// How many times the date moved (from the history).
  public var sequence: Int
  /// DTSTAMP and LAST-MODIFIED: seconds since 1970, UTC.
  public var stamp: Int64
  public var start: CalendarDate
  /// The day after the last day (RFC 5545: DTEND is exclusive).
  public var end: CalendarDate
  public var summary: String
  public var description: String
  public var categories: [String]
  public var url: String?

  public init(
    uid: String, sequence: Int, stamp: Int64, start: CalendarDate, end: CalendarDate, summary: String, description: String,
    categories: [String], url: String?
  ) {
    self.uid = uid
    self.sequence = sequence
    self.stamp = stamp
    self.start = start
    self.end = end
    self.summary = summary
    self.description = description
    self.categories = categories
    self.url = url
  }
}

/// An RFC 5545 calendar a buyer subscribes to: one all-day VEVENT per open milestone with a due
/// date (done ones on request, cancelled ones never), the go-live and the value date (unless a
/// milestone marks them: `marks: go_live`, `marks: value_date`), the compelling event and each blackout period.
///
/// Feed conventions (RFC 5545, RFC 7986): `METHOD:PUBLISH`, no `ORGANIZER` or `ATTENDEE` (a feed
/// invites nobody), `TRANSP:TRANSPARENT` (a milestone does not make anyone busy), VEVENT rather
/// than VTODO (Google Calendar shows no VTODO), and `REFRESH-INTERVAL` / `X-PUBLISHED-TTL`
/// (clients may refresh less often: Google about every 12–24 hours).
public struct CalendarFeed: Sendable {
  public var name: String
  public var events: [CalendarEvent]
  /// The refresh interval asked of subscribers, in hours.
  public var refreshHours: Int

  /// What the feed asks of subscribers: twice a day.
  public static let defaultRefreshHours = 12

  public init(name: String, events: [CalendarEvent], refreshHours: Int = defaultRefreshHours) {
    self.name = name
    self.events = events
    self.refreshHours = refreshHours
  }

  /// The feed as an `.ics` file.
  public func render() -> String {
    var w = ICSWriter()
    w.raw("BEGIN", "VCALENDAR")
    w.raw("VERSION", "2.0")
    w.raw("PRODID", "-//mapc//mapc calendar//EN")
    w.raw("CALSCALE", "GREGORIAN")
    w.raw("METHOD", "PUBLISH")
    w.text("NAME", name)
    w.text("X-WR-CALNAME", name)
    w.raw("REFRESH-INTERVAL;VALUE=DURATION", "PT\(refreshHours)H")
    w.raw("X-PUBLISHED-TTL", "PT\(refreshHours)H")
    for e in events {
      w.raw("BEGIN", "VEVENT")
      w.raw("UID", e.uid)
      w.raw("SEQUENCE", String(e.sequence))
      w.raw("DTSTAMP", ICSWriter.utcDateTime(e.stamp))
      w.raw("LAST-MODIFIED", ICSWriter.utcDateTime(e.stamp))
      w.raw("DTSTART;VALUE=DATE", ICSWriter.date(e.start))
      w.raw("DTEND;VALUE=DATE", ICSWriter.date(e.end))
      w.text("SUMMARY", e.summary)
      if !e.description.isEmpty { w.text("DESCRIPTION", e.description) }
      if !e.categories.isEmpty { w.textList("CATEGORIES", e.categories) }
      if let url = e.url { w.raw("URL", url) }
      w.raw("TRANSP", "TRANSPARENT")
      w.raw("END", "VEVENT")
    }
    w.raw("END", "VCALENDAR")
    return w.render()
  }

  /// The UID of an event: a SHA-256 of the plan id and the event's key (a milestone id, or
  /// `go_live`, `value_date`, `compelling_event`, `blackout:<what>`), shaped like a UUID. The
  /// ids cannot be read back from it, and a title change or a date move keeps it.
  public static func uid(plan: String, key: String) -> String {
    let hex = Array(SHA256.hex(Array("mapc-calendar\u{0}\(plan)\u{0}\(key)".utf8)).prefix(32))
    let groups = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }
    return groups.joined(separator: "-") + "@mapc"
  }
}

/// What a feed is built from, besides the plans.
public struct CalendarOptions: Sendable {
  public var audience: ExportAudience
  /// Done milestones become events too (`--include done`).
  public var includeDone: Bool
  /// The stamp of an event whose plan has no commit (outside git, or not committed yet):
  /// `--as-of` or `SOURCE_DATE_EPOCH`, in seconds since 1970 (UTC); nil when neither is given.
  public var fallbackStamp: Int64?
  /// `export.snapshot_url`: events link to `<url>/<plan id>.html`.
  public var snapshotURL: String?

  public init(audience: ExportAudience, includeDone: Bool = false, fallbackStamp: Int64? = nil, snapshotURL: String? = nil) {
    self.audience = audience
    self.includeDone = includeDone
    self.fallbackStamp = fallbackStamp
    self.snapshotURL = snapshotURL
  }
}

/// Turns plans into calendar events.
public enum CalendarEvents {
  /// A plan without a commit and no `--as-of`/`SOURCE_DATE_EPOCH`: the feed would need the clock.
  public struct MissingStamp: Error, Sendable {
    public var plan: String
  }

  /// The events of `plan`: milestones in plan order, then the key dates and blackouts. SEQUENCE
  /// is the number of date moves in the history (0 for the value date, the compelling event and
  /// blackouts, whose moves the history does not track); DTSTAMP and LAST-MODIFIED are the time
  /// of the last revision that changed the milestone (the plan, for the other events).
  public static func events(of plan: ExportPlan, options: CalendarOptions) throws(MissingStamp) -> [CalendarEvent] {
    // The plan's last change dates the key dates; each milestone's own last change dates it.
    guard let planStamp = plan.status.lastChange?.time ?? options.fallbackStamp else { throw MissingStamp(plan: plan.path) }
    let p = plan.plan
    let planName = p.title ?? p.buyer ?? plan.id
    let url = snapshotLink(plan.id, base: options.snapshotURL)
    var events: [CalendarEvent] = []
    var keys = Set<String>()
    func add(key: String, sequence: Int, stamp: Int64 = planStamp, from: CalendarDate, through: CalendarDate, summary: String, description: [String], categories: [String]) {
      // RFC 5545 writes four-digit years: an event ending after 9999 cannot be written.
      guard through.year < 9999 || (through.month, through.day) != (12, 31) else { return }
      var unique = key
      var n = 2
      while !keys.insert(unique).inserted {
        unique = "\(key)#\(n)"
        n += 1
      }
      events.append(
        CalendarEvent(
          uid: CalendarFeed.uid(plan: plan.id, key: unique), sequence: sequence, stamp: stamp, start: from,
          end: through.adding(days: 1), summary: summary, description: description.joined(separator: "\n"),
          categories: categories, url: url))
    }
    var marksGoLive = false
    var marksValueDate = false
    for m in p.milestones {
      guard let id = m.id, !id.isEmpty, !keys.contains(id) else { continue }
      if m.marks == .goLive { marksGoLive = true }
      if m.marks == .valueDate { marksValueDate = true }
      if m.status == .cancelled { continue }
      if m.status == .done && !options.includeDone { continue }
      let day = m.status == .done ? (m.doneOn ?? m.due) : m.due
      guard let day else { continue }
      let slip = plan.slip(of: id)
      let fact = plan.fact(of: id)
      var lines = ["Plan: \(planName)"]
      let owners = m.owners.map { owner in ownerName(owner, in: p) }
      if !owners.isEmpty { lines.append("Owners: \(owners.joined(separator: ", "))") }
      lines.append("Status: \(words(m.status?.rawValue ?? "not-started"))")
      if let risk = m.risk { lines.append("Risk: \(words(risk.rawValue))") }
      lines += slipLines(slip?.due, audience: options.audience)
      add(
        key: id, sequence: fact?.moveCount ?? 0, stamp: fact?.lastChange?.time ?? planStamp, from: day, through: day, summary: "\(m.title ?? id) — \(planName)",
        description: lines, categories: m.stage.map { [$0] } ?? [])
    }
    if !marksGoLive, let goLive = p.goLive {
      let track = plan.slip?.goLive
      add(
        key: "go_live", sequence: track?.moves.count ?? 0, from: goLive, through: goLive, summary: "Go-live — \(planName)",
        description: ["Plan: \(planName)"] + slipLines(track, audience: options.audience), categories: ["go-live"])
    }
    if !marksValueDate, let value = p.valueDate {
      var lines = ["Plan: \(planName)"]
      if let statement = p.value { lines.append("Value: \(statement)") }
      add(
        key: "value_date", sequence: 0, from: value, through: value, summary: "Value review — \(planName)", description: lines,
        categories: ["value"])
    }
    if let event = p.compellingEvent, let date = event.date {
      add(
        key: "compelling_event", sequence: 0, from: date, through: date,
        summary: "Compelling event: \(event.what ?? "deadline") — \(planName)", description: ["Plan: \(planName)"],
        categories: ["compelling-event"])
    }
    for c in p.constraints where c.isBlackout {
      guard let from = c.from ?? c.date else { continue }
      let to = max(from, c.to ?? from)
      add(
        key: "blackout:\(c.what ?? String(c.index))", sequence: 0, from: from, through: to,
        summary: "Blackout: \(c.what ?? "no changes") — \(planName)", description: ["Plan: \(planName)"],
        categories: ["blackout"])
    }
    return events
  }

  /// The link to the plan's published snapshot: render --all names it `<id>.html` when the id
  /// is a plain file name.
  static func snapshotLink(_ id: String, base: String?) -> String? {
    guard let base, !base.isEmpty else { return nil }
    guard !id.isEmpty, id != "index", id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
    else { return nil }
    let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
    return "\(trimmed)/\(id).html"
  }

  static func ownerName(_ owner: String, in plan: Plan) -> String {
    let s = plan.stakeholder(owner)
    let name = MilestoneExport.Facts.name(of: s, id: owner)
    guard let side = s?.side else { return name }
    return "\(name) (\(side.rawValue))"
  }

  static func words(_ value: String) -> String { value.replacing("-", with: " ") }

  /// "Slip: +14 days since baseline 2026-12-04", "Last moved … on 2026-11-20: reason". The buyer
  /// sees a reason only when it is the plan's own `due_reason` (a commit trailer is the seller's
  /// record, as in `render` and `diff`).
  static func slipLines(_ track: DateSlip?, audience: ExportAudience) -> [String] {
    guard let track, let baseline = track.baseline, let slip = track.slipDays, slip != 0 || !track.moves.isEmpty else { return [] }
    var lines = ["Slip: \(slip > 0 ? "+" : "")\(slip) days since baseline \(baseline)"]
    if let last = track.moves.last {
      var line = "Last moved \(last.from) → \(last.to) on \((last.mergedIn ?? last.revision).date)"
      if let reason = last.reason, audience == .internal || last.reasonSource == .dueReason { line += ": \(reason)" }
      lines.append(line)
    }
    return lines
  }
}
