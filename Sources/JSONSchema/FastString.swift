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

  /// Whether `object` has a member named exactly `name` (code points, not canonical
  /// equivalence).
  static func contains(_ object: JSONObject, _ name: String) -> Bool { position(of: name, in: object) != nil }

  /// The position of the member named exactly `name` in `object`. `JSONObject`'s own lookup
  /// compares names by canonical equivalence, so what it finds is checked, and only when it
  /// found another spelling of the name are the members scanned.
  static func position(of name: String, in object: JSONObject) -> Int? {
    if object.count <= 16 {
      for i in object.indices where equal(object[i].key, name) { return i }
      return nil
    }
    guard let found = object.position(of: name) else { return nil }
    if equal(object[found].key, name) { return found }
    for i in object.indices where equal(object[i].key, name) { return i }
    return nil
  }
}

/// A string that hashes and compares by its code points (UTF-8 bytes), as JSON Schema compares
/// names; Swift's `String` hashes and compares by canonical equivalence.
struct ExactString: Hashable, Sendable {
  let value: String

  init(_ value: String) { self.value = value }

  static func == (a: ExactString, b: ExactString) -> Bool { FastString.equal(a.value, b.value) }

  func hash(into hasher: inout Hasher) {
    var copy = value
    copy.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }
}
