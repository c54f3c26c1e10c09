import MapcJSON

/// A key outcome of the plan.
public struct Milestone: Sendable, Hashable {
  public enum Status: String, Sendable, Hashable {
    case notStarted = "not-started"
    case inProgress = "in-progress"
    case done, blocked, cancelled
  }

  public enum Risk: String, Sendable, Hashable {
    case onTrack = "on-track"
    case atRisk = "at-risk"
    case offTrack = "off-track"
  }

  /// A property of a milestone in the format, for ``presence(of:)``.
  public enum Key: String, Sendable, Hashable, CaseIterable {
    case id, title, stage, owners, due, status, risk
    case successCriteria = "success_criteria"
    case dependsOn = "depends_on"
    case dueReason = "due_reason"
    case doneOn = "done_on"
    case progress, links
    case `internal`
    case lead, pinned, marks

    /// The JSON type the format gives the property.
    var expectedType: ExpectedType {
      switch self {
      case .owners, .successCriteria, .dependsOn, .progress, .links: return .array
      case .lead: return .number
      case .pinned: return .boolean
      default: return .string
      }
    }
  }

  /// A dated note in the progress log.
  public struct Progress: Sendable, Hashable {
    public var index: Int
    public var on: CalendarDate?
    public var note: String?
    public var by: String?
    /// The entry's custom `x-` fields.
    public var extensions: Extensions = Extensions()
  }

  /// Position in `milestones`.
  public var index: Int
  public var id: String?
  public var title: String?
  public var stage: String?
  public var owners: [String]
  public var due: CalendarDate?
  public var status: Status?
  public var risk: Risk?
  public var successCriteria: [String]
  public var dependsOn: [String]
  /// Why the due date is what it is now (recorded with the date move that set it).
  public var dueReason: String?
  public var doneOn: CalendarDate?
  public var progress: [Progress]
  /// Business days of work between the latest dependency's date and this milestone's (`lead`).
  public var lead: Int?
  /// Whether scheduling must never move this milestone (`pinned`).
  public var pinned: Bool = false
  /// The plan date this milestone stands for (`marks`).
  public var marks: Mark?
  /// What a milestone read without details leaves out, behind one pointer (see ``Boxed``).
  private var extra: Boxed<Details>?

  /// Links about this milestone: documents, tickets, recordings.
  public var links: [Link] { extra?.value.links ?? [] }
  /// A private note about this milestone for the selling team (`internal`): never shown in
  /// buyer-facing output.
  public var internalNote: String? { extra?.value.internalNote }
  /// The milestone's custom `x-` fields.
  public var extensions: Extensions { extra?.value.extensions ?? Extensions() }

  private struct Details: Sendable, Hashable {
    var links: [Link] = []
    var internalNote: String?
    var extensions = Extensions()
    /// Where each of `owners` and `dependsOn` stands in its list as written, when an item of
    /// the wrong type was skipped (nil: in order from 0). Kept without details too, as the
    /// lists are.
    var ownerPositions: [Int]?
    var dependencyPositions: [Int]?
    /// The keys written, and those whose value has the wrong JSON type.
    var written: Set<Key> = []
    var wrongType: Set<Key> = []
  }

  /// Without `details`, only what the slip analysis reads is filled: success criteria,
  /// progress, links, the internal note, the `x-` fields and ``presence(of:)`` stay empty.
  init(_ json: JSONValue, index: Int, details: Bool = true) {
    self.index = index
    id = json["id"]?.stringValue
    title = json["title"]?.stringValue
    stage = json["stage"]?.stringValue
    let owners = PositionedStrings(json["owners"])
    self.owners = owners.values
    due = json["due"]?.stringValue.flatMap(CalendarDate.init)
    status = json["status"]?.stringValue.flatMap(Status.init)
    risk = json["risk"]?.stringValue.flatMap(Risk.init)
    let dependsOn = PositionedStrings(json["depends_on"])
    self.dependsOn = dependsOn.values
    dueReason = json["due_reason"]?.stringValue
    doneOn = json["done_on"]?.stringValue.flatMap(CalendarDate.init)
    lead = Self.lead(json["lead"])
    pinned = json["pinned"]?.boolValue ?? false
    marks = json["marks"]?.stringValue.flatMap(Mark.init)
    var more = Details(ownerPositions: owners.positions, dependencyPositions: dependsOn.positions)
    guard details else {
      successCriteria = []
      progress = []
      // Only a list with an item of the wrong type needs the box then.
      if more.ownerPositions != nil || more.dependencyPositions != nil { extra = .value(more) }
      return
    }
    successCriteria = json["success_criteria"]?.strings ?? []
    progress = (json["progress"]?.arrayValue ?? []).enumerated().map { i, p in
      Progress(index: i, on: p["on"]?.date, note: p["note"]?.stringValue, by: p["by"]?.stringValue, extensions: Extensions(of: p))
    }
    more.links = (json["links"]?.arrayValue ?? []).enumerated().map { Link($1, index: $0) }
    more.internalNote = json["internal"]?.stringValue
    more.extensions = Extensions(of: json)
    for (key, value) in json.objectValue ?? JSONObject() {
      // A repeated key (the YAML loader reports it) reads as its first value, as lookups do.
      guard let k = Key(rawValue: key), more.written.insert(k).inserted else { continue }
      if !k.expectedType.matches(value) { more.wrongType.insert(k) }
    }
    extra = .value(more)
  }

  /// Not done and not cancelled.
  public var isOpen: Bool { status != .done && status != .cancelled }

  /// How `key` is written in this milestone (always ``Presence/absent`` for a plan read without
  /// milestone details).
  public func presence(of key: Key) -> Presence {
    guard let d = extra?.value else { return .absent }
    return d.wrongType.contains(key) ? .wrongType : d.written.contains(key) ? .present : .absent
  }

  /// The owners with their positions in the `owners` list as written (an item that is not a
  /// string keeps its place, so pointers stay exact).
  public var ownerEntries: [(index: Int, id: String)] {
    PositionedStrings.entries(owners, extra?.value.ownerPositions).map { ($0.index, $0.value) }
  }

  /// The dependencies with their positions in the `depends_on` list as written.
  public var dependencyEntries: [(index: Int, id: String)] {
    PositionedStrings.entries(dependsOn, extra?.value.dependencyPositions).map { ($0.index, $0.value) }
  }

  /// The pointer to this milestone, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["milestones", String(index)])
    return property.map(p.appending) ?? p
  }
}
