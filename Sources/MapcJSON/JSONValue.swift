/// A JSON value: the common currency of YAML frontmatter, schemas and reports.
///
/// Numbers are IEEE doubles, so `1` and `1.0` are the same value, as JSON Schema requires.
/// Objects keep their members in source order (see ``JSONObject``), which keeps every
/// output deterministic.
public enum JSONValue: Sendable, Hashable {
  case null
  case bool(Bool)
  case number(Double)
  case string(String)
  case array([JSONValue])
  case object(JSONObject)

  /// The JSON Schema type name of this value (`"integer"` is never returned: see ``isInteger``).
  public var typeName: String {
    switch self {
    case .null: return "null"
    case .bool: return "boolean"
    case .number: return "number"
    case .string: return "string"
    case .array: return "array"
    case .object: return "object"
    }
  }

  /// True for a number with no fractional part (`1.0` is an integer in JSON Schema).
  public var isInteger: Bool {
    if case .number(let n) = self { return n.isFinite && n.rounded(.towardZero) == n }
    return false
  }

  public var stringValue: String? {
    if case .string(let s) = self { return s }
    return nil
  }

  public var numberValue: Double? {
    if case .number(let n) = self { return n }
    return nil
  }

  public var boolValue: Bool? {
    if case .bool(let b) = self { return b }
    return nil
  }

  public var arrayValue: [JSONValue]? {
    if case .array(let a) = self { return a }
    return nil
  }

  public var objectValue: JSONObject? {
    if case .object(let o) = self { return o }
    return nil
  }

  /// The member `key` of an object, or nil for a missing key or a non-object.
  public subscript(key: String) -> JSONValue? {
    if case .object(let o) = self { return o[key] }
    return nil
  }

  /// The value at `pointer`, or nil when the pointer does not resolve.
  public func value(at pointer: JSONPointer) -> JSONValue? {
    var current = self
    for token in pointer.tokens {
      switch current {
      case .object(let o):
        guard let next = o[token] else { return nil }
        current = next
      case .array(let a):
        guard let index = JSONPointer.arrayIndex(token), index < a.count else { return nil }
        current = a[index]
      default:
        return nil
      }
    }
    return current
  }
}

extension JSONValue: CustomStringConvertible {
  /// Compact JSON text.
  public var description: String { JSONWriter.compact.string(self) }
}
