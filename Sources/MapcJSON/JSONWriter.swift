/// Deterministic JSON text: members in their stored order, numbers in their shortest form.
public struct JSONWriter: Sendable {
  /// Indentation per level; nil writes everything on one line.
  public var indent: String?

  public static let compact = JSONWriter(indent: nil)
  public static let pretty = JSONWriter(indent: "  ")

  public init(indent: String?) { self.indent = indent }

  public func string(_ value: JSONValue) -> String {
    var out = ""
    write(value, level: 0, into: &out)
    return out
  }

  private func write(_ value: JSONValue, level: Int, into out: inout String) {
    switch value {
    case .null: out += "null"
    case .bool(let b): out += b ? "true" : "false"
    case .number(let n): out += Self.format(n)
    case .string(let s): Self.quote(s, into: &out)
    case .array(let a):
      if a.isEmpty {
        out += "[]"
        return
      }
      out += "["
      for (k, item) in a.enumerated() {
        if k > 0 { out += "," }
        newline(level + 1, into: &out)
        write(item, level: level + 1, into: &out)
      }
      newline(level, into: &out)
      out += "]"
    case .object(let o):
      if o.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (k, member) in o.enumerated() {
        if k > 0 { out += "," }
        newline(level + 1, into: &out)
        Self.quote(member.key, into: &out)
        out += indent == nil ? ":" : ": "
        write(member.value, level: level + 1, into: &out)
      }
      newline(level, into: &out)
      out += "}"
    }
  }

  private func newline(_ level: Int, into out: inout String) {
    guard let indent else { return }
    out += "\n"
    for _ in 0..<level { out += indent }
  }

  /// Integers without a fraction, other numbers in Swift's shortest round-trip form.
  public static func format(_ n: Double) -> String {
    if !n.isFinite { return "null" }
    if n.rounded(.towardZero) == n, abs(n) < 1e15 { return String(Int64(n)) }
    return "\(n)"
  }

  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    for u in s.unicodeScalars {
      switch u {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if u.value < 0x20 || u.value == 0x2028 || u.value == 0x2029 {
          let hex = String(u.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(u)
        }
      }
    }
    out += "\""
  }

  public static func quote(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }
}
