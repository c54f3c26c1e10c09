import MapcJSON
import MapcModel

/// Shared vocabulary of the practice rules (MAP130–MAP199): words, owners, pointers.
enum Practice {
  /// The lowercased words of `text`: runs of letters and digits (`go-live` → `go`, `live`).
  static func words(_ text: String?) -> [String] {
    guard let text else { return [] }
    return text.lowercased().split { !($0.isLetter || $0.isNumber) }.map(String.init)
  }

  /// Whether `phrase` occurs as consecutive words in `words`.
  static func contains(_ words: [String], phrase: [String]) -> Bool {
    guard !phrase.isEmpty, words.count >= phrase.count else { return false }
    for start in 0...(words.count - phrase.count) where Array(words[start..<start + phrase.count]) == phrase {
      return true
    }
    return false
  }

  /// Whether any of `phrases` (each one or more words) occurs in `words`.
  static func containsAny(_ words: [String], _ phrases: [[String]]) -> Bool {
    phrases.contains { contains(words, phrase: $0) }
  }

  /// The words of a milestone's id and title, with an empty word between them so that
  /// a phrase never spans the two.
  static func words(of milestone: Milestone) -> [String] {
    words(milestone.id) + [""] + words(milestone.title)
  }

  /// How a finding names a milestone: ``milestone `kickoff` `` or `milestone 3` without an id.
  static func name(_ m: Milestone) -> String {
    if let id = m.id, !id.isEmpty { return "milestone `\(id)`" }
    return "milestone \(m.index + 1)"
  }

  /// How a finding names a stakeholder: `` `dana` `` with its role in parentheses when known.
  static func name(_ s: Stakeholder) -> String {
    let id = s.id.map { "`\($0)`" } ?? "stakeholder \(s.index + 1)"
    return s.role.map { "\(id) (\($0))" } ?? id
  }

  /// The pointer to a milestone's id (its first line in the file), or to the milestone.
  static func head(_ m: Milestone) -> JSONPointer { m.id != nil ? m.pointer("id") : m.pointer() }

  /// The owners of a milestone resolved to stakeholders with a side, or nil when an owner is
  /// unknown or has no valid side (the reference rules and the schema report those; a rule about
  /// sides cannot judge the milestone until they are fixed).
  static func resolvedOwners(_ m: Milestone, in plan: Plan) -> [Stakeholder]? {
    var out: [Stakeholder] = []
    for id in m.owners {
      guard let s = plan.stakeholder(id), s.side != nil else { return nil }
      out.append(s)
    }
    return out
  }

  /// Whether any owner of `m` is a buyer-side stakeholder (unknown owners count as not).
  static func hasBuyerOwner(_ m: Milestone, in plan: Plan) -> Bool {
    m.owners.contains { plan.stakeholder($0)?.side == .buyer }
  }

  /// Where to point for a missing top-level property: the first of `keys` written in the plan
  /// (its key), else the root.
  static func nearestKey(_ plan: Plan, _ keys: Plan.Key...) -> JSONPointer {
    for k in keys where plan.presence(of: k) != .absent { return Plan.pointer(k) }
    return .root
  }

  /// `1 day`, `5 days`.
  static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) \(n == 1 ? singular : (plural ?? singular + "s"))"
  }

  /// A stage or id written as a kebab-case key: lowercased, spaces and underscores as hyphens.
  static func kebab(_ text: String?) -> String {
    (text ?? "").lowercased().split { $0 == " " || $0 == "_" || $0 == "-" }.joined(separator: "-")
  }
}
