import MapcJSON

/// JSON Schema equality: strings compare by code points.
///
/// Swift's `String ==` uses canonical equivalence, so `"é"` (one scalar) equals `"e\u{301}"`
/// (two); JSON Schema's `const`, `enum` and `uniqueItems` must tell them apart.
enum JSONEquality {
  static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return sameScalars(x, y)
    case (.array(let x), .array(let y)):
      guard x.count == y.count else { return false }
      for i in x.indices where !equal(x[i], y[i]) { return false }
      return true
    case (.object(let x), .object(let y)):
      guard x.count == y.count else { return false }
      for (key, value) in x {
        guard let position = y.position(of: key), sameScalars(y[position].key, key),
          equal(value, y[position].value)
        else { return false }
      }
      return true
    default:
      return false
    }
  }

  /// Byte equality of the UTF-8 forms (which is code-point equality).
  static func sameScalars(_ x: String, _ y: String) -> Bool { FastString.equal(x, y) }
}
