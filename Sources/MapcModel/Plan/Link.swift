import MapcJSON

/// A titled link about a milestone (`links`): a document, a ticket, a recording.
public struct Link: Sendable, Hashable {
  /// Position in the milestone's `links`.
  public var index: Int
  public var title: String?
  /// Where the link points, as written (buyer-facing output shows only `http`, `https` and
  /// `mailto` URLs).
  public var url: String?
  /// The link's custom `x-` fields.
  public var extensions: Extensions

  init(_ json: JSONValue, index: Int) {
    self.index = index
    title = json["title"]?.stringValue
    url = json["url"]?.stringValue
    extensions = Extensions(of: json)
  }
}
