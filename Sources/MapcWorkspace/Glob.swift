/// A path glob as used in `mapc.yml`: `*` and `?` match within one path segment, `[a-z]`
/// matches a character class, and a `**` segment matches any number of directories.
/// Patterns are matched against paths relative to the repository root, with `/` separators.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  public let pattern: String
  private let segments: [String]

  public init(_ pattern: String) {
    self.pattern = pattern
    var p = pattern
    while p.hasPrefix("./") { p.removeFirst(2) }
    segments = p.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
  }

  public var description: String { pattern }

  public func matches(_ relativePath: String) -> Bool {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.unicodeScalars) }
    let segs = segments.map { Array($0.unicodeScalars) }
    return Self.match(segs[...], parts[...])
  }

  private static func match(_ segs: ArraySlice<[Unicode.Scalar]>, _ parts: ArraySlice<[Unicode.Scalar]>) -> Bool {
    guard let first = segs.first else { return parts.isEmpty }
    if first == ["*", "*"] {
      let rest = segs.dropFirst()
      var p = parts
      while true {
        if match(rest, p) { return true }
        guard !p.isEmpty else { return false }
        p = p.dropFirst()
      }
    }
    guard let part = parts.first, matchSegment(first[...], part[...]) else { return false }
    return match(segs.dropFirst(), parts.dropFirst())
  }

  private static func matchSegment(_ pat: ArraySlice<Unicode.Scalar>, _ s: ArraySlice<Unicode.Scalar>) -> Bool {
    guard let c = pat.first else { return s.isEmpty }
    switch c {
    case "*":
      var rest = s
      while true {
        if matchSegment(pat.dropFirst(), rest) { return true }
        guard !rest.isEmpty else { return false }
        rest = rest.dropFirst()
      }
    case "?":
      guard !s.isEmpty else { return false }
      return matchSegment(pat.dropFirst(), s.dropFirst())
    case "[":
      guard let ch = s.first, let close = pat.dropFirst().firstIndex(of: "]") else {
        return !s.isEmpty && s.first == "[" && matchSegment(pat.dropFirst(), s.dropFirst())
      }
      var cls = pat[(pat.startIndex + 1)..<close]
      var negate = false
      if cls.first == "!" || cls.first == "^" {
        negate = true
        cls = cls.dropFirst()
      }
      var hit = false
      var i = cls.startIndex
      while i < cls.endIndex {
        if i + 2 < cls.endIndex, cls[i + 1] == "-" {
          if cls[i].value <= ch.value && ch.value <= cls[i + 2].value { hit = true }
          i += 3
        } else {
          if cls[i] == ch { hit = true }
          i += 1
        }
      }
      guard hit != negate else { return false }
      return matchSegment(pat[(close + 1)...], s.dropFirst())
    default:
      guard s.first == c else { return false }
      return matchSegment(pat.dropFirst(), s.dropFirst())
    }
  }
}
