/// A path glob as used in `mapc.yml`: `*` and `?` match within one path segment, `[a-z]`
/// matches a character class, and a `**` segment matches any number of directories.
/// Patterns are matched against paths relative to the repository root, with `/` separators.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  public let pattern: String
  private let tokens: [Segment]

  public init(_ pattern: String) {
    self.pattern = pattern
    var p = pattern
    while p.hasPrefix("./") { p.removeFirst(2) }
    tokens = p.split(separator: "/", omittingEmptySubsequences: true).map { Self.compile(String($0)) }
  }

  public var description: String { pattern }

  public func matches(_ relativePath: String) -> Bool {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    return Self.match(tokens, parts)
  }

  /// One unit of a segment pattern: `*`, or something that matches exactly one scalar.
  private enum Token: Sendable, Hashable {
    case star
    case any
    case scalar(Unicode.Scalar)
    /// `[...]`: single scalars and inclusive ranges, negated by a leading `!` or `^`.
    case set(items: [ClosedRange<UInt32>], negated: Bool)

    func matches(_ c: Unicode.Scalar) -> Bool {
      switch self {
      case .star, .any: return true
      case .scalar(let s): return s == c
      case .set(let items, let negated): return items.contains { $0.contains(c.value) } != negated
      }
    }
  }

  /// A segment of the pattern: `**` (any number of path segments), or a segment pattern.
  private enum Segment: Sendable, Hashable {
    case globstar
    case pattern([Token])
  }

  private static func compile(_ segment: String) -> Segment {
    if segment == "**" { return .globstar }
    let pat = Array(segment.unicodeScalars)
    var tokens: [Token] = []
    var i = 0
    while i < pat.count {
      switch pat[i] {
      case "*":
        // Runs of stars match what one star matches.
        if tokens.last != .star { tokens.append(.star) }
        i += 1
      case "?":
        tokens.append(.any)
        i += 1
      case "[":
        // The class runs to the next `]`; without one, `[` is literal.
        guard let close = pat[(i + 1)...].firstIndex(of: "]") else {
          tokens.append(.scalar("["))
          i += 1
          continue
        }
        var cls = pat[(i + 1)..<close]
        var negated = false
        if cls.first == "!" || cls.first == "^" {
          negated = true
          cls = cls.dropFirst()
        }
        var items: [ClosedRange<UInt32>] = []
        var j = cls.startIndex
        while j < cls.endIndex {
          if j + 2 < cls.endIndex, cls[j + 1] == "-" {
            // A reversed range (`z-a`) matches nothing, as before.
            if cls[j].value <= cls[j + 2].value { items.append(cls[j].value...cls[j + 2].value) }
            j += 3
          } else {
            items.append(cls[j].value...cls[j].value)
            j += 1
          }
        }
        tokens.append(.set(items: items, negated: negated))
        i = close + 1
      default:
        tokens.append(.scalar(pat[i]))
        i += 1
      }
    }
    return .pattern(tokens)
  }

  /// Matches path segments against pattern segments. `**` is the only variable-length unit,
  /// so the classic wildcard algorithm applies: on a mismatch, resume after the last `**`
  /// with one more segment consumed by it. Each (pattern, path) position pair is tried at most
  /// once per `**`, so the cost is at most segments × parts segment matches, never exponential.
  private static func match(_ segs: [Segment], _ parts: [[Unicode.Scalar]]) -> Bool {
    var s = 0
    var p = 0
    var resume: (segment: Int, part: Int)?
    while true {
      if s < segs.count, case .globstar = segs[s] {
        resume = (s, p)
        s += 1
        continue
      }
      if p == parts.count && s == segs.count { return true }
      if s < segs.count, p < parts.count, case .pattern(let tokens) = segs[s], matchSegment(tokens, parts[p]) {
        s += 1
        p += 1
        continue
      }
      // Let the last `**` take one more segment, and retry from there.
      guard let r = resume, r.part < parts.count else { return false }
      resume = (r.segment, r.part + 1)
      s = r.segment + 1
      p = r.part + 1
    }
  }

  /// Matches one path segment against a segment pattern: the same algorithm with `*` over
  /// scalars, in time at most tokens × scalars.
  private static func matchSegment(_ pat: [Token], _ str: [Unicode.Scalar]) -> Bool {
    var t = 0
    var c = 0
    var resume: (token: Int, scalar: Int)?
    while true {
      if t < pat.count, pat[t] == .star {
        resume = (t, c)
        t += 1
        continue
      }
      if c == str.count && t == pat.count { return true }
      if t < pat.count, c < str.count, pat[t].matches(str[c]) {
        t += 1
        c += 1
        continue
      }
      guard let r = resume, r.scalar < str.count else { return false }
      resume = (r.token, r.scalar + 1)
      t = r.token + 1
      c = r.scalar + 1
    }
  }
}
