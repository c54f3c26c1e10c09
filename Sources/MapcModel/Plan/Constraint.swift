import MapcJSON

/// A key date or period the plan must respect (`constraints`): a single `date`, or a period
/// from `from` to `to`.
public struct Constraint: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case budget, blackout
    case fiscalYearEnd = "fiscal-year-end"
    case procurement, other
  }

  /// Position in `constraints` (an item that is not an object is kept with every field absent).
  public var index: Int
  public var kind: Kind?
  /// What the constraint is, e.g. `Year-end change freeze`.
  public var what: String?
  /// The day of a one-day constraint.
  public var date: CalendarDate?
  /// The first and last day (inclusive) of a period.
  public var from: CalendarDate?
  public var to: CalendarDate?
  /// The constraint's custom `x-` fields.
  public var extensions: Extensions
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
    kind = json["kind"]?.stringValue.flatMap(Kind.init)
    what = json["what"]?.stringValue
    date = json["date"]?.date
    from = json["from"]?.date
    to = json["to"]?.date
    extensions = Extensions(of: json)
    if let scope = json["applies_to"], scope.objectValue != nil {
      appliesTo = Scope(
        stages: scope["stages"]?.arrayValue?.compactMap(\.stringValue),
        milestones: scope["milestones"]?.arrayValue?.compactMap(\.stringValue),
        sides: scope["sides"]?.arrayValue?.compactMap { $0.stringValue.flatMap(Stakeholder.Side.init) })
    }
  }

  /// A blackout period: non-working time for the milestones it applies to.
  public var isBlackout: Bool { kind == .blackout }

  /// The pointer to this constraint, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["constraints", String(index)])
    return property.map(p.appending) ?? p
  }
}
