/// A problem found while loading YAML, located in the file.
public struct YAMLDiagnostic: Sendable, Hashable, CustomStringConvertible {
  /// What kind of problem this is; callers map kinds to their own rule codes.
  public enum Kind: Sendable, Hashable {
    /// The text is not well-formed YAML.
    case syntax
    /// A tab character where YAML requires spaces (indentation or separation).
    case tabIndentation
    /// The same key appears twice in one mapping.
    case duplicateKey
    /// The text holds more than one YAML document.
    case multipleDocuments
    /// Expanding aliases would create more nodes than ``YAMLLimits/maximumAliasExpansion``.
    case aliasLimit
    /// Collections nest deeper than ``YAMLLimits/maximumDepth``.
    case nestingTooDeep
    /// A mapping key is a mapping or a sequence, which JSON cannot represent.
    case unsupportedKey
    /// A tag other than the core schema's, or a core tag whose value does not fit it.
    case unsupportedTag
    /// An alias refers to a node that contains it.
    case recursiveAlias
  }

  public var kind: Kind
  /// What is wrong, in one sentence.
  public var message: String
  /// What to do about it, when there is something useful to say.
  public var help: String?
  /// Where the problem is, in file coordinates.
  public var position: SourcePosition

  public init(kind: Kind, message: String, help: String? = nil, position: SourcePosition) {
    self.kind = kind
    self.message = message
    self.help = help
    self.position = position
  }

  /// `line:column: message`.
  public var description: String { "\(position): \(message)" }
}
