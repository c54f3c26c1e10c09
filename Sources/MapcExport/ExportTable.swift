import MapcJSON
import MapcModel

/// One cell of an export: typed, so that each format writes it its own way (a number is never
/// defused as a formula, a date is always `YYYY-MM-DD`, a list is an array in JSON).
public enum ExportValue: Sendable, Hashable {
  case text(String)
  case number(Int)
  case date(CalendarDate)
  case flag(Bool)
  /// Several values (owners, dependencies): `; `-separated in CSV, an array in JSON.
  case list([String])
  /// No value: an empty CSV cell, `null` in JSON.
  case empty

  /// How a list is joined in one CSV cell.
  public static let listSeparator = "; "

  /// Text, or empty for nil or "".
  public static func text(_ s: String?) -> ExportValue {
    guard let s, !s.isEmpty else { return .empty }
    return .text(s)
  }

  /// A date, or empty for nil.
  public static func date(_ d: CalendarDate?) -> ExportValue { d.map { .date($0) } ?? .empty }
  /// A number, or empty for nil.
  public static func number(_ n: Int?) -> ExportValue { n.map { .number($0) } ?? .empty }

  /// The value as JSON.
  public var json: JSONValue {
    switch self {
    case .text(let s): return .string(s)
    case .number(let n): return .number(Double(n))
    case .date(let d): return .string(d.description)
    case .flag(let b): return .bool(b)
    case .list(let items): return .array(items.map { .string($0) })
    case .empty: return .null
    }
  }

  /// The text the value shows, for the leak guard's view of a table.
  var plainText: String {
    switch self {
    case .text(let s): return s
    case .list(let items): return items.joined(separator: "\n")
    case .number(let n): return String(n)
    case .date(let d): return d.description
    case .flag(let b): return b ? "true" : "false"
    case .empty: return ""
    }
  }
}

/// Rows of one exported object under named columns, in a stable order.
public struct ExportTable: Sendable, Hashable {
  public var columns: [String]
  public var rows: [[ExportValue]]

  public init(columns: [String], rows: [[ExportValue]] = []) {
    self.columns = columns
    self.rows = rows
  }

  /// The table as CSV (see ``CSVWriter``).
  public func csv(defusingFormulas: Bool) -> String {
    CSVWriter(defusesFormulas: defusingFormulas).render(self)
  }

  /// The table as a JSON array of objects, one per row, members in column order; `null` for an
  /// empty cell.
  public func json() -> String {
    let items: [JSONValue] = rows.map { row in
      .object(JSONObject(uniqueMembers: zip(columns, row).map { ($0, $1.json) }))
    }
    return JSONWriter.pretty.string(.array(items)) + "\n"
  }

  /// Every cell's text, one per line: what the leak guard reads besides the written output, so
  /// that quoting or escaping cannot hide a note from it.
  var plainText: String {
    var out = ""
    for row in rows {
      for cell in row {
        out += cell.plainText
        out += "\n"
      }
    }
    return out
  }
}
