import MapcYAML

/// Something wrong with a plan file before its YAML is even read: the bytes, the encoding,
/// or the frontmatter fences.
public struct SourceProblem: Error, Sendable, Hashable {
  public enum Kind: Sendable, Hashable {
    case unreadable
    case tooLarge
    case binary
    case invalidUTF8
    case empty
    case byteOrderMark
    case missingFrontmatter
    case unterminatedFrontmatter
    /// The frontmatter's YAML does not load (details in the YAML diagnostic).
    case yaml
    /// The frontmatter loads but is not a mapping of keys.
    case notAMapping
  }

  public var kind: Kind
  public var message: String
  public var help: String?
  /// Where the problem is; nil when the file could not be read at all.
  public var position: SourcePosition?

  public init(_ kind: Kind, _ message: String, help: String? = nil, at position: SourcePosition? = nil) {
    self.kind = kind
    self.message = message
    self.help = help
    self.position = position
  }

  /// Problems after which the rest of the file cannot be checked.
  public var isFatal: Bool { kind != .byteOrderMark }
}
