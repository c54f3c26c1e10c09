import Foundation
import MapcJSON

/// Where a subschema lives: a registered document and a JSON pointer into it.
struct SchemaLocation: Sendable, Hashable {
  var document: String
  var pointer: [String]

  var key: String { document + "#" + JSONPointer(pointer).description }
}

/// Holds schema documents by absolute URI; resolves `$ref`/`$dynamicRef`/`$anchor`/`$id`
/// across them.
///
/// A fresh registry already knows the embedded 2020-12 meta-schemas, so schemas that refer to
/// `https://json-schema.org/draft/2020-12/schema` work offline and from any directory.
public struct SchemaRegistry: Sendable {
  struct Anchor: Sendable, Hashable {
    var location: SchemaLocation
    var isDynamic: Bool
  }

  /// Documents by retrieval URI (absolute, no fragment).
  private(set) var documents: [String: JSONValue] = [:]
  /// Schema resources (document roots and embedded `$id`s) by absolute URI.
  private(set) var resources: [String: SchemaLocation] = [:]
  /// `$anchor` and `$dynamicAnchor` names by `resourceURI#name`.
  private(set) var anchors: [String: Anchor] = [:]
  /// `$dynamicAnchor` names per resource URI, so entering a resource can bind them all.
  private(set) var dynamicAnchors: [String: [String: SchemaLocation]] = [:]
  private var directories: [(path: String, prefix: String)] = []

  /// Creates a registry that knows the 2020-12 meta-schema and its vocabulary meta-schemas.
  public init() {
    self = Self.withMetaSchemas
  }

  private init(empty: Void) {}

  private static let withMetaSchemas: SchemaRegistry = {
    var registry = SchemaRegistry(empty: ())
    for (uri, _, text) in MetaSchemas.all {
      // The embedded texts are tested to parse; a failure here would be a build defect,
      // and skipping the document keeps the registry usable.
      guard let document = try? JSONParser.parse(text) else { continue }
      try? registry.add(document, uri: uri)
    }
    return registry
  }()

  /// Registers `document` under the absolute `uri` (its retrieval URI), indexing every
  /// embedded `$id`, `$anchor` and `$dynamicAnchor`.
  public mutating func add(_ document: JSONValue, uri: String) throws(SchemaError) {
    let base = URIReference(parsing: uri).withoutFragment
    guard base.isAbsolute else { throw SchemaError("a schema document needs an absolute URI", at: uri) }
    let key = base.string
    documents[key] = document
    resources[key] = SchemaLocation(document: key, pointer: [])
    try index(document, base: base, location: SchemaLocation(document: key, pointer: []))
  }

  /// Serves every URI that starts with `prefix` from the folder at `path`, read when first
  /// referenced (never from the network).
  public mutating func addDirectory(_ path: String, servedAs prefix: String) {
    directories.append((path, prefix))
  }

  /// Whether `uri` (absolute, no fragment) is known, loading it from a served directory if
  /// needed.
  mutating func ensureLoaded(_ uri: String) throws(SchemaError) -> Bool {
    if resources[uri] != nil { return true }
    for (path, prefix) in directories where uri.hasPrefix(prefix) {
      let relative = String(uri.dropFirst(prefix.count))
      guard !relative.split(separator: "/").contains("..") else { continue }
      let file = (path as NSString).appendingPathComponent(relative)
      guard let data = FileManager.default.contents(atPath: file) else { continue }
      let document: JSONValue
      do {
        document = try JSONParser.parse(bytes: [UInt8](data))
      } catch {
        throw SchemaError("cannot parse \(file): \(error)", at: uri)
      }
      try add(document, uri: uri)
      return true
    }
    return false
  }

  /// The subschema a URI (with optional pointer or anchor fragment) names.
  mutating func resolve(_ uri: String) throws(SchemaError) -> (location: SchemaLocation, viaDynamicAnchor: Bool)? {
    let (base, rawFragment) = splitFragment(uri)
    guard try ensureLoaded(base), let root = resources[base] else { return nil }
    guard let fragment = percentDecode(rawFragment) else { return nil }
    if fragment.isEmpty { return (root, false) }
    if fragment.hasPrefix("/") {
      guard let pointer = JSONPointer(parsing: fragment) else { return nil }
      let location = SchemaLocation(document: root.document, pointer: root.pointer + pointer.tokens)
      guard let documentValue = documents[root.document],
        documentValue.value(at: JSONPointer(location.pointer)) != nil
      else { return nil }
      return (location, false)
    }
    guard let anchor = anchors[base + "#" + fragment] else { return nil }
    return (anchor.location, anchor.isDynamic)
  }

  func value(at location: SchemaLocation) -> JSONValue? {
    documents[location.document]?.value(at: JSONPointer(location.pointer))
  }

  private mutating func index(_ value: JSONValue, base: URIReference, location: SchemaLocation) throws(SchemaError) {
    guard case .object(let object) = value else { return }
    var base = base
    if case .string(let id)? = object["$id"] {
      let resolved = base.resolving(id)
      if let fragment = resolved.fragment, !fragment.isEmpty {
        throw SchemaError("$id must not contain a non-empty fragment", at: location.key)
      }
      base = resolved.withoutFragment
      let key = base.string
      if let existing = resources[key], existing != location, documents[existing.document] != nil,
        existing.document != location.document
      {
        throw SchemaError("two schema resources share the URI \(key)", at: location.key)
      }
      resources[key] = location
    }
    let resourceKey = base.string
    if case .string(let name)? = object["$anchor"] {
      guard Self.isValidAnchor(name) else { throw SchemaError("invalid $anchor '\(name)'", at: location.key) }
      anchors[resourceKey + "#" + name] = Anchor(location: location, isDynamic: false)
    }
    if case .string(let name)? = object["$dynamicAnchor"] {
      guard Self.isValidAnchor(name) else { throw SchemaError("invalid $dynamicAnchor '\(name)'", at: location.key) }
      anchors[resourceKey + "#" + name] = Anchor(location: location, isDynamic: true)
      dynamicAnchors[resourceKey, default: [:]][name] = location
    }
    for (keyword, child) in object {
      switch SubschemaShape.of(keyword) {
      case .single:
        try index(child, base: base, location: SchemaLocation(document: location.document, pointer: location.pointer + [keyword]))
      case .array:
        guard case .array(let items) = child else { continue }
        for (i, item) in items.enumerated() {
          try index(item, base: base, location: SchemaLocation(document: location.document, pointer: location.pointer + [keyword, String(i)]))
        }
      case .map:
        guard case .object(let members) = child else { continue }
        for (name, item) in members {
          try index(item, base: base, location: SchemaLocation(document: location.document, pointer: location.pointer + [keyword, name]))
        }
      case nil:
        continue
      }
    }
  }

  static func isValidAnchor(_ name: String) -> Bool {
    // ^[A-Za-z_][-A-Za-z0-9._]*$
    func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
    guard let first = name.unicodeScalars.first, letter(first) else { return false }
    return name.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "." }
  }
}

/// How a keyword holds subschemas, for walking schema documents.
enum SubschemaShape {
  case single, array, map

  static func of(_ keyword: String) -> SubschemaShape? {
    switch keyword {
    case "additionalProperties", "unevaluatedProperties", "unevaluatedItems", "items", "contains",
      "propertyNames", "not", "if", "then", "else":
      return .single
    case "allOf", "anyOf", "oneOf", "prefixItems":
      return .array
    case "properties", "patternProperties", "$defs", "definitions", "dependentSchemas":
      return .map
    default:
      return nil
    }
  }
}

extension SchemaRegistry {
  /// The embedded 2020-12 meta-schema texts: (URI, path in the meta-schema folder, JSON text).
  public static var embeddedMetaSchemas: [(uri: String, path: String, text: String)] { MetaSchemas.all }
}
