/// What in-place subschemas have evaluated, for `unevaluatedProperties` and `unevaluatedItems`.
///
/// Collected only where such a keyword can observe it: evaluation passes nil elsewhere.
struct Annotations {
  var allProperties = false
  /// Names by code points: a `Set<String>` would count another spelling of an evaluated name
  /// as evaluated.
  var properties: Set<ExactString> = []
  var allItems = false
  var itemPrefix = 0
  var items: Set<Int> = []

  mutating func merge(_ other: Annotations) {
    allProperties = allProperties || other.allProperties
    if !allProperties && !other.properties.isEmpty { properties.formUnion(other.properties) }
    allItems = allItems || other.allItems
    itemPrefix = max(itemPrefix, other.itemPrefix)
    if !allItems && !other.items.isEmpty { items.formUnion(other.items) }
  }

  func evaluated(property name: String) -> Bool { allProperties || properties.contains(ExactString(name)) }
  func evaluated(item index: Int) -> Bool { allItems || index < itemPrefix || items.contains(index) }
}

extension Optional where Wrapped == Annotations {
  /// Whether a caller observes annotations (a non-generic test: `!= nil` costs a generic
  /// witness call per subschema).
  @inline(__always)
  var isCollecting: Bool {
    if case .some = self { return true }
    return false
  }

  /// Merges when collecting; a no-op when nobody observes annotations.
  @inline(__always)
  mutating func absorb(_ other: Annotations?) {
    guard let other else { return }
    self?.merge(other)
  }
}
