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
        guard let position = FastString.position(of: key, in: y), equal(value, y[position].value) else { return false }
      }
      return true
    default:
      return false
    }
  }

  /// Byte equality of the UTF-8 forms (which is code-point equality).
  static func sameScalars(_ x: String, _ y: String) -> Bool { FastString.equal(x, y) }

  /// A hash that agrees with ``equal(_:_:)``: strings and keys hash by their UTF-8 bytes (Swift's
  /// `String` hashing is by canonical equivalence, so it gives every spelling of `é` one hash),
  /// objects regardless of member order, `0` and `-0` alike.
  static func hash(_ value: JSONValue) -> Int {
    var hasher = Hasher()
    combine(value, into: &hasher)
    return hasher.finalize()
  }

  private static func combine(_ value: JSONValue, into hasher: inout Hasher) {
    switch value {
    case .null: hasher.combine(0)
    case .bool(let b): hasher.combine(b ? 1 : 2)
    case .number(let n):
      hasher.combine(3)
      hasher.combine(n == 0 ? 0 : n)
    case .string(let s):
      hasher.combine(4)
      combine(s, into: &hasher)
    case .array(let items):
      hasher.combine(5)
      hasher.combine(items.count)
      for item in items { combine(item, into: &hasher) }
    case .object(let members):
      hasher.combine(6)
      hasher.combine(members.count)
      // Order-insensitive, as equality is: a sum of the members' own hashes.
      var sum = 0
      for (key, member) in members {
        var h = Hasher()
        combine(key, into: &h)
        combine(member, into: &h)
        sum = sum &+ h.finalize()
      }
      hasher.combine(sum)
    }
  }

  private static func combine(_ string: String, into hasher: inout Hasher) {
    var copy = string
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    hasher.combine(string.utf8.count)
  }
}
