import MapcJSON
import MapcModel
import MapcYAML

/// How `mapc schedule --write` moves dates.
public enum ScheduleWriteMode: Sendable, Hashable {
  /// Go-live to `goLive`, and every open, unpinned milestone (the value stage too) by the same
  /// number of business days.
  case shift(goLive: CalendarDate)
  /// Every open, unpinned milestone with a route to go-live to its late date.
  case alap
}

/// One date the writer moves: a milestone's `due`, or the plan's `go_live` or `value_date`.
public struct DateMove: Sendable, Hashable {
  /// The milestone's id (`#n` without one), or `go_live` / `value_date` for the plan's dates.
  public var name: String
  /// The milestone's position in `milestones`; nil for a plan date.
  public var milestone: Int?
  public var from: CalendarDate
  public var to: CalendarDate
  /// Business days from `from` to `to` on the calendar of the milestone (the plan's for a plan
  /// date); nil beyond the calendar's span.
  public var businessDays: Int?

  /// `security-review: 2027-01-08 → 2027-01-15 (+5 business days)`.
  public var line: String {
    guard let n = businessDays else { return "\(name): \(from) → \(to)" }
    return "\(name): \(from) → \(to) (\(n > 0 ? "+" : "")\(n) business day\(n == 1 || n == -1 ? "" : "s"))"
  }
}

/// The plan file as the writer would leave it.
public struct ScheduleEdit: Sendable {
  /// The file's bytes as read.
  public var original: [UInt8]
  /// The file's bytes with the dates moved: equal to ``original`` outside the date scalars
  /// and the `due_reason` values and lines.
  public var edited: [UInt8]
  /// The dates moved: the plan's first (`go_live`, `value_date`), then milestones in plan order.
  public var moves: [DateMove]
  fileprivate var edits: [SourceEdits.Edit]

  /// The change as a unified diff (`--- a/PATH`, `+++ b/PATH`, three lines of context); empty
  /// when nothing moves.
  public func unifiedDiff(path: String) -> String {
    UnifiedDiff.render(original: original, edits: edits, path: path)
  }
}

/// Why the writer refuses a plan; nothing is written.
public struct ScheduleWriteError: Error, Sendable, Hashable, CustomStringConvertible {
  public var message: String
  public var help: String?

  public init(_ message: String, help: String? = nil) {
    self.message = message
    self.help = help
  }

  public var description: String { message }
}

/// Moves the dates of a plan file for `mapc schedule --write`, changing only the date scalars
/// (and writing `due_reason`), so that comments, quoting, key order, line endings and the body
/// stay byte for byte as they were.
///
/// Each value is found through the YAML source map (``PlanDocument/sourceMap()``). A date is
/// rewritten only when it is written as a plain, single- or double-quoted `YYYY-MM-DD` scalar;
/// an anchored or aliased date is refused. The reason becomes each moved milestone's
/// `due_reason`: an existing value is replaced; otherwise a `due_reason:` line goes right after
/// the `due` line (same indentation and line ending), or `, due_reason: "…"` right after the
/// `due` value in a flow mapping. The result is read back and must give the same frontmatter
/// as the plan with the new values and the same body, or nothing is written.
///
/// Time: linear in the file's size plus the schedule's cost (see ``Scheduler``).
public enum ScheduleWriter {
  /// The plan in `bytes` with its dates moved by `mode`, each moved milestone's `due_reason`
  /// set to `reason`.
  ///
  /// - Throws: ``ScheduleWriteError`` for a plan that cannot be read or scheduled (a dependency
  ///   cycle), a go-live to shift that is missing, done or pinned, a date beyond the calendar's
  ///   span, a date written in a form the writer does not rewrite, or an edit that would change
  ///   more than the dates.
  public static func edit(
    bytes: [UInt8], calendar: CalendarSettings?, today: CalendarDate, mode: ScheduleWriteMode, reason: String
  ) throws(ScheduleWriteError) -> ScheduleEdit {
    let document = PlanDocument(bytes: bytes)
    if let problem = document.firstError {
      let at = problem.position.map { "\($0.line):\($0.column): " } ?? ""
      throw ScheduleWriteError(at + problem.message, help: "run `mapc lint` on the plan for details")
    }
    guard let plan = document.plan, let frontmatter = document.frontmatter, let source = document.source,
      let map = document.sourceMap()
    else { throw ScheduleWriteError("cannot read the plan") }

    let planCalendar = PlanCalendar(plan: plan, configuration: calendar)
    let calendars = Scheduler.Calendars(plan: plan, calendar: planCalendar)
    let schedule: Schedule
    do {
      schedule = try Scheduler.schedule(plan, calendars: calendars, today: today, holdingPinned: mode == .alap)
    } catch {
      throw ScheduleWriteError(error.description, help: "remove the dependency that is not real; milestones in a cycle can never start")
    }

    let moves: [DateMove]
    switch mode {
    case .shift(let goLive): moves = try shiftMoves(plan, schedule: schedule, calendars: calendars, to: goLive)
    case .alap: moves = alapMoves(plan, schedule: schedule, calendars: calendars)
    }

    var writer = Edits(lines: ByteLines(bytes), map: map)
    // What the frontmatter must read as afterwards, built in one pass (the milestone list is
    // taken out and put back once, not copied for each move).
    var root = frontmatter.objectValue ?? JSONObject()
    var list = root["milestones"]?.arrayValue ?? []
    root["milestones"] = nil
    for move in moves {
      if let i = move.milestone {
        let m = plan.milestones[i]
        try writer.date(at: m.pointer("due"), from: move.from, to: move.to, name: move.name)
        try writer.reason(reason, milestone: m)
        guard i < list.count, var object = list[i].objectValue else { continue }
        object["due"] = .string(move.to.description)
        object["due_reason"] = .string(reason)
        list[i] = .object(object)
      } else {
        try writer.date(at: JSONPointer.root.appending(move.name), from: move.from, to: move.to, name: move.name)
        root[move.name] = .string(move.to.description)
      }
    }
    if frontmatter["milestones"] != nil { root["milestones"] = .array(list) }
    let expected = JSONValue.object(root)
    guard let edits = writer.edits.sorted else {
      throw ScheduleWriteError("internal error: two edits of the plan overlap; nothing written")
    }
    let edited = SourceEdits.apply(edits, to: bytes)

    // Read back: the new file must say the same as the old one with the new values.
    let check = PlanDocument(bytes: edited)
    guard check.firstError == nil, check.frontmatter == expected, check.source?.body == source.body else {
      throw ScheduleWriteError(
        "the plan's YAML is written in a way the writer cannot edit safely; nothing written",
        help: "move the dates by hand, or write each milestone's `due` as a plain `due: YYYY-MM-DD` line")
    }
    return ScheduleEdit(original: bytes, edited: edited, moves: moves, edits: edits)
  }

  // MARK: - What moves

  /// `--write shift`: go-live to `newGoLive`; every other open, unpinned milestone with a due
  /// date by the same number of business days, counted on the go-live's calendar and applied
  /// on each milestone's own (WORKDAY); `value_date` with its marked milestone, or by the same
  /// count on the plan's calendar.
  static func shiftMoves(
    _ plan: Plan, schedule: Schedule, calendars: Scheduler.Calendars, to newGoLive: CalendarDate
  ) throws(ScheduleWriteError) -> [DateMove] {
    guard let oldGoLive = schedule.goLive else {
      throw ScheduleWriteError(
        "the plan has no go-live to shift", help: "set `go_live`, or mark the go-live milestone with `marks: go_live`")
    }
    let ms = plan.milestones
    let marked = schedule.goLiveMilestone
    let goLiveCalendar = marked.map(calendars.of) ?? calendars.base
    guard let count = goLiveCalendar.businessDays(from: oldGoLive, to: newGoLive) else {
      throw ScheduleWriteError("\(newGoLive) is more than \(WorkingCalendar.maximumSpanDays) days from go-live on \(oldGoLive)")
    }
    if let g = marked, ms[g].due != newGoLive, !ms[g].isOpen || ms[g].pinned {
      throw ScheduleWriteError(
        "the go-live milestone `\(name(ms[g]))` is \(ms[g].pinned ? "pinned" : "done"); it cannot move",
        help: ms[g].pinned ? "remove `pinned: true` from it to move go-live" : nil)
    }
    func shifted(_ date: CalendarDate, on calendar: WorkingCalendar, what: String) throws(ScheduleWriteError) -> CalendarDate {
      guard let d = calendar.workday(from: date, count) else {
        throw ScheduleWriteError("\(what) cannot move \(count) business days from \(date): beyond the calendar's span")
      }
      return d
    }

    var moves: [DateMove] = []
    if let old = plan.goLive, old != newGoLive {
      moves.append(DateMove(name: "go_live", from: old, to: newGoLive, businessDays: goLiveCalendar.businessDays(from: old, to: newGoLive)))
    }
    var milestoneMoves: [DateMove] = []
    var markedValue: CalendarDate?
    for m in ms where m.isOpen && !m.pinned {
      guard let due = m.due else { continue }
      let calendar = calendars.of(m.index)
      var to = newGoLive
      if m.index != marked { to = try shifted(due, on: calendar, what: "`\(name(m))`") }
      if m.marks == .valueDate { markedValue = to }
      guard to != due else { continue }
      milestoneMoves.append(
        DateMove(name: name(m), milestone: m.index, from: due, to: to, businessDays: calendar.businessDays(from: due, to: to)))
    }
    if let old = plan.valueDate {
      let hasMarked = ms.contains { $0.marks == .valueDate && $0.status != .cancelled }
      var to = markedValue ?? old
      if !hasMarked { to = try shifted(old, on: calendars.base, what: "`value_date`") }
      if to != old {
        moves.append(DateMove(name: "value_date", from: old, to: to, businessDays: calendars.base.businessDays(from: old, to: to)))
      }
    }
    return moves + milestoneMoves
  }

  /// `--write alap`: every open, unpinned milestone that has a late date and a due date to it.
  static func alapMoves(_ plan: Plan, schedule: Schedule, calendars: Scheduler.Calendars) -> [DateMove] {
    var moves: [DateMove] = []
    for e in schedule.milestones {
      let m = plan.milestones[e.index]
      guard m.isOpen, !m.pinned, let due = m.due, let late = e.late, late != due else { continue }
      moves.append(
        DateMove(
          name: name(m), milestone: e.index, from: due, to: late, businessDays: calendars.of(e.index).businessDays(from: due, to: late)))
    }
    return moves
  }

  static func name(_ m: Milestone) -> String { m.id ?? "#\(m.index + 1)" }

  // MARK: - Where the bytes are

  /// The edits of one plan, found through the source map.
  private struct Edits {
    let lines: ByteLines
    let map: YAMLSourceMap
    var edits = SourceEdits()

    /// The bytes of the value at `pointer`.
    func value(at pointer: JSONPointer) -> Range<Int>? {
      guard let entry = map.entry(for: pointer), let start = lines.offset(of: entry.value),
        let end = lines.offset(of: entry.valueEnd), start <= end
      else { return nil }
      return start..<end
    }

    /// Replaces the date at `pointer` (`from`, plain or quoted) with `to`.
    mutating func date(at pointer: JSONPointer, from: CalendarDate, to: CalendarDate, name: String) throws(ScheduleWriteError) {
      guard let range = value(at: pointer) else {
        throw ScheduleWriteError("internal error: cannot find the date of `\(name)` in the file; nothing written")
      }
      let old = Array(from.description.utf8)
      let written = Array(lines.bytes[range])
      let inner: Range<Int>
      if written == old {
        inner = range
      } else if written.count == old.count + 2, let q = written.first, q == UInt8(ascii: "\"") || q == UInt8(ascii: "'"),
        written.last == q, Array(written[1..<(written.count - 1)]) == old
      {
        inner = (range.lowerBound + 1)..<(range.upperBound - 1)
      } else {
        let text = String(decoding: written, as: UTF8.self)
        throw ScheduleWriteError(
          "the date of `\(name)` is written as `\(text)`; mapc rewrites only `\(from)`, `\"\(from)\"` or `'\(from)'`; nothing written",
          help: "write it as a plain date, without an anchor, alias or tag")
      }
      edits.replace(inner, with: to.description)
    }

    /// Sets `m`'s `due_reason` to `reason`: replaces the value, or adds the key after `due`.
    mutating func reason(_ reason: String, milestone m: Milestone) throws(ScheduleWriteError) {
      let quoted = YAMLText.doubleQuoted(reason)
      let name = ScheduleWriter.name(m)
      if let range = value(at: m.pointer("due_reason")) {
        if lines.bytes[range].first == UInt8(ascii: "&") {
          throw ScheduleWriteError(
            "the `due_reason` of `\(name)` carries an anchor; nothing written", help: "remove the anchor, or set the reason by hand")
        }
        edits.replace(range, with: quoted)
        return
      }
      guard let due = map.entry(for: m.pointer("due")), let dueEnd = lines.offset(of: due.valueEnd),
        let key = due.key, let milestone = value(at: m.pointer())
      else { throw ScheduleWriteError("internal error: cannot find the milestone `\(name)` in the file; nothing written") }
      if lines.bytes[milestone.lowerBound] == UInt8(ascii: "{") {
        edits.insert(", due_reason: " + quoted, at: dueEnd)
      } else {
        let (next, ending) = lines.end(ofLine: lines.line(ofByte: dueEnd))
        edits.insert(String(repeating: " ", count: key.column - 1) + "due_reason: " + quoted + ending, at: next)
      }
    }
  }
}
