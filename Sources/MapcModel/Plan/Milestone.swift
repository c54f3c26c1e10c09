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

  /// A dated note in the progress log.
  public struct Progress: Sendable, Hashable {
    public var index: Int
    public var on: CalendarDate?
    public var note: String?
    public var by: String?
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

  init(_ json: JSONValue, index: Int, details: Bool = true) {
    self.index = index
    id = json["id"]?.stringValue
    title = json["title"]?.stringValue
    stage = json["stage"]?.stringValue
    owners = (json["owners"]?.arrayValue ?? []).compactMap(\.stringValue)
    due = json["due"]?.stringValue.flatMap(CalendarDate.init)
    status = json["status"]?.stringValue.flatMap(Status.init)
    risk = json["risk"]?.stringValue.flatMap(Risk.init)
    successCriteria = details ? (json["success_criteria"]?.arrayValue ?? []).compactMap(\.stringValue) : []
    dependsOn = (json["depends_on"]?.arrayValue ?? []).compactMap(\.stringValue)
    dueReason = json["due_reason"]?.stringValue
    doneOn = json["done_on"]?.stringValue.flatMap(CalendarDate.init)
    progress =
      details
      ? (json["progress"]?.arrayValue ?? []).enumerated().map { i, p in
        Progress(index: i, on: p["on"]?.stringValue.flatMap(CalendarDate.init), note: p["note"]?.stringValue, by: p["by"]?.stringValue)
      } : []
    lead = Self.lead(json["lead"])
    pinned = json["pinned"]?.boolValue ?? false
    marks = json["marks"]?.stringValue.flatMap(Mark.init)
  }

  /// Not done and not cancelled.
  public var isOpen: Bool { status != .done && status != .cancelled }

  /// The pointer to this milestone, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["milestones", String(index)])
    return property.map(p.appending) ?? p
  }
}
