import MapcJSON

/// A key date or period the plan must respect (`constraints`): a budget deadline, a fiscal
/// year end, a blackout period.
public struct Constraint: Sendable, Hashable {
  /// Position in `constraints`.
  public var index: Int
  /// `budget`, `blackout`, `fiscal-year-end`, `procurement` or `other`.
  public var kind: String?
  public var what: String?
  public var date: CalendarDate?
  public var from: CalendarDate?
  public var to: CalendarDate?
  /// For a blackout: the milestones it stops (`applies_to`); nil for all of them.
  public var appliesTo: Scope?

  /// `applies_to`: stages, milestone ids and sides; each list given narrows the blackout.
  public struct Scope: Sendable, Hashable {
    public var stages: [String]?
    public var milestones: [String]?
    public var sides: [Stakeholder.Side]?
  }

  init(_ json: JSONValue, index: Int) {
    self.index = index
    kind = json["kind"]?.stringValue
    what = json["what"]?.stringValue
    date = json["date"]?.stringValue.flatMap(CalendarDate.init)
    from = json["from"]?.stringValue.flatMap(CalendarDate.init)
    to = json["to"]?.stringValue.flatMap(CalendarDate.init)
    if let scope = json["applies_to"], scope.objectValue != nil {
      appliesTo = Scope(
        stages: scope["stages"]?.arrayValue?.compactMap(\.stringValue),
        milestones: scope["milestones"]?.arrayValue?.compactMap(\.stringValue),
        sides: scope["sides"]?.arrayValue?.compactMap { $0.stringValue.flatMap(Stakeholder.Side.init) })
    }
  }

  /// A blackout period: non-working time for the milestones it applies to.
  public var isBlackout: Bool { kind == "blackout" }

  /// The pointer to this constraint, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["constraints", String(index)])
    return property.map(p.appending) ?? p
  }
}
