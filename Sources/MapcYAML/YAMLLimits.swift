/// Bounds that keep hostile YAML from exhausting time, memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
  /// The deepest nesting of mappings and sequences accepted (the root collection is depth 1).
  public var maximumDepth: Int
  /// The total number of nodes that expanding aliases may create in one document.
  public var maximumAliasExpansion: Int
  /// The total bytes of text (scalars and keys, as written in the source) that expanding
  /// aliases may create in one document: a few large anchors would otherwise multiply a plan
  /// far past its size limit while staying under the node bound.
  public var maximumAliasBytes: Int

  public init(maximumDepth: Int = 100, maximumAliasExpansion: Int = 10_000, maximumAliasBytes: Int = 1_000_000) {
    self.maximumDepth = maximumDepth
    self.maximumAliasExpansion = maximumAliasExpansion
    self.maximumAliasBytes = maximumAliasBytes
  }
}
