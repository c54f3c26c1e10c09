/// An RFC 6901 JSON Pointer, such as `/milestones/3/due`.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The unescaped reference tokens.
  public var tokens: [String]

  public init(_ tokens: [String] = []) { self.tokens = tokens }

  /// Parses the string form; returns nil unless it is empty or starts with `/`.
  public init?(parsing text: String) {
    if text.isEmpty {
      tokens = []
      return
    }
    guard text.hasPrefix("/") else { return nil }
    tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
      String($0).replacing("~1", with: "/").replacing("~0", with: "~")
    }
  }

  public static let root = JSONPointer()

  public var isRoot: Bool { tokens.isEmpty }

  public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens + [token]) }
  public func appending(_ index: Int) -> JSONPointer { JSONPointer(tokens + [String(index)]) }

  public var parent: JSONPointer? { tokens.isEmpty ? nil : JSONPointer(Array(tokens.dropLast())) }
  public var last: String? { tokens.last }

  public var description: String {
    var out = ""
    for t in tokens {
      out += "/"
      out += t.replacing("~", with: "~0").replacing("/", with: "~1")
    }
    return out
  }

  /// The array index a token denotes: digits only, no leading zero (RFC 6901).
  public static func arrayIndex(_ token: String) -> Int? {
    guard let first = token.utf8.first else { return nil }
    if token.utf8.count > 1 && first == UInt8(ascii: "0") { return nil }
    guard token.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
    return Int(token)
  }

  public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
    for (a, b) in zip(lhs.tokens, rhs.tokens) where a != b {
      if let ia = arrayIndex(a), let ib = arrayIndex(b) { return ia < ib }
      return a < b
    }
    return lhs.tokens.count < rhs.tokens.count
  }
}
