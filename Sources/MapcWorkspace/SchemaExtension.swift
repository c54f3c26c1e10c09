import MapcJSON

/// Lets a team's extension schema add properties to plans.
///
/// The plan schema rejects unknown keys (`additionalProperties: false`), so a team's
/// `meddpicc` block would be reported as unknown even when the extension schema defines it.
/// Before compiling, every property the extension declares, through `properties` and `items`
/// mirroring the plan's shape, is added to the plan schema at the same place as `true`
/// (allowed, and left for the extension schema to constrain).
public enum SchemaExtension {
  public static func allowing(_ extensionSchema: JSONValue, in base: JSONValue) -> JSONValue {
    var result = base
    allow(extensionSchema, at: .root, in: &result, depth: 0)
    return result
  }

  private static func allow(_ ext: JSONValue, at pointer: JSONPointer, in doc: inout JSONValue, depth: Int) {
    guard depth < 32, let target = resolve(pointer, in: doc, hops: 0) else { return }
    if let properties = ext["properties"]?.objectValue {
      for (name, sub) in properties {
        let p = target.appending("properties").appending(name)
        if doc.value(at: p) == nil {
          doc = doc.setting(.bool(true), at: p)
        } else {
          allow(sub, at: p, in: &doc, depth: depth + 1)
        }
      }
    }
    if let items = ext["items"], items.objectValue != nil {
      allow(items, at: target.appending("items"), in: &doc, depth: depth + 1)
    }
  }

  /// Follows local `$ref`s from `pointer` to the schema object that holds the keywords.
  private static func resolve(_ pointer: JSONPointer, in doc: JSONValue, hops: Int) -> JSONPointer? {
    guard hops < 16, let node = doc.value(at: pointer), node.objectValue != nil else { return nil }
    if let ref = node["$ref"]?.stringValue, ref.hasPrefix("#"), node["properties"] == nil, node["items"] == nil,
      let next = JSONPointer(parsing: String(ref.dropFirst()))
    {
      return resolve(next, in: doc, hops: hops + 1)
    }
    return pointer
  }
}

extension JSONValue {
  /// A copy with `value` stored at `pointer`; missing objects on the way are created.
  func setting(_ value: JSONValue, at pointer: JSONPointer) -> JSONValue {
    guard let first = pointer.tokens.first else { return value }
    let rest = JSONPointer(Array(pointer.tokens.dropFirst()))
    switch self {
    case .array(var a):
      guard let i = JSONPointer.arrayIndex(first), i < a.count else { return self }
      a[i] = a[i].setting(value, at: rest)
      return .array(a)
    case .object(var o):
      o[first] = (o[first] ?? .object(JSONObject())).setting(value, at: rest)
      return .object(o)
    default:
      var o = JSONObject()
      o[first] = JSONValue.object(JSONObject()).setting(value, at: rest)
      return .object(o)
    }
  }
}
