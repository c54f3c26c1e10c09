import MapcJSON

/// The string items of a list with their places in the list as written, so that a finding
/// about an item points at it exactly even when an earlier item has the wrong type (and was
/// skipped).
struct PositionedStrings: Sendable, Hashable {
  var values: [String] = []
  /// Each value's position in the list as written; nil when no item was skipped (the common
  /// case: no second array is built then).
  var positions: [Int]?

  init(_ json: JSONValue?) {
    let items = json?.arrayValue ?? []
    values.reserveCapacity(items.count)
    for (i, item) in items.enumerated() {
      guard let s = item.stringValue else {
        if positions == nil { positions = Array(0..<values.count) }
        continue
      }
      positions?.append(i)
      values.append(s)
    }
  }

  /// `values` with their positions in the list as written (`positions` nil: in order from 0).
  static func entries(_ values: [String], _ positions: [Int]?) -> [(index: Int, value: String)] {
    guard let positions, positions.count == values.count else { return values.enumerated().map { ($0.offset, $0.element) } }
    return zip(positions, values).map { ($0, $1) }
  }
}

extension JSONValue {
  /// The string items of a list (none when this is not a list): an item of the wrong type
  /// reads as absent.
  var strings: [String] { (arrayValue ?? []).compactMap(\.stringValue) }

  /// A `YYYY-MM-DD` string as a date; nil for another type or a malformed date.
  var date: CalendarDate? { stringValue.flatMap(CalendarDate.init) }
}

/// A value behind one pointer, with value semantics (an indirect enum is copied on write like
/// any value). The detail-only parts of the plan's types live in one: a history read without
/// details holds tens of thousands of plans at once, and each stays the size it was before
/// those parts existed.
indirect enum Boxed<Value: Sendable>: Sendable {
  case value(Value)

  var value: Value {
    switch self {
    case .value(let v): return v
    }
  }
}

extension Boxed: Equatable where Value: Equatable {}
extension Boxed: Hashable where Value: Hashable {}
