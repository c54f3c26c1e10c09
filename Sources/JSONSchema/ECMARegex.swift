/// An ECMA-262 regular expression (Unicode mode), as JSON Schema's `pattern` requires.
///
/// Own engines are used instead of `NSRegularExpression` or Swift `Regex`: both cost 0.5–1 µs
/// per match on short strings (measured on this project's schemas), both follow ICU semantics
/// (`\d` and `\w` match non-ASCII, `$` matches before a final newline) where ECMA-262 differs,
/// and both backtrack without bound. These match UTF-8 in place, without copying:
///
/// - ``LinearRegex``, bit-parallel, for a sequence of (quantified) characters and classes;
/// - ``NFARegex``, in lock step and linear time, for every other pattern without
///   backreferences or lookaround;
/// - a backtracking matcher for the rest, under a budget of ``stepBudget`` steps per match
///   (and the caller's budget for a whole document): past it the match is
///   ``Outcome/tooCostly``, never a hang.
struct ECMARegex: Sendable {
  /// Backtracking steps one match may take: far more than any sensible pattern needs on a
  /// plan's strings, and a few milliseconds (a fraction of a second in a debug build).
  static let stepBudget = 100_000
  private let source: String
  struct SyntaxError: Error, Sendable {
    var message: String
  }

  private let root: RegexNode
  private let anchoredAtStart: Bool
  private let captureCount: Int
  private let usesBackreferences: Bool
  /// For `^literal...` patterns, the literal's UTF-8: a cheap test that rejects most strings
  /// (schemas use `^x-` in patternProperties on every object).
  private let requiredPrefix: [UInt8]
  /// The pattern is exactly `^literal`: the prefix test is the whole match.
  private let isPrefixOnly: Bool
  private let linear: LinearRegex?
  private let nfa: NFARegex?

  init(_ pattern: String) throws(SyntaxError) {
    source = pattern
    var parser = RegexParser(Array(pattern.unicodeScalars))
    root = try parser.parsePattern()
    captureCount = parser.captureCount
    usesBackreferences = parser.usesBackreferences
    anchoredAtStart = root.isAnchoredAtStart
    var prefix: [UInt8] = []
    var prefixOnly = false
    if case .sequence(let items) = root, case .lineStart? = items.first {
      var consumed = 1
      for item in items.dropFirst() {
        guard case .scalar(let c) = item, let scalar = Unicode.Scalar(c) else { break }
        prefix.append(contentsOf: Array(String(Character(scalar)).utf8))
        consumed += 1
      }
      prefixOnly = consumed == items.count
    }
    requiredPrefix = prefix
    isPrefixOnly = prefixOnly && !prefix.isEmpty
    linear = LinearRegex(root)
    nfa = linear == nil ? NFARegex(root) : nil
  }

  /// Whether the pattern needs the backtracking matcher (and so a step budget).
  var backtracks: Bool { linear == nil && nfa == nil }

  /// The answer of one match.
  enum Outcome: Sendable, Equatable {
    case matched, failed
    /// The backtracking matcher ran out of steps (or of nesting depth) before it could tell.
    case tooCostly
  }

  /// Whether the expression matches anywhere in `string` (JSON Schema patterns are not
  /// anchored), with no more than `budget` backtracking steps (at most ``stepBudget``);
  /// the steps taken are subtracted from `budget`.
  func match(_ string: String, budget: inout Int) -> Outcome {
    if !requiredPrefix.isEmpty {
      guard FastString.hasPrefix(string, requiredPrefix) else { return .failed }
      if isPrefixOnly { return .matched }
    }
    let allowed = min(budget, Self.stepBudget)
    var used = 0
    var copy = string
    var outcome = copy.utf8.withContiguousStorageIfAvailable({ search($0, steps: allowed, used: &used) })
    if outcome == nil {
      copy.makeContiguousUTF8()
      outcome = copy.utf8.withContiguousStorageIfAvailable({ search($0, steps: allowed, used: &used) })
    }
    budget -= used
    return outcome ?? .failed
  }

  /// ``match(_:budget:)`` with a budget of one match's ``stepBudget``; too costly counts as
  /// no match.
  func matches(_ string: String) -> Bool {
    var budget = Self.stepBudget
    return match(string, budget: &budget) == .matched
  }

  private func search(_ input: UnsafeBufferPointer<UInt8>, steps: Int, used: inout Int) -> Outcome {
    if let linear { return linear.matches(input) ? .matched : .failed }
    if let nfa { return nfa.matches(input) ? .matched : .failed }
    guard steps > 0 else { return .tooCostly }
    let captures = usesBackreferences ? CaptureBox(count: captureCount) : nil
    // The counters live on the stack: no allocation per match.
    return withUnsafeTemporaryAllocation(of: Int.self, capacity: 3) { counters in
      guard let base = counters.baseAddress else { return Outcome.failed }
      base.initialize(repeating: 0, count: 3)
      base[2] = steps
      defer { used = steps - max(0, base[2]) }
      let matcher = RegexMatcher(input: input, captures: captures, counters: base)
      var start = 0
      while true {
        if matcher.match(root, start, { _ in true }) { return .matched }
        if matcher.budgetExhausted { return .tooCostly }
        if anchoredAtStart || start >= input.count { return .failed }
        start = matcher.next(start)
      }
    }
  }
}

/// A set of scalars: ASCII as a bitmap, the rest by ranges and Unicode properties.
struct ScalarSet: Sendable {
  enum Item: Sendable {
    case range(UInt32, UInt32)
    case category(Set<Unicode.GeneralCategory>, negated: Bool)
    case binary(BinaryProperty, negated: Bool)
    case set(ScalarSet)
  }

  enum BinaryProperty: Sendable {
    case alphabetic, whiteSpace, uppercase, lowercase, ascii, any, emoji, hexDigit
  }

  var items: [Item] = []
  var negated = false
  private var asciiLow: UInt64 = 0
  private var asciiHigh: UInt64 = 0

  init() {}

  init(_ items: [Item], negated: Bool = false) {
    self.items = items
    self.negated = negated
    finalize()
  }

  mutating func finalize() {
    asciiLow = 0
    asciiHigh = 0
    for c in UInt32(0)..<128 where slowContains(c) {
      if c < 64 { asciiLow |= 1 << UInt64(c) } else { asciiHigh |= 1 << UInt64(c - 64) }
    }
  }

  @inline(__always)
  func contains(_ c: UInt32) -> Bool {
    if c < 64 { return asciiLow & (1 << UInt64(c)) != 0 }
    if c < 128 { return asciiHigh & (1 << UInt64(c - 64)) != 0 }
    return slowContains(c)
  }

  private func slowContains(_ c: UInt32) -> Bool {
    var found = false
    for item in items {
      switch item {
      case .range(let lo, let hi): found = lo <= c && c <= hi
      case .category(let cats, let neg):
        if let s = Unicode.Scalar(c) { found = cats.contains(s.properties.generalCategory) != neg }
      case .binary(let p, let neg):
        if let s = Unicode.Scalar(c) { found = Self.has(p, s) != neg }
      case .set(let inner): found = inner.contains(c)
      }
      if found { break }
    }
    return found != negated
  }

  private static func has(_ p: BinaryProperty, _ s: Unicode.Scalar) -> Bool {
    switch p {
    case .alphabetic: return s.properties.isAlphabetic
    case .whiteSpace: return s.properties.isWhitespace
    case .uppercase: return s.properties.isUppercase
    case .lowercase: return s.properties.isLowercase
    case .ascii: return s.isASCII
    case .any: return true
    case .emoji: return s.properties.isEmoji
    case .hexDigit: return s.properties.isHexDigit
    }
  }

  static let digit = ScalarSet([.range(48, 57)])
  static let word = ScalarSet([.range(48, 57), .range(65, 90), .range(97, 122), .range(95, 95)])
  /// ECMA-262 WhiteSpace and LineTerminator.
  static let space = ScalarSet([
    .range(9, 13), .range(32, 32), .range(0xA0, 0xA0), .range(0x1680, 0x1680), .range(0x2000, 0x200A),
    .range(0x2028, 0x2029), .range(0x202F, 0x202F), .range(0x205F, 0x205F), .range(0x3000, 0x3000),
    .range(0xFEFF, 0xFEFF),
  ])
  /// `.`: everything but line terminators.
  static let dot = ScalarSet([.range(10, 10), .range(13, 13), .range(0x2028, 0x2029)], negated: true)
}

indirect enum RegexNode: Sendable {
  case empty
  case scalar(UInt32)
  case set(ScalarSet)
  case sequence([RegexNode])
  case alternation([RegexNode])
  case group(RegexNode, capture: Int?)
  case repetition(RegexNode, min: Int, max: Int?, greedy: Bool)
  case lineStart, lineEnd
  case wordBoundary(negated: Bool)
  case lookahead(RegexNode, negated: Bool)
  case lookbehind(RegexNode, negated: Bool)
  case backreference(Int)

  var isAnchoredAtStart: Bool {
    switch self {
    case .lineStart: return true
    case .sequence(let items): return items.first?.isAnchoredAtStart ?? false
    case .group(let inner, _): return inner.isAnchoredAtStart
    case .alternation(let options): return !options.isEmpty && options.allSatisfy(\.isAnchoredAtStart)
    default: return false
    }
  }

  /// A node that consumes exactly one scalar, for the non-recursive repetition loop (the
  /// parser turns repeated single scalars into sets).
  var singleScalarSet: ScalarSet? {
    if case .set(let s) = self { return s }
    return nil
  }
}

final class CaptureBox {
  var slots: [Int]
  init(count: Int) { slots = Array(repeating: -1, count: (count + 1) * 2) }
}

/// Backtracking matcher over UTF-8 bytes, in continuation-passing style; the continuations are
/// non-escaping closures, so they live on the stack.
struct RegexMatcher {
  let input: UnsafeBufferPointer<UInt8>
  let captures: CaptureBox?
  /// [0]: current depth of nested repetitions, [1]: 1 once a budget is exhausted, [2]: the
  /// steps left.
  private let counters: UnsafeMutablePointer<Int>

  init(input: UnsafeBufferPointer<UInt8>, captures: CaptureBox?, counters: UnsafeMutablePointer<Int>) {
    self.input = input
    self.captures = captures
    self.counters = counters
  }

  /// Deep recursion (a complex group repeated hundreds of times) stops the search rather
  /// than overflow the stack, and so does running out of steps (exponential backtracking).
  var budgetExhausted: Bool { counters[1] != 0 }
  private static let maximumDepth = 300

  @inline(__always)
  func decode(_ i: Int) -> (scalar: UInt32, length: Int) {
    let b0 = UInt32(input[i])
    if b0 < 0x80 { return (b0, 1) }
    if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F), 2) }
    if b0 < 0xF0 {
      return ((b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F), 3)
    }
    return (
      (b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
        | UInt32(input[i + 3] & 0x3F), 4
    )
  }

  @inline(__always)
  func next(_ i: Int) -> Int { i + decode(i).length }

  @inline(__always)
  func previous(_ i: Int) -> Int {
    var j = i - 1
    while j > 0 && input[j] & 0xC0 == 0x80 { j -= 1 }
    return j
  }

  private func isWord(at i: Int) -> Bool {
    guard i >= 0 && i < input.count else { return false }
    return ScalarSet.word.contains(UInt32(input[i]))
  }

  func match(_ node: RegexNode, _ i: Int, _ k: (Int) -> Bool) -> Bool {
    // One step per node tried: what exponential backtracking multiplies.
    if counters[1] != 0 { return false }
    counters[2] -= 1
    if counters[2] < 0 {
      counters[1] = 1
      return false
    }
    switch node {
    case .empty:
      return k(i)
    case .scalar(let c):
      guard i < input.count else { return false }
      let (s, n) = decode(i)
      return s == c && k(i + n)
    case .set(let set):
      guard i < input.count else { return false }
      let (s, n) = decode(i)
      return set.contains(s) && k(i + n)
    case .sequence(let items):
      return matchSequence(items[...], i, k)
    case .alternation(let options):
      for option in options where match(option, i, k) { return true }
      return false
    case .group(let inner, let capture):
      guard let capture, let captures else { return match(inner, i, k) }
      return match(inner, i) { j in
        let saved = (captures.slots[capture * 2], captures.slots[capture * 2 + 1])
        captures.slots[capture * 2] = i
        captures.slots[capture * 2 + 1] = j
        if k(j) { return true }
        captures.slots[capture * 2] = saved.0
        captures.slots[capture * 2 + 1] = saved.1
        return false
      }
    case .repetition(let inner, let min, let max, let greedy):
      if let set = inner.singleScalarSet {
        return repeatScalar(set, min: min, max: max ?? Int.max, greedy: greedy, i, k)
      }
      return repeatNode(inner, min: min, max: max ?? Int.max, greedy: greedy, count: 0, i, k)
    case .lineStart:
      return i == 0 && k(i)
    case .lineEnd:
      return i == input.count && k(i)
    case .wordBoundary(let negated):
      let boundary = isWord(at: i - 1) != isWord(at: i)
      return boundary != negated && k(i)
    case .lookahead(let inner, let negated):
      let found = match(inner, i) { _ in true }
      return found != negated && k(i)
    case .lookbehind(let inner, let negated):
      var found = false
      var start = i
      while true {
        if match(inner, start, { $0 == i }) {
          found = true
          break
        }
        if start == 0 { break }
        start = previous(start)
      }
      return found != negated && k(i)
    case .backreference(let n):
      guard let captures else { return k(i) }
      let s = captures.slots[n * 2]
      let e = captures.slots[n * 2 + 1]
      guard s >= 0 && e >= s else { return k(i) }
      let length = e - s
      guard i + length <= input.count else { return false }
      for d in 0..<length where input[s + d] != input[i + d] { return false }
      return k(i + length)
    }
  }

  private func matchSequence(_ items: ArraySlice<RegexNode>, _ i: Int, _ k: (Int) -> Bool) -> Bool {
    guard let first = items.first else { return k(i) }
    let rest = items.dropFirst()
    if rest.isEmpty { return match(first, i, k) }
    return match(first, i) { j in matchSequence(rest, j, k) }
  }

  /// Repetition of a one-scalar node: a loop, so long inputs do not deepen the stack.
  private func repeatScalar(_ set: ScalarSet, min: Int, max: Int, greedy: Bool, _ i: Int, _ k: (Int) -> Bool) -> Bool {
    var j = i
    var count = 0
    if greedy {
      while count < max && j < input.count {
        let (s, n) = decode(j)
        guard set.contains(s) else { break }
        j += n
        count += 1
      }
      guard count >= min else { return false }
      while true {
        if k(j) { return true }
        if count == min { return false }
        j = previous(j)
        count -= 1
      }
    }
    while count < min {
      guard j < input.count else { return false }
      let (s, n) = decode(j)
      guard set.contains(s) else { return false }
      j += n
      count += 1
    }
    while true {
      if k(j) { return true }
      guard count < max, j < input.count else { return false }
      let (s, n) = decode(j)
      guard set.contains(s) else { return false }
      j += n
      count += 1
    }
  }

  private func repeatNode(
    _ node: RegexNode, min: Int, max: Int, greedy: Bool, count: Int, _ i: Int, _ k: (Int) -> Bool
  ) -> Bool {
    if counters[1] != 0 { return false }
    counters[0] += 1
    defer { counters[0] -= 1 }
    if counters[0] > Self.maximumDepth {
      counters[1] = 1
      return false
    }
    if count >= max { return k(i) }
    if count < min {
      return match(node, i) { j in repeatNode(node, min: min, max: max, greedy: greedy, count: count + 1, j, k) }
    }
    // Past the minimum an iteration must consume input (ECMA-262 RepeatMatcher step 2.b).
    if greedy {
      if match(node, i, { j in j != i && repeatNode(node, min: min, max: max, greedy: greedy, count: count + 1, j, k) }) {
        return true
      }
      return k(i)
    }
    if k(i) { return true }
    return match(node, i) { j in j != i && repeatNode(node, min: min, max: max, greedy: greedy, count: count + 1, j, k) }
  }
}
