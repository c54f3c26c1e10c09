import MapcJSON

/// The regular check-in between both teams (`check_ins`).
public struct CheckIns: Sendable, Hashable {
  /// How often the teams meet, as written: `weekly`, `biweekly` or `monthly` in a valid plan.
  /// Kept as a string because pages show it as written.
  public var cadence: String?
  /// Who meets and when, e.g. `Dana and Sam, Tuesdays 10:00 ET`.
  public var with: String?
  /// The check-ins' custom `x-` fields.
  public var extensions: Extensions

  /// Nil when `json` is not an object.
  init?(_ json: JSONValue) {
    guard json.objectValue != nil else { return nil }
    cadence = json["cadence"]?.stringValue
    with = json["with"]?.stringValue
    extensions = Extensions(of: json)
  }
}
