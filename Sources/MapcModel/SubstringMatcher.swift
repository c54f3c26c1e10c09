/// Finds which of many patterns occur in a text, in one pass over the text: an Aho–Corasick
/// automaton over UTF-8 bytes.
///
/// Building it costs the total length of the patterns; a scan costs the length of the text
/// (each byte follows at most as many failure links as bytes were matched before it), whatever
/// the number of patterns. Searching each pattern on its own would cost patterns × text: a plan
/// with thousands of internal lines and a page of hundreds of kilobytes would take seconds.
public struct SubstringMatcher: Sendable {
  /// Transitions out of the root, by byte (-1: stay at the root).
  private var root = [Int32](repeating: -1, count: 256)
  /// Every other transition, keyed by `state << 8 | byte`.
  private var next: [UInt64: Int32] = [:]
  private var failure: [Int32] = [0]
  /// The pattern that ends at each state (-1: none).
  private var pattern: [Int32] = [-1]
  /// The nearest state along the failure links where a pattern ends (-1: none), so that a
  /// match is found without walking every failure link at every byte.
  private var output: [Int32] = [-1]

  /// The number of patterns.
  public let count: Int

  /// An automaton for `patterns`; an empty pattern never matches. When two patterns are
  /// equal, matches name the first.
  public init(_ patterns: [String]) {
    count = patterns.count
    for (index, text) in patterns.enumerated() where !text.isEmpty {
      var state: Int32 = 0
      for byte in text.utf8 {
        if let target = transition(state, byte) {
          state = target
        } else {
          let created = Int32(pattern.count)
          pattern.append(-1)
          failure.append(0)
          output.append(-1)
          if state == 0 { root[Int(byte)] = created } else { next[Self.key(state, byte)] = created }
          state = created
        }
      }
      if pattern[Int(state)] < 0 { pattern[Int(state)] = Int32(index) }
    }
    // Failure links in breadth-first order: a state's link is found from its parent's.
    var children: [[(byte: UInt8, state: Int32)]] = Array(repeating: [], count: pattern.count)
    for byte in 0..<256 where root[byte] >= 0 { children[0].append((UInt8(byte), root[byte])) }
    for (key, target) in next { children[Int(key >> 8)].append((UInt8(truncatingIfNeeded: key), target)) }
    var queue: [Int32] = children[0].map(\.state)
    var head = 0
    while head < queue.count {
      let state = queue[head]
      head += 1
      for (byte, child) in children[Int(state)] {
        var fallback = failure[Int(state)]
        var link: Int32 = 0
        while true {
          if let target = transition(fallback, byte), target != child {
            link = target
            break
          }
          if fallback == 0 { break }
          fallback = failure[Int(fallback)]
        }
        failure[Int(child)] = link
        output[Int(child)] = pattern[Int(link)] >= 0 ? link : output[Int(link)]
        queue.append(child)
      }
    }
  }

  private static func key(_ state: Int32, _ byte: UInt8) -> UInt64 { UInt64(UInt32(state)) << 8 | UInt64(byte) }

  private func transition(_ state: Int32, _ byte: UInt8) -> Int32? {
    if state == 0 { return root[Int(byte)] >= 0 ? root[Int(byte)] : nil }
    return next[Self.key(state, byte)]
  }

  private func step(_ state: Int32, _ byte: UInt8) -> Int32 {
    var s = state
    while true {
      if let target = transition(s, byte) { return target }
      if s == 0 { return 0 }
      s = failure[Int(s)]
    }
  }

  /// The index of a pattern occurring in `text` (the one that ends first), or nil.
  public func firstMatch(in text: String) -> Int? {
    guard pattern.count > 1 else { return nil }
    var state: Int32 = 0
    for byte in text.utf8 {
      state = step(state, byte)
      if pattern[Int(state)] >= 0 { return Int(pattern[Int(state)]) }
      if output[Int(state)] >= 0 { return Int(pattern[Int(output[Int(state)])]) }
    }
    return nil
  }

  /// Which patterns occur in any of `texts` (a pattern never spans two texts). Each state's
  /// chain of matches is walked once over all texts, so the cost stays linear even when many
  /// patterns end at the same place.
  public func occurring(in texts: [String]) -> [Bool] {
    var found = [Bool](repeating: false, count: count)
    guard pattern.count > 1 else { return found }
    var visited = [Bool](repeating: false, count: pattern.count)
    for text in texts {
      var state: Int32 = 0
      for byte in text.utf8 {
        state = step(state, byte)
        var s = state
        while s > 0, !visited[Int(s)] {
          visited[Int(s)] = true
          if pattern[Int(s)] >= 0 { found[Int(pattern[Int(s)])] = true }
          s = output[Int(s)]
        }
      }
    }
    // Equal patterns share a state: only the first of them is marked.
    return found
  }
}
