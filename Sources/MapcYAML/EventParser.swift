import CYAML

/// Owns a libyaml parser and its current event; no libyaml pointer outlives it.
///
/// The input bytes are borrowed: create and use the parser inside the scope that keeps them
/// alive (`withContiguousStorageIfAvailable`, `withUnsafeBytes`), never store it.
struct EventParser: ~Copyable {
  private let parser: UnsafeMutablePointer<yaml_parser_t>
  private let eventStorage: UnsafeMutablePointer<yaml_event_t>
  private var holdsEvent = false

  /// Nil when libyaml cannot allocate its parser. `input` must not be empty.
  init?(input: UnsafeRawBufferPointer) {
    guard let base = input.baseAddress, input.count > 0 else { return nil }
    let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    guard yaml_parser_initialize(parser) == 1 else {
      parser.deallocate()
      return nil
    }
    yaml_parser_set_input_string(parser, base.assumingMemoryBound(to: UInt8.self), input.count)
    self.parser = parser
    self.eventStorage = .allocate(capacity: 1)
  }

  deinit {
    if holdsEvent { yaml_event_delete(eventStorage) }
    yaml_parser_delete(parser)
    parser.deallocate()
    eventStorage.deallocate()
  }

  /// Parses the next event; false when libyaml reports an error (see ``failure``).
  mutating func next() -> Bool {
    if holdsEvent {
      yaml_event_delete(eventStorage)
      holdsEvent = false
    }
    guard yaml_parser_parse(parser, eventStorage) == 1 else { return false }
    holdsEvent = true
    return true
  }

  /// The event from the last successful ``next()``; valid until the following call.
  var event: UnsafePointer<yaml_event_t> { UnsafePointer(eventStorage) }

  /// libyaml's error after ``next()`` returned false.
  func failure(in bytes: UnsafeRawBufferPointer) -> LibYAMLFailure {
    let p = parser.pointee
    let problem = p.problem.map { String(cString: $0) }
    let context = p.context.map { String(cString: $0) }
    switch p.error {
    case YAML_MEMORY_ERROR:
      return LibYAMLFailure(problem: "libyaml ran out of memory", context: nil, index: 0, contextIndex: nil)
    case YAML_READER_ERROR:
      let index = LineIndex.charIndex(ofByte: p.problem_offset, in: bytes)
      var text = problem ?? "invalid input"
      if p.problem_value >= 0 && text.hasPrefix("control characters") {
        text += " (U+\(String(p.problem_value, radix: 16, uppercase: true)))"
      }
      return LibYAMLFailure(problem: text, context: nil, index: index, contextIndex: nil)
    default:
      return LibYAMLFailure(
        problem: problem ?? "invalid YAML",
        context: context,
        index: Int(p.problem_mark.index),
        contextIndex: context == nil ? nil : Int(p.context_mark.index)
      )
    }
  }
}

/// A libyaml error, with character indexes into the input.
struct LibYAMLFailure {
  var problem: String
  var context: String?
  var index: Int
  var contextIndex: Int?
}
