import MapcJSON

/// A `calendar` in a plan or in `mapc.yml`: weekend days and holidays for business-day scheduling.
public struct CalendarSettings: Sendable, Hashable {
  /// The weekend days; nil when not set (the default is Saturday and Sunday).
  public var weekend: [Weekday]?
  /// Non-working dates.
  public var holidays: [CalendarDate]

  public init(weekend: [Weekday]? = nil, holidays: [CalendarDate] = []) {
    self.weekend = weekend
    self.holidays = holidays
  }

  /// Reads a `calendar` object leniently (a value of the wrong type reads as absent; the schema
  /// reports it); nil when `json` is not an object.
  public init?(_ json: JSONValue?) {
    guard let json, json.objectValue != nil else { return nil }
    weekend = json["weekend"]?.arrayValue?.compactMap { $0.stringValue.flatMap(Weekday.init) }
    holidays = (json["holidays"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(CalendarDate.init) }
  }
}
