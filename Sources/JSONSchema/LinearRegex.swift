/// A fast matcher for the patterns schemas use most: a sequence of single characters and
/// character classes, each optionally quantified, between optional `^` and `$`
/// (`^[a-z0-9][a-z0-9-]*$`, `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`).
///
/// Such a pattern is a small NFA whose states are "the first j atoms matched", so matching
/// is a bit-parallel simulation over one `UInt64`: no backtracking, recursion or allocation.
struct LinearRegex: Sendable {
  /// Per atom: ASCII membership bitmaps, and the full set for other scalars.
  private let lows: [UInt64]
  private let highs: [UInt64]
  private let sets: [ScalarSet]
  /// Bit j: atom j may repeat (`x*`, loops on its own state).
  private let starMask: UInt64
  /// Bit j: atom j may be skipped (`x?`, `x*`, optional copies from `{n,m}`).
  private let optionalMask: UInt64
  private let anchoredStart: Bool
  private let anchoredEnd: Bool
  private let startMask: UInt64
  private let acceptMask: UInt64

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
    var sets: [ScalarSet] = []
    var star: UInt64 = 0
    var optional: UInt64 = 0
    func add(_ set: ScalarSet, isStar: Bool = false, isOptional: Bool = false) {
      if isStar { star |= 1 << UInt64(sets.count) }
      if isOptional { optional |= 1 << UInt64(sets.count) }
      sets.append(set)
    }
    for item in items {
      switch item {
      case .scalar(let c):
        add(ScalarSet([.range(c, c)]))
      case .set(let set):
        add(set)
      case .repetition(.set(let set), let min, let max, _):
        guard min <= 63, (max ?? 0) <= 63 else { return nil }
        for _ in 0..<min { add(set) }
        if let max {
          for _ in min..<max { add(set, isOptional: true) }
        } else {
          add(set, isStar: true, isOptional: true)
        }
      default:
        return nil
      }
      if sets.count > 63 { return nil }
    }
    var lows: [UInt64] = []
    var highs: [UInt64] = []
    for set in sets {
      var low: UInt64 = 0
      var high: UInt64 = 0
      for c in UInt32(0)..<128 where set.contains(c) {
        if c < 64 { low |= 1 << UInt64(c) } else { high |= 1 << UInt64(c - 64) }
      }
      lows.append(low)
      highs.append(high)
    }
    self.lows = lows
    self.highs = highs
    self.sets = sets
    starMask = star
    optionalMask = optional
    anchoredStart = start
    anchoredEnd = end
    acceptMask = 1 << UInt64(sets.count)
    startMask = Self.closure(1, optional: optional)
  }

  /// Adds the states reachable by skipping optional atoms.
  @inline(__always)
  private static func closure(_ mask: UInt64, optional: UInt64) -> UInt64 {
    var mask = mask
    var candidates = mask & optional
    while candidates != 0 {
      let j = UInt64(candidates.trailingZeroBitCount)
      candidates &= candidates - 1
      let next: UInt64 = 1 << (j + 1)
      if mask & next == 0 {
        mask |= next
        if optional & next != 0 { candidates |= next }
      }
    }
    return mask
  }

  func matches(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    var mask = startMask
    var i = 0
    while true {
      if mask & acceptMask != 0 && (!anchoredEnd || i == input.count) { return true }
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
      var pending = mask & ~acceptMask
      while pending != 0 {
        let j = pending.trailingZeroBitCount
        pending &= pending - 1
        let member: Bool
        if c < 64 {
          member = lows[j] & (1 << UInt64(c)) != 0
        } else if c < 128 {
          member = highs[j] & (1 << UInt64(c - 64)) != 0
        } else {
          member = sets[j].contains(c)
        }
        if member { next |= starMask & (1 << UInt64(j)) != 0 ? (1 << UInt64(j)) : (1 << UInt64(j + 1)) }
      }
      mask = Self.closure(next, optional: optionalMask)
      if !anchoredStart { mask |= startMask }
      if mask == 0 { return false }
    }
  }
}
