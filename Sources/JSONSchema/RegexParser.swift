/// Parses ECMA-262 pattern syntax (Unicode mode, with Annex B's lenient identity escapes for
/// punctuation, which schemas in the wild rely on) into ``RegexNode``s.
struct RegexParser {
  private let s: [Unicode.Scalar]
  private var i = 0
  private(set) var captureCount = 0
  private(set) var usesBackreferences = false
  private var groupNames: [String: Int] = [:]
  private var pendingNamedReferences: [String] = []
  private var maxBackreference = 0

  init(_ scalars: [Unicode.Scalar]) { s = scalars }

  private func fail(_ message: String) -> ECMARegex.SyntaxError {
    ECMARegex.SyntaxError(message: "\(message) at offset \(i)")
  }

  private var atEnd: Bool { i >= s.count }
  private func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

  mutating func parsePattern() throws(ECMARegex.SyntaxError) -> RegexNode {
    let node = try parseDisjunction()
    if !atEnd { throw fail(peek() == ")" ? "unmatched ')'" : "unexpected '\(peek().map(String.init) ?? "")'") }
    if maxBackreference > captureCount { throw fail("backreference to a missing group") }
    for name in pendingNamedReferences where groupNames[name] == nil {
      throw fail("reference to an unknown group name '\(name)'")
    }
    return node
  }

  private mutating func parseDisjunction() throws(ECMARegex.SyntaxError) -> RegexNode {
    var options = [try parseAlternative()]
    while peek() == "|" {
      i += 1
      options.append(try parseAlternative())
    }
    return options.count == 1 ? options[0] : .alternation(options)
  }

  private mutating func parseAlternative() throws(ECMARegex.SyntaxError) -> RegexNode {
    var items: [RegexNode] = []
    while let c = peek(), c != "|", c != ")" {
      let atomStart = i
      guard let atom = try parseTerm() else { continue }
      if let quantified = try parseQuantifier(atom, isAssertion: isAssertion(atom), start: atomStart) {
        items.append(quantified)
      } else {
        items.append(atom)
      }
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .sequence(items)
    }
  }

  private func isAssertion(_ node: RegexNode) -> Bool {
    switch node {
    case .lineStart, .lineEnd, .wordBoundary, .lookbehind: return true
    case .lookahead: return false  // Annex B allows quantified lookaheads
    default: return false
    }
  }

  private mutating func parseQuantifier(_ atom: RegexNode, isAssertion: Bool, start: Int) throws(ECMARegex.SyntaxError)
    -> RegexNode?
  {
    guard let c = peek() else { return nil }
    var min = 0
    var max: Int?
    switch c {
    case "*": i += 1
    case "+":
      i += 1
      min = 1
    case "?":
      i += 1
      max = 1
    case "{":
      guard let (lo, hi) = try parseBraces() else { return nil }
      min = lo
      max = hi
    default:
      return nil
    }
    if isAssertion { throw fail("nothing to repeat") }
    var greedy = true
    if peek() == "?" {
      i += 1
      greedy = false
    }
    if let max, max < min { throw fail("numbers out of order in quantifier") }
    if case .scalar(let c) = atom {
      return .repetition(.set(ScalarSet([.range(c, c)])), min: min, max: max, greedy: greedy)
    }
    return .repetition(atom, min: min, max: max, greedy: greedy)
  }

  /// `{n}`, `{n,}`, `{n,m}`; nil (and no input consumed) when the brace is not a quantifier.
  private mutating func parseBraces() throws(ECMARegex.SyntaxError) -> (Int, Int?)? {
    let save = i
    i += 1
    guard let lo = parseDecimal() else {
      i = save
      return nil
    }
    var hi: Int? = lo
    if peek() == "," {
      i += 1
      hi = parseDecimal()
    }
    guard peek() == "}" else {
      i = save
      return nil
    }
    i += 1
    return (lo, hi)
  }

  private mutating func parseDecimal() -> Int? {
    var value = 0
    var any = false
    while let c = peek(), ("0"..."9").contains(c) {
      value = min(value * 10 + Int(c.value - 48), 1_000_000)
      any = true
      i += 1
    }
    return any ? value : nil
  }

  private mutating func parseTerm() throws(ECMARegex.SyntaxError) -> RegexNode? {
    guard let c = peek() else { return nil }
    i += 1
    switch c {
    case "^": return .lineStart
    case "$": return .lineEnd
    case ".": return .set(ScalarSet.dot)
    case "(": return try parseGroup()
    case "[": return .set(try parseClass())
    case "\\": return try parseAtomEscape()
    case "*", "+", "?": throw fail("nothing to repeat")
    case "{":
      i -= 1
      if (try parseBraces()) != nil { throw fail("nothing to repeat") }
      i += 1
      return .scalar(c.value)
    case "]", "}":
      return .scalar(c.value)
    default:
      return .scalar(c.value)
    }
  }

  private mutating func parseGroup() throws(ECMARegex.SyntaxError) -> RegexNode {
    var capture: Int?
    var look: (behind: Bool, negated: Bool)?
    if peek() == "?" {
      switch (peek(1), peek(2)) {
      case (":"?, _): i += 2
      case ("="?, _): i += 2; look = (false, false)
      case ("!"?, _): i += 2; look = (false, true)
      case ("<"?, "="?): i += 3; look = (true, false)
      case ("<"?, "!"?): i += 3; look = (true, true)
      case ("<"?, _):
        i += 2
        var name = ""
        while let c = peek(), c != ">" {
          name.unicodeScalars.append(c)
          i += 1
        }
        guard peek() == ">", !name.isEmpty else { throw fail("invalid group name") }
        i += 1
        guard groupNames[name] == nil else { throw fail("duplicate group name '\(name)'") }
        captureCount += 1
        capture = captureCount
        groupNames[name] = captureCount
      default:
        throw fail("invalid group")
      }
    } else {
      captureCount += 1
      capture = captureCount
    }
    let inner = try parseDisjunction()
    guard peek() == ")" else { throw fail("missing ')'") }
    i += 1
    if let look {
      return look.behind ? .lookbehind(inner, negated: look.negated) : .lookahead(inner, negated: look.negated)
    }
    return .group(inner, capture: capture)
  }

  private mutating func parseAtomEscape() throws(ECMARegex.SyntaxError) -> RegexNode {
    guard let c = peek() else { throw fail("\\ at end of pattern") }
    switch c {
    case "b":
      i += 1
      return .wordBoundary(negated: false)
    case "B":
      i += 1
      return .wordBoundary(negated: true)
    case "1"..."9":
      let n = parseDecimal() ?? 0
      usesBackreferences = true
      maxBackreference = max(maxBackreference, n)
      return .backreference(n)
    case "k":
      i += 1
      guard peek() == "<" else { throw fail("invalid named reference") }
      i += 1
      var name = ""
      while let c = peek(), c != ">" {
        name.unicodeScalars.append(c)
        i += 1
      }
      guard peek() == ">" else { throw fail("invalid named reference") }
      i += 1
      usesBackreferences = true
      pendingNamedReferences.append(name)
      return .namedBackreferencePlaceholder(name, groups: groupNames)
    default:
      switch try parseCharacterEscape(inClass: false) {
      case .scalar(let v): return .scalar(v)
      case .set(let set): return .set(set)
      }
    }
  }

  private enum Escaped {
    case scalar(UInt32)
    case set(ScalarSet)
  }

  private mutating func parseCharacterEscape(inClass: Bool) throws(ECMARegex.SyntaxError) -> Escaped {
    guard let c = peek() else { throw fail("\\ at end of pattern") }
    i += 1
    switch c {
    case "d": return .set(ScalarSet.digit)
    case "D": return .set(ScalarSet([.set(ScalarSet.digit)], negated: true))
    case "w": return .set(ScalarSet.word)
    case "W": return .set(ScalarSet([.set(ScalarSet.word)], negated: true))
    case "s": return .set(ScalarSet.space)
    case "S": return .set(ScalarSet([.set(ScalarSet.space)], negated: true))
    case "t": return .scalar(9)
    case "n": return .scalar(10)
    case "v": return .scalar(11)
    case "f": return .scalar(12)
    case "r": return .scalar(13)
    case "b" where inClass: return .scalar(8)
    case "-" where inClass: return .scalar(45)
    case "0":
      if let d = peek(), ("0"..."9").contains(d) { throw fail("invalid octal escape") }
      return .scalar(0)
    case "c":
      guard let l = peek(), ("a"..."z").contains(l) || ("A"..."Z").contains(l) else { throw fail("invalid \\c escape") }
      i += 1
      return .scalar(l.value % 32)
    case "x":
      guard let v = parseHex(count: 2) else { throw fail("invalid \\x escape") }
      return .scalar(v)
    case "u":
      return .scalar(try parseUnicodeEscape())
    case "p", "P":
      return .set(try parseProperty(negated: c == "P"))
    default:
      // Identity escapes: syntax characters and other ASCII punctuation; never letters or
      // digits (so `\a` is rejected, as ECMA-262 requires).
      if c.isASCII && !c.properties.isAlphabetic && !("0"..."9").contains(c) && c.value >= 0x20 {
        return .scalar(c.value)
      }
      if !c.isASCII { return .scalar(c.value) }
      throw fail("invalid escape '\\\(c)'")
    }
  }

  private mutating func parseHex(count: Int) -> UInt32? {
    guard i + count <= s.count else { return nil }
    var v: UInt32 = 0
    for k in 0..<count {
      guard let d = hexDigit(s[i + k]) else { return nil }
      v = v * 16 + d
    }
    i += count
    return v
  }

  private func hexDigit(_ c: Unicode.Scalar) -> UInt32? {
    switch c {
    case "0"..."9": return c.value - 48
    case "a"..."f": return c.value - 87
    case "A"..."F": return c.value - 55
    default: return nil
    }
  }

  private mutating func parseUnicodeEscape() throws(ECMARegex.SyntaxError) -> UInt32 {
    if peek() == "{" {
      i += 1
      var v: UInt32 = 0
      var any = false
      while let c = peek(), let d = hexDigit(c) {
        v = v &* 16 &+ d
        guard v <= 0x10FFFF else { throw fail("\\u{...} out of range") }
        any = true
        i += 1
      }
      guard any, peek() == "}" else { throw fail("invalid \\u{...} escape") }
      i += 1
      return v
    }
    guard let high = parseHex(count: 4) else { throw fail("invalid \\u escape") }
    if (0xD800...0xDBFF).contains(high), peek() == "\\", peek(1) == "u" {
      let save = i
      i += 2
      if let low = parseHex(count: 4), (0xDC00...0xDFFF).contains(low) {
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
      }
      i = save
    }
    return high
  }

  private mutating func parseProperty(negated: Bool) throws(ECMARegex.SyntaxError) -> ScalarSet {
    guard peek() == "{" else { throw fail("invalid property escape") }
    i += 1
    var name = ""
    while let c = peek(), c != "}" {
      name.unicodeScalars.append(c)
      i += 1
    }
    guard peek() == "}" else { throw fail("invalid property escape") }
    i += 1
    if name.hasPrefix("General_Category=") || name.hasPrefix("gc=") {
      name = String(name[name.index(after: name.firstIndex(of: "=") ?? name.startIndex)...])
    }
    if let categories = UnicodeCategories.named(name) {
      return ScalarSet([.category(categories, negated: negated)])
    }
    let binary: ScalarSet.BinaryProperty
    switch name {
    case "Alphabetic", "Alpha": binary = .alphabetic
    case "White_Space", "space": binary = .whiteSpace
    case "Uppercase", "Upper": binary = .uppercase
    case "Lowercase", "Lower": binary = .lowercase
    case "ASCII": binary = .ascii
    case "Any": binary = .any
    case "Emoji": binary = .emoji
    case "Hex_Digit", "AHex", "ASCII_Hex_Digit": binary = .hexDigit
    default: throw fail("unsupported Unicode property '\(name)'")
    }
    return ScalarSet([.binary(binary, negated: negated)])
  }

  private mutating func parseClass() throws(ECMARegex.SyntaxError) -> ScalarSet {
    var negated = false
    if peek() == "^" {
      negated = true
      i += 1
    }
    var items: [ScalarSet.Item] = []
    while true {
      guard let c = peek() else { throw fail("missing ']'") }
      if c == "]" {
        i += 1
        break
      }
      let first = try parseClassAtom()
      if peek() == "-", let after = peek(1), after != "]" {
        i += 1
        let second = try parseClassAtom()
        guard case .scalar(let lo) = first, case .scalar(let hi) = second else {
          throw fail("invalid character class range")
        }
        guard lo <= hi else { throw fail("range out of order in character class") }
        items.append(.range(lo, hi))
        continue
      }
      switch first {
      case .scalar(let v): items.append(.range(v, v))
      case .set(let set): items.append(.set(set))
      }
    }
    return ScalarSet(items, negated: negated)
  }

  private mutating func parseClassAtom() throws(ECMARegex.SyntaxError) -> Escaped {
    guard let c = peek() else { throw fail("missing ']'") }
    i += 1
    if c == "\\" { return try parseCharacterEscape(inClass: true) }
    return .scalar(c.value)
  }
}

extension RegexNode {
  /// Named references resolve to the group number known when parsed; forward named
  /// references (rare) fall back to a reference that always matches empty, like an unset group.
  static func namedBackreferencePlaceholder(_ name: String, groups: [String: Int]) -> RegexNode {
    .backreference(groups[name] ?? 0)
  }
}

/// Unicode general category names accepted by `\p{...}`.
enum UnicodeCategories {
  static func named(_ name: String) -> Set<Unicode.GeneralCategory>? {
    switch name {
    case "L", "Letter": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
    case "LC", "Cased_Letter": return [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]
    case "Lu", "Uppercase_Letter": return [.uppercaseLetter]
    case "Ll", "Lowercase_Letter": return [.lowercaseLetter]
    case "Lt", "Titlecase_Letter": return [.titlecaseLetter]
    case "Lm", "Modifier_Letter": return [.modifierLetter]
    case "Lo", "Other_Letter": return [.otherLetter]
    case "M", "Mark", "Combining_Mark": return [.nonspacingMark, .spacingMark, .enclosingMark]
    case "Mn", "Nonspacing_Mark": return [.nonspacingMark]
    case "Mc", "Spacing_Mark": return [.spacingMark]
    case "Me", "Enclosing_Mark": return [.enclosingMark]
    case "N", "Number": return [.decimalNumber, .letterNumber, .otherNumber]
    case "Nd", "Decimal_Number", "digit": return [.decimalNumber]
    case "Nl", "Letter_Number": return [.letterNumber]
    case "No", "Other_Number": return [.otherNumber]
    case "P", "Punctuation", "punct":
      return [
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation,
      ]
    case "Pc", "Connector_Punctuation": return [.connectorPunctuation]
    case "Pd", "Dash_Punctuation": return [.dashPunctuation]
    case "Ps", "Open_Punctuation": return [.openPunctuation]
    case "Pe", "Close_Punctuation": return [.closePunctuation]
    case "Pi", "Initial_Punctuation": return [.initialPunctuation]
    case "Pf", "Final_Punctuation": return [.finalPunctuation]
    case "Po", "Other_Punctuation": return [.otherPunctuation]
    case "S", "Symbol": return [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
    case "Sm", "Math_Symbol": return [.mathSymbol]
    case "Sc", "Currency_Symbol": return [.currencySymbol]
    case "Sk", "Modifier_Symbol": return [.modifierSymbol]
    case "So", "Other_Symbol": return [.otherSymbol]
    case "Z", "Separator": return [.spaceSeparator, .lineSeparator, .paragraphSeparator]
    case "Zs", "Space_Separator": return [.spaceSeparator]
    case "Zl", "Line_Separator": return [.lineSeparator]
    case "Zp", "Paragraph_Separator": return [.paragraphSeparator]
    case "C", "Other": return [.control, .format, .surrogate, .privateUse, .unassigned]
    case "Cc", "Control", "cntrl": return [.control]
    case "Cf", "Format": return [.format]
    case "Cs", "Surrogate": return [.surrogate]
    case "Co", "Private_Use": return [.privateUse]
    case "Cn", "Unassigned": return [.unassigned]
    default: return nil
    }
  }
}
