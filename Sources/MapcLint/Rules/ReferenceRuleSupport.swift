import MapcWorkspace
import MapcJSON
import MapcModel

/// Shared wording and lookups for the reference, date and status rules (MAP101–MAP129).
enum ReferenceRuleSupport {
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
