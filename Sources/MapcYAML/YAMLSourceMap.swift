import CYAML
import MapcJSON

/// Where each node of a YAML document sits in the file, for locating findings.
///
/// Built on demand by re-parsing the text (only when a finding must be located), in one
/// pass over libyaml's events. It never fails: on broken input it maps what was read
/// before the error. Like ``YAMLLoader``, it keeps the first of two duplicate keys, maps
/// only the first document, and maps an alias as one node (what it expands to has no
/// place of its own).
public struct YAMLSourceMap: Sendable {
  /// The location of one node.
  public struct Entry: Sendable, Hashable {
    /// The start of the mapping key naming the node; nil for the root and sequence items.
    public var key: SourcePosition?
    /// The start of the value node.
    public var value: SourcePosition
    /// Just after the value node's last character.
    public var valueEnd: SourcePosition

    public init(key: SourcePosition?, value: SourcePosition, valueEnd: SourcePosition) {
      self.key = key
      self.value = value
      self.valueEnd = valueEnd
    }
  }

  private var entries: [JSONPointer: Entry]

  /// Maps `yaml`, whose first line is line `firstLine` of the file.
  public init(yaml: String, firstLine: Int = 1) {
    let build = { (bytes: UnsafeRawBufferPointer) in SourceMapBuilder.entries(bytes, firstLine: firstLine) }
    entries = yaml.utf8.withContiguousStorageIfAvailable { build(UnsafeRawBufferPointer($0)) }
      ?? Array(yaml.utf8).withUnsafeBytes(build)
  }

  /// Maps UTF-8 `bytes`, which are only read during the call.
  public init(utf8 bytes: UnsafeRawBufferPointer, firstLine: Int = 1) {
    entries = SourceMapBuilder.entries(bytes, firstLine: firstLine)
  }

  /// The number of mapped nodes.
  public var count: Int { entries.count }

  /// The location of the node at `pointer`, or nil when the document has no such node.
  public func entry(for pointer: JSONPointer) -> Entry? { entries[pointer] }

  /// The location of `pointer`'s node or, when it is absent (a missing required property,
  /// an index past the end), of its nearest existing ancestor.
  public func nearestEntry(for pointer: JSONPointer) -> (pointer: JSONPointer, entry: Entry)? {
    var tokens = pointer.tokens
    while true {
      let candidate = JSONPointer(tokens)
      if let entry = entries[candidate] { return (candidate, entry) }
      if tokens.isEmpty { return nil }
      tokens.removeLast()
    }
  }
}

/// One pass over libyaml's events that records every node's position.
private struct SourceMapBuilder {
  private enum Slot {
    case expectKey
    case expectValue(key: String, at: SourcePosition)
    case skipValue
  }

  private struct Frame {
    var pointer: JSONPointer
    var key: SourcePosition?
    var start: SourcePosition
    var isMapping: Bool
    var isBlock: Bool
    /// Ignored: a key, or the value of a duplicate or unusable key.
    var skipped: Bool
    var slot = Slot.expectKey
    var nextIndex = 0
    var keys: Set<String> = []
    var lastEnd: SourcePosition?
  }

  private let lines: LineIndex
  private var stack: [Frame] = []
  private var entries: [JSONPointer: Entry] = [:]
  /// Anchor names to their scalar text (nil for a collection), for aliases used as keys.
  private var anchorTexts: [String: String?] = [:]
  private var documents = 0

  typealias Entry = YAMLSourceMap.Entry

  static let maximumDepth = YAMLLimits().maximumDepth

  static func entries(_ bytes: UnsafeRawBufferPointer, firstLine: Int) -> [JSONPointer: Entry] {
    var builder = SourceMapBuilder(lines: LineIndex(bytes, firstLine: firstLine))
    if var parser = EventParser(input: bytes) {
      while parser.next(), builder.handle(parser.event) {}
    }
    if builder.entries[.root] == nil {
      let start = SourcePosition(line: firstLine, column: 1)
      builder.entries[.root] = Entry(key: nil, value: start, valueEnd: start)
    }
    return builder.entries
  }

  private init(lines: LineIndex) {
    self.lines = lines
  }

  private mutating func handle(_ event: UnsafePointer<yaml_event_t>) -> Bool {
    let e = event.pointee
    let start = Int(e.start_mark.index)
    let end = Int(e.end_mark.index)
    switch e.type {
    case YAML_SCALAR_EVENT:
      let data = e.data.scalar
      let text = String(decoding: UnsafeRawBufferPointer(start: data.value, count: data.length), as: UTF8.self)
      if let anchor = data.anchor { anchorTexts[String(cString: anchor)] = .some(text) }
      leaf(start: start, end: end, keyText: text)
    case YAML_ALIAS_EVENT:
      let name = e.data.alias.anchor.map { String(cString: $0) } ?? ""
      leaf(start: start, end: end, keyText: anchorTexts[name] ?? nil)
    case YAML_MAPPING_START_EVENT where stack.count >= Self.maximumDepth,
      YAML_SEQUENCE_START_EVENT where stack.count >= Self.maximumDepth:
      // Pointers grow with depth, so mapping every level of a hostile document would take
      // quadratic memory; the loader has already reported it, and findings point above.
      while !stack.isEmpty { close(end: start) }
      return false
    case YAML_MAPPING_START_EVENT:
      let data = e.data.mapping_start
      if let anchor = data.anchor { anchorTexts[String(cString: anchor)] = .some(nil) }
      open(mapping: true, block: data.style == YAML_BLOCK_MAPPING_STYLE, start: start)
    case YAML_SEQUENCE_START_EVENT:
      let data = e.data.sequence_start
      if let anchor = data.anchor { anchorTexts[String(cString: anchor)] = .some(nil) }
      open(mapping: false, block: data.style == YAML_BLOCK_SEQUENCE_STYLE, start: start)
    case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
      close(end: end)
    case YAML_DOCUMENT_START_EVENT:
      documents += 1
      return documents == 1
    case YAML_STREAM_END_EVENT:
      return false
    default:
      break
    }
    return true
  }

  /// Where a node starting now belongs: its pointer and key position, or nil when it is a
  /// key or otherwise ignored. Advances the parent's slot.
  private mutating func place(isScalarKey keyText: String?, at position: SourcePosition) -> (JSONPointer, SourcePosition?)? {
    let top = stack.count - 1
    guard top >= 0 else { return (.root, nil) }
    if stack[top].skipped { return nil }
    guard stack[top].isMapping else {
      let index = stack[top].nextIndex
      stack[top].nextIndex += 1
      return (stack[top].pointer.appending(index), nil)
    }
    switch stack[top].slot {
    case .expectKey:
      if let keyText, stack[top].keys.insert(keyText).inserted {
        stack[top].slot = .expectValue(key: keyText, at: position)
      } else {
        stack[top].slot = .skipValue
      }
      return nil
    case .expectValue(let key, let keyPosition):
      stack[top].slot = .expectKey
      return (stack[top].pointer.appending(key), keyPosition)
    case .skipValue:
      stack[top].slot = .expectKey
      return nil
    }
  }

  private mutating func leaf(start: Int, end: Int, keyText: String?) {
    let startPosition = lines.position(ofChar: start)
    let endPosition = extentEnd(start: start, end: end)
    if let (pointer, key) = place(isScalarKey: keyText, at: startPosition), entries[pointer] == nil {
      entries[pointer] = Entry(key: key, value: startPosition, valueEnd: endPosition)
    }
    if !stack.isEmpty { stack[stack.count - 1].lastEnd = endPosition }
  }

  private mutating func open(mapping: Bool, block: Bool, start: Int) {
    let startPosition = lines.position(ofChar: start)
    let placed = place(isScalarKey: nil, at: startPosition)
    stack.append(
      Frame(
        pointer: placed?.0 ?? .root,
        key: placed?.1,
        start: startPosition,
        isMapping: mapping,
        isBlock: block,
        skipped: placed == nil
      )
    )
  }

  private mutating func close(end: Int) {
    guard let frame = stack.popLast() else { return }
    let endPosition: SourcePosition
    if frame.isBlock {
      endPosition = frame.lastEnd ?? frame.start
    } else {
      endPosition = lines.position(ofChar: end)
    }
    if !frame.skipped, entries[frame.pointer] == nil {
      entries[frame.pointer] = Entry(key: frame.key, value: frame.start, valueEnd: endPosition)
    }
    if !stack.isEmpty { stack[stack.count - 1].lastEnd = endPosition }
  }

  /// A node's end, pulled back to the end of its own last line when libyaml's mark sits at the
  /// start of the next line (block scalars and multi-line plain scalars).
  private func extentEnd(start: Int, end: Int) -> SourcePosition {
    if end > start, let previous = lines.endOfPreviousLine(beforeChar: end) { return previous }
    return lines.position(ofChar: end)
  }
}
