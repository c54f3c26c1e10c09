import MapcJSON

/// What of a plan's frontmatter a buyer may see: everything but the internal values.
///
/// The internal values are exactly those the typed plan reads as internal:
/// ``Plan/internalNotes`` (the top-level `internal`), ``Milestone/internalNote`` and
/// ``Stakeholder/internalNote`` (`internal` of each milestone and stakeholder). Buyer outputs
/// compare and guard plans through this one definition, so "internal" cannot mean one thing to
/// the trend chart and another to the leak guard.
public enum PublicContent {
  /// `frontmatter` with every internal value removed (every member named `internal`, should the
  /// key be repeated). A frontmatter that is not an object is returned as it is.
  public static func frontmatter(_ frontmatter: JSONValue) -> JSONValue {
    guard let top = frontmatter.objectValue else { return frontmatter }
    var members: [JSONObject.Member] = []
    members.reserveCapacity(top.count)
    for member in top where member.key != "internal" {
      switch member.key {
      case "milestones", "stakeholders":
        guard let items = member.value.arrayValue else {
          members.append(member)
          continue
        }
        members.append((member.key, .array(items.map(withoutInternal))))
      default:
        members.append(member)
      }
    }
    return .object(JSONObject(uniqueMembers: members))
  }

  /// Whether `frontmatter` holds an internal value (``frontmatter(_:)`` would remove something).
  public static func holdsInternal(_ frontmatter: JSONValue) -> Bool {
    guard let top = frontmatter.objectValue else { return false }
    for member in top {
      if member.key == "internal" { return true }
      guard member.key == "milestones" || member.key == "stakeholders", let items = member.value.arrayValue else { continue }
      if items.contains(where: { $0.objectValue?.contains(key: "internal") == true }) { return true }
    }
    return false
  }

  /// A milestone or stakeholder without its `internal` note.
  private static func withoutInternal(_ item: JSONValue) -> JSONValue {
    guard let object = item.objectValue, object.contains(key: "internal") else { return item }
    return .object(JSONObject(uniqueMembers: object.filter { $0.key != "internal" }))
  }

  /// The text of every key and scalar value of `value`, in document order (numbers as JSON
  /// writes them). An explicit stack, not recursion: nesting depth is the YAML loader's to
  /// bound, and no walk here should depend on it.
  public static func texts(of value: JSONValue, _ body: (String) -> Void) {
    var stack: [JSONValue] = [value]
    while let next = stack.popLast() {
      switch next {
      case .string(let s): body(s)
      case .number(let n): body(JSONWriter.format(n))
      case .bool, .null: continue
      case .array(let items): stack.append(contentsOf: items.reversed())
      case .object(let object):
        for member in object.reversed() {
          stack.append(member.value)
          stack.append(.string(member.key))
        }
      }
    }
  }
}
