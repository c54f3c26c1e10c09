import MapcJSON

/// A plan's frontmatter as typed values, read leniently: a value of the wrong type reads as
/// absent (the schema reports it), so rules can run on any plan that parses.
///
/// Every key of the format is here as a typed value, and every element remembers its index, so
/// findings can point at it (``Milestone/pointer(_:)``).
public struct Plan: Sendable {
  /// A top-level property of the format, for ``presence(of:)``.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    case map, id, title, buyer, seller, value, objectives
    case compellingEvent = "compelling_event"
    case goLive = "go_live"
    case valueDate = "value_date"
    case constraints, stakeholders, stages, milestones, documents
    case checkIns = "check_ins"
    case `internal`, lint, calendar

    /// The JSON type the format gives the property.
    var expectedType: ExpectedType {
      switch self {
      case .map: return .number
      case .objectives, .constraints, .stakeholders, .stages, .milestones, .documents: return .array
      case .compellingEvent, .checkIns, .internal, .lint, .calendar: return .object
      case .id, .title, .buyer, .seller, .value, .goLive, .valueDate: return .string
      }
    }
  }

  public var id: String?
  public var title: String?
  public var buyer: String?
  public var seller: String?
  public var value: String?
  public var goLive: CalendarDate?
  public var valueDate: CalendarDate?
  public var compellingEvent: CompellingEvent?
  public var stakeholders: [Stakeholder] {
    didSet { stakeholderPositions = Self.positions(of: stakeholders.map(\.id)) }
  }
  public var stages: [String] {
    didSet { stagePositions = Self.positions(of: stages) }
  }
  public var milestones: [Milestone] {
    didSet { milestonePositions = Self.positions(of: milestones.map(\.id)) }
  }
  /// Where each id first occurs: owners and dependencies are looked up once or more per
  /// milestone, so a scan per lookup would make a large plan cost the square of its size.
  private var stakeholderPositions: [String: Int] = [:]
  private var milestonePositions: [String: Int] = [:]
  private var stagePositions: [String: Int] = [:]
  /// Checks this plan turns off for itself (`lint.disable`), with their positions in the list.
  public var disabledChecks: [(index: Int, name: String)]
  /// What a plan read without milestone details leaves out, behind one pointer (see ``Boxed``).
  private var extra: Boxed<Details>?
  /// The plan's own working calendar (`calendar`).
  public var calendar: CalendarSettings?

  /// The format version (`map`): 1 in a valid plan.
  public var formatVersion: Int? { extra?.value.formatVersion }
  /// The buyer's objectives.
  public var objectives: [Objective] { extra?.value.objectives ?? [] }
  /// Other key dates the plan must respect.
  public var constraints: [Constraint] { extra?.value.constraints ?? [] }
  /// Documents shared between the teams.
  public var documents: [LinkedDocument] { extra?.value.documents ?? [] }
  public var checkIns: CheckIns? { extra?.value.checkIns }
  /// The seller-only deal information (`internal`); present whenever the key is written, even
  /// with a value of the wrong type, so that no internal content goes unnoticed.
  public var internalNotes: InternalNotes? { extra?.value.internalNotes }
  /// The plan's custom top-level `x-` fields.
  public var extensions: Extensions { extra?.value.extensions ?? Extensions() }

  private struct Details: Sendable, Hashable {
    var formatVersion: Int?
    var objectives: [Objective] = []
    var constraints: [Constraint] = []
    var documents: [LinkedDocument] = []
    var checkIns: CheckIns?
    var internalNotes: InternalNotes?
    var extensions = Extensions()
    /// The top-level keys written, and those whose value has the wrong JSON type.
    var written: Set<Key> = []
    var wrongType: Set<Key> = []
  }

  /// The plan in a frontmatter. Without `milestoneDetails`, only what the slip analysis reads is
  /// filled: a long history holds tens of thousands of plan versions, so success criteria,
  /// progress logs, links, objectives, constraints, documents, check-ins, internal content, the
  /// `x-` fields and ``presence(of:)`` stay empty, and reading the plan costs no more than that.
  public init(_ json: JSONValue, milestoneDetails: Bool = true) {
    id = json["id"]?.stringValue
    title = json["title"]?.stringValue
    buyer = json["buyer"]?.stringValue
    seller = json["seller"]?.stringValue
    value = json["value"]?.stringValue
    goLive = json["go_live"]?.stringValue.flatMap(CalendarDate.init)
    valueDate = json["value_date"]?.stringValue.flatMap(CalendarDate.init)
    compellingEvent = json["compelling_event"].flatMap { CompellingEvent($0, details: milestoneDetails) }
    stakeholders = (json["stakeholders"]?.arrayValue ?? []).enumerated().map {
      Stakeholder($1, index: $0, details: milestoneDetails)
    }
    stages = (json["stages"]?.arrayValue ?? []).compactMap(\.stringValue)
    milestones = (json["milestones"]?.arrayValue ?? []).enumerated().map {
      Milestone($1, index: $0, details: milestoneDetails)
    }
    disabledChecks = (json["lint"]?["disable"]?.arrayValue ?? []).enumerated().compactMap { i, v in
      v.stringValue.map { (i, $0) }
    }
    calendar = CalendarSettings(json["calendar"])
    stakeholderPositions = Self.positions(of: stakeholders.map(\.id))
    milestonePositions = Self.positions(of: milestones.map(\.id))
    stagePositions = Self.positions(of: stages)
    guard milestoneDetails else { return }
    var more = Details()
    more.formatVersion = json["map"]?.numberValue.flatMap { Int(exactly: $0) }
    more.objectives = (json["objectives"]?.arrayValue ?? []).enumerated().map { Objective($1, index: $0) }
    more.constraints = (json["constraints"]?.arrayValue ?? []).enumerated().map { Constraint($1, index: $0) }
    more.documents = (json["documents"]?.arrayValue ?? []).enumerated().map { LinkedDocument($1, index: $0) }
    more.checkIns = json["check_ins"].flatMap(CheckIns.init)
    more.internalNotes = json["internal"].map(InternalNotes.init)
    more.extensions = Extensions(of: json)
    for (key, value) in json.objectValue ?? JSONObject() {
      // A repeated key (the YAML loader reports it) reads as its first value, as lookups do.
      guard let k = Key(rawValue: key), more.written.insert(k).inserted else { continue }
      if !k.expectedType.matches(value) { more.wrongType.insert(k) }
    }
    extra = .value(more)
  }

  /// How `key` is written in this plan (always ``Presence/absent`` for a plan read without
  /// milestone details).
  public func presence(of key: Key) -> Presence {
    guard let d = extra?.value else { return .absent }
    return d.wrongType.contains(key) ? .wrongType : d.written.contains(key) ? .present : .absent
  }

  /// The pointer to a top-level property.
  public static func pointer(_ key: Key) -> JSONPointer { JSONPointer([key.rawValue]) }

  /// The stakeholder with this id (the first, if ids repeat).
  public func stakeholder(_ id: String) -> Stakeholder? { stakeholderPositions[id].map { stakeholders[$0] } }

  /// The milestone with this id (the first, if ids repeat).
  public func milestone(_ id: String) -> Milestone? { milestonePositions[id].map { milestones[$0] } }

  /// The position of the first element with each id.
  private static func positions(of ids: [String?]) -> [String: Int] {
    var out: [String: Int] = [:]
    out.reserveCapacity(ids.count)
    for (i, id) in ids.enumerated() {
      if let id, out[id] == nil { out[id] = i }
    }
    return out
  }

  /// The position of a stage in `stages`, or nil for an undeclared stage.
  public func stageIndex(_ stage: String?) -> Int? { stage.flatMap { stagePositions[$0] } }
}

/// The buyer's external date that makes the timeline matter.
public struct CompellingEvent: Sendable, Hashable {
  public var what: String?
  public var date: CalendarDate?
  /// Why the date matters to the buyer: what happens if it is missed.
  public var why: String?
  /// The event's custom `x-` fields.
  public var extensions: Extensions

  /// Nil when `json` is not an object. Without `details`, `why` and the `x-` fields stay empty.
  init?(_ json: JSONValue, details: Bool = true) {
    guard json.objectValue != nil else { return nil }
    what = json["what"]?.stringValue
    date = json["date"]?.stringValue.flatMap(CalendarDate.init)
    guard details else {
      extensions = Extensions()
      return
    }
    why = json["why"]?.stringValue
    extensions = Extensions(of: json)
  }
}
