/// A JSON object that keeps its members in insertion order.
///
/// Equality ignores order (as JSON does); iteration and serialisation follow it. Plan
/// frontmatter objects are small, so lookups scan linearly until an object grows large
/// enough for an index to pay off.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
  public typealias Member = (key: String, value: JSONValue)

  private var keys: [String]
  private var values: [JSONValue]
  private var index: [String: Int]?

  private static let indexThreshold = 16

  public init() {
    keys = []
    values = []
    index = nil
  }

  /// Builds an object from members; a later duplicate key replaces the earlier value.
  public init(_ members: [(String, JSONValue)]) {
    self.init()
    keys.reserveCapacity(members.count)
    values.reserveCapacity(members.count)
    for (k, v) in members { self[k] = v }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { keys.count }
  public subscript(position: Int) -> Member { (keys[position], values[position]) }

  public var memberNames: [String] { keys }

  public func position(of key: String) -> Int? {
    if let index { return index[key] }
    return keys.firstIndex(of: key)
  }

  public func contains(key: String) -> Bool { position(of: key) != nil }

  public subscript(key: String) -> JSONValue? {
    get { position(of: key).map { values[$0] } }
    set {
      if let i = position(of: key) {
        if let newValue {
          values[i] = newValue
        } else {
          keys.remove(at: i)
          values.remove(at: i)
          rebuildIndex()
        }
      } else if let newValue {
        keys.append(key)
        values.append(newValue)
        if index != nil {
          index?[key] = keys.count - 1
        } else if keys.count > Self.indexThreshold {
          rebuildIndex()
        }
      }
    }
  }

  private mutating func rebuildIndex() {
    guard keys.count > Self.indexThreshold else {
      index = nil
      return
    }
    var built = [String: Int](minimumCapacity: keys.count)
    for (i, k) in keys.enumerated() { built[k] = i }
    index = built
  }

  public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
    guard lhs.keys.count == rhs.keys.count else { return false }
    for (i, k) in lhs.keys.enumerated() {
      guard let other = rhs[k], other == lhs.values[i] else { return false }
    }
    return true
  }

  public func hash(into hasher: inout Hasher) {
    // Order-insensitive, to agree with ==.
    var combined = 0
    for (i, k) in keys.enumerated() {
      var h = Hasher()
      h.combine(k)
      h.combine(values[i])
      combined ^= h.finalize()
    }
    hasher.combine(keys.count)
    hasher.combine(combined)
  }
}
