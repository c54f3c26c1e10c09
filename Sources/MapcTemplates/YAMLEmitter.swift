import MapcJSON
import MapcYAML

/// Writes a JSON value as block-style YAML 1.2 that the plan loader reads back to the same
/// value: mappings and lists of mappings in block style, lists of short scalars in flow style
/// (`owners: [sam, dana]`), strings plain when the core schema reads them back as the same
/// string, else double-quoted. Deterministic: members in their order, one spelling per value.
enum YAMLEmitter {
  /// The frontmatter lines for a top-level mapping, with a blank line before each key whose
  /// value is a block (a list or a mapping), so the sections read apart.
  static func document(_ object: JSONObject) -> String {
    var out = ""
    var previousBlock = false
    for (i, (key, value)) in object.enumerated() {
      let block = isBlock(value)
      if (block || previousBlock) && i > 0 { out += "\n" }
      out += member(key, value, indent: 0)
      previousBlock = block
    }
    return out
  }

  /// `key: value` at `indent` spaces, with the value's own lines below when it is a block.
  private static func member(_ key: String, _ value: JSONValue, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    let k = scalar(key, inFlow: false)
    if isBlock(value) { return pad + k + ":\n" + block(value, indent: indent + 2) }
    if case .string(let s) = value, let folded = folded(s, indent: indent + 2) { return pad + k + ": >-\n" + folded }
    return pad + k + ": " + inline(value) + "\n"
  }

  /// A list or mapping in block style at `indent`.
  private static func block(_ value: JSONValue, indent: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    switch value {
    case .object(let o):
      return o.map { member($0.key, $0.value, indent: indent) }.joined()
    case .array(let items):
      var out = ""
      for item in items {
        switch item {
        case .object(let o) where !o.isEmpty:
          // The first member on the dash's line, the others under it.
          let lines = block(item, indent: indent + 2)
          out += pad + "- " + lines.dropFirst(indent + 2)
        case _ where isBlock(item):
          out += pad + "-\n" + block(item, indent: indent + 2)
        default:
          out += pad + "- " + inline(item) + "\n"
        }
      }
      return out
    default:
      return pad + inline(value) + "\n"
    }
  }

  /// Whether a value is written on lines of its own: a non-empty mapping, or a non-empty list
  /// that does not fit the flow style.
  private static func isBlock(_ value: JSONValue) -> Bool {
    switch value {
    case .object(let o): return !o.isEmpty
    case .array(let items): return !items.isEmpty && !fitsFlow(items)
    default: return false
    }
  }

  /// A list of plain-safe strings, numbers or booleans, short enough for one line.
  private static func fitsFlow(_ items: [JSONValue]) -> Bool {
    var width = 0
    for item in items {
      switch item {
      case .string(let s):
        // Ids and names of one word; sentences read better one per line.
        guard isPlain(s, inFlow: true), !s.contains(" ") else { return false }
        width += s.unicodeScalars.count + 2
      case .number, .bool: width += 8
      default: return false
      }
    }
    return width <= 80
  }

  /// The widest line of a folded string.
  static let foldWidth = 96

  /// A long single-line string as a folded block scalar (`>-`) wrapped at spaces, when folding
  /// reads back as the same string: no line break, tab or control character, no leading,
  /// trailing or repeated space. Nil for a short string or one that does not qualify.
  static func folded(_ s: String, indent: Int) -> String? {
    let width = foldWidth - indent
    guard s.unicodeScalars.count > width, !s.hasPrefix(" "), !s.hasSuffix(" "), !s.contains("  ") else { return nil }
    for c in s.unicodeScalars where c != " " {
      // Any other space, break or invisible character could fold differently: quote instead.
      switch c.properties.generalCategory {
      case .control, .format, .lineSeparator, .paragraphSeparator, .spaceSeparator: return nil
      default: if c.properties.isWhitespace { return nil }
      }
    }
    let pad = String(repeating: " ", count: indent)
    var lines: [String] = []
    var line = ""
    for word in s.split(separator: " ", omittingEmptySubsequences: false) {
      if !line.isEmpty, line.unicodeScalars.count + 1 + word.unicodeScalars.count > width {
        lines.append(line)
        line = String(word)
      } else {
        line = line.isEmpty ? String(word) : line + " " + word
      }
    }
    lines.append(line)
    return lines.map { pad + $0 + "\n" }.joined()
  }

  /// A scalar, an empty collection, or a flow list.
  private static func inline(_ value: JSONValue) -> String {
    switch value {
    case .null: return "null"
    case .bool(let b): return b ? "true" : "false"
    case .number(let n): return number(n)
    case .string(let s): return scalar(s, inFlow: false)
    case .array(let items):
      return "[" + items.map { $0.stringValue.map { scalar($0, inFlow: true) } ?? inline($0) }.joined(separator: ", ") + "]"
    case .object: return "{}"
    }
  }

  /// A number as the core schema reads it back: whole numbers without a fraction.
  static func number(_ n: Double) -> String {
    if n.isFinite, n.rounded(.towardZero) == n, abs(n) < 1e15 { return String(Int(n)) }
    if n.isNaN { return ".nan" }
    if n.isInfinite { return n < 0 ? "-.inf" : ".inf" }
    return "\(n)"
  }

  /// A string, plain when that reads back as the same string, else double-quoted.
  static func scalar(_ s: String, inFlow: Bool) -> String {
    isPlain(s, inFlow: inFlow) ? s : doubleQuoted(s)
  }

  /// Whether `s` can be written as a plain scalar: not empty, no line break or control
  /// character, no leading or trailing space, no indicator at the start, no `: ` or ` #`, and
  /// not a value the core schema reads as null, a boolean or a number.
  static func isPlain(_ s: String, inFlow: Bool) -> Bool {
    let scalars = Array(s.unicodeScalars)
    guard let first = scalars.first, let last = scalars.last else { return false }
    if first == " " || last == " " || last == ":" { return false }
    if "-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first) {
      // `-x`, `?x` and `:x` are plain in YAML, but quoting them costs nothing and reads clearly.
      return false
    }
    for (i, c) in scalars.enumerated() {
      if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) || c == "\u{FEFF}" || c == "\u{2028}"
        || c == "\u{2029}"
      {
        return false
      }
      if c == ":" && (i + 1 == scalars.count || scalars[i + 1] == " ") { return false }
      if c == "#" && i > 0 && scalars[i - 1] == " " { return false }
      if inFlow && ",[]{}".unicodeScalars.contains(c) { return false }
    }
    // The loader's own core-schema resolution: `yes`, `on` and `2027-03-01` stay strings, `1`,
    // `.inf` and `null` would not.
    return !PlainScalar.resolvesToNonString(s)
  }

  /// `s` as a YAML double-quoted scalar: `"`, `\` and every control character escaped, so the
  /// scalar stays on one line.
  static func doubleQuoted(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      case "\u{FEFF}": out += "\\uFEFF"
      default:
        if c.value < 0x20 || c.value == 0x7F || (0x80...0x9F).contains(c.value) {
          let hex = String(c.value, radix: 16, uppercase: true)
          out += "\\x" + String(repeating: "0", count: max(0, 2 - hex.count)) + hex
        } else {
          out.unicodeScalars.append(c)
        }
      }
    }
    return out + "\""
  }
}
