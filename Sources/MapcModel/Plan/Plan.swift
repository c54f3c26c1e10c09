import MapcJSON

/// A plan's frontmatter as typed values, read leniently: a value of the wrong type reads as
/// absent (the schema reports it), so rules can run on any plan that parses.
///
/// Every element remembers its index, so findings can point at it (``Milestone/pointer(_:)``).
public struct Plan: Sendable {
  public var id: String?
  public var title: String?
  public var buyer: String?
  public var seller: String?
  public var value: String?
  public var goLive: CalendarDate?
  public var valueDate: CalendarDate?
  public var compellingEvent: CompellingEvent?
  public var stakeholders: [Stakeholder]
  public var stages: [String]
  public var milestones: [Milestone]
  /// Checks this plan turns off for itself (`lint.disable`), with their positions in the list.
  public var disabledChecks: [(index: Int, name: String)]
  /// Key dates and periods (`constraints`), blackouts among them.
  public var constraints: [Constraint]
  /// The plan's own working calendar (`calendar`).
  public var calendar: CalendarSettings?

  /// The plan in a frontmatter. Without `milestoneDetails`, milestones leave their success
  /// criteria and progress logs empty: a long history holds tens of thousands of plan versions,
  /// and the slip analysis reads neither.
  public init(_ json: JSONValue, milestoneDetails: Bool = true) {
    id = json["id"]?.stringValue
    title = json["title"]?.stringValue
    buyer = json["buyer"]?.stringValue
    seller = json["seller"]?.stringValue
    value = json["value"]?.stringValue
    goLive = json["go_live"]?.stringValue.flatMap(CalendarDate.init)
    valueDate = json["value_date"]?.stringValue.flatMap(CalendarDate.init)
    compellingEvent = json["compelling_event"].flatMap(CompellingEvent.init)
    stakeholders = (json["stakeholders"]?.arrayValue ?? []).enumerated().map { Stakeholder($1, index: $0) }
    stages = (json["stages"]?.arrayValue ?? []).compactMap(\.stringValue)
    milestones = (json["milestones"]?.arrayValue ?? []).enumerated().map {
      Milestone($1, index: $0, details: milestoneDetails)
    }
    disabledChecks = (json["lint"]?["disable"]?.arrayValue ?? []).enumerated().compactMap { i, v in
      v.stringValue.map { (i, $0) }
    }
    constraints = (json["constraints"]?.arrayValue ?? []).enumerated().map { Constraint($1, index: $0) }
    calendar = CalendarSettings(json["calendar"])
  }

  /// The stakeholder with this id (the first, if ids repeat).
  public func stakeholder(_ id: String) -> Stakeholder? { stakeholders.first { $0.id == id } }

  /// The milestone with this id (the first, if ids repeat).
  public func milestone(_ id: String) -> Milestone? { milestones.first { $0.id == id } }

  /// The position of a stage in `stages`, or nil for an undeclared stage.
  public func stageIndex(_ stage: String?) -> Int? { stage.flatMap { stages.firstIndex(of: $0) } }
}

/// The buyer's external date that makes the timeline matter.
public struct CompellingEvent: Sendable, Hashable {
  public var what: String?
  public var date: CalendarDate?

  init?(_ json: JSONValue) {
    guard json.objectValue != nil else { return nil }
    what = json["what"]?.stringValue
    date = json["date"]?.stringValue.flatMap(CalendarDate.init)
  }
}
