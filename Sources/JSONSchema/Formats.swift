/// The `format` values this validator can assert. Unknown formats are annotations only, as the
/// specification requires.
enum FormatKind: Sendable, Hashable {
  case date, dateTime, time, duration
  case email, hostname, ipv4, ipv6
  case uri, uriReference, uuid
  case regex, jsonPointer, relativeJSONPointer
  case unknown

  init(name: String) {
    switch name {
    case "date": self = .date
    case "date-time": self = .dateTime
    case "time": self = .time
    case "duration": self = .duration
    case "email": self = .email
    case "hostname": self = .hostname
    case "ipv4": self = .ipv4
    case "ipv6": self = .ipv6
    case "uri": self = .uri
    case "uri-reference": self = .uriReference
    case "uuid": self = .uuid
    case "regex": self = .regex
    case "json-pointer": self = .jsonPointer
    case "relative-json-pointer": self = .relativeJSONPointer
    default: self = .unknown
    }
  }

  func check(_ s: String) -> Bool {
    let b = Array(s.utf8)
    switch self {
    case .date: return Formats.isDate(b[...])
    case .dateTime: return Formats.isDateTime(b)
    case .time: return Formats.isTime(b[...])
    case .duration: return Formats.isDuration(b)
    case .email: return Formats.isEmail(b)
    case .hostname: return Formats.isHostname(b[...])
    case .ipv4: return Formats.isIPv4(b[...])
    case .ipv6: return Formats.isIPv6(b[...])
    case .uri: return Formats.isURI(b, requireScheme: true)
    case .uriReference: return Formats.isURI(b, requireScheme: false)
    case .uuid: return Formats.isUUID(b)
    case .regex: return (try? ECMARegex(s)) != nil
    case .jsonPointer: return Formats.isJSONPointer(b[...])
    case .relativeJSONPointer: return Formats.isRelativeJSONPointer(b)
    case .unknown: return true
    }
  }
}

/// RFC 3339, RFC 3986, RFC 5321 and friends, checked over UTF-8 bytes.
enum Formats {
  private static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
  private static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
  private static func isHex(_ c: UInt8) -> Bool { isDigit(c) || ((c | 0x20) >= 97 && (c | 0x20) <= 102) }

  /// Exactly `count` digits at the start of `b`, as a number.
  private static func digits(_ b: ArraySlice<UInt8>, _ count: Int) -> Int? {
    guard b.count >= count else { return nil }
    var v = 0
    for c in b.prefix(count) {
      guard isDigit(c) else { return nil }
      v = v * 10 + Int(c - 48)
    }
    return v
  }

  static func isDate(_ b: ArraySlice<UInt8>) -> Bool {
    guard b.count == 10, let y = digits(b, 4), b[b.startIndex + 4] == UInt8(ascii: "-"),
      let m = digits(b.dropFirst(5), 2), b[b.startIndex + 7] == UInt8(ascii: "-"), let d = digits(b.dropFirst(8), 2)
    else { return false }
    guard (1...12).contains(m), d >= 1 else { return false }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return d <= days[m - 1]
  }

  static func isTime(_ b: ArraySlice<UInt8>) -> Bool {
    guard b.count >= 9, let h = digits(b, 2), b[b.startIndex + 2] == UInt8(ascii: ":"),
      let m = digits(b.dropFirst(3), 2), b[b.startIndex + 5] == UInt8(ascii: ":"), let s = digits(b.dropFirst(6), 2)
    else { return false }
    var rest = b.dropFirst(8)
    if rest.first == UInt8(ascii: ".") {
      rest = rest.dropFirst()
      let fraction = rest.prefix(while: isDigit)
      guard !fraction.isEmpty else { return false }
      rest = rest.dropFirst(fraction.count)
    }
    guard h <= 23, m <= 59, s <= 60, let zone = rest.first else { return false }
    var offsetMinutes = 0
    if zone | 0x20 == UInt8(ascii: "z") {
      guard rest.count == 1 else { return false }
    } else if zone == UInt8(ascii: "+") || zone == UInt8(ascii: "-") {
      guard rest.count == 6, let oh = digits(rest.dropFirst(), 2), rest[rest.startIndex + 3] == UInt8(ascii: ":"),
        let om = digits(rest.dropFirst(4), 2), oh <= 23, om <= 59
      else { return false }
      offsetMinutes = (oh * 60 + om) * (zone == UInt8(ascii: "+") ? 1 : -1)
    } else {
      return false
    }
    if s == 60 {
      // A leap second is only valid at 23:59:60 UTC.
      let utc = ((h * 60 + m - offsetMinutes) % 1440 + 1440) % 1440
      return utc == 23 * 60 + 59
    }
    return true
  }

  static func isDateTime(_ b: [UInt8]) -> Bool {
    guard b.count > 11, b[10] | 0x20 == UInt8(ascii: "t") else { return false }
    return isDate(b[0..<10]) && isTime(b[11...])
  }

  static func isDuration(_ b: [UInt8]) -> Bool {
    // P(nY)(nM)(nD)(T(nH)(nM)(nS)) or PnW; at least one element, T needs one.
    guard b.first == UInt8(ascii: "P"), b.count > 1 else { return false }
    var i = 1
    var inTime = false
    var order = "YMD"[...]
    var sawElement = false
    var sawTimeElement = false
    while i < b.count {
      if b[i] == UInt8(ascii: "T") {
        guard !inTime, i + 1 < b.count else { return false }
        inTime = true
        order = "HMS"[...]
        i += 1
        continue
      }
      let start = i
      while i < b.count, isDigit(b[i]) { i += 1 }
      guard i > start, i < b.count else { return false }
      let unit = Character(Unicode.Scalar(b[i]))
      i += 1
      if unit == "W" {
        return !sawElement && !inTime && i == b.count
      }
      guard let position = order.firstIndex(of: unit) else { return false }
      order = order[order.index(after: position)...]
      sawElement = true
      if inTime { sawTimeElement = true }
    }
    return sawElement && (!inTime || sawTimeElement)
  }

  static func isIPv4(_ b: ArraySlice<UInt8>) -> Bool {
    let parts = b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count == 4 else { return false }
    for p in parts {
      guard (1...3).contains(p.count), p.allSatisfy(isDigit) else { return false }
      if p.count > 1 && p.first == UInt8(ascii: "0") { return false }
      guard let v = digits(p, p.count), v <= 255 else { return false }
    }
    return true
  }

  static func isIPv6(_ b: ArraySlice<UInt8>) -> Bool {
    guard !b.isEmpty, b.allSatisfy({ $0 < 0x80 }) else { return false }
    var groups = b.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { $0 }
    if let last = groups.last, last.contains(UInt8(ascii: ".")) {
      guard isIPv4(last) else { return false }
      groups.removeLast()
      groups.append([UInt8(ascii: "0")][...])
      groups.append([UInt8(ascii: "0")][...])
    }
    let text = b
    let doubleColons = zip(text, text.dropFirst()).filter { $0 == UInt8(ascii: ":") && $1 == UInt8(ascii: ":") }.count
    guard doubleColons <= 1 else { return false }
    if doubleColons == 0 {
      guard groups.count == 8 else { return false }
      return groups.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(isHex) }
    }
    // Leading or trailing "::" leaves empty strings at the ends.
    var nonEmpty = 0
    for (index, g) in groups.enumerated() {
      if g.isEmpty {
        let atEdge = index == 0 || index == groups.count - 1
        let nextToEmpty =
          (index > 0 && groups[index - 1].isEmpty) || (index + 1 < groups.count && groups[index + 1].isEmpty)
        guard atEdge ? nextToEmpty : true else { return false }
        continue
      }
      guard g.count <= 4, g.allSatisfy(isHex) else { return false }
      nonEmpty += 1
    }
    return nonEmpty <= 7
  }

  static func isHostname(_ b: ArraySlice<UInt8>) -> Bool {
    guard !b.isEmpty, b.count <= 253 else { return false }
    var b = b
    if b.last == UInt8(ascii: ".") { b = b.dropLast() }
    for label in b.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
      guard (1...63).contains(label.count), label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-"),
        label.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "-") })
      else { return false }
      if label.count >= 4, label[label.startIndex + 2] == UInt8(ascii: "-"), label[label.startIndex + 3] == UInt8(ascii: "-") {
        // "xn--" A-labels only; other "??--" labels are reserved.
        guard label.prefix(2).map({ $0 | 0x20 }) == [UInt8(ascii: "x"), UInt8(ascii: "n")] else { return false }
      }
    }
    return true
  }

  static func isEmail(_ b: [UInt8]) -> Bool {
    guard let at = b.lastIndex(of: UInt8(ascii: "@")), at > 0, at < b.count - 1 else { return false }
    let local = b[..<at]
    let domain = b[(at + 1)...]
    if local.first == UInt8(ascii: "\"") {
      guard local.count >= 2, local.last == UInt8(ascii: "\"") else { return false }
      var i = local.startIndex + 1
      while i < local.endIndex - 1 {
        if local[i] == UInt8(ascii: "\\") { i += 1 } else if local[i] == UInt8(ascii: "\"") || local[i] < 0x20 { return false }
        i += 1
      }
    } else {
      let atext = Set("!#$%&'*+-/=?^_`{|}~".utf8)
      guard local.first != UInt8(ascii: "."), local.last != UInt8(ascii: ".") else { return false }
      var previousDot = false
      for c in local {
        if c == UInt8(ascii: ".") {
          if previousDot { return false }
          previousDot = true
          continue
        }
        previousDot = false
        guard isAlpha(c) || isDigit(c) || atext.contains(c) else { return false }
      }
    }
    if domain.first == UInt8(ascii: "[") {
      guard domain.last == UInt8(ascii: "]") else { return false }
      let inner = domain.dropFirst().dropLast()
      let prefix = Array("IPv6:".utf8)
      if inner.starts(with: prefix) { return isIPv6(inner.dropFirst(prefix.count)) }
      return isIPv4(inner)
    }
    return isHostname(domain)
  }

  static func isUUID(_ b: [UInt8]) -> Bool {
    guard b.count == 36 else { return false }
    for (i, c) in b.enumerated() {
      if [8, 13, 18, 23].contains(i) {
        guard c == UInt8(ascii: "-") else { return false }
      } else if !isHex(c) {
        return false
      }
    }
    return true
  }

  static func isJSONPointer(_ b: ArraySlice<UInt8>) -> Bool {
    if b.isEmpty { return true }
    guard b.first == UInt8(ascii: "/") else { return false }
    var i = b.startIndex
    while i < b.endIndex {
      if b[i] == UInt8(ascii: "~") {
        guard i + 1 < b.endIndex, b[i + 1] == UInt8(ascii: "0") || b[i + 1] == UInt8(ascii: "1") else { return false }
        i += 1
      }
      i += 1
    }
    return true
  }

  static func isRelativeJSONPointer(_ b: [UInt8]) -> Bool {
    let number = b.prefix(while: isDigit)
    guard !number.isEmpty, number.count == 1 || number.first != UInt8(ascii: "0") else { return false }
    let rest = b[number.count...]
    if rest == [UInt8(ascii: "#")] { return true }
    return isJSONPointer(rest)
  }

  // MARK: RFC 3986

  private static let unreserved = Set("-._~".utf8)
  private static let subDelims = Set("!$&'()*+,;=".utf8)

  private static func allowed(_ b: [UInt8], _ range: Range<Int>, extra: Set<UInt8>) -> Bool {
    var i = range.lowerBound
    while i < range.upperBound {
      let c = b[i]
      if c == UInt8(ascii: "%") {
        guard i + 2 < range.upperBound, isHex(b[i + 1]), isHex(b[i + 2]) else { return false }
        i += 3
        continue
      }
      guard isAlpha(c) || isDigit(c) || unreserved.contains(c) || subDelims.contains(c) || extra.contains(c) else {
        return false
      }
      i += 1
    }
    return true
  }

  static func isURI(_ b: [UInt8], requireScheme: Bool) -> Bool {
    var end = b.count
    if let hash = b.firstIndex(of: UInt8(ascii: "#")) {
      guard allowed(b, (hash + 1)..<end, extra: Set(":@/?".utf8)) else { return false }
      end = hash
    }
    if let q = b[..<end].firstIndex(of: UInt8(ascii: "?")) {
      guard allowed(b, (q + 1)..<end, extra: Set(":@/?".utf8)) else { return false }
      end = q
    }
    var start = 0
    if let colon = b[..<end].firstIndex(of: UInt8(ascii: ":")),
      !b[..<colon].contains(UInt8(ascii: "/")), colon > 0
    {
      let scheme = b[..<colon]
      guard let first = scheme.first, isAlpha(first),
        scheme.allSatisfy({ isAlpha($0) || isDigit($0) || $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") })
      else { return false }
      start = colon + 1
    } else if requireScheme {
      return false
    }
    var pathStart = start
    if end - start >= 2, b[start] == UInt8(ascii: "/"), b[start + 1] == UInt8(ascii: "/") {
      let authorityStart = start + 2
      let authorityEnd = b[authorityStart..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
      guard isAuthority(b, authorityStart..<authorityEnd) else { return false }
      pathStart = authorityEnd
    } else if start == 0 {
      // A relative reference's first segment must not contain ':' (RFC 3986 4.2).
      let firstSegmentEnd = b[..<end].firstIndex(of: UInt8(ascii: "/")) ?? end
      if b[0..<firstSegmentEnd].contains(UInt8(ascii: ":")) { return false }
    }
    return allowed(b, pathStart..<end, extra: Set(":@/".utf8))
  }

  private static func isAuthority(_ b: [UInt8], _ range: Range<Int>) -> Bool {
    var hostStart = range.lowerBound
    if let at = b[range].lastIndex(of: UInt8(ascii: "@")) {
      guard allowed(b, range.lowerBound..<at, extra: [UInt8(ascii: ":")]) else { return false }
      hostStart = at + 1
    }
    var hostEnd = range.upperBound
    if hostStart < range.upperBound, b[hostStart] == UInt8(ascii: "[") {
      guard let close = b[hostStart..<range.upperBound].firstIndex(of: UInt8(ascii: "]")) else { return false }
      let literal = b[(hostStart + 1)..<close]
      if literal.first | 0x20 == UInt8(ascii: "v") {
        guard literal.contains(UInt8(ascii: ".")) else { return false }
      } else if !isIPv6(literal) {
        return false
      }
      hostEnd = close + 1
      if hostEnd < range.upperBound {
        guard b[hostEnd] == UInt8(ascii: ":") else { return false }
      }
    } else if let colon = b[hostStart..<range.upperBound].lastIndex(of: UInt8(ascii: ":")) {
      hostEnd = colon
    }
    if hostEnd < range.upperBound {
      guard b[(hostEnd + 1)..<range.upperBound].allSatisfy(isDigit) else { return false }
    }
    if hostStart < hostEnd, b[hostStart] == UInt8(ascii: "[") { return true }
    return allowed(b, hostStart..<hostEnd, extra: [])
  }
}

extension Optional where Wrapped == UInt8 {
  fileprivate static func | (lhs: UInt8?, rhs: UInt8) -> UInt8? { lhs.map { $0 | rhs } }
}
