import MapcWorkspace
import MapcJSON
import MapcModel

/// Shared wording and lookups for the reference, date and status rules (MAP101–MAP129).
enum ReferenceRuleSupport {
  /// The string items of the array at `pointer`, with their positions in the raw array
  /// (so that a finding points at the right item even when another item has the wrong type).
  static func strings(at pointer: JSONPointer, in frontmatter: JSONValue) -> [(index: Int, value: String)] {
    (frontmatter.value(at: pointer)?.arrayValue ?? []).enumerated().compactMap { i, v in
      v.stringValue.map { (i, $0) }
    }
  }

  /// Whether the object at `pointer` has the property `key`, whatever its value.
  static func has(_ key: String, at pointer: JSONPointer, in frontmatter: JSONValue) -> Bool {
    frontmatter.value(at: pointer)?.objectValue?[key] != nil
  }

  /// "milestone `kickoff`", or "milestone 3" when it has no id.
  static func name(of milestone: Milestone) -> String {
    if let id = milestone.id { return "milestone `\(id)`" }
    return "milestone \(milestone.index + 1)"
  }

  /// "1 day", "3 days".
  static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

  /// A did-you-mean, or the list of valid values (the first few), or what to declare.
  static func help(for word: String, among candidates: [String], declare: String) -> String {
    if let s = DidYouMean.suggestion(for: word, among: candidates) { return "did you mean `\(s)`?" }
    let unique = candidates.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    if unique.isEmpty { return declare }
    let shown = unique.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
    return declare + "; declared: " + shown + (unique.count > 12 ? ", …" : "")
  }

  /// The first milestone's index for each id (references resolve to the first, as ``Plan/milestone(_:)`` does).
  static func milestoneIndexByID(_ plan: Plan) -> [String: Int] {
    var out: [String: Int] = [:]
    for m in plan.milestones { if let id = m.id, out[id] == nil { out[id] = m.index } }
    return out
  }
}
