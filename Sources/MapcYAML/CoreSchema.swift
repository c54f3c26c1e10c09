import MapcJSON

/// YAML 1.2 core-schema resolution, done on the scalar's bytes (no regexes, no Foundation).
enum CoreSchema {
  /// The value of an untagged plain scalar; nil when it is a string.
  static func resolvePlain(_ b: UnsafeRawBufferPointer) -> JSONValue? {
    guard let first = b.first else { return .null }
    switch first {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
      return number(b).map(JSONValue.number)
    case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
      return isNull(b) ? .null : nil
    case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
      return bool(b).map(JSONValue.bool)
    default:
      return nil
    }
  }

  /// `~`, `null`, `Null`, `NULL` or empty.
  static func isNull(_ b: UnsafeRawBufferPointer) -> Bool {
    switch b.count {
    case 0: return true
    case 1: return b[0] == UInt8(ascii: "~")
    case 4: return equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
    default: return false
    }
  }

  /// `true|True|TRUE|false|False|FALSE`; nil for anything else.
  static func bool(_ b: UnsafeRawBufferPointer) -> Bool? {
    switch b.count {
    case 4: return equals(b, "true") || equals(b, "True") || equals(b, "TRUE") ? true : nil
    case 5: return equals(b, "false") || equals(b, "False") || equals(b, "FALSE") ? false : nil
    default: return nil
    }
  }

  /// A core-schema int or float (`.inf`, `.nan` included); nil when the text is neither.
  static func number(_ b: UnsafeRawBufferPointer, integerOnly: Bool = false) -> Double? {
    let n = b.count
    guard n > 0 else { return nil }
    // 0x and 0o forms take no sign.
    if n > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") || b[1] == UInt8(ascii: "o") {
      let radix: Double = b[1] == UInt8(ascii: "x") ? 16 : 8
      var value: Double = 0
      for k in 2..<n {
        guard let d = digit(b[k], radix: radix) else { return nil }
        value = value * radix + d
      }
      return value
    }
    var i = 0
    var negative = false
    if b[0] == UInt8(ascii: "+") || b[0] == UInt8(ascii: "-") {
      negative = b[0] == UInt8(ascii: "-")
      i = 1
    }
    guard i < n else { return nil }
    if b[i] == UInt8(ascii: "."), n - i == 4, !integerOnly {
      let rest = UnsafeRawBufferPointer(rebasing: b[(i + 1)...])
      if equals(rest, "inf") || equals(rest, "Inf") || equals(rest, "INF") {
        return negative ? -.infinity : .infinity
      }
      if i == 0, equals(rest, "nan") || equals(rest, "NaN") || equals(rest, "NAN") { return .nan }
    }
    var integer: UInt64 = 0
    var exact = true
    let digitsStart = i
    while i < n, isDigit(b[i]) {
      let (m, o1) = integer.multipliedReportingOverflow(by: 10)
      let (s, o2) = m.addingReportingOverflow(UInt64(b[i] &- 48))
      if o1 || o2 { exact = false }
      integer = s
      i += 1
    }
    let integerDigits = i - digitsStart
    if i == n {
      guard integerDigits > 0 else { return nil }
      if exact && integer <= 1 << 53 {
        let v = Double(integer)
        return negative ? -v : v
      }
      return Double(String(decoding: b, as: UTF8.self))
    }
    guard !integerOnly else { return nil }
    var fractionDigits = 0
    if b[i] == UInt8(ascii: ".") {
      i += 1
      while i < n, isDigit(b[i]) {
        i += 1
        fractionDigits += 1
      }
    }
    guard integerDigits > 0 || fractionDigits > 0 else { return nil }
    if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
      i += 1
      if i < n, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
      var exponentDigits = 0
      while i < n, isDigit(b[i]) {
        i += 1
        exponentDigits += 1
      }
      guard exponentDigits > 0 else { return nil }
    }
    guard i == n else { return nil }
    return Double(String(decoding: b, as: UTF8.self))
  }

  @inline(__always)
  private static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }

  private static func digit(_ c: UInt8, radix: Double) -> Double? {
    let v: UInt8
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - 48
    case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - 87
    case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - 55
    default: return nil
    }
    return Double(v) < radix ? Double(v) : nil
  }

  @inline(__always)
  static func equals(_ b: UnsafeRawBufferPointer, _ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard b.count == count else { return false }
    let w = word.utf8Start
    for k in 0..<count where b[k] != w[k] { return false }
    return true
  }
}
