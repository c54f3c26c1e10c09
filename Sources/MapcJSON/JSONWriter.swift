/// Deterministic JSON text: members in their stored order, numbers in their shortest form.
public struct JSONWriter: Sendable {
  /// Indentation per level; nil writes everything on one line.
  public var indent: String?

  public static let compact = JSONWriter(indent: nil)
  public static let pretty = JSONWriter(indent: "  ")

  public init(indent: String?) { self.indent = indent }

  public func string(_ value: JSONValue) -> String {
    var out = ""
    var lines = LineStarts(indent: indent)
    write(value, level: 0, into: &out, lines: &lines)
    return out
  }

  /// A newline and the indentation of each level, built once: a long report has hundreds of
  /// thousands of lines.
  private struct LineStarts {
    let indent: String?
    var starts: [String] = []

    mutating func start(_ level: Int) -> String {
      guard let indent else { return "" }
      while starts.count <= level { starts.append(starts.last.map { $0 + indent } ?? "\n") }
      return starts[level]
    }
  }

  private func write(_ value: JSONValue, level: Int, into out: inout String, lines: inout LineStarts) {
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
        out += lines.start(level + 1)
        write(item, level: level + 1, into: &out, lines: &lines)
      }
      out += lines.start(level)
      out += "]"
    case .object(let o):
      if o.isEmpty {
        out += "{}"
        return
      }
      out += "{"
      for (k, member) in o.enumerated() {
        if k > 0 { out += "," }
        out += lines.start(level + 1)
        Self.quote(member.key, into: &out)
        out += indent == nil ? ":" : ": "
        write(member.value, level: level + 1, into: &out, lines: &lines)
      }
      out += lines.start(level)
      out += "}"
    }
  }

  /// Integers without a fraction, other numbers in Swift's shortest round-trip form.
  public static func format(_ n: Double) -> String {
    if !n.isFinite { return "null" }
    if n.rounded(.towardZero) == n, abs(n) < 1e15 { return String(Int64(n)) }
    return "\(n)"
  }

  public static func quote(_ s: String, into out: inout String) {
    out += "\""
    var s = s
    // Runs of characters that need no escape are appended whole, not scalar by scalar.
    s.withUTF8 { bytes in
      var run = 0
      var i = 0
      while i < bytes.count {
        let b = bytes[i]
        let width: Int
        if b < 0x20 || b == 0x22 || b == 0x5C {
          width = 1
        } else if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9 {
          width = 3  // U+2028, U+2029
        } else {
          i += 1
          continue
        }
        if run < i { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run..<i]), as: UTF8.self) }
        out += escape(width == 1 ? UInt32(b) : (bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029))
        i += width
        run = i
      }
      if run < bytes.count { out += String(decoding: UnsafeBufferPointer(rebasing: bytes[run...]), as: UTF8.self) }
    }
    out += "\""
  }

  private static func escape(_ value: UInt32) -> String {
    switch value {
    case 0x22: return "\\\""
    case 0x5C: return "\\\\"
    case 0x0A: return "\\n"
    case 0x0D: return "\\r"
    case 0x09: return "\\t"
    case 0x08: return "\\b"
    case 0x0C: return "\\f"
    default:
      let hex = String(value, radix: 16)
      return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
  }

  public static func quote(_ s: String) -> String {
    var out = ""
    quote(s, into: &out)
    return out
  }
}
