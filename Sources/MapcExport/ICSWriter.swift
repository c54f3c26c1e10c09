import MapcModel

/// RFC 5545 content lines: CRLF after every line, lines longer than 75 octets folded (a CRLF and
/// a space), never inside a UTF-8 sequence; TEXT values escaped (`\\`, `\;`, `\,`, `\n`).
public struct ICSWriter: Sendable {
  /// The longest line, in octets, before its line break (RFC 5545 §3.1).
  public static let maximumLineOctets = 75

  /// The folded lines so far, as UTF-8: each property is escaped and folded as it is written,
  /// byte by byte (a feed holds thousands of events; no intermediate strings).
  private var out: [UInt8] = []
  /// The line being built.
  private var line: [UInt8] = []

  public init() {}

  /// A property with a value that is already in its type's syntax (a date, a number, a URI).
  public mutating func raw(_ name: String, _ value: String) {
    begin(name)
    Self.appendStripped(value, to: &line)
    end()
  }

  /// A TEXT property, escaped.
  public mutating func text(_ name: String, _ value: String) {
    begin(name)
    Self.appendEscaped(value, to: &line)
    end()
  }

  /// A TEXT list property (`CATEGORIES`): each value escaped, joined by commas.
  public mutating func textList(_ name: String, _ values: [String]) {
    begin(name)
    for (i, value) in values.enumerated() {
      if i > 0 { line.append(UInt8(ascii: ",")) }
      Self.appendEscaped(value, to: &line)
    }
    end()
  }

  private mutating func begin(_ name: String) {
    line.removeAll(keepingCapacity: true)
    line += name.utf8
    line.append(UInt8(ascii: ":"))
  }

  private mutating func end() {
    Self.fold(line[...], into: &out)
  }

  /// The lines written so far, folded, each ending in CRLF.
  public func render() -> String {
    String(decoding: out, as: UTF8.self)
  }

  /// `s` as an RFC 5545 TEXT value: backslash, semicolon and comma escaped, each line break
  /// (CRLF, LF or CR) as `\n`, and the other control characters (which TEXT does not allow)
  /// dropped, tab kept.
  public static func escape(_ s: String) -> String {
    var bytes: [UInt8] = []
    appendEscaped(s, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// ``escape(_:)`` onto `out`. On UTF-8 bytes: every byte it looks at is ASCII, and the bytes of
  /// a multi-byte sequence (all 0x80 or above) pass through untouched.
  static func appendEscaped(_ s: String, to out: inout [UInt8]) {
    var previousCR = false
    for b in s.utf8 {
      defer { previousCR = b == 13 }
      switch b {
      case UInt8(ascii: "\\"): out += [92, 92]
      case UInt8(ascii: ";"): out += [92, UInt8(ascii: ";")]
      case UInt8(ascii: ","): out += [92, UInt8(ascii: ",")]
      case 13: out += [92, UInt8(ascii: "n")]
      case 10: if !previousCR { out += [92, UInt8(ascii: "n")] }
      case 9: out.append(b)
      default:
        if b < 0x20 || b == 0x7f { continue }
        out.append(b)
      }
    }
  }

  /// A value that must not carry a line break or control character (a URI, an id), onto `out`.
  static func appendStripped(_ s: String, to out: inout [UInt8]) {
    for b in s.utf8 where !(b < 0x20 || b == 0x7f) { out.append(b) }
  }

  /// Appends `line` folded at ``maximumLineOctets`` octets: a continuation line starts with one
  /// space, which counts toward its 75. A fold goes only before the first byte of a UTF-8
  /// sequence, so a sequence is never split.
  public static func fold(_ line: String, into out: inout String) {
    var bytes: [UInt8] = []
    fold(Array(line.utf8)[...], into: &bytes)
    out += String(decoding: bytes, as: UTF8.self)
  }

  static func fold(_ utf8: ArraySlice<UInt8>, into out: inout [UInt8]) {
    var octets = 0
    var i = utf8.startIndex
    while i < utf8.endIndex {
      // The width of the sequence that starts here (continuation bytes never start one).
      var width = 1
      while i + width < utf8.endIndex, utf8[i + width] & 0xC0 == 0x80 { width += 1 }
      if octets + width > maximumLineOctets {
        out += [13, 10, 32]
        octets = 1
      }
      out += utf8[i..<(i + width)]
      octets += width
      i += width
    }
    out += [13, 10]
  }

  /// A date as an RFC 5545 DATE (`YYYYMMDD`).
  public static func date(_ d: CalendarDate) -> String {
    d.description.replacing("-", with: "")
  }

  /// Seconds since 1970 as an RFC 5545 UTC DATE-TIME (`YYYYMMDDTHHMMSSZ`). Times before 1970 or
  /// after 9999 are pinned to the nearest end (a calendar cannot show them anyway).
  public static func utcDateTime(_ seconds: Int64) -> String {
    let clamped = max(0, min(253_402_300_799, seconds))
    let days = Int(clamped / 86_400)
    let rest = Int(clamped % 86_400)
    let h = rest / 3600
    let m = rest % 3600 / 60
    let s = rest % 60
    func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    return date(CalendarDate(daysSince1970: days)) + "T" + two(h) + two(m) + two(s) + "Z"
  }
}

extension ICSWriter {
  /// The values of an `.ics` text as a reader sees them: lines unfolded, TEXT escapes undone,
  /// one property value per line. The leak guard reads this view, so folding or escaping
  /// cannot hide a note from it.
  public static func unfoldedText(_ ics: String) -> String {
    // Bytes: a fold is always CRLF and one space or tab, escapes are ASCII.
    let bytes = Array(ics.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var i = 0
    var inValue = false
    var escaped = false
    while i < bytes.count {
      let b = bytes[i]
      if b == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
        if i + 2 < bytes.count, bytes[i + 2] == 32 || bytes[i + 2] == 9 {
          i += 3
        } else {
          if inValue { out.append(10) }
          inValue = false
          escaped = false
          i += 2
        }
        continue
      }
      i += 1
      if !inValue {
        // The value starts after the first colon (mapc writes no quoted parameter values).
        if b == UInt8(ascii: ":") { inValue = true }
        continue
      }
      if escaped {
        out.append(b == UInt8(ascii: "n") || b == UInt8(ascii: "N") ? 10 : b)
        escaped = false
      } else if b == UInt8(ascii: "\\") {
        escaped = true
      } else {
        out.append(b)
      }
    }
    if inValue { out.append(10) }
    return String(decoding: out, as: UTF8.self)
  }
}
