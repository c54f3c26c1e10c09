import MapcJSON
import MapcModel
import MapcSchedule
import MapcWorkspace

/// What `mapc new` is asked for: the plan's id, the buyer and seller, the dates.
public struct NewPlanRequest: Sendable {
  public var id: String
  public var buyer: String
  /// The seller; nil takes the template's `seller`.
  public var seller: String?
  public var goLive: CalendarDate
  /// The value date; nil takes the date of the template's milestone marked `value_date`.
  public var valueDate: CalendarDate?
  public var today: CalendarDate
  /// Milestones that would be due before today are marked done today, instead of due today.
  public var doneBeforeToday: Bool
  /// The configuration's working calendar (`calendar` in mapc.yml), under the template's own.
  public var calendar: CalendarSettings?

  public init(
    id: String, buyer: String, seller: String? = nil, goLive: CalendarDate, valueDate: CalendarDate? = nil,
    today: CalendarDate, doneBeforeToday: Bool = false, calendar: CalendarSettings? = nil
  ) {
    self.id = id
    self.buyer = buyer
    self.seller = seller
    self.goLive = goLive
    self.valueDate = valueDate
    self.today = today
    self.doneBeforeToday = doneBeforeToday
    self.calendar = calendar
  }
}

/// A plan made from a template: its file text, and what `mapc new` says about it.
public struct NewPlan: Sendable, Hashable {
  /// The whole plan file.
  public var text: String
  public var milestoneCount: Int
  public var goLive: CalendarDate
  /// The earliest due date of the plan.
  public var firstDue: CalendarDate?
  public var valueDate: CalendarDate?
  /// Things the user must know: the short runway.
  public var warnings: [String]

  /// The pattern of a plan id (the schema's `id`).
  static func isValidID(_ id: String) -> Bool { id.wholeMatch(of: /[a-z0-9][a-z0-9-]*/) != nil }

  /// Makes the plan: every milestone `not-started` and due as ``TemplateDates`` says, the
  /// placeholders filled, the template's `offset`s and description dropped. When the earliest
  /// milestones would be due before `today`, they are due today (or done today, with
  /// ``NewPlanRequest/doneBeforeToday``) and ``warnings`` says how short the runway is.
  ///
  /// - Throws: ``UsageError`` for a bad id, a go-live before today, a value date before
  ///   go-live, a missing seller, an unknown placeholder or one without a value, a
  ///   dependency cycle in the template, a `--buyer` or `--seller` with a control character, or
  ///   a milestone whose offset from go-live leaves the supported dates.
  public static func make(from template: PlanTemplate, templatePath: String, _ request: NewPlanRequest) throws(UsageError) -> NewPlan {
    guard isValidID(request.id) else {
      throw UsageError(
        "--id must be kebab-case (lowercase letters, digits and hyphens, starting with a letter or digit), got '\(request.id)'")
    }
    guard !request.buyer.isEmpty else { throw UsageError("--buyer must not be empty") }
    // A line break in a name would end a section of the body early (an `## ... (internal)`
    // one, whose guidance would then show to the buyer), or break a frontmatter line.
    for (option, value) in [("--buyer", request.buyer), ("--seller", request.seller ?? "")] {
      if let c = value.unicodeScalars.first(where: isControl) {
        throw UsageError(
          "\(option) must be one line of text: it holds the control character U+\(String(c.value, radix: 16, uppercase: true).leftPadded(4))")
      }
    }
    guard request.goLive >= request.today else {
      throw UsageError(
        "go-live \(request.goLive) is before today (\(request.today))", help: "give a go-live on or after today, or set --today")
    }
    if let v = request.valueDate, v <= request.goLive {
      throw UsageError("--value-date \(v) must be after go-live (\(request.goLive)): the value date is the first ROI check")
    }
    guard let seller = request.seller ?? template.seller, !seller.isEmpty else {
      throw UsageError("the template names no seller", help: "give --seller NAME, or add `seller:` to \(templatePath)")
    }
    let calendar = PlanCalendar(plan: template.plan, configuration: request.calendar)
    var dues: [CalendarDate?]
    do {
      dues = try TemplateDates.dues(template, goLive: request.goLive, valueDate: request.valueDate, calendar: calendar)
    } catch {
      throw UsageError("\(templatePath): \(error)", help: "run `mapc lint \(templatePath)`")
    }
    let ms = template.plan.milestones
    // An offset that leaves the calendar (years 1 to 9999) has no date: the milestone would
    // silently fall back to go-live, so mapc refuses instead.
    let working0 = calendar.workingCalendar(for: PlanCalendar.Target(id: nil, stage: nil, sides: []))
    for m in ms where m.marks != .goLive && !(m.marks == .valueDate && request.valueDate != nil) {
      guard let offset = template.offsets[m.index], working0.workday(from: request.goLive, offset) == nil else { continue }
      throw UsageError(
        "go-live \(request.goLive) puts milestone `\(m.id ?? "#\(m.index + 1)")` \(offset.magnitude) business days "
          + "\(offset < 0 ? "before" : "after") it, outside the dates mapc supports (0001-01-01 to 9999-12-31)",
        help: "give a go-live nearer today")
    }
    let valueMilestone = ms.first { $0.marks == .valueDate }
    let valueDate = request.valueDate ?? valueMilestone.flatMap { dues[$0.index] }

    // The short runway: what would be due before today is due today (or done today).
    var warnings: [String] = []
    var done = [Bool](repeating: false, count: ms.count)
    let working = calendar.workingCalendar(for: PlanCalendar.Target(id: nil, stage: nil, sides: []))
    if let earliest = dues.compactMap({ $0 }).min(), earliest < request.today {
      let leaves = working.businessDays(from: request.today, to: request.goLive) ?? 0
      let needs = working.businessDays(from: earliest, to: request.goLive) ?? 0
      let early = dues.indices.filter { dues[$0].map { $0 < request.today } ?? false }
      for i in early {
        dues[i] = request.today
        done[i] = request.doneBeforeToday
      }
      warnings.append(
        "go-live leaves \(leaves) business days; the template needs \(needs) from today"
          + "; \(early.count) milestone\(early.count == 1 ? " is" : "s are") "
          + (request.doneBeforeToday ? "marked done today" : "due today"))
    }

    var values: [Placeholder: String] = [
      .buyer: request.buyer, .seller: seller, .goLive: request.goLive.description,
    ]
    if let valueDate { values[.valueDate] = valueDate.description }
    try checkPlaceholders(template, values: values, templatePath: templatePath)
    func fill(_ value: JSONValue) -> JSONValue {
      switch value {
      case .string(let s): return .string(Placeholders.fill(s, with: values))
      case .array(let items): return .array(items.map(fill))
      case .object(let o): return .object(JSONObject(o.map { ($0.key, fill($0.value)) }))
      default: return value
      }
    }

    var out: [(String, JSONValue)] = [
      ("map", .number(1)), ("id", .string(request.id)),
      ("title", fill(template.frontmatter["title"] ?? .string(request.id))),
      ("buyer", .string(request.buyer)), ("seller", .string(seller)),
    ]
    var datesWritten = false
    func writeDates() {
      guard !datesWritten else { return }
      datesWritten = true
      out.append(("go_live", .string(request.goLive.description)))
      if let valueDate { out.append(("value_date", .string(valueDate.description))) }
    }
    for (key, value) in template.frontmatter.objectValue ?? JSONObject() {
      switch key {
      case "map_template", "id", "title", "description", "seller": continue
      case "calendar", "stakeholders", "stages", "milestones", "documents", "check_ins", "internal", "lint": writeDates()
      default: break
      }
      if key == "milestones" {
        let items = (value.arrayValue ?? []).enumerated().map { i, item in
          milestone(fill(item), due: i < dues.count ? dues[i] : nil, done: i < done.count && done[i], today: request.today)
        }
        out.append((key, .array(items)))
      } else {
        out.append((key, fill(value)))
      }
    }
    writeDates()
    let frontmatter = JSONObject(out)
    let text = "---\n" + YAMLEmitter.document(frontmatter) + "---\n" + Placeholders.fill(template.body, with: values)
    // The plan must read back through the one loader as exactly what was built: a quoting
    // mistake here would otherwise reach the user's repository.
    let check = PlanDocument(text: text)
    guard check.frontmatter == .object(frontmatter), check.firstError == nil else {
      throw UsageError("internal error: the plan made from \(templatePath) does not read back as written")
    }
    return NewPlan(
      text: text, milestoneCount: ms.count, goLive: request.goLive, firstDue: dues.compactMap { $0 }.min(), valueDate: valueDate, warnings: warnings)
  }

  /// One milestone of the plan: the template's members in order, `offset` dropped, `due` and
  /// `status` (and `done_on`) after `owners`.
  static func milestone(_ item: JSONValue, due: CalendarDate?, done: Bool, today: CalendarDate) -> JSONValue {
    guard let o = item.objectValue else { return item }
    var members: [(String, JSONValue)] = []
    var placed = false
    func place() {
      guard !placed else { return }
      placed = true
      if let due { members.append(("due", .string(due.description))) }
      members.append(("status", .string(done ? "done" : "not-started")))
      if done { members.append(("done_on", .string(today.description))) }
    }
    for (key, value) in o {
      if key == "offset" { continue }
      if !["id", "title", "stage", "owners"].contains(key) { place() }
      members.append((key, value))
    }
    place()
    return .object(JSONObject(members))
  }

  /// A control character (C0, C1 with NEL, DEL) or a line or paragraph separator.
  static func isControl(_ c: Unicode.Scalar) -> Bool {
    c.properties.generalCategory == .control || c == "\u{2028}" || c == "\u{2029}"
  }

  /// Refuses a template with an unknown placeholder, or one without a value (`${value_date}`
  /// with no value date), naming where it is.
  static func checkPlaceholders(_ template: PlanTemplate, values: [Placeholder: String], templatePath: String) throws(UsageError) {
    var problems: [String] = []
    for (pointer, text) in template.frontmatterStrings {
      for use in Placeholders.uses(in: text) {
        problems += problem(use, values: values, at: "`\(pointer)`")
      }
    }
    for use in Placeholders.uses(in: template.body) {
      problems += problem(use, values: values, at: "the body")
    }
    guard let first = problems.first else { return }
    let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
    let help =
      first.contains("unknown")
      ? "the placeholders are \(Placeholder.allCases.map(\.written).joined(separator: ", ")); run `mapc lint \(templatePath)`"
      : "give --value-date DATE, or mark a milestone `marks: value_date` in the template"
    throw UsageError("\(templatePath): \(first)\(more)", help: help)
  }

  private static func problem(_ use: PlaceholderUse, values: [Placeholder: String], at place: String) -> [String] {
    guard let p = use.placeholder else { return ["unknown placeholder `${\(use.name)}` in \(place)"] }
    return values[p] == nil ? ["`\(p.written)` in \(place) has no value: the plan has no value date"] : []
  }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: "0", count: max(0, width - count)) + self
  }
}
