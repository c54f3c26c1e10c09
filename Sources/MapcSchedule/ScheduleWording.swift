import MapcModel

/// Words shared by the schedule renderers.
enum ScheduleWording {
  static func date(_ d: CalendarDate?) -> String { d?.description ?? "-" }

  static func number(_ n: Int?) -> String { n.map(String.init) ?? "-" }

  /// "1 business day", "3 business days".
  static func businessDays(_ n: Int) -> String { n == 1 || n == -1 ? "\(n) business day" : "\(n) business days" }

  /// Free text on one line: line breaks and tabs become spaces, runs of spaces one.
  static func oneLine(_ s: String) -> String {
    s.split(whereSeparator: { $0.isWhitespace || $0.isNewline }).joined(separator: " ")
  }

  /// The one sentence that says whether go-live can be met from today, and if not by how
  /// much and because of which chain. `names` formats a list of milestone ids.
  static func verdict(_ s: Schedule, chain: ([String]) -> String) -> String {
    guard let goLive = s.goLive else { return "The plan has no go-live date, so nothing is scheduled back from it." }
    guard let earliest = s.earliestGoLive, let float = s.goLiveFloatDays else {
      return "Go-live on \(goLive): the earliest go-live cannot be computed within the calendar's span of 100 years."
    }
    let path = s.criticalChainNames
    if float >= 0 {
      var out = "Go-live on \(goLive) can be met from today (\(s.today)): the earliest go-live is \(earliest), "
      out += "\(businessDays(float)) of float"
      out += path.isEmpty ? "." : "; the chain that sets it: \(chain(path))."
      return out
    }
    var out = "Go-live on \(goLive) cannot be met from today (\(s.today)): it misses by \(businessDays(-float)) "
    out += "(earliest go-live \(earliest))"
    out += path.isEmpty ? "." : ", held up by the chain \(chain(path))."
    return out
  }
}
