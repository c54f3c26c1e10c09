import MapcJSON

/// Turns schema documents into a flat array of ``Node``s, with every `$ref` resolved to a node
/// index once, so validation never looks up URIs.
///
/// Subschemas are compiled from a work queue, not by recursion, so reference cycles and deep
/// schemas cost no stack; a second pass rejects reference loops that would never consume
/// instance data.
struct Compiler {
  /// What a subschema inherits from where it sits in its document.
  struct Context {
    var base: URIReference
    var resourcePointer: [String]
    var vocabularies: Vocabularies
    var resource: Int
  }

  private(set) var registry: SchemaRegistry
  private let options: ValidationOptions
  private(set) var nodes: [NodeSpec] = []
  private(set) var resources: [Resource] = []
  private(set) var usesDynamicRef = false
  var tables = KeywordTables()
  private var memo: [String: Int] = [:]
  private var queue: [(index: Int, location: SchemaLocation, context: Context?)] = []
  private var resourceIndex: [String: Int] = [:]
  private var vocabularyCache: [String: Vocabularies] = [:]

  init(registry: SchemaRegistry, options: ValidationOptions) {
    self.registry = registry
    self.options = options
  }

  /// Compiles the document registered at `uri` and everything it references; returns the root.
  mutating func compile(root uri: String) throws(SchemaError) -> Int {
    guard let resolved = try registry.resolve(uri) else { throw SchemaError("cannot resolve the schema", at: uri) }
    let root = node(at: resolved.location, context: nil)
    while let item = queue.popLast() {
      var context: Context
      if let known = item.context { context = known } else { context = try self.context(for: item.location) }
      nodes[item.index] = try compileNode(at: item.location, context: context)
    }
    try rejectLoopsWithoutProgress()
    return root
  }

  // MARK: Locations and contexts

  private mutating func node(at location: SchemaLocation, context: Context?) -> Int {
    let key = location.key
    if let existing = memo[key] { return existing }
    let index = nodes.count
    nodes.append(NodeSpec())
    memo[key] = index
    queue.append((index, location, context))
    return index
  }

  /// The context of an arbitrary location, found by walking from its document root (for
  /// `$ref` targets, which may sit under other `$id`s).
  private mutating func context(for location: SchemaLocation) throws(SchemaError) -> Context {
    guard let document = registry.documents[location.document] else {
      throw SchemaError("unknown document", at: location.document)
    }
    var context = try enter(document, pointer: [], parent: nil, document: location.document)
    var value = document
    for (depth, token) in location.pointer.enumerated() {
      switch value {
      case .object(let o): value = o[token] ?? .null
      case .array(let a): value = JSONPointer.arrayIndex(token).flatMap { $0 < a.count ? a[$0] : nil } ?? .null
      default: value = .null
      }
      context = try enter(value, pointer: Array(location.pointer[...depth]), parent: context, document: location.document)
    }
    return context
  }

  /// The context of `value` given its parent's: a new resource at `$id`, new vocabularies at `$schema`.
  private mutating func enter(_ value: JSONValue, pointer: [String], parent: Context?, document: String) throws(SchemaError)
    -> Context
  {
    var context =
      parent
      ?? Context(base: URIReference(parsing: document), resourcePointer: [], vocabularies: .standard, resource: -1)
    guard case .object(let object) = value else {
      if parent == nil { context.resource = resource(for: context.base.string) }
      return context
    }
    var newResource = parent == nil
    if case .string(let id)? = object["$id"] {
      context.base = context.base.resolving(id).withoutFragment
      context.resourcePointer = pointer
      newResource = true
    }
    if case .string(let metaSchema)? = object["$schema"] {
      context.vocabularies = try vocabularies(of: metaSchema, at: document)
    }
    if newResource { context.resource = resource(for: context.base.string) }
    return context
  }

  private mutating func resource(for uri: String) -> Int {
    if let index = resourceIndex[uri] { return index }
    let index = resources.count
    resources.append(Resource(uri: uri, dynamicAnchors: [:]))
    resourceIndex[uri] = index
    var anchors: [String: Int] = [:]
    for (name, location) in registry.dynamicAnchors[uri] ?? [:] {
      anchors[name] = node(at: location, context: nil)
    }
    resources[index].dynamicAnchors = anchors
    return index
  }

  /// The vocabularies a meta-schema enables; unknown meta-schemas get the standard set, and an
  /// unknown vocabulary the meta-schema requires is an error (2020-12 core, section 8.1.2).
  private mutating func vocabularies(of metaSchema: String, at location: String) throws(SchemaError) -> Vocabularies {
    let uri = URIReference(parsing: metaSchema).withoutFragment.string
    if let cached = vocabularyCache[uri] { return cached }
    var result = Vocabularies.standard
    if let resolved = try registry.resolve(uri), case .object(let declared)? = registry.value(at: resolved.location)?["$vocabulary"]
    {
      result = [.core]
      for (vocabulary, required) in declared {
        if let known = Vocabularies(uri: vocabulary) {
          result.insert(known)
        } else if required == .bool(true) {
          throw SchemaError("the meta-schema requires the unknown vocabulary \(vocabulary)", at: location)
        }
      }
    }
    vocabularyCache[uri] = result
    return result
  }

  // MARK: Nodes

  private mutating func compileNode(at location: SchemaLocation, context: Context) throws(SchemaError) -> NodeSpec {
    var node = NodeSpec()
    node.resource = context.resource
    let relative = location.pointer.dropFirst(context.resourcePointer.count)
    node.location = context.base.string + "#" + JSONPointer(Array(relative)).description
    guard let value = registry.value(at: location) else {
      throw SchemaError("no schema at this location", at: node.location)
    }
    switch value {
    case .bool(true):
      node.kind = .alwaysValid
      return node
    case .bool(false):
      node.kind = .alwaysInvalid
      return node
    case .object(let object):
      try buildKeywords(object, location: location, context: context, into: &node)
      return node
    default:
      throw SchemaError("a schema must be an object or a boolean, found \(value.typeName)", at: node.location)
    }
  }

  /// Compiles (later) the subschema at `pointer` under `parent`'s location.
  mutating func subschema(_ value: JSONValue, at location: SchemaLocation, parent: Context) throws(SchemaError) -> Int {
    if let existing = memo[location.key] { return existing }
    let context = try enter(value, pointer: location.pointer, parent: parent, document: location.document)
    return node(at: location, context: context)
  }

  /// Resolves a `$ref`-style reference against the base URI in effect.
  mutating func reference(_ ref: String, context: Context, at keywordLocation: String) throws(SchemaError) -> (
    node: Int, dynamicAnchor: String?
  ) {
    let target = context.base.resolving(ref).string
    guard let resolved = try registry.resolve(target) else {
      throw SchemaError("cannot resolve the reference '\(ref)' (\(target))", at: keywordLocation)
    }
    var anchor: String?
    if resolved.viaDynamicAnchor {
      anchor = splitFragment(target).fragment
    }
    return (node(at: resolved.location, context: nil), anchor)
  }

  mutating func noteDynamicRef() { usesDynamicRef = true }

  var assertsFormat: Bool { options.assertFormat }

  // MARK: Loops

  /// Rejects cycles of in-place applicators (`$ref`, `allOf`, `not`, ...): evaluating them would
  /// apply the same schema to the same instance forever.
  private func rejectLoopsWithoutProgress() throws(SchemaError) {
    var state = [UInt8](repeating: 0, count: nodes.count)  // 0 new, 1 on stack, 2 done
    for start in nodes.indices where state[start] == 0 {
      var stack: [(node: Int, edges: [Int], next: Int)] = [(start, inPlaceEdges(start), 0)]
      state[start] = 1
      while !stack.isEmpty {
        let top = stack.count - 1
        if stack[top].next == stack[top].edges.count {
          state[stack[top].node] = 2
          stack.removeLast()
          continue
        }
        let target = stack[top].edges[stack[top].next]
        stack[top].next += 1
        switch state[target] {
        case 1:
          throw SchemaError("$ref loop that never reaches the instance's contents", at: nodes[target].location)
        case 0:
          state[target] = 1
          stack.append((target, inPlaceEdges(target), 0))
        default:
          continue
        }
      }
    }
  }

  private func inPlaceEdges(_ index: Int) -> [Int] {
    var edges: [Int] = []
    for keyword in nodes[index].keywords {
      switch keyword {
      case .ref(let target): edges.append(target)
      case .dynamicRef(let target, _): edges.append(target)
      case .allOf(let list), .anyOf(let list), .oneOf(let list): edges += tables.nodeLists[list]
      case .not(let target): edges.append(target)
      case .conditional(let i, let t, let e): edges += [i] + [t, e].compactMap { $0 }
      case .dependentSchemas(let list): edges += tables.dependentSchemas[list].map(\.node)
      default: continue
      }
    }
    return edges
  }
}
