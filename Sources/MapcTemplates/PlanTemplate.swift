import MapcJSON
import MapcModel

/// A plan template (`*.map-template.md`), loaded through ``PlanDocument`` like any plan: the
/// typed plan of its frontmatter (a template has the plan's shape without dates, names and
/// progress), with what only templates have: each milestone's `offset`, the format version,
/// the description and the seller.
public struct PlanTemplate: Sendable {
  /// The frontmatter as loaded.
  public var frontmatter: JSONValue
  /// The frontmatter read as a plan: ids, titles, stages, owners, dependencies, leads, marks.
  public var plan: Plan
  /// The Markdown body after the frontmatter.
  public var body: String
  /// Each milestone's `offset` (business days from go-live), by position; nil when it has none.
  public var offsets: [Int?]
  /// `map_template`: 1 in a valid template.
  public var formatVersion: Int?
  /// `description`: what the template is for.
  public var description: String?
  /// `seller`: the seller of every plan made from it, when the template names one.
  public var seller: String?

  /// The template in a loaded document; nil when the document has no frontmatter mapping.
  public init?(_ document: PlanDocument) {
    guard let plan = document.plan, let frontmatter = document.frontmatter, let source = document.source else { return nil }
    self.plan = plan
    self.frontmatter = frontmatter
    body = source.body
    offsets = plan.milestones.map { Self.offset(frontmatter["milestones"]?.arrayValue?[$0.index]["offset"]) }
    formatVersion = frontmatter["map_template"]?.numberValue.flatMap { Int(exactly: $0) }
    description = frontmatter["description"]?.stringValue
    seller = frontmatter["seller"]?.stringValue
  }

  /// The largest offset the schema accepts, either way, in business days (about four years).
  public static let maximumOffset = 1000

  /// `offset` as a whole number of business days in ±``maximumOffset``, else nil (the schema
  /// reports other values).
  public static func offset(_ json: JSONValue?) -> Int? {
    guard let n = json?.numberValue, n.isFinite, n.rounded(.towardZero) == n, abs(n) <= Double(maximumOffset) else { return nil }
    return Int(n)
  }

  /// Every string of the frontmatter with its pointer, in document order (values only, not
  /// keys): where placeholders may be.
  public var frontmatterStrings: [(pointer: JSONPointer, text: String)] {
    var out: [(JSONPointer, String)] = []
    func walk(_ value: JSONValue, _ pointer: JSONPointer) {
      switch value {
      case .string(let s): out.append((pointer, s))
      case .array(let items): for (i, item) in items.enumerated() { walk(item, pointer.appending(i)) }
      case .object(let o): for (k, v) in o { walk(v, pointer.appending(k)) }
      default: break
      }
    }
    walk(frontmatter, .root)
    return out
  }
}
