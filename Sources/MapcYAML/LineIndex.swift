/// Maps libyaml's character indexes to file positions.
///
/// libyaml counts an index in characters (Unicode scalars, a CRLF pair being two) and also
/// treats a lone CR, NEL, LS and PS as line breaks. Files are numbered by LF only, so
/// positions are computed here from the index rather than taken from libyaml's line and
/// column: CRLF and LF text then give the same positions.
struct LineIndex: Sendable {
  /// The character index where each line starts.
  private var lineStartChars: [Int] = [0]
  /// The byte offset where each line starts.
  private var lineStartBytes: [Int] = [0]
  /// The character index where each line's content ends (before any CR LF).
  private var lineEndChars: [Int] = []
  /// The file line of the text's first line.
  let firstLine: Int

  init(_ bytes: UnsafeRawBufferPointer, firstLine: Int) {
    self.firstLine = firstLine
    var chars = 0
    var previous: UInt8 = 0
    for offset in 0..<bytes.count {
      let b = bytes[offset]
      if b == 0x0A {
        lineEndChars.append(previous == 0x0D ? chars - 1 : chars)
        chars += 1
        lineStartChars.append(chars)
        lineStartBytes.append(offset + 1)
      } else if b & 0xC0 != 0x80 {
        chars += 1
      }
      previous = b
    }
    lineEndChars.append(previous == 0x0D ? chars - 1 : chars)
  }

  /// The index of the line holding character `index`.
  private func lineIndex(ofChar index: Int) -> Int {
    var low = 0
    var high = lineStartChars.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStartChars[mid] <= index { low = mid } else { high = mid - 1 }
    }
    return low
  }

  /// The file position of the character at `index`.
  func position(ofChar index: Int) -> SourcePosition {
    let l = lineIndex(ofChar: max(0, index))
    return SourcePosition(line: firstLine + l, column: max(0, index) - lineStartChars[l] + 1)
  }

  /// The position just after the last character of the line before the one holding `index`;
  /// used to end a node's extent on its own last line rather than at the next line's start.
  func endOfPreviousLine(beforeChar index: Int) -> SourcePosition? {
    let l = lineIndex(ofChar: max(0, index))
    guard l > 0, index == lineStartChars[l] else { return nil }
    return SourcePosition(line: firstLine + l - 1, column: lineEndChars[l - 1] - lineStartChars[l - 1] + 1)
  }

  /// The byte offset of the character at `index`, or nil past the end.
  func byteOffset(ofChar index: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
    let l = lineIndex(ofChar: max(0, index))
    var offset = lineStartBytes[l]
    var remaining = index - lineStartChars[l]
    while offset < bytes.count {
      if bytes[offset] & 0xC0 != 0x80 {
        if remaining == 0 { return offset }
        remaining -= 1
      }
      offset += 1
    }
    return nil
  }

  /// The character index of the byte at `offset` (for libyaml's reader errors, which count bytes).
  static func charIndex(ofByte offset: Int, in bytes: UnsafeRawBufferPointer) -> Int {
    var chars = 0
    for k in 0..<min(offset, bytes.count) where bytes[k] & 0xC0 != 0x80 { chars += 1 }
    return chars
  }

  /// True when only spaces and tabs precede the character at `index` on its line.
  func isIndentation(char index: Int, in bytes: UnsafeRawBufferPointer) -> Bool {
    let l = lineIndex(ofChar: max(0, index))
    guard let end = byteOffset(ofChar: index, in: bytes) else { return false }
    for k in lineStartBytes[l]..<end where bytes[k] != 0x20 && bytes[k] != 0x09 { return false }
    return true
  }
}
