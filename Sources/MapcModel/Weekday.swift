/// A day of the week, written as plans and `mapc.yml` write it (`mon` … `sun`).
public enum Weekday: String, Sendable, Hashable, CaseIterable, Comparable {
  case mon, tue, wed, thu, fri, sat, sun

  /// 0 for Monday up to 6 for Sunday.
  public var number: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  public static func < (a: Weekday, b: Weekday) -> Bool { a.number < b.number }
}

extension CalendarDate {
  /// The day of the week (proleptic Gregorian; 1970-01-01 was a Thursday).
  public var weekday: Weekday {
    let r = (daysSince1970 + 3) % 7
    return Weekday.allCases[r < 0 ? r + 7 : r]
  }
}
