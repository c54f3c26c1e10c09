import MapcJSON

/// The outcome of loading a YAML document.
public struct YAMLLoadResult: Sendable {
  /// The document as JSON; nil when it could not be represented (syntax error, alias bomb,
  /// nesting too deep, unsupported tag or key, recursive or undefined alias).
  ///
  /// Duplicate keys and extra documents do not clear it: the first value, or the first
  /// document, is kept.
  public var value: JSONValue?
  /// Every problem found, in source order.
  public var diagnostics: [YAMLDiagnostic]

  public init(value: JSONValue?, diagnostics: [YAMLDiagnostic]) {
    self.value = value
    self.diagnostics = diagnostics
  }
}
