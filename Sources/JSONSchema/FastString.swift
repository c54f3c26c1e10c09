import MapcJSON

/// String comparisons for the hot paths.
///
/// `String ==` falls into a Unicode-aware slow path whenever two strings differ, which cost
/// more than the rest of a property lookup. Comparing UTF-8 lengths first rejects most
/// candidates for free; the bytes decide the rest (code-point equality, as JSON Schema wants).
enum FastString {
  @inline(__always)
  static func equal(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    let bytes = a.utf8.withContiguousStorageIfAvailable { x in
      b.utf8.withContiguousStorageIfAvailable { y in
        for k in 0..<x.count where x[k] != y[k] { return false }
        return true
      }
    }
    if let known = bytes ?? nil { return known }
    return a.utf8.elementsEqual(b.utf8)
  }

  @inline(__always)
  static func hasPrefix(_ s: String, _ prefix: [UInt8]) -> Bool {
    guard s.utf8.count >= prefix.count else { return false }
    var i = s.utf8.makeIterator()
    for b in prefix {
      guard i.next() == b else { return false }
    }
    return true
  }

  /// Whether `object` has a member named `name`.
  static func contains(_ object: JSONObject, _ name: String) -> Bool {
    if object.count > 16 { return object.contains(key: name) }
    for member in object where equal(member.key, name) { return true }
    return false
  }
}
