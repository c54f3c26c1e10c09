/// A matcher in time linear in the input for every pattern without backreferences and
/// lookaround (`^(a+)+$`, `^(a|a)*$`, `(x|y)*z`): a Thompson NFA run in lock step (a Pike VM
/// without captures), which never backtracks.
///
/// For such patterns, whether a match exists does not depend on ECMA-262's backtracking order
/// (greedy or lazy, which alternative first, the rule that a repeated group must consume): those
/// choose *which* match is found, not whether there is one. So the answer is the one the
/// backtracking engine would give, at a cost of at most ``maximumInstructions`` steps per
/// input scalar.
struct NFARegex: Sendable {
  /// Programs above this size (a `{n,m}` repeated into thousands of copies) are left to the
  /// backtracking engine and its step budget: this bounds the cost per input scalar.
  static let maximumInstructions = 2_000

  private enum Instruction: Sendable {
    /// Consumes one scalar in the set.
    case set(ScalarSet)
    /// Consumes this scalar.
    case scalar(UInt32)
    /// Continues at both targets.
    case split(Int, Int)
    case jump(Int)
    case assertStart
    case assertEnd
    case wordBoundary(negated: Bool)
    case match
  }

  private let program: [Instruction]
  private let anchoredAtStart: Bool

  /// Nil when the pattern uses a backreference or lookaround, or compiles to more than
  /// ``maximumInstructions`` instructions.
  init?(_ node: RegexNode) {
    var compiler = Compiler()
    guard compiler.emit(node) else { return nil }
    compiler.program.append(.match)
    guard compiler.program.count <= Self.maximumInstructions else { return nil }
    program = compiler.program
    anchoredAtStart = node.isAnchoredAtStart
  }

  private struct Compiler {
    var program: [Instruction] = []

    /// Appends the code for `node`; false when it cannot be compiled (or grows too large).
    mutating func emit(_ node: RegexNode) -> Bool {
      guard program.count <= NFARegex.maximumInstructions else { return false }
      switch node {
      case .empty:
        return true
      case .scalar(let c):
        program.append(.scalar(c))
      case .set(let s):
        program.append(.set(s))
      case .sequence(let items):
        for item in items where !emit(item) { return false }
      case .alternation(let options):
        guard !options.isEmpty else { return true }
        // split(first, next split) ... each option jumps to the end.
        var jumps: [Int] = []
        for (k, option) in options.enumerated() {
          if k < options.count - 1 {
            let split = program.count
            program.append(.split(split + 1, -1))
            guard emit(option) else { return false }
            jumps.append(program.count)
            program.append(.jump(-1))
            program[split] = .split(split + 1, program.count)
          } else {
            guard emit(option) else { return false }
          }
        }
        for j in jumps { program[j] = .jump(program.count) }
      case .group(let inner, _):
        return emit(inner)
      case .repetition(let inner, let min, let max, _):
        // Greed does not change whether a match exists.
        if let max, max < min { return false }
        for _ in 0..<min {
          guard emit(inner) else { return false }
        }
        if let max {
          // Optional copies, each skipping to the end: x{2,4} = x x (x (x)?)?
          var splits: [Int] = []
          for _ in min..<max {
            splits.append(program.count)
            program.append(.split(program.count + 1, -1))
            guard emit(inner) else { return false }
          }
          for s in splits { program[s] = .split(s + 1, program.count) }
        } else {
          // A loop: split(body, out); body; jump back. An inner part that matches empty
          // loops on epsilon edges, which the simulation visits once per position.
          let split = program.count
          program.append(.split(split + 1, -1))
          guard emit(inner) else { return false }
          program.append(.jump(split))
          program[split] = .split(split + 1, program.count)
        }
      case .lineStart:
        program.append(.assertStart)
      case .lineEnd:
        program.append(.assertEnd)
      case .wordBoundary(let negated):
        program.append(.wordBoundary(negated: negated))
      case .lookahead, .lookbehind, .backreference:
        return false
      }
      return program.count <= NFARegex.maximumInstructions
    }
  }

  /// Whether the pattern matches anywhere in `input` (valid UTF-8).
  func matches(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = program.count
    // The threads at the current and at the next position, and for each instruction the last
    // position (+1) at which it was added: each is added at most once per position.
    var current: [Int] = []
    var next: [Int] = []
    current.reserveCapacity(count)
    next.reserveCapacity(count)
    var seen = [Int](repeating: 0, count: count)
    var stack: [Int] = []
    stack.reserveCapacity(count)

    func isWord(_ i: Int) -> Bool {
      guard i >= 0 && i < input.count else { return false }
      return ScalarSet.word.contains(UInt32(input[i]))
    }

    /// Adds `pc` and everything reachable from it without consuming input at position `at`;
    /// true when that reaches the match.
    func add(_ pc: Int, at position: Int, to list: inout [Int]) -> Bool {
      let generation = position + 1
      stack.append(pc)
      while let pc = stack.popLast() {
        if seen[pc] == generation { continue }
        seen[pc] = generation
        switch program[pc] {
        case .match:
          stack.removeAll(keepingCapacity: true)
          return true
        case .set, .scalar:
          list.append(pc)
        case .split(let a, let b):
          // Pushed in reverse so that `a` is explored first (order does not matter for the
          // answer, only for which path is found).
          stack.append(b)
          stack.append(a)
        case .jump(let target):
          stack.append(target)
        case .assertStart:
          if position == 0 { stack.append(pc + 1) }
        case .assertEnd:
          if position == input.count { stack.append(pc + 1) }
        case .wordBoundary(let negated):
          if (isWord(position - 1) != isWord(position)) != negated { stack.append(pc + 1) }
        }
      }
      return false
    }

    var position = 0
    while true {
      if position == 0 || !anchoredAtStart {
        if add(0, at: position, to: &current) { return true }
      }
      if current.isEmpty && (anchoredAtStart || position >= input.count) { return false }
      if position >= input.count { return false }
      // Decode one scalar (Swift strings are valid UTF-8).
      let b0 = UInt32(input[position])
      var c = b0
      var length = 1
      if b0 >= 0x80 {
        if b0 < 0xE0 {
          c = (b0 & 0x1F) << 6 | UInt32(input[position + 1] & 0x3F)
          length = 2
        } else if b0 < 0xF0 {
          c = (b0 & 0x0F) << 12 | UInt32(input[position + 1] & 0x3F) << 6 | UInt32(input[position + 2] & 0x3F)
          length = 3
        } else {
          c = (b0 & 0x07) << 18 | UInt32(input[position + 1] & 0x3F) << 12 | UInt32(input[position + 2] & 0x3F) << 6
            | UInt32(input[position + 3] & 0x3F)
          length = 4
        }
      }
      let after = position + length
      next.removeAll(keepingCapacity: true)
      for pc in current {
        let hit: Bool
        switch program[pc] {
        case .set(let s): hit = s.contains(c)
        case .scalar(let x): hit = x == c
        default: hit = false
        }
        if hit, add(pc + 1, at: after, to: &next) { return true }
      }
      swap(&current, &next)
      position = after
    }
  }
}
