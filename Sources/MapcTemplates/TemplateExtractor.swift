import MapcJSON
import MapcModel
import MapcRender
import MapcSchedule
import MapcWorkspace
import Foundation

/// Where `mapc template extract` takes each milestone's offset from.
public enum ExtractDurations: String, Sendable, CaseIterable {
  /// The baseline due dates (the first committed ones) against the baseline go-live.
  case baseline
  /// The done dates against the go-live the plan reached.
  case actual
}

/// The dates a template is extracted against: each milestone's date by id, and go-live.
public struct ExtractDates: Sendable {
  public var goLive: CalendarDate
  public var milestones: [String: CalendarDate]

  public init(goLive: CalendarDate, milestones: [String: CalendarDate]) {
    self.goLive = goLive
    self.milestones = milestones
  }
}

/// Makes a template from a plan: the shape of the deal without the deal.
///
/// Kept: the title, value, objectives, stages, check-in cadence, the plan's calendar (the
/// offsets are counted on it), `lint`; stakeholders as roles (`id`, `side`, `role`, `title`, `decides`), their ids
/// renamed after their roles (an id is often a first name); milestones with `id`, `title`,
/// `stage`, `owners`, `offset`, `lead`, `depends_on`, `marks`, `pinned`, `success_criteria`; the
/// body without its internal sections. Left out: names, emails, phones, URLs, progress,
/// status, risk, done dates, due dates and their reasons, the compelling event, constraints,
/// documents, links, every `internal` value and `x-` field. In every text kept, the
/// buyer's and seller's names (and the leading words of them, "Brightwater" for Brightwater
/// Mutual Insurance) become `${buyer}` and `${seller}`, each stakeholder's name (and each word
/// of it) their role, and email addresses `(email)`.
public enum TemplateExtractor {
  /// The template text for `plan` (loaded from `document`), with offsets in business days
  /// from `dates.goLive` on the plan's calendar. `id` is the template's id.
  ///
  /// - Throws: ``UsageError`` when a name, email, phone or URL of a stakeholder is longer than
  ///   ``TextScrubber/maximumNameLength`` (the limit that keeps the scrubbing bounded): it could
  ///   not be removed.
  public static func extract(
    _ document: PlanDocument, dates: ExtractDates, id: String, calendar configuration: CalendarSettings?
  ) throws(UsageError) -> String {
    guard let plan = document.plan, let frontmatter = document.frontmatter else { return "" }
    // The calendar the template keeps (weekend and holidays, not the deal's blackouts), so
    // that `mapc new` counts the offsets back exactly as they were counted here.
    let planCalendar = PlanCalendar(plan: plan, configuration: configuration)
    let working = WorkingCalendar(weekend: planCalendar.weekend, holidays: planCalendar.holidays)
    let scrub = Scrubber(plan: plan)
    if let long = scrub.tooLong.first {
      throw UsageError(
        "a stakeholder's name or contact is longer than \(TextScrubber.maximumNameLength) characters (it starts "
          + "\(String(long.prefix(40)).debugDescription)); mapc cannot make sure it is removed, so it makes no template")
    }

    // Stakeholder ids after their roles: `buyer-champion`, `seller-account-executive-2`.
    var renamed: [String: String] = [:]
    var used: [String: Int] = [:]
    for s in plan.stakeholders {
      guard let old = s.id, renamed[old] == nil else { continue }
      let base = [s.side?.rawValue ?? "party", s.role ?? "other"].joined(separator: "-")
      let n = (used[base] ?? 0) + 1
      used[base] = n
      renamed[old] = n == 1 ? base : "\(base)-\(n)"
    }

    // Offsets first, then each lead cut to the business days its dependencies left it in the
    // past plan: a lead written later than the baseline (or longer than the time it took)
    // would otherwise contradict the offsets it sits between (MAP211).
    var offsets: [Int?] = plan.milestones.map { offset(of: $0, dates: dates, calendar: working) }
    var positionByID: [String: Int] = [:]
    for m in plan.milestones {
      if m.marks == .goLive { offsets[m.index] = nil }
      if let id = m.id, positionByID[id] == nil { positionByID[id] = m.marks == .goLive ? 0 : offsets[m.index] }
    }
    let leads: [Int?] = plan.milestones.map { m in
      guard let lead = m.lead else { return nil }
      guard let own = m.marks == .goLive ? 0 : offsets[m.index],
        let latest = m.dependsOn.compactMap({ positionByID[$0] }).max()
      else { return lead }
      return max(0, min(lead, own - latest))
    }

    // Milestone ids and stage names often hold a name ("priya-signoff", "acme-discovery"):
    // such words become the role or `buyer`, the same in every reference.
    let neutral = IDNeutraliser(plan: plan)
    let milestoneIDs = neutral.renaming(plan.milestones.compactMap(\.id), empty: "milestone")
    let stageNames = neutral.renaming(plan.stages, empty: "stage")
    func rename(_ v: JSONValue, _ map: [String: String]) -> JSONValue {
      switch v {
      case .string(let s): return .string(map[s] ?? s)
      case .array(let items): return .array(items.map { rename($0, map) })
      default: return v
      }
    }

    var out: [(String, JSONValue)] = [("map_template", .number(1)), ("id", .string(id))]
    if let title = plan.title { out.append(("title", .string(scrub(title)))) }
    out.append(("description", .string("Made by `mapc template extract` from a past plan; offsets from its dates to go-live.")))
    for (key, value) in frontmatter.objectValue ?? JSONObject() {
      switch key {
      case "value": out.append((key, scrub.json(value)))
      case "objectives": out.append((key, scrub.json(value)))
      case "calendar": out.append((key, scrub.json(value)))
      case "stakeholders":
        let items = (value.arrayValue ?? []).map { item -> JSONValue in
          var members: [(String, JSONValue)] = []
          for (k, v) in item.objectValue ?? JSONObject() {
            switch k {
            case "id": members.append((k, .string(v.stringValue.flatMap { renamed[$0] } ?? "party")))
            case "title": members.append((k, scrub.json(v)))
            case "side", "role", "decides": members.append((k, v))
            default: continue
            }
          }
          return .object(JSONObject(members))
        }
        out.append((key, .array(items)))
      case "stages": out.append((key, rename(value, stageNames)))
      case "milestones":
        let items = (value.arrayValue ?? []).enumerated().map { i, item -> JSONValue in
          var members: [(String, JSONValue)] = []
          for (k, v) in item.objectValue ?? JSONObject() {
            switch k {
            case "id", "depends_on": members.append((k, rename(v, milestoneIDs)))
            case "stage": members.append((k, rename(v, stageNames)))
            case "marks", "pinned": members.append((k, v))
            case "lead": if let lead = i < leads.count ? leads[i] : nil { members.append((k, .number(Double(lead)))) }
            case "title", "success_criteria": members.append((k, scrub.json(v)))
            case "owners":
              members.append((k, .array((v.arrayValue ?? []).map { o in .string(o.stringValue.flatMap { renamed[$0] } ?? "party") })))
              if let offset = i < offsets.count ? offsets[i] : nil {
                members.append(("offset", .number(Double(offset))))
              }
            default: continue
            }
          }
          return .object(JSONObject(members))
        }
        out.append((key, .array(items)))
      case "check_ins":
        if let cadence = value["cadence"] { out.append((key, .object(JSONObject([("cadence", cadence)])))) }
      case "lint": out.append((key, value))
      default: continue
      }
    }
    let body = scrub(Self.renamingMentions(in: MarkdownBody.publicSource(document.source?.body ?? ""), renamed))
    return "---\n" + YAMLEmitter.document(JSONObject(out)) + "---\n" + body
  }

  /// `text` with each `@id` of a stakeholder as `@` and the id it is renamed to.
  static func renamingMentions(in text: String, _ renamed: [String: String]) -> String {
    guard text.contains("@") else { return text }
    let characters = Array(text)
    var out = ""
    var i = 0
    while i < characters.count {
      let c = characters[i]
      out.append(c)
      i += 1
      guard c == "@", i < 2 || !(characters[i - 2].isLetter || characters[i - 2].isNumber) else { continue }
      var end = i
      while end < characters.count, characters[end].isLetter || characters[end].isNumber || characters[end] == "-" || characters[end] == "_" {
        end += 1
      }
      let word = String(characters[i..<end])
      if let to = renamed[word] {
        out += to
        i = end
      }
    }
    return out
  }

  /// Business days from the milestone's date to go-live's, when both are known; the go-live
  /// milestone needs none.
  static func offset(of m: Milestone, dates: ExtractDates, calendar: WorkingCalendar) -> Int? {
    guard m.marks != .goLive, let id = m.id, let date = dates.milestones[id] else { return nil }
    guard let days = calendar.businessDays(from: dates.goLive, to: date), abs(days) <= PlanTemplate.maximumOffset else { return nil }
    return days
  }

  /// Replaces the words of ids (plan, milestone, stage) that name the buyer or a stakeholder:
  /// a word of a stakeholder's name becomes its role, a word of the buyer's name `buyer`.
  struct IDNeutraliser {
    var words: [String: String] = [:]

    static func key(_ s: some StringProtocol) -> String {
      String(s).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    init(plan: Plan) {
      for w in (plan.buyer ?? "").split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where w.count >= 2 {
        if words[Self.key(w)] == nil { words[Self.key(w)] = "buyer" }
      }
      for s in plan.stakeholders {
        let role = s.role ?? "stakeholder"
        let name = s.name ?? ""
        // Not the stakeholder's id: one like `security` or `legal` names a role, not a person
        // (an id that is a first name is a word of the name).
        let parts = name.split(whereSeparator: { !($0.isLetter || $0.isNumber) })
        for w in parts where w.count >= 2 && !Scrubber.honorifics.contains(Self.key(w)) {
          if words[Self.key(w)] == nil { words[Self.key(w)] = role }
        }
      }
    }

    /// `id` with the words naming someone replaced (`drop`: left out), repeats merged; nil
    /// when no word is left.
    func neutral(_ id: String, drop: Bool = false) -> String? {
      var parts: [String] = []
      for part in id.split(separator: "-") {
        let replacement = words[Self.key(part)]
        if drop && replacement != nil { continue }
        let word = replacement ?? String(part)
        if parts.last != word { parts.append(word) }
      }
      return parts.isEmpty ? nil : parts.joined(separator: "-")
    }

    /// A new name for each of `ids` that names someone, unique among them all.
    func renaming(_ ids: [String], empty: String) -> [String: String] {
      var taken = Set(ids.filter { neutral($0) == $0 })
      var map: [String: String] = [:]
      for id in ids where map[id] == nil && neutral(id) != id {
        let base = neutral(id) ?? empty
        var candidate = base
        var n = 1
        while taken.contains(candidate) {
          n += 1
          candidate = "\(base)-\(n)"
        }
        taken.insert(candidate)
        map[id] = candidate
      }
      return map
    }
  }

  /// Replaces names in text: the buyer and seller with their placeholders, stakeholders'
  /// names (whole, then each word of three letters or more) with their roles, emails and
  /// phone numbers given in the plan with neutral words.
  struct Scrubber {
    var scrubber: TextScrubber

    init(plan: Plan) {
      var names: [(String, String)] = []
      // A company is often called by the start of its name ("Brightwater" for Brightwater
      // Mutual Insurance): every leading run of its words counts, down to one word of four
      // letters or more.
      for (full, placeholder) in [(plan.buyer ?? "", Placeholder.buyer), (plan.seller ?? "", .seller)] {
        let words = full.split(separator: " ")
        for n in stride(from: words.count, through: 1, by: -1) {
          let prefix = words.prefix(n).joined(separator: " ")
          if n == 1 && (prefix.count < 4 || prefix.lowercased() == "the") { continue }
          names.append((prefix, placeholder.written))
        }
      }
      var phones: [String] = []
      var domains: [String] = []
      for s in plan.stakeholders {
        let role = "the " + (s.role ?? "stakeholder").replacingOccurrences(of: "-", with: " ")
        if let email = s.email {
          names.append((email, "(email)"))
          // The buyer's web addresses share its email domain: links to them name the buyer.
          if s.side == .buyer, let at = email.lastIndex(of: "@") { domains.append(String(email[email.index(after: at)...])) }
        }
        if let phone = s.phone {
          names.append((phone, "(phone)"))
          phones.append(phone)
        }
        if let url = s.url { names.append((url, "(link)")) }
        guard let name = s.name else { continue }
        for written in Self.spellings(of: name) { names.append((written, role)) }
        for word in Self.words(of: name) { names.append((word, role)) }
      }
      scrubber = TextScrubber(names, phones: phones, domains: domains)
    }

    /// Titles that are no one's name: "Dr." is not scrubbed wherever it stands.
    static let honorifics: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "jr", "sr"]

    /// The ways a name is written whole: as given, without a leading title ("Sam Lee" for
    /// "Dr. Sam Lee"), and "First Last" for "Last, First".
    static func spellings(of name: String) -> [String] {
      var all = [name]
      let words = name.split(separator: " ")
      let untitled = words.drop { honorifics.contains($0.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "."))) }
      if untitled.count < words.count, !untitled.isEmpty { all.append(untitled.joined(separator: " ")) }
      let parts = name.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
      if parts.count == 2 { all.append("\(parts[1]) \(parts[0])") }
      return all
    }

    /// The words of a name that are scrubbed alone: of three letters or more, no title.
    static func words(of name: String) -> [String] {
      name.split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "\u{2019}") }
        .map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "'\u{2019}")) }
        .filter { $0.count >= 3 && !honorifics.contains($0.lowercased()) }
    }

    /// Names too long to be looked for: extraction stops rather than let one through.
    var tooLong: [String] { scrubber.tooLong }

    func callAsFunction(_ text: String) -> String { scrubber(text) }

    func json(_ value: JSONValue) -> JSONValue {
      switch value {
      case .string(let s): return .string(self(s))
      case .array(let items): return .array(items.map(json))
      case .object(let o): return .object(JSONObject(o.compactMap { k, v in k.hasPrefix("x-") ? nil : (k, json(v)) }))
      default: return value
      }
    }
  }
}
