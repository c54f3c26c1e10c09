import MapcModel

/// How dates, counts and names read in a snapshot: plain English, unambiguous for readers on
/// both sides of the Atlantic ("9 Dec 2026", never "12/9").
enum Words {
  static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

  static func date(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1]) \(d.year)" }

  static func shortDate(_ d: CalendarDate) -> String { "\(d.day) \(months[d.month - 1])" }

  static func days(_ n: Int) -> String { "\(n) \(n == 1 ? "day" : "days")" }

  /// "in 12 days", "today", "3 days ago", counted from `asOf`.
  static func relative(_ d: CalendarDate, from asOf: CalendarDate) -> String {
    let n = asOf.days(until: d)
    if n == 0 { return "today" }
    return n > 0 ? "in \(days(n))" : "\(days(-n)) ago"
  }

  /// "final-agreements" → "Final agreements".
  static func humanize(_ name: String) -> String {
    let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" }).joined(separator: " ")
    guard let first = words.first else { return name }
    return first.uppercased() + words.dropFirst()
  }

  static func status(_ s: Milestone.Status?) -> String {
    switch s {
    case .notStarted: return "Not started"
    case .inProgress: return "In progress"
    case .done: return "Done"
    case .blocked: return "Blocked"
    case .cancelled: return "Cancelled"
    case nil: return "No status"
    }
  }

  static func risk(_ r: Milestone.Risk) -> String {
    switch r {
    case .onTrack: return "On track"
    case .atRisk: return "At risk"
    case .offTrack: return "Off track"
    }
  }

  /// The slip badge: "+9 days since baseline", "4 days earlier than baseline".
  static func slip(_ days: Int) -> String {
    if days > 0 { return "+\(Words.days(days)) since baseline" }
    if days < 0 { return "\(Words.days(-days)) earlier than baseline" }
    return "on baseline"
  }

  static func list(_ items: [String]) -> String {
    switch items.count {
    case 0: return ""
    case 1: return items[0]
    case 2: return "\(items[0]) and \(items[1])"
    default: return items.dropLast().joined(separator: ", ") + " and " + (items.last ?? "")
    }
  }

  /// A number with thousands separators ("180,000"); fractions keep two decimals. Beyond what
  /// an Int holds exactly, the number is written as Swift prints it ("1e+19").
  static func number(_ n: Double) -> String {
    guard n.isFinite, abs(n) < 1e13 else { return String(n) }
    let cents = Int((abs(n) * 100).rounded())
    var digits = String(cents / 100)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = (n < 0 && cents > 0 ? "-" : "") + digits + grouped
    let fraction = cents % 100
    if fraction == 0 { return grouped }
    return grouped + "." + (fraction < 10 ? "0" : "") + String(fraction)
  }
}
