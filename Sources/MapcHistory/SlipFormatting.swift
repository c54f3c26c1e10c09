import MapcModel

/// Small helpers the slip renderers share.
enum SlipFormatting {
  /// A commit's short id (7 characters), or `(uncommitted)` for the working tree.
  static func shortCommit(_ revision: Revision) -> String {
    revision.commit.map { String($0.prefix(7)) } ?? "(uncommitted)"
  }

  /// A signed day count: `+14`, `-3`, `0`.
  static func signed(_ days: Int) -> String { days > 0 ? "+\(days)" : String(days) }

  static func signed(_ days: Int?) -> String { days.map(signed) ?? "-" }

  static func date(_ date: CalendarDate?) -> String { date?.description ?? "-" }

  static func plural(_ n: Int, _ word: String, _ plural: String? = nil) -> String {
    n == 1 ? "1 \(word)" : "\(n) \(plural ?? word + "s")"
  }

  /// A stakeholder as people read it: `Dana Ruiz (economic-buyer)`, or the id for a role placeholder.
  static func stakeholder(_ s: StakeholderShare) -> String {
    let name = (s.name?.isEmpty ?? true) ? s.id : s.name!
    return s.role.map { "\(name) (\($0))" } ?? name
  }

  /// One line of free text: line breaks and tabs become spaces.
  static func oneLine(_ s: String) -> String {
    var out = ""
    for ch in s {
      out.append(ch == "\n" || ch == "\r" || ch == "\r\n" || ch == "\t" ? " " : ch)
    }
    return out
  }

  static func padRight(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
  }

  static func padLeft(_ s: String, _ width: Int) -> String {
    s.count >= width ? s : String(repeating: " ", count: width - s.count) + s
  }
}
