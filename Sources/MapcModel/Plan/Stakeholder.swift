import MapcJSON

/// A person, or a role still waiting for a name, on either side of the deal.
public struct Stakeholder: Sendable, Hashable {
  public enum Side: String, Sendable, Hashable {
    case buyer, seller, partner
  }

  /// Position in `stakeholders`.
  public var index: Int
  public var id: String?
  public var name: String?
  public var title: String?
  public var side: Side?
  public var role: String?
  public var decides: [String]
  public var email: String?
  public var url: String?
  /// What a stakeholder read without details leaves out, behind one pointer (see ``Boxed``).
  private var extra: Boxed<Details>?

  /// A phone number, as written.
  public var phone: String? { extra?.value.phone }
  /// A private note about this stakeholder for the selling team (`internal`): never shown in
  /// buyer-facing output.
  public var internalNote: String? { extra?.value.internalNote }
  /// The stakeholder's custom `x-` fields.
  public var extensions: Extensions { extra?.value.extensions ?? Extensions() }

  private struct Details: Sendable, Hashable {
    var phone: String?
    var internalNote: String?
    var extensions: Extensions
  }

  /// Without `details`, only what the history reads is filled: `phone`, `internal` and the
  /// `x-` fields stay empty.
  init(_ json: JSONValue, index: Int, details: Bool = true) {
    self.index = index
    id = json["id"]?.stringValue
    name = json["name"]?.stringValue
    title = json["title"]?.stringValue
    side = json["side"]?.stringValue.flatMap(Side.init)
    role = json["role"]?.stringValue
    decides = (json["decides"]?.arrayValue ?? []).compactMap(\.stringValue)
    email = json["email"]?.stringValue
    url = json["url"]?.stringValue
    guard details else { return }
    extra = .value(
      Details(phone: json["phone"]?.stringValue, internalNote: json["internal"]?.stringValue, extensions: Extensions(of: json)))
  }

  /// A role placeholder: no name yet ("roles first, names later").
  public var isPlaceholder: Bool { (name ?? "").isEmpty }

  /// The pointer to this stakeholder, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["stakeholders", String(index)])
    return property.map(p.appending) ?? p
  }
}
