import MapcJSON

/// The custom `x-` fields of one object of a plan, in source order.
///
/// The schema allows them on the plan and on each object it defines (objectives, the
/// compelling event, constraints, stakeholders, milestones, progress entries, links, documents,
/// check-ins); mapc keeps them but neither checks nor shows them, so tools built on mapc can
/// carry their own data in a plan.
public struct Extensions: Sendable, Hashable, RandomAccessCollection {
  public typealias Element = JSONObject.Member

  /// The fields, in source order; keys all start with `x-`.
  public private(set) var fields: JSONObject

  /// No fields.
  public init() { fields = JSONObject() }

  /// The `x-` members of `json` (none when it is not an object); every other member is left
  /// to the typed reader of that object.
  init(of json: JSONValue) {
    guard let object = json.objectValue else {
      fields = JSONObject()
      return
    }
    // Keys of a loaded object are unique already, and most objects have no `x-` field: no
    // allocation then.
    var found: [Element] = []
    for member in object where member.key.hasPrefix("x-") { found.append(member) }
    fields = JSONObject(uniqueMembers: found)
  }

  public var startIndex: Int { fields.startIndex }
  public var endIndex: Int { fields.endIndex }
  public subscript(position: Int) -> Element { fields[position] }

  /// The value of the field `key` (with its `x-`), or nil when it is not there.
  public subscript(key: String) -> JSONValue? { fields[key] }
}
