import MapcJSON

extension Milestone {
  /// `marks`: the plan date a milestone stands for.
  public enum Mark: String, Sendable, Hashable {
    case goLive = "go_live"
    case valueDate = "value_date"
  }

  /// The largest `lead` the schema accepts, in business days (about four years).
  public static let maximumLead = 1000

  /// `lead` as a whole number of business days in 0...``maximumLead``, else nil (the schema
  /// reports other values).
  static func lead(_ json: JSONValue?) -> Int? {
    guard let n = json?.numberValue, n.isFinite, n.rounded(.towardZero) == n, n >= 0, n <= Double(maximumLead) else {
      return nil
    }
    return Int(n)
  }
}
