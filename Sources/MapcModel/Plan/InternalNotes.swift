import MapcJSON

/// The plan's seller-only deal information (`internal`): never shown in buyer-facing output.
///
/// The section is free-form: any key is allowed, and the selling team sees (and diffs) all of
/// it, so besides the typed keys it keeps the whole ``content`` as written.
public struct InternalNotes: Sendable, Hashable {
  /// The section as written, whatever its type (an object in a valid plan). Internal pages
  /// show all of it and `mapc diff` compares it key by key, so it stays whole here; walk it
  /// only for internal-only output.
  public var content: JSONValue
  /// The deal amount (e.g. annual contract value) in ``currency``.
  public var amount: Double?
  /// The ISO 4217 code of ``amount``, e.g. `USD`.
  public var currency: String?
  public var notes: String?
  public var risks: [String]
  /// Who or what the deal competes with.
  public var competition: String?
  /// The selling team's own next steps.
  public var nextSteps: [String]

  init(_ json: JSONValue) {
    content = json
    amount = json["amount"]?.numberValue
    currency = json["currency"]?.stringValue
    notes = json["notes"]?.stringValue
    risks = json["risks"]?.strings ?? []
    competition = json["competition"]?.stringValue
    nextSteps = json["next_steps"]?.strings ?? []
  }

  /// The section's members in source order, the typed keys included; empty when it is not an
  /// object.
  public var members: JSONObject { content.objectValue ?? JSONObject() }
}
