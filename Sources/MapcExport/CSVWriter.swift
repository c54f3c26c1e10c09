/// CSV per RFC 4180, for spreadsheets and CRM importers: UTF-8, CRLF after every record, a
/// header record, a field quoted when it holds a comma, a quote, CR or LF (quotes doubled).
///
/// Formula injection: a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` (and a tab
/// or CR before one of them) as a formula. With ``defusesFormulas`` a *text* cell starting with
/// one of those six characters gets a leading `'`, which spreadsheets read as "this is text" and
/// hide. Numbers and dates are never prefixed (a negative slip stays `-3`, a number). CRM
/// importers store the `'`, so the Salesforce and HubSpot profiles do not defuse.
public struct CSVWriter: Sendable {
  /// Whether text cells that a spreadsheet would run get a leading `'`.
  public var defusesFormulas: Bool

  public init(defusesFormulas: Bool) {
    self.defusesFormulas = defusesFormulas
  }

  /// The characters that make a spreadsheet read a cell as a formula, when first.
  public static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

  /// The whole table: the header, then one record per row, each ending in CRLF.
  public func render(_ table: ExportTable) -> String {
    var out = ""
    out.reserveCapacity(64 * (table.rows.count + 1) * max(1, table.columns.count))
    record(table.columns.map { Self.quoted($0) }, into: &out)
    for row in table.rows {
      record(row.map(cell), into: &out)
    }
    return out
  }

  /// One cell as written, quoting included.
  public func cell(_ value: ExportValue) -> String {
    switch value {
    case .text(let s): return Self.quoted(defusesFormulas ? Self.defused(s) : s)
    case .list(let items):
      let joined = items.joined(separator: ExportValue.listSeparator)
      return Self.quoted(defusesFormulas ? Self.defused(joined) : joined)
    case .number(let n): return String(n)
    case .date(let d): return d.description
    case .flag(let b): return b ? "true" : "false"
    case .empty: return ""
    }
  }

  private func record(_ fields: [String], into out: inout String) {
    var first = true
    for f in fields {
      if !first { out += "," }
      out += f
      first = false
    }
    out += "\r\n"
  }

  /// `s` with a leading `'` when it starts with a formula trigger.
  public static func defused(_ s: String) -> String {
    guard let first = s.unicodeScalars.first, formulaTriggers.contains(first) else { return s }
    return "'" + s
  }

  /// `s` as an RFC 4180 field: in quotes, quotes doubled, when it holds a comma, a quote, CR or LF.
  public static func quoted(_ s: String) -> String {
    guard s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
      return s
    }
    return "\"" + s.replacing("\"", with: "\"\"") + "\""
  }
}
