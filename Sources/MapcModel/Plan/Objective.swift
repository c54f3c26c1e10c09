import MapcJSON

/// One of the buyer's objectives (`objectives`): a challenge, the ideal result, how success is
/// measured, and the major deliverables.
public struct Objective: Sendable, Hashable {
  /// Position in `objectives` (an item that is not an object is kept with every field absent,
  /// so positions stay those of the file).
  public var index: Int
  /// The buyer's challenge, in their words.
  public var challenge: String?
  /// The ideal result once the challenge is solved.
  public var result: String?
  public var successCriteria: [String]
  public var deliverables: [String]
  /// The objective's custom `x-` fields.
  public var extensions: Extensions

  init(_ json: JSONValue, index: Int) {
    self.index = index
    challenge = json["challenge"]?.stringValue
    result = json["result"]?.stringValue
    successCriteria = json["success_criteria"]?.strings ?? []
    deliverables = json["deliverables"]?.strings ?? []
    extensions = Extensions(of: json)
  }

  /// The pointer to this objective, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["objectives", String(index)])
    return property.map(p.appending) ?? p
  }
}
