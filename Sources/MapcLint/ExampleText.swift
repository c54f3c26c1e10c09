/// An example plan's text made by editing a template (``ExamplePlans/minimal``), together
/// with the edits that went wrong.
///
/// An edit whose target is not in the text, or is there more than once, would silently leave
/// the example showing something other than its caption says; such an edit leaves the text
/// unchanged and is recorded in ``misses`` instead, and the example tests fail on it. Nothing
/// traps at run time: `mapc explain` still prints the example.
public struct ExampleText: Sendable, Hashable {
  public private(set) var text: String
  /// One line per edit that did not find exactly one occurrence of its target.
  public private(set) var misses: [String]

  public init(_ text: String) {
    self.text = text
    misses = []
  }

  /// The text with the one occurrence of `target` replaced by `replacement`.
  public func replacing(_ target: String, with replacement: String) -> ExampleText {
    var out = self
    let hits = text.ranges(of: target)
    guard hits.count == 1, let hit = hits.first else {
      out.misses.append("`\(target)` occurs \(hits.count) times in the text to edit, not once")
      return out
    }
    out.text.replaceSubrange(hit, with: replacement)
    return out
  }
}
