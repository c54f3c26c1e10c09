/// Bounds that keep hostile YAML from exhausting time, memory or the stack.
public struct YAMLLimits: Sendable, Hashable {
  /// The deepest nesting of mappings and sequences accepted (the root collection is depth 1).
  public var maximumDepth: Int
  /// The total number of nodes that expanding aliases may create in one document.
  public var maximumAliasExpansion: Int

  public init(maximumDepth: Int = 100, maximumAliasExpansion: Int = 10_000) {
    self.maximumDepth = maximumDepth
    self.maximumAliasExpansion = maximumAliasExpansion
  }
}
