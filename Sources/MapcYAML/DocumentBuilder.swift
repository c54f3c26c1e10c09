import CYAML
import MapcJSON

/// Builds a ``JSONValue`` from libyaml events without recursion.
///
/// Lives only for one ``YAMLLoader/load(utf8:firstLine:limits:)`` call: it borrows the
/// input bytes to locate diagnostics.
struct DocumentBuilder {
  private enum KeyState {
    /// The next node is a key.
    case expectKey
    /// A mapping or sequence used as a key is being read; it and its value are dropped.
    case keyNode
    /// The next node is the value of the last key in `keys`.
    case expectValue
    /// The next node is the value of a dropped key.
    case discardValue
  }

  /// An open mapping or sequence. Its children wait in the builder's shared `values` (and,
  /// for a mapping, `keys`) buffers from `valueBase` (`keyBase`) on, so that each finished
  /// collection is allocated once, at its exact size.
  private struct Frame {
    var isMapping: Bool
    var valueBase: Int
    var keyBase: Int
    var state = KeyState.expectKey
    var anchor: String?
    /// This node and everything below it, aliases counted as what they expand to.
    var nodes = 1
    /// The bytes of text (scalars and keys) in this node and below it, aliases counted as
    /// what they expand to.
    var bytes = 0
    /// Key → index in `keys`, built once a mapping is large enough for a linear scan to cost.
    var keyLookup: [String: Int]?

    init(isMapping: Bool, valueBase: Int, keyBase: Int, anchor: String?) {
      self.isMapping = isMapping
      self.valueBase = valueBase
      self.keyBase = keyBase
      self.anchor = anchor
    }
  }

  /// Above this many keys, a mapping finds duplicates through a dictionary.
  private static let linearKeyScanLimit = 16

  private enum Anchor {
    /// Anchored on a collection still being read: an alias to it is recursive.
    case open
    /// A finished node, its size in nodes and in bytes of text and, for a scalar, its text
    /// (for use as a key).
    case done(JSONValue, nodes: Int, bytes: Int, text: String?)
  }

  private let bytes: UnsafeRawBufferPointer
  private let firstLine: Int
  private let limits: YAMLLimits
  private var lines: LineIndex?
  private var stack: [Frame] = []
  /// Children of the open collections, innermost last.
  private var values: [JSONValue] = []
  /// Keys of the open mappings, innermost last; a key is added when read, its value later.
  private var keys: [String] = []
  /// The character index of each entry of `keys`, for duplicate-key messages.
  private var keyIndices: [Int] = []
  /// A hash of each entry of `keys`: duplicate checks compare these before any string.
  private var keyHashes: [UInt64] = []
  private var root: JSONValue?
  private var anchors: [String: Anchor] = [:]
  private var expandedNodes = 0
  private var expandedBytes = 0
  private var documents = 0
  private var explicitDocumentEnd = false
  private var representable = true
  private var diagnostics: [YAMLDiagnostic] = []

  init(bytes: UnsafeRawBufferPointer, firstLine: Int, limits: YAMLLimits) {
    self.bytes = bytes
    self.firstLine = firstLine
    self.limits = limits
  }

  /// The loaded value and the diagnostics in source order.
  func result() -> YAMLLoadResult {
    var sorted = diagnostics
    if sorted.count > 1 {
      // Stable: diagnostics at the same position keep the order they were found in.
      sorted = sorted.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }.map(\.element)
    }
    return YAMLLoadResult(value: representable ? (root ?? .null) : nil, diagnostics: sorted)
  }

  /// Records libyaml's error; the value is lost unless the error is a second document.
  mutating func fail(_ failure: LibYAMLFailure) {
    let diagnostic = FailureTranslation.diagnostic(
      for: failure,
      lines: lineIndex(),
      bytes: bytes,
      afterExplicitDocumentEnd: explicitDocumentEnd && stack.isEmpty
    )
    if diagnostic.kind != .multipleDocuments { representable = false }
    diagnostics.append(diagnostic)
  }

  /// Consumes one event; false when loading must stop.
  mutating func handle(_ event: UnsafePointer<yaml_event_t>) -> Bool {
    switch event.pointee.type {
    case YAML_SCALAR_EVENT:
      scalar(event)
    case YAML_MAPPING_START_EVENT:
      let data = event.pointee.data.mapping_start
      return start(mapping: true, anchor: data.anchor, tag: data.tag, index: Int(event.pointee.start_mark.index))
    case YAML_SEQUENCE_START_EVENT:
      let data = event.pointee.data.sequence_start
      return start(mapping: false, anchor: data.anchor, tag: data.tag, index: Int(event.pointee.start_mark.index))
    case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
      end()
    case YAML_ALIAS_EVENT:
      return alias(event)
    case YAML_DOCUMENT_START_EVENT:
      if documents > 0 {
        diagnostics.append(FailureTranslation.multipleDocuments(at: position(Int(event.pointee.start_mark.index))))
        return false
      }
      documents += 1
    case YAML_DOCUMENT_END_EVENT:
      explicitDocumentEnd = event.pointee.data.document_end.implicit == 0
    case YAML_STREAM_END_EVENT:
      return false
    default:
      break
    }
    return true
  }

  // MARK: - Nodes

  // `mutating get` and the inlined key scan below keep the optimiser from copying the
  // whole builder around non-mutating calls in the hot path.
  private var expectingKey: Bool {
    mutating get {
      let top = stack.count - 1
      return top >= 0 && stack[top].isMapping && stack[top].state == .expectKey
    }
  }

  private mutating func scalar(_ event: UnsafePointer<yaml_event_t>) {
    let data = event.pointee.data.scalar
    let text = UnsafeRawBufferPointer(start: data.value, count: data.length)
    let index = Int(event.pointee.start_mark.index)

    if expectingKey {
      let key = String(decoding: text, as: UTF8.self)
      var value = JSONValue.string(key)
      if let tag = data.tag {
        value = tagged(tag, text, index: index)
      } else if data.anchor != nil, data.style == YAML_PLAIN_SCALAR_STYLE, let resolved = CoreSchema.resolvePlain(text) {
        value = resolved
      }
      if let anchor = data.anchor { anchors[String(cString: anchor)] = .done(value, nodes: 1, bytes: text.count, text: key) }
      addKey(key, hash: Self.keyHash(text), index: index)
      return
    }

    let value: JSONValue
    if let tag = data.tag {
      value = tagged(tag, text, index: index)
    } else if data.style == YAML_PLAIN_SCALAR_STYLE, let resolved = CoreSchema.resolvePlain(text) {
      value = resolved
    } else {
      value = .string(String(decoding: text, as: UTF8.self))
    }
    if let anchor = data.anchor {
      anchors[String(cString: anchor)] = .done(value, nodes: 1, bytes: text.count, text: String(decoding: text, as: UTF8.self))
    }
    push(value, nodes: 1, bytes: text.count)
  }

  /// The value of an explicitly tagged scalar; unsupported tags and misfits become diagnostics.
  private mutating func tagged(_ tag: UnsafePointer<UInt8>, _ text: UnsafeRawBufferPointer, index: Int) -> JSONValue {
    let name = String(cString: tag)
    let core = "tag:yaml.org,2002:"
    var resolved: JSONValue?
    switch name {
    case "!", core + "str": return .string(String(decoding: text, as: UTF8.self))
    case core + "null": resolved = CoreSchema.isNull(text) ? .null : nil
    case core + "bool": resolved = CoreSchema.bool(text).map(JSONValue.bool)
    case core + "int": resolved = CoreSchema.number(text, integerOnly: true).map(JSONValue.number)
    case core + "float": resolved = CoreSchema.number(text).map(JSONValue.number)
    default:
      unsupportedTag(name, index: index)
      return .null
    }
    if let resolved { return resolved }
    let shown = Self.shortTag(name)
    report(
      .unsupportedTag,
      "'\(String(decoding: text, as: UTF8.self))' is not a valid \(shown) value",
      help: "remove the \(shown) tag or correct the value",
      at: index
    )
    representable = false
    return .null
  }

  private mutating func unsupportedTag(_ name: String, index: Int) {
    report(
      .unsupportedTag,
      "unsupported tag '\(Self.shortTag(name))'; plans use plain JSON-compatible values",
      help: "remove the tag; only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are understood",
      at: index
    )
    representable = false
  }

  private static func shortTag(_ name: String) -> String {
    let core = "tag:yaml.org,2002:"
    return name.hasPrefix(core) ? "!!" + name.dropFirst(core.count) : name
  }

  /// `1000000` → `1,000,000`.
  private static func grouped(_ n: Int) -> String {
    var digits = String(n.magnitude)
    var out = ""
    while digits.count > 3 {
      out = "," + digits.suffix(3) + out
      digits.removeLast(3)
    }
    return (n < 0 ? "-" : "") + digits + out
  }

  /// FNV-1a over the key's UTF-8 bytes.
  @inline(__always)
  private static func keyHash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
    return h
  }

  private mutating func addKey(_ key: String, hash: UInt64, index: Int) {
    let top = stack.count - 1
    var first: Int?
    if let lookup = stack[top].keyLookup {
      first = lookup[key]
    } else {
      var k = stack[top].keyBase
      while k < keyHashes.count {
        if keyHashes[k] == hash, keys[k] == key {
          first = k
          break
        }
        k += 1
      }
    }
    if let first {
      let firstLine = position(keyIndices[first]).line
      report(
        .duplicateKey,
        "duplicate key '\(key)' (first defined on line \(firstLine))",
        help: "remove one of the two entries; the first one is used",
        at: index
      )
      stack[top].state = .discardValue
      return
    }
    keys.append(key)
    keyIndices.append(index)
    keyHashes.append(hash)
    stack[top].bytes += key.utf8.count
    stack[top].state = .expectValue
    let count = keys.count - stack[top].keyBase
    if stack[top].keyLookup != nil {
      stack[top].keyLookup?[key] = keys.count - 1
    } else if count > Self.linearKeyScanLimit {
      var lookup = [String: Int](minimumCapacity: count * 2)
      for k in stack[top].keyBase..<keys.count { lookup[keys[k]] = k }
      stack[top].keyLookup = lookup
    }
  }

  private mutating func push(_ value: JSONValue, nodes: Int, bytes: Int) {
    let top = stack.count - 1
    guard top >= 0 else {
      if root == nil { root = value }
      return
    }
    stack[top].nodes += nodes
    stack[top].bytes += bytes
    guard stack[top].isMapping else {
      values.append(value)
      return
    }
    switch stack[top].state {
    case .expectValue:
      values.append(value)
      stack[top].state = .expectKey
    case .keyNode:
      stack[top].state = .discardValue
    case .discardValue, .expectKey:
      stack[top].state = .expectKey
    }
  }

  private mutating func start(mapping: Bool, anchor: UnsafePointer<UInt8>?, tag: UnsafePointer<UInt8>?, index: Int) -> Bool {
    guard stack.count < limits.maximumDepth else {
      report(
        .nestingTooDeep,
        "mappings and sequences nest deeper than \(limits.maximumDepth) levels",
        help: "flatten the structure",
        at: index
      )
      representable = false
      return false
    }
    if expectingKey {
      report(
        .unsupportedKey,
        "a \(mapping ? "mapping" : "sequence") cannot be a mapping key; keys must be plain text",
        help: "use a scalar key such as 'name:'",
        at: index
      )
      representable = false
      stack[stack.count - 1].state = .keyNode
    }
    if let tag {
      let name = String(cString: tag)
      if name != "!" && name != "tag:yaml.org,2002:" + (mapping ? "map" : "seq") {
        unsupportedTag(name, index: index)
      }
    }
    let anchorName = anchor.map { String(cString: $0) }
    if let anchorName { anchors[anchorName] = .open }
    stack.append(Frame(isMapping: mapping, valueBase: values.count, keyBase: keys.count, anchor: anchorName))
    return true
  }

  private mutating func end() {
    guard let frame = stack.popLast() else { return }
    let value: JSONValue
    if frame.isMapping {
      // Every kept key has received its value when the mapping ends; `min` only guards.
      let count = min(values.count - frame.valueBase, keys.count - frame.keyBase)
      var members: [JSONObject.Member] = []
      members.reserveCapacity(count)
      for offset in 0..<count {
        members.append((keys[frame.keyBase + offset], values[frame.valueBase + offset]))
      }
      // The builder has already reported and dropped duplicate keys.
      value = .object(JSONObject(uniqueMembers: members))
      keys.removeLast(keys.count - frame.keyBase)
      keyIndices.removeLast(keyIndices.count - frame.keyBase)
      keyHashes.removeLast(keyHashes.count - frame.keyBase)
    } else {
      value = .array(takeValues(from: frame.valueBase))
    }
    values.removeLast(values.count - frame.valueBase)
    if let anchor = frame.anchor { anchors[anchor] = .done(value, nodes: frame.nodes, bytes: frame.bytes, text: nil) }
    push(value, nodes: frame.nodes, bytes: frame.bytes)
  }

  /// Moves `values[start...]` into a new array without retaining and releasing each one,
  /// leaving `.null` (which owns nothing) in the vacated slots for the caller to drop.
  private mutating func takeValues(from start: Int) -> [JSONValue] {
    let count = values.count - start
    guard count > 0 else { return [] }
    return values.withUnsafeMutableBufferPointer { source in
      [JSONValue](unsafeUninitializedCapacity: count) { target, initialized in
        guard let from = source.baseAddress, let to = target.baseAddress else { return }
        to.moveInitialize(from: from + start, count: count)
        (from + start).initialize(repeating: .null, count: count)
        initialized = count
      }
    }
  }

  private mutating func alias(_ event: UnsafePointer<yaml_event_t>) -> Bool {
    let index = Int(event.pointee.start_mark.index)
    let name = event.pointee.data.alias.anchor.map { String(cString: $0) } ?? ""
    switch anchors[name] {
    case nil:
      report(.syntax, "undefined alias '*\(name)'", help: "define the anchor '&\(name)' before using the alias", at: index)
      representable = false
      placeholder()
    case .open:
      report(
        .recursiveAlias,
        "alias '*\(name)' refers to a node that contains it; JSON cannot represent a recursive structure",
        help: "copy the content instead of using an alias",
        at: index
      )
      representable = false
      placeholder()
    case .done(let value, let nodes, let bytes, let text):
      expandedNodes += nodes
      guard expandedNodes <= limits.maximumAliasExpansion else {
        report(
          .aliasLimit,
          "aliases expand to more than \(limits.maximumAliasExpansion) nodes",
          help: "write the content out instead of nesting aliases",
          at: index
        )
        representable = false
        return false
      }
      // A few large anchors stay far under the node bound yet multiply the text: bound the
      // bytes too (each alias adds what it copies).
      expandedBytes += bytes
      guard expandedBytes <= limits.maximumAliasBytes else {
        report(
          .aliasLimit,
          "aliases expand to more than \(Self.grouped(limits.maximumAliasBytes)) bytes of text",
          help: "write the content out instead of repeating a large anchor",
          at: index
        )
        representable = false
        return false
      }
      if expectingKey {
        if let text {
          var copy = text
          let hash = copy.withUTF8 { Self.keyHash(UnsafeRawBufferPointer($0)) }
          addKey(text, hash: hash, index: index)
        } else {
          report(
            .unsupportedKey,
            "alias '*\(name)' names a mapping or sequence, which cannot be a mapping key",
            help: "use a scalar key",
            at: index
          )
          representable = false
          stack[stack.count - 1].state = .discardValue
        }
      } else {
        push(value, nodes: nodes, bytes: bytes)
      }
    }
    return true
  }

  /// Stands in for a node that cannot be built, so the rest of the document is still checked.
  private mutating func placeholder() {
    if expectingKey {
      stack[stack.count - 1].state = .discardValue
    } else {
      push(.null, nodes: 1, bytes: 0)
    }
  }

  // MARK: - Positions and diagnostics

  private mutating func lineIndex() -> LineIndex {
    if let lines { return lines }
    let built = LineIndex(bytes, firstLine: firstLine)
    lines = built
    return built
  }

  private mutating func position(_ index: Int) -> SourcePosition {
    lineIndex().position(ofChar: index)
  }

  private mutating func report(_ kind: YAMLDiagnostic.Kind, _ message: String, help: String?, at index: Int) {
    diagnostics.append(YAMLDiagnostic(kind: kind, message: message, help: help, position: position(index)))
  }
}
