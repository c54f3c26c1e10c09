import MapcJSON

/// A document shared between the teams (`documents`): meeting notes, scope, proposal,
/// security and legal documents.
public struct LinkedDocument: Sendable, Hashable {
  /// Position in `documents` (an item that is not an object is kept with every field absent).
  public var index: Int
  public var title: String?
  /// Where the document lives, as written.
  public var url: String?
  /// What kind of document it is, as written: one of the schema's kinds (`meeting-notes`,
  /// `scope`, `business-case`, `proposal`, `pricing`, `security`, `legal`, `contract`,
  /// `technical`, `training`, `other`) in a valid plan. Kept as a string because pages show it
  /// as written, like ``Stakeholder/role``.
  public var kind: String?
  /// The document's custom `x-` fields.
  public var extensions: Extensions

  init(_ json: JSONValue, index: Int) {
    self.index = index
    title = json["title"]?.stringValue
    url = json["url"]?.stringValue
    kind = json["kind"]?.stringValue
    extensions = Extensions(of: json)
  }

  /// The pointer to this document, or to one of its properties.
  public func pointer(_ property: String? = nil) -> JSONPointer {
    let p = JSONPointer(["documents", String(index)])
    return property.map(p.appending) ?? p
  }
}
