/// Finds link destinations in a Markdown body, the way CommonMark and GitHub read them, well
/// enough for a lint: inline links and images, reference definitions, autolinks and HTML
/// `href`/`src` attributes, outside fenced and indented code, code spans and HTML comments.
enum MarkdownLinks {
  struct Link: Equatable {
    /// 1-based line and column of the destination in the body.
    var line: Int
    var column: Int
    /// The destination as written.
    var url: String
  }

  static func mayHaveLinks(_ body: String) -> Bool {
    var previous: UInt8 = 0
    for b in body.utf8 {
      if b == UInt8(ascii: "<") { return true }
      if previous == UInt8(ascii: "]"), b == UInt8(ascii: "(") || b == UInt8(ascii: ":") { return true }
      previous = b
    }
    return false
  }

  static func scan(_ body: String) -> [Link] {
    // Most bodies have no link at all: every kind this scanner finds needs `](`, `]:` or `<`.
    // Checking the bytes first spares the Character-by-Character scan below.
    guard Self.mayHaveLinks(body) else { return [] }
    var out: [Link] = []
    var fence: (char: Character, count: Int)?
    var inComment = false
    var previousBlank = true
    var previousCode = false
    var inList = false
    var lineNumber = 0
    // As a Character, "\r\n" is one grapheme that never equals "\n": split on both, so a
    // CRLF plan has the lines (and the positions) of its LF twin.
    for rawLine in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
      lineNumber += 1
      var chars = Array(rawLine)
      if chars.last == "\r" { chars.removeLast() }
      let blank = chars.allSatisfy { $0 == " " || $0 == "\t" }
      defer { previousBlank = blank }
      let indent = indentation(chars)
      if let f = fence {
        let rest = chars.drop { $0 == " " }
        let run = rest.prefix { $0 == f.char }.count
        if indent <= 3, run >= f.count, rest.dropFirst(run).allSatisfy({ $0 == " " || $0 == "\t" }) { fence = nil }
        continue
      }
      if indent <= 3, !inComment {
        let rest = Array(chars.drop { $0 == " " })
        if let c = rest.first, c == "`" || c == "~" {
          let run = rest.prefix { $0 == c }.count
          if run >= 3, c == "~" || !rest.dropFirst(run).contains("`") {
            fence = (c, run)
            previousCode = false
            continue
          }
        }
      }
      if blank {
        continue
      }
      if indent >= 4, !inList, !inComment, previousBlank || previousCode {
        previousCode = true
        continue
      }
      previousCode = false
      if indent <= 3 {
        inList = isListItem(chars.drop { $0 == " " }) || (inList && indent >= 2)
      }
      var visible = chars
      blankOutComments(&visible, inComment: &inComment)
      blankOutCodeSpans(&visible)
      var seen = Set<Int>()
      func add(_ start: Int, _ end: Int) {
        guard start < end, seen.insert(start).inserted else { return }
        out.append(Link(line: lineNumber, column: start + 1, url: String(chars[start..<end])))
      }
      referenceDefinition(visible).map { add($0.0, $0.1) }
      inlineDestinations(visible).forEach { add($0.0, $0.1) }
      autolinks(visible).forEach { add($0.0, $0.1) }
      htmlAttributes(visible).forEach { add($0.0, $0.1) }
    }
    return out.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
  }

  // MARK: - Line structure

  static func indentation(_ chars: [Character]) -> Int {
    var n = 0
    for c in chars {
      if c == " " { n += 1 } else if c == "\t" { n += 4 - n % 4 } else { break }
    }
    return n
  }

  static func isListItem(_ chars: ArraySlice<Character>) -> Bool {
    guard let first = chars.first else { return false }
    if "-*+".contains(first) { return chars.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true }
    let digits = chars.prefix { $0.isASCII && $0.isNumber }
    guard !digits.isEmpty, digits.count <= 9 else { return false }
    let after = chars.dropFirst(digits.count)
    guard let d = after.first, d == "." || d == ")" else { return false }
    return after.dropFirst().first.map { $0 == " " || $0 == "\t" } ?? true
  }

  /// Replaces HTML comments (which may span lines) with spaces.
  static func blankOutComments(_ chars: inout [Character], inComment: inout Bool) {
    var i = 0
    while i < chars.count {
      if inComment {
        if i + 2 < chars.count, chars[i] == "-", chars[i + 1] == "-", chars[i + 2] == ">" {
          for k in i...(i + 2) { chars[k] = " " }
          inComment = false
          i += 3
        } else {
          chars[i] = " "
          i += 1
        }
      } else if i + 3 < chars.count, chars[i] == "<", chars[i + 1] == "!", chars[i + 2] == "-", chars[i + 3] == "-" {
        for k in i...(i + 3) { chars[k] = " " }
        inComment = true
        i += 4
      } else {
        i += 1
      }
    }
  }

  /// Replaces the contents of code spans (`` `…` ``) with spaces, keeping columns. Linear in
  /// the line's length: each backtick run is matched with the next run of the same length.
  static func blankOutCodeSpans(_ chars: inout [Character]) {
    var runs: [(start: Int, count: Int)] = []
    var i = 0
    while i < chars.count {
      if chars[i] == "`" {
        let run = chars[i...].prefix { $0 == "`" }.count
        if i == 0 || chars[i - 1] != "\\" { runs.append((i, run)) }
        i += run
      } else {
        i += 1
      }
    }
    guard runs.count >= 2 else { return }
    var next = [Int?](repeating: nil, count: runs.count)
    var lastOfLength: [Int: Int] = [:]
    for k in stride(from: runs.count - 1, through: 0, by: -1) {
      next[k] = lastOfLength[runs[k].count]
      lastOfLength[runs[k].count] = k
    }
    var k = 0
    while k < runs.count {
      guard let close = next[k] else {
        k += 1
        continue
      }
      for p in runs[k].start..<(runs[close].start + runs[close].count) { chars[p] = " " }
      k = close + 1
    }
  }

  // MARK: - Destinations (start and end offsets in the line)

  /// `[label]: destination` at the start of a line.
  static func referenceDefinition(_ chars: [Character]) -> (Int, Int)? {
    var i = 0
    while i < chars.count, i < 3, chars[i] == " " { i += 1 }
    guard i < chars.count, chars[i] == "[" else { return nil }
    guard let close = chars[(i + 1)...].firstIndex(of: "]"), close > i + 1, close + 1 < chars.count, chars[close + 1] == ":"
    else { return nil }
    var j = close + 2
    while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
    return destination(chars, from: j)
  }

  /// `](destination` of inline links and images.
  static func inlineDestinations(_ chars: [Character]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    var i = 0
    while i + 1 < chars.count {
      if chars[i] == "]", chars[i + 1] == "(", i == 0 || chars[i - 1] != "\\" {
        var j = i + 2
        while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
        if let d = destination(chars, from: j) {
          out.append(d)
          i = max(j, d.1)
        } else {
          i = j
        }
      } else {
        i += 1
      }
    }
    return out
  }

  /// A link destination at `start`: `<…>` or a run without spaces and with balanced parentheses.
  static func destination(_ chars: [Character], from start: Int) -> (Int, Int)? {
    guard start < chars.count else { return nil }
    if chars[start] == "<" {
      var j = start + 1
      while j < chars.count, chars[j] != ">", chars[j] != "<" {
        j += chars[j] == "\\" ? 2 : 1
      }
      let end = min(j, chars.count)
      return end > start + 1 ? (start + 1, end) : nil
    }
    var depth = 0
    var j = start
    while j < chars.count {
      let c = chars[j]
      if c == " " || c == "\t" || (c.isASCII && c.asciiValue! < 0x20) { break }
      if c == "\\" {
        j += 2
        continue
      }
      if c == "(" { depth += 1 }
      if c == ")" {
        if depth == 0 { break }
        depth -= 1
      }
      j += 1
    }
    let end = min(j, chars.count)
    return end > start ? (start, end) : nil
  }

  /// `<scheme:…>` autolinks.
  static func autolinks(_ chars: [Character]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    var i = 0
    while i < chars.count {
      guard chars[i] == "<", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isLetter else {
        i += 1
        continue
      }
      var j = i + 1
      while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || "+.-".contains(chars[j]) { j += 1 }
      guard j < chars.count, chars[j] == ":", j - (i + 1) >= 2, j - (i + 1) <= 32 else {
        i += 1
        continue
      }
      var k = j + 1
      while k < chars.count, chars[k] != ">", chars[k] != "<", chars[k] != " ", !(chars[k].isASCII && chars[k].asciiValue! < 0x20) {
        k += 1
      }
      if k < chars.count, chars[k] == ">" { out.append((i + 1, k)) }
      i = k
    }
    return out
  }

  /// `href=` and `src=` attribute values in inline HTML.
  static func htmlAttributes(_ chars: [Character]) -> [(Int, Int)] {
    var out: [(Int, Int)] = []
    let lower = chars.map { $0.isASCII ? Character($0.lowercased()) : $0 }
    for name in [Array("href"), Array("src")] {
      var i = 0
      while i + name.count <= lower.count {
        guard Array(lower[i..<(i + name.count)]) == name, i > 0, lower[i - 1] == " " || lower[i - 1] == "\t" else {
          i += 1
          continue
        }
        var j = i + name.count
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count, chars[j] == "=" else {
          i += 1
          continue
        }
        j += 1
        while j < chars.count, chars[j] == " " { j += 1 }
        guard j < chars.count else { break }
        if chars[j] == "\"" || chars[j] == "'" {
          let quote = chars[j]
          let end = chars[(j + 1)...].firstIndex(of: quote) ?? chars.count
          if end > j + 1 { out.append((j + 1, end)) }
          i = end
        } else {
          var end = j
          while end < chars.count, chars[end] != " ", chars[end] != ">", chars[end] != "\t" { end += 1 }
          if end > j { out.append((j, end)) }
          i = end
        }
      }
    }
    return out
  }

  // MARK: - Reading a destination as a browser does

  /// Resolves backslash escapes and character references, then removes what browsers ignore
  /// (tabs and newlines anywhere, leading and trailing spaces and control characters).
  static func normalize(_ raw: String) -> String {
    var chars = Array(raw)
    if chars.first == "<", chars.last == ">", chars.count >= 2 { chars = Array(chars.dropFirst().dropLast()) }
    var out = ""
    var i = 0
    while i < chars.count {
      let c = chars[i]
      if c == "\\", i + 1 < chars.count, chars[i + 1].isASCII, chars[i + 1].isPunctuation || chars[i + 1].isSymbol {
        out.append(chars[i + 1])
        i += 2
      } else if c == "&", let (decoded, length) = entity(chars, at: i) {
        out.append(decoded)
        i += length
      } else {
        out.append(c)
        i += 1
      }
    }
    let kept = out.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    var scalars = Array(kept)
    while let f = scalars.first, f.value <= 0x20 { scalars.removeFirst() }
    while let l = scalars.last, l.value <= 0x20 { scalars.removeLast() }
    var s = ""
    s.unicodeScalars.append(contentsOf: scalars)
    return s
  }

  static let namedEntities: [String: Character] = [
    "colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "sol": "/", "lpar": "(", "rpar": ")", "period": ".",
    "quest": "?", "num": "#", "percnt": "%", "commat": "@", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}",
  ]

  /// A character reference at `i` (`&#106;`, `&#x6A;`, `&colon;`) and its length.
  static func entity(_ chars: [Character], at i: Int) -> (Character, Int)? {
    guard let semi = chars[i...].prefix(34).firstIndex(of: ";"), semi > i + 1 else { return nil }
    let body = String(chars[(i + 1)..<semi])
    if body.hasPrefix("#") {
      let digits = body.dropFirst()
      let value: UInt32?
      if digits.first == "x" || digits.first == "X" {
        value = digits.count > 1 ? UInt32(digits.dropFirst(), radix: 16) : nil
      } else {
        value = UInt32(digits, radix: 10)
      }
      guard let v = value else { return nil }
      let scalar = Unicode.Scalar(v) ?? "\u{FFFD}"
      return (Character(scalar == "\0" ? "\u{FFFD}" : scalar), semi - i + 1)
    }
    guard let c = namedEntities[body.lowercased()] else { return nil }
    return (c, semi - i + 1)
  }

  /// A URL's scheme (`https`, `javascript`), or nil for a relative reference or an anchor.
  static func scheme(of url: String) -> String? {
    var scheme = ""
    for c in url {
      if c == ":" { return scheme.isEmpty ? nil : scheme }
      guard c.isASCII, c.isLetter || (!scheme.isEmpty && (c.isNumber || "+.-".contains(c))) else { return nil }
      scheme.append(c)
    }
    return nil
  }

  /// `%HH` sequences decoded as UTF-8 (invalid sequences kept as written).
  static func percentDecode(_ text: String) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(text.utf8)
    var i = 0
    while i < utf8.count {
      if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
        let b = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16)
      {
        bytes.append(b)
        i += 3
      } else {
        bytes.append(utf8[i])
        i += 1
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func trimmed(_ text: String) -> String {
    String(text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
