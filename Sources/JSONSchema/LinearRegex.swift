/// A fast matcher for the patterns schemas use most: a sequence of single characters and
/// character classes, each optionally quantified, between optional `^` and `$`
/// (`^[a-z0-9][a-z0-9-]*$`, `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`).
///
/// Such a pattern is a small NFA whose states are "the first j atoms matched", so matching
/// is a bit-parallel simulation over one `UInt64`: no backtracking, recursion or allocation.
struct LinearRegex: Sendable {
  private struct Atom: Sendable {
    var low: UInt64
    var high: UInt64
    var set: ScalarSet
    /// `x*`: may repeat (loops on its own state) and may be skipped.
    var star: Bool
    /// `x?` (or an optional copy from `{n,m}`): may be skipped.
    var optional: Bool

    @inline(__always)
    func contains(_ c: UInt32) -> Bool {
      if c < 64 { return low & (1 << UInt64(c)) != 0 }
      if c < 128 { return high & (1 << UInt64(c - 64)) != 0 }
      return set.contains(c)
    }
  }

  private let atoms: [Atom]
  private let anchoredStart: Bool
  private let anchoredEnd: Bool
  private let startMask: UInt64

  /// Nil unless `node` has the linear shape and at most 63 atoms once `{n,m}` is expanded.
  init?(_ node: RegexNode) {
    var items: [RegexNode]
    if case .sequence(let list) = node { items = list } else { items = [node] }
    var start = false
    var end = false
    if case .lineStart? = items.first {
      start = true
      items.removeFirst()
    }
    if case .lineEnd? = items.last {
      end = true
      items.removeLast()
    }
    var atoms: [Atom] = []
    func atom(_ set: ScalarSet, star: Bool = false, optional: Bool = false) -> Atom {
      var low: UInt64 = 0
      var high: UInt64 = 0
      for c in UInt32(0)..<128 where set.contains(c) {
        if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
      }
      return Atom(low: low, high: high, set: set, star: star, optional: optional)
    }
    for item in items {
      switch item {
      case .scalar(let c):
        atoms.append(atom(ScalarSet([.range(c, c)])))
      case .set(let set):
        atoms.append(atom(set))
      case .repetition(.set(let set), let min, let max, _):
        guard min <= 63, (max ?? 0) <= 63 else { return nil }
        for _ in 0..<min { atoms.append(atom(set)) }
        if let max {
          for _ in min..<max { atoms.append(atom(set, optional: true)) }
        } else {
          atoms.append(atom(set, star: true, optional: true))
        }
      default:
        return nil
      }
      if atoms.count > 63 { return nil }
    }
    self.atoms = atoms
    anchoredStart = start
    anchoredEnd = end
    startMask = Self.closure(1, atoms)
  }

  /// Adds the states reachable by skipping optional atoms.
  @inline(__always)
  private static func closure(_ mask: UInt64, _ atoms: [Atom]) -> UInt64 {
    var mask = mask
    for j in atoms.indices where mask & (1 << UInt64(j)) != 0 && atoms[j].optional {
      mask |= 1 << UInt64(j + 1)
    }
    return mask
  }

  func matches(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let accept: UInt64 = 1 << UInt64(atoms.count)
    var mask = startMask
    var i = 0
    while true {
      if mask & accept != 0 && (!anchoredEnd || i == input.count) { return true }
      if i == input.count { return false }
      // Decode one scalar (Swift strings are valid UTF-8).
      let b0 = UInt32(input[i])
      var c = b0
      var length = 1
      if b0 >= 0x80 {
        if b0 < 0xE0 {
          c = (b0 & 0x1F) << 6 | UInt32(input[i + 1] & 0x3F)
          length = 2
        } else if b0 < 0xF0 {
          c = (b0 & 0x0F) << 12 | UInt32(input[i + 1] & 0x3F) << 6 | UInt32(input[i + 2] & 0x3F)
          length = 3
        } else {
          c = (b0 & 0x07) << 18 | UInt32(input[i + 1] & 0x3F) << 12 | UInt32(input[i + 2] & 0x3F) << 6
            | UInt32(input[i + 3] & 0x3F)
          length = 4
        }
      }
      i += length
      var next: UInt64 = 0
      var pending = mask & ~accept
      while pending != 0 {
        let j = pending.trailingZeroBitCount
        pending &= pending - 1
        let atom = atoms[j]
        if atom.contains(c) { next |= atom.star ? (1 << UInt64(j)) : (1 << UInt64(j + 1)) }
      }
      mask = Self.closure(next, atoms)
      if !anchoredStart { mask |= startMask }
      if mask == 0 { return false }
    }
  }
}
