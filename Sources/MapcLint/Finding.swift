import MapcJSON
import MapcWorkspace
import MapcYAML

/// One thing mapc found in a file: what, where, how bad, and what to do about it.
public struct Finding: Sendable, Hashable {
  /// A finding's text: what is wrong, in one sentence fragment with no trailing period.
  public struct Message: Sendable, Hashable, ExpressibleByStringInterpolation, CustomStringConvertible {
    public var text: String
    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { text = value }
    public var description: String { text }
  }

  /// The path as shown to the user (relative to the working directory where possible).
  public var path: String
  /// 1-based line and column; nil for file-level findings with no position (unreadable file).
  public var position: SourcePosition?
  /// How many characters the caret underline spans, at least 1.
  public var length: Int
  public var severity: Severity
  public var check: Check
  public var message: Message
  /// What to do about it.
  public var help: String?
  /// The JSON pointer of the frontmatter value concerned, when there is one.
  public var pointer: JSONPointer?
  /// The text of the line at ``position``, for the source snippet.
  public var sourceLine: String?

  public init(
    path: String, position: SourcePosition?, length: Int = 1, severity: Severity? = nil, check: Check,
    message: Message, help: String? = nil, pointer: JSONPointer? = nil
  ) {
    self.path = path
    self.position = position
    self.length = max(1, length)
    self.severity = severity ?? check.defaultSeverity
    self.check = check
    self.message = message
    self.help = help
    self.pointer = pointer
  }

  public init(
    path: String, position: SourcePosition?, length: Int = 1, severity: Severity? = nil, check: Check,
    message: String, help: String? = nil, pointer: JSONPointer? = nil
  ) {
    self.init(
      path: path, position: position, length: length, severity: severity, check: check, message: Message(message),
      help: help, pointer: pointer)
  }

  /// Sort order of reports: by path, then position, then code.
  public static func reportOrder(_ a: Finding, _ b: Finding) -> Bool {
    if a.path != b.path { return a.path < b.path }
    let pa = a.position ?? SourcePosition(line: 0, column: 0)
    let pb = b.position ?? SourcePosition(line: 0, column: 0)
    if pa != pb { return pa < pb }
    if a.check.code != b.check.code { return a.check.code < b.check.code }
    return a.message.text < b.message.text
  }
}

extension Finding {
  /// The finding for a schema violation, under the check for its kind (MAP020-MAP026).
  public init(_ diagnostic: SchemaDiagnostic, path: String) {
    self.init(
      path: path, position: diagnostic.position, length: diagnostic.length, check: Check(for: diagnostic.kind),
      message: Message(diagnostic.message), help: diagnostic.help, pointer: diagnostic.pointer)
  }
}

extension Check {
  /// The schema check that reports a kind of schema violation.
  public init(for kind: SchemaDiagnostic.Kind) {
    switch kind {
    case .missingProperty: self = .missingProperty
    case .unknownProperty: self = .unknownProperty
    case .wrongType: self = .wrongType
    case .invalidValue: self = .invalidValue
    case .invalidFormat: self = .invalidFormat
    case .outOfRange: self = .outOfRange
    case .schemaViolation: self = .schemaViolation
    }
  }
}
