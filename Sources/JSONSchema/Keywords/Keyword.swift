import MapcJSON

/// The JSON types `type` can name, as a bit set (integer is separate from number).
struct TypeMask: OptionSet, Sendable, Hashable {
  let rawValue: UInt8
  static let null = TypeMask(rawValue: 1)
  static let boolean = TypeMask(rawValue: 2)
  static let integer = TypeMask(rawValue: 4)
  static let number = TypeMask(rawValue: 8)
  static let string = TypeMask(rawValue: 16)
  static let array = TypeMask(rawValue: 32)
  static let object = TypeMask(rawValue: 64)

  init(rawValue: UInt8) { self.rawValue = rawValue }

  init?(name: String) {
    switch name {
    case "null": self = .null
    case "boolean": self = .boolean
    case "integer": self = .integer
    case "number": self = .number
    case "string": self = .string
    case "array": self = .array
    case "object": self = .object
    default: return nil
    }
  }

  func admits(_ value: JSONValue) -> Bool {
    switch value {
    case .null: return contains(.null)
    case .bool: return contains(.boolean)
    case .number: return contains(.number) || (contains(.integer) && value.isInteger)
    case .string: return contains(.string)
    case .array: return contains(.array)
    case .object: return contains(.object)
    }
  }
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema, compiled
/// together because `additionalProperties` depends on the other two.
///
/// A class so that evaluation copies one reference, not five arrays.
final class PropertiesKeyword: Sendable {
  /// Declared property names and their subschemas, in schema order.
  let names: [String]
  let nodes: [Int]
  /// For larger `properties`, a hash index into `names`; small ones are scanned.
  let lookup: [String: Int]?
  let patterns: [(pattern: CompiledPattern, node: Int)]
  let additional: Int?

  init(names: [String], nodes: [Int], patterns: [(pattern: CompiledPattern, node: Int)], additional: Int?) {
    self.names = names
    self.nodes = nodes
    self.patterns = patterns
    self.additional = additional
    lookup = names.count > 8 ? Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a }) : nil
  }

  func declaredIndex(of name: String) -> Int? {
    if let lookup {
      // The table compares by canonical equivalence; JSON Schema names compare by code points.
      guard let i = lookup[name] else { return nil }
      if FastString.equal(names[i], name) { return i }
    }
    for i in names.indices where FastString.equal(names[i], name) { return i }
    return nil
  }
}

/// A compiled `pattern` (or `patternProperties` key): a class, so evaluation retains one
/// reference instead of copying the matcher.
final class CompiledPattern: Sendable {
  let regex: ECMARegex
  let source: String

  init(_ regex: ECMARegex, source: String) {
    self.regex = regex
    self.source = source
  }

  func matches(_ string: String) -> Bool { regex.matches(string) }

  /// ``ECMARegex/match(_:budget:)``.
  func match(_ string: String, budget: inout Int) -> ECMARegex.Outcome { regex.match(string, budget: &budget) }
}

/// Arrays, strings and JSON values that keywords refer to by index.
///
/// Keeping them out of ``Keyword`` makes the enum trivially copyable: evaluation walks
/// thousands of keywords per document, and copying payloads with references in them
/// (retain, release) was the largest cost in profiles.
struct KeywordTables: Sendable {
  var strings: [String] = []
  var stringLists: [[String]] = []
  var valueLists: [[JSONValue]] = []
  var nodeLists: [[Int]] = []
  var patterns: [CompiledPattern] = []
  var propertyGroups: [PropertiesKeyword] = []
  var dependentRequired: [[(name: String, required: [String])]] = []
  var dependentSchemas: [[(name: String, node: Int)]] = []

  mutating func add(_ s: String) -> Int { strings.append(s); return strings.count - 1 }
  mutating func add(_ s: [String]) -> Int { stringLists.append(s); return stringLists.count - 1 }
  mutating func add(_ v: [JSONValue]) -> Int { valueLists.append(v); return valueLists.count - 1 }
  mutating func add(_ n: [Int]) -> Int { nodeLists.append(n); return nodeLists.count - 1 }
  mutating func add(_ p: CompiledPattern) -> Int { patterns.append(p); return patterns.count - 1 }
  mutating func add(_ g: PropertiesKeyword) -> Int { propertyGroups.append(g); return propertyGroups.count - 1 }
}

/// One compiled keyword (or keyword group), evaluated in schema order. Payloads are plain
/// values; anything with references lives in ``KeywordTables`` (indices named `*Index`).
enum Keyword: Sendable {
  case type(TypeMask, namesIndex: Int)
  case enumeration(valuesIndex: Int)
  case constant(valuesIndex: Int)
  case multipleOf(Double)
  case minimum(Double)
  case maximum(Double)
  case exclusiveMinimum(Double)
  case exclusiveMaximum(Double)
  case minLength(Int)
  case maxLength(Int)
  case pattern(patternIndex: Int)
  case format(FormatKind, nameIndex: Int)
  case minItems(Int)
  case maxItems(Int)
  case uniqueItems
  case minProperties(Int)
  case maxProperties(Int)
  case required(namesIndex: Int)
  case dependentRequired(index: Int)
  case properties(groupIndex: Int)
  case propertyNames(Int)
  case dependentSchemas(index: Int)
  /// `prefixItems` and `items` together: `items` applies after the prefix.
  case items(prefixIndex: Int?, rest: Int?)
  case contains(Int, min: Int, max: Int?)
  case allOf(nodesIndex: Int)
  case anyOf(nodesIndex: Int)
  case oneOf(nodesIndex: Int)
  case not(Int)
  case conditional(if: Int, then: Int?, else: Int?)
  case ref(Int)
  /// The static target, and (as a string index) the anchor name that may rebind it to the
  /// outermost dynamic scope.
  case dynamicRef(target: Int, anchorIndex: Int?)
}

/// A schema being compiled; frozen into a ``Node`` when compilation ends.
struct NodeSpec: Sendable {
  enum Kind: Sendable { case alwaysValid, alwaysInvalid, keywords }

  var kind: Kind = .keywords
  var keywords: [Keyword] = []
  var unevaluatedProperties: Int?
  var unevaluatedItems: Int?
  /// Sorted names from `properties`, for "did you mean" on unexpected properties.
  var declaredProperties: [String] = []
  /// Index of the schema resource this node belongs to (for the dynamic scope).
  var resource: Int = 0
  /// `absoluteURI#pointer` of the node.
  var location: String = ""

  var hasUnevaluated: Bool { unevaluatedProperties != nil || unevaluatedItems != nil }
}

/// A compiled schema: boolean, or keywords in schema order plus the `unevaluated*` keywords,
/// which always run last because they observe the others' annotations.
///
/// Immutable and a class, so that evaluation retains one reference per subschema visited.
final class Node: Sendable {
  let kind: NodeSpec.Kind
  let keywords: [Keyword]
  let unevaluatedProperties: Int?
  let unevaluatedItems: Int?
  let declaredProperties: [String]
  let resource: Int
  let location: String
  let hasUnevaluated: Bool

  init(_ spec: NodeSpec) {
    kind = spec.kind
    keywords = spec.keywords
    unevaluatedProperties = spec.unevaluatedProperties
    unevaluatedItems = spec.unevaluatedItems
    declaredProperties = spec.declaredProperties
    resource = spec.resource
    location = spec.location
    hasUnevaluated = spec.hasUnevaluated
  }
}

/// A schema resource: the unit `$dynamicAnchor` binds in.
struct Resource: Sendable {
  var uri: String
  var dynamicAnchors: [String: Int]
}
