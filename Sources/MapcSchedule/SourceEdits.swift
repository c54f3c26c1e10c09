import MapcYAML

/// Replacements of byte ranges in a file, applied all at once: everything outside the ranges
/// stays byte for byte as it was.
struct SourceEdits: Sendable {
  /// One replacement: the bytes `range` of the original become `replacement` (an empty range
  /// inserts).
  struct Edit: Sendable, Hashable {
    var range: Range<Int>
    var replacement: [UInt8]
  }

  private(set) var edits: [Edit] = []

  mutating func replace(_ range: Range<Int>, with text: String) {
    edits.append(Edit(range: range, replacement: Array(text.utf8)))
  }

  mutating func insert(_ text: String, at offset: Int) {
    replace(offset..<offset, with: text)
  }

  /// The edits in file order; nil when two of them overlap (or two insert at one place),
  /// which the writer never asks for.
  var sorted: [Edit]? {
    let s = edits.sorted { ($0.range.lowerBound, $0.range.upperBound) < ($1.range.lowerBound, $1.range.upperBound) }
    for (a, b) in zip(s, s.dropFirst()) where b.range.lowerBound < a.range.upperBound || a.range == b.range {
      return nil
    }
    return s
  }

  /// `bytes` with the edits applied, in one linear pass.
  static func apply(_ edits: [Edit], to bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
    var at = 0
    for e in edits {
      out += bytes[at..<e.range.lowerBound]
      out += e.replacement
      at = e.range.upperBound
    }
    out += bytes[at...]
    return out
  }
}

/// The lines of a file's bytes, numbered as mapc numbers them (by LF only; a CR before the LF
/// belongs to the line), to turn source-map positions into byte offsets.
///
/// A position is found in O(``checkpointStride``) whatever the length of its line: a plan may
/// hold all its milestones on one line of flow YAML.
struct ByteLines: Sendable {
  let bytes: [UInt8]
  /// The byte offset where each line starts; a file ending in LF has no empty last line here.
  private(set) var starts: [Int] = [0]
  /// The number of Unicode scalars before each line.
  private var scalarsBefore: [Int] = [0]
  /// `checkpoints[k]`: the byte offset of scalar `k * checkpointStride` of the file.
  private var checkpoints: [Int] = []
  static let checkpointStride = 64

  init(_ bytes: [UInt8]) {
    self.bytes = bytes
    var scalars = 0
    for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
      if scalars % Self.checkpointStride == 0 { checkpoints.append(i) }
      scalars += 1
      if b == 0x0A && i + 1 < bytes.count {
        starts.append(i + 1)
        scalarsBefore.append(scalars)
      }
    }
    if bytes.isEmpty { starts = [] }
  }

  var count: Int { starts.count }

  /// Whether the last line ends with a line feed.
  var endsWithNewline: Bool { bytes.last == 0x0A }

  /// Where line `index` (0-based) starts; the end of the file for `count`.
  func start(_ index: Int) -> Int { index < starts.count ? starts[index] : bytes.count }

  /// The 0-based line holding byte `offset` (the last line for the end of the file).
  func line(ofByte offset: Int) -> Int {
    var lo = 0
    var hi = starts.count - 1
    while lo < hi {
      let mid = (lo + hi + 1) / 2
      if starts[mid] <= offset { lo = mid } else { hi = mid - 1 }
    }
    return lo
  }

  /// The byte offset of a 1-based line and column (in Unicode scalars, as ``SourcePosition``
  /// counts them); nil when the position lies outside the file.
  func offset(of position: SourcePosition) -> Int? {
    let index = position.line - 1
    guard index >= 0, index < starts.count, position.column >= 1 else { return nil }
    let scalar = scalarsBefore[index] + position.column - 1
    guard !checkpoints.isEmpty else { return nil }
    let k = min(scalar / Self.checkpointStride, checkpoints.count - 1)
    var offset = checkpoints[k]
    var remaining = scalar - k * Self.checkpointStride
    while remaining > 0 {
      guard offset < bytes.count else { return nil }
      offset += 1
      while offset < bytes.count, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
      remaining -= 1
    }
    // Still on the line asked for (a column past the line's end is not a position on it).
    guard offset <= start(index + 1) else { return nil }
    return offset
  }

  /// The offset just after line `index`'s line feed (the end of the file for the last line
  /// without one), and the line ending it uses: `"\r\n"` or `"\n"`.
  func end(ofLine index: Int) -> (next: Int, ending: String) {
    let next = start(index + 1)
    guard next > 0, bytes[next - 1] == 0x0A else { return (next, "\n") }
    return (next, next >= 2 && bytes[next - 2] == 0x0D ? "\r\n" : "\n")
  }
}

/// YAML text for values mapc writes.
enum YAMLText {
  /// `text` as a YAML double-quoted scalar: `"`, `\` and every control character escaped
  /// (line breaks too, so the scalar stays on one line); other characters as they are.
  static func doubleQuoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\0": out += "\\0"
      case "\u{85}": out += "\\N"
      case "\u{2028}": out += "\\L"
      case "\u{2029}": out += "\\P"
      case "\u{FEFF}": out += "\\uFEFF"
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
          out += "\\x" + hex(scalar.value, width: 2)
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }

  private static func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
