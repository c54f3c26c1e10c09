import MapcModel

#if canImport(Glibc)
  import Glibc
#endif

/// Decides what "today" is, so time-dependent rules give the same output in tests and CI:
/// `--today`, then `today` in mapc.yml, then `SOURCE_DATE_EPOCH`, then the system clock (UTC).
public enum Today {
  public static func resolve(
    flag: CalendarDate?, configuration: Configuration, environment: [String: String]
  ) throws(UsageError) -> CalendarDate {
    if let flag { return flag }
    if let configured = configuration.today, let date = CalendarDate(configured) { return date }
    if let date = try sourceDateEpoch(environment) { return date }
    return CalendarDate(daysSince1970: Int((Double(time(nil)) / 86_400).rounded(.down)))
  }

  /// The UTC date of `SOURCE_DATE_EPOCH`, when it is set: the reproducible-builds convention
  /// for "the time of this output".
  public static func sourceDateEpoch(_ environment: [String: String]) throws(UsageError) -> CalendarDate? {
    guard let epoch = environment["SOURCE_DATE_EPOCH"] else { return nil }
    // Years 1970 to 9999: a date that prints as YYYY-MM-DD.
    guard let seconds = Int(epoch), (0...253_402_300_799).contains(seconds) else {
      throw UsageError("SOURCE_DATE_EPOCH must be a whole number of seconds since 1970 (up to the year 9999), got '\(epoch)'")
    }
    return CalendarDate(daysSince1970: seconds / 86_400)
  }

  /// The process environment, read once.
  public static func processEnvironment() -> [String: String] {
    var out: [String: String] = [:]
    var p = environ
    while let entry = p.pointee {
      let s = String(cString: entry)
      if let eq = s.firstIndex(of: "=") { out[String(s[..<eq])] = String(s[s.index(after: eq)...]) }
      p += 1
    }
    return out
  }
}
