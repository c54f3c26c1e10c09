/// A JSON object that keeps its members in insertion order.
///
/// Equality ignores order (as JSON does); iteration and serialisation follow it. Plan
/// frontmatter objects are small, so members live in one array (one allocation per object,
/// which matters when parsing thousands of plans) and lookups scan it, until an object grows
/// large enough for an index to pay off.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
  public typealias Member = (key: String, value: JSONValue)

  private var members: [Member]
  private var index: [String: Int]?

  private static let indexThreshold = 16

  public init() {
    members = []
    index = nil
  }

  /// Builds an object from members; a later duplicate key replaces the earlier value.
  public init(_ members: [(String, JSONValue)]) {
    self.init()
    self.members.reserveCapacity(members.count)
    for (k, v) in members { self[k] = v }
  }

  /// Adopts members whose keys the caller has already made unique (a parser that reports
  /// duplicate keys itself); with a repeated key anyway, lookups find the first.
  public init(uniqueMembers: [Member]) {
    members = uniqueMembers
    index = nil
    if members.count > Self.indexThreshold { rebuildIndex() }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { members.count }
  public subscript(position: Int) -> Member { members[position] }

  public var memberNames: [String] { members.map(\.key) }

  public func position(of key: String) -> Int? {
    if let index { return index[key] }
    return members.firstIndex { $0.key == key }
  }

  public func contains(key: String) -> Bool { position(of: key) != nil }

  public subscript(key: String) -> JSONValue? {
    get { position(of: key).map { members[$0].value } }
    set {
      if let i = position(of: key) {
        if let newValue {
          members[i].value = newValue
        } else {
          members.remove(at: i)
          rebuildIndex()
        }
      } else if let newValue {
        members.append((key, newValue))
        if index != nil {
          index?[key] = members.count - 1
        } else if members.count > Self.indexThreshold {
          rebuildIndex()
        }
      }
    }
  }

  private mutating func rebuildIndex() {
    guard members.count > Self.indexThreshold else {
      index = nil
      return
    }
    var built = [String: Int](minimumCapacity: members.count)
    for (i, m) in members.enumerated() where built[m.key] == nil { built[m.key] = i }
    index = built
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.members.count == rhs.members.count else { return false }
    for m in lhs.members {
      guard let other = rhs[m.key], other == m.value else { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-insensitive, to agree with ==.
    var combined = 0
    for m in members {
      var h = Hasher()
      h.combine(m.key)
      h.combine(m.value)
      combined ^= h.finalize()
    }
    hasher.combine(members.count)
    hasher.combine(combined)
  }
}
