import MapcModel

/// One row per date move, for spreadsheets and CRM imports: RFC 4180 (CRLF line ends, fields
/// quoted when they hold a comma, a quote or a line break, quotes doubled), with a header row.
///
/// Columns: `plan, milestone, commit, author, date, from, to, delta_days, subject, reason`. The
/// go-live date's moves use the milestone name `go_live` (milestone ids are kebab-case, so it
/// cannot clash). `commit` is empty for uncommitted changes. Free-text fields (author, subject,
/// reason) that start with `=`, `+`, `-`, `@`, a tab or a carriage return get a leading `'`, so a
/// spreadsheet does not run them as formulas.
public struct SlipCSVRenderer: Sendable {
  public init() {}

  public static let header = ["plan", "milestone", "commit", "author", "date", "from", "to", "delta_days", "subject", "reason"]

  public func render(_ report: SlipReport) -> String {
    var out = Self.row(Self.header)
    for plan in report.plans {
      let moves = plan.goLive.moves.map { ("go_live", $0) } + plan.milestones.flatMap { m in m.moves.map { (m.id, $0) } }
      for (milestone, m) in moves {
        out += Self.row([
          plan.id, milestone, m.revision.commit ?? "", Self.text(m.revision.authorName), m.revision.date.description,
          m.from.description, m.to.description, String(m.deltaDays), Self.text(m.revision.subject), Self.text(m.reason ?? ""),
        ])
      }
    }
    return out
  }

  static func row(_ fields: [String]) -> String {
    fields.map(field).joined(separator: ",") + "\r\n"
  }

  static func field(_ s: String) -> String {
    guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return s }
    return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }

  /// Free text with formula triggers defused.
  static func text(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) else { return s }
    return "'" + s
  }
}
