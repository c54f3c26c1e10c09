import MapcJSON

/// Loads YAML frontmatter into JSON, with YAML 1.2 core-schema semantics.
///
/// The loader streams libyaml's events straight into ``JSONValue``s: plain scalars are
/// resolved on their bytes, strings are built once from libyaml's buffer, and no
/// intermediate node tree is kept. Positions are computed only when a diagnostic needs one.
public enum YAMLLoader {
  /// Parses one YAML document into JSON.
  ///
  /// - Parameters:
  ///   - text: the YAML text (the frontmatter between the `---` lines); LF or CRLF.
  ///   - firstLine: the file line where `text` starts, so that positions are file positions.
  ///   - limits: bounds on nesting and alias expansion.
  public static func load(_ text: String, firstLine: Int = 1, limits: YAMLLimits = YAMLLimits()) -> YAMLLoadResult {
    if let result = text.utf8.withContiguousStorageIfAvailable({
      load(utf8: UnsafeRawBufferPointer($0), firstLine: firstLine, limits: limits)
    }) {
      return result
    }
    return Array(text.utf8).withUnsafeBytes { load(utf8: $0, firstLine: firstLine, limits: limits) }
  }

  /// Parses one YAML document into JSON from a slice of a larger string (no copy when the
  /// string is native UTF-8).
  public static func load(_ text: Substring, firstLine: Int = 1, limits: YAMLLimits = YAMLLimits()) -> YAMLLoadResult {
    if let result = text.utf8.withContiguousStorageIfAvailable({
      load(utf8: UnsafeRawBufferPointer($0), firstLine: firstLine, limits: limits)
    }) {
      return result
    }
    return Array(text.utf8).withUnsafeBytes { load(utf8: $0, firstLine: firstLine, limits: limits) }
  }

  /// Parses one YAML document into JSON from UTF-8 bytes, which are only read during the call.
  public static func load(
    utf8 bytes: UnsafeRawBufferPointer,
    firstLine: Int = 1,
    limits: YAMLLimits = YAMLLimits()
  ) -> YAMLLoadResult {
    guard !bytes.isEmpty else { return YAMLLoadResult(value: .null, diagnostics: []) }
    var builder = DocumentBuilder(bytes: bytes, firstLine: firstLine, limits: limits)
    guard var parser = EventParser(input: bytes) else {
      builder.fail(LibYAMLFailure(problem: "libyaml could not be initialised", context: nil, index: 0, contextIndex: nil))
      return builder.result()
    }
    while true {
      guard parser.next() else {
        builder.fail(parser.failure(in: bytes))
        break
      }
      guard builder.handle(parser.event) else { break }
    }
    return builder.result()
  }
}
