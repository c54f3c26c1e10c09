import MapcYAML

/// A plan file's text split into its YAML frontmatter and its Markdown body.
public struct PlanSource: Sendable {
  /// The file's text with any byte order mark removed; line endings as in the file.
  public var text: String
  /// The YAML between the opening and the closing `---` lines.
  public var frontmatter: String
  /// The 1-based file line on which ``frontmatter`` starts.
  public var frontmatterFirstLine: Int
  /// The Markdown after the closing fence.
  public var body: String
  /// The 1-based file line on which ``body`` starts.
  public var bodyFirstLine: Int
}

/// Reads plan files and splits them, reporting byte-level and fence problems precisely.
public enum PlanReader {
  /// Files above this size are refused rather than read (a plan is a few kilobytes).
  public static let maximumFileSize = 5 * 1024 * 1024

  /// The result of reading one file: a source when it can be checked further, and problems.
  public struct Result: Sendable {
    public var source: PlanSource?
    public var problems: [SourceProblem]
  }

  /// Reads and splits the file at `path`.
  public static func read(path: String) -> Result {
    switch FileBytes.read(path: path, limit: maximumFileSize) {
    case .failure(let failure): return Result(source: nil, problems: [problem(for: failure)])
    case .success(let bytes): return split(bytes: bytes)
    }
  }

  /// The problem to report when a file cannot be read.
  public static func problem(for failure: FileBytes.Failure) -> SourceProblem {
    switch failure {
    case .tooLarge(let size): return tooLarge(size)
    case .system(let message), .notRegularFile(let message):
      return SourceProblem(.unreadable, "cannot read file: \(message)")
    }
  }

  static func tooLarge(_ size: Int) -> SourceProblem {
    SourceProblem(
      .tooLarge, "file is \(size) bytes; plans are limited to \(maximumFileSize) bytes (5 MB)",
      help: "a plan is a few kilobytes of text; move attachments out and link them under `documents`",
      at: SourcePosition(line: 1, column: 1))
  }

  /// Reads a UTF-8 text file (a configuration or a schema) with the same size and encoding checks.
  public static func readText(path: String) -> Swift.Result<String, SourceProblem> {
    switch FileBytes.read(path: path, limit: maximumFileSize) {
    case .failure(.tooLarge(let size)):
      return .failure(SourceProblem(.tooLarge, "file is \(size) bytes, over the limit of \(maximumFileSize)"))
    case .failure(.system(let message)), .failure(.notRegularFile(let message)):
      return .failure(SourceProblem(.unreadable, "cannot read file: \(message)"))
    case .success(var bytes):
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      guard let text = String(validating: bytes, as: UTF8.self) else {
        let bad = firstInvalidUTF8(bytes[...]) ?? 0
        return .failure(
          SourceProblem(.invalidUTF8, "file is not valid UTF-8", help: "re-save the file as UTF-8", at: position(ofByte: bad, in: bytes)))
      }
      return .success(text)
    }
  }

  /// Checks and splits a file's bytes.
  public static func split(bytes: [UInt8]) -> Result {
    var problems: [SourceProblem] = []
    if bytes.count > maximumFileSize {
      return Result(source: nil, problems: [tooLarge(bytes.count)])
    }
    if bytes.isEmpty {
      return Result(source: nil, problems: [
        SourceProblem(
          .empty, "file is empty", help: "start the plan with a `---` line, its YAML frontmatter, and a closing `---`",
          at: SourcePosition(line: 1, column: 1))
      ])
    }
    if let nul = bytes.firstIndex(of: 0) {
      return Result(source: nil, problems: [
        SourceProblem(
          .binary, "file contains a NUL byte; it looks binary, not a Markdown plan",
          help: "plans are UTF-8 text; check that this file is meant to be a `.map.md` plan",
          at: position(ofByte: nul, in: bytes))
      ])
    }
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
      start = 3
      problems.append(
        SourceProblem(
          .byteOrderMark, "file starts with a UTF-8 byte order mark",
          help: "save the file as UTF-8 without BOM; mapc ignores the mark, other tools may not",
          at: SourcePosition(line: 1, column: 1)))
    }
    let content = bytes[start...]
    guard let text = String(validating: content, as: UTF8.self) else {
      let bad = firstInvalidUTF8(content) ?? start
      return Result(source: nil, problems: problems + [
        SourceProblem(
          .invalidUTF8, "file is not valid UTF-8 (byte 0x\(hex(bytes[bad])) at offset \(bad))",
          help: "re-save the file as UTF-8",
          at: position(ofByte: bad, in: bytes, from: start))
      ])
    }
    switch fences(in: text) {
    case .missing:
      problems.append(
        SourceProblem(
          .missingFrontmatter, "plan has no YAML frontmatter",
          help: "the first line of a plan must be `---`, followed by the frontmatter and a closing `---` line",
          at: SourcePosition(line: 1, column: 1)))
      return Result(source: nil, problems: problems)
    case .unterminated:
      problems.append(
        SourceProblem(
          .unterminatedFrontmatter, "frontmatter is not closed",
          help: "add a line with only `---` after the last frontmatter line",
          at: SourcePosition(line: 1, column: 1)))
      return Result(source: nil, problems: problems)
    case .found(let yaml, let body, let closingLine):
      let source = PlanSource(
        text: text, frontmatter: String(yaml), frontmatterFirstLine: 2, body: String(body),
        bodyFirstLine: closingLine + 1)
      return Result(source: source, problems: problems)
    }
  }

  private enum Fences {
    case missing
    case unterminated
    case found(yaml: Substring, body: Substring, closingLine: Int)
  }

  /// Finds the `---` fences. A fence line may carry trailing spaces and a CR. Only `---`
  /// closes the frontmatter (as on GitHub and in static site generators): a `...` line is YAML's
  /// own document end marker and stays inside, where a second document after it is reported.
  private static func fences(in text: String) -> Fences {
    var text = text
    text.makeContiguousUTF8()
    let found: (yamlStart: Int, yamlEnd: Int, bodyStart: Int, closingLine: Int)?? = text.utf8.withContiguousStorageIfAvailable {
      bytes in
      var lineStart = 0
      var line = 1
      var yamlStart = 0
      while lineStart < bytes.count {
        var lineEnd = lineStart
        while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        let next = min(lineEnd + 1, bytes.count)
        let isFence = isFenceLine(bytes[lineStart..<lineEnd])
        if line == 1 {
          guard isFence else { return nil }
          yamlStart = next
        } else if isFence {
          return (yamlStart, lineStart, next, line)
        }
        lineStart = next
        line += 1
      }
      return (yamlStart, -1, -1, -1)
    }
    guard let scanned = found, let f = scanned else { return .missing }
    guard f.closingLine > 0 else { return .unterminated }
    let utf8 = text.utf8
    let start = utf8.index(utf8.startIndex, offsetBy: f.yamlStart)
    let end = utf8.index(utf8.startIndex, offsetBy: f.yamlEnd)
    let body = utf8.index(utf8.startIndex, offsetBy: f.bodyStart)
    return .found(yaml: text[start..<end], body: text[body...], closingLine: f.closingLine)
  }

  /// `---`, optionally followed by spaces, tabs and a CR.
  private static func isFenceLine(_ line: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    var end = line.endIndex
    trailing: while end > line.startIndex {
      switch line[end - 1] {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): end -= 1
      default: break trailing
      }
    }
    return end - line.startIndex == 3 && line[line.startIndex] == UInt8(ascii: "-")
      && line[line.startIndex + 1] == UInt8(ascii: "-") && line[line.startIndex + 2] == UInt8(ascii: "-")
  }

  private static func hex(_ b: UInt8) -> String {
    let digits = Array("0123456789ABCDEF")
    return String([digits[Int(b >> 4)], digits[Int(b & 0xF)]])
  }

  /// The offset of the first byte that breaks UTF-8 decoding.
  private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int? {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var offset = bytes.startIndex
    var scalarStart = offset
    loop: while true {
      scalarStart = offset
      switch decoder.decode(&iterator) {
      case .scalarValue(let s):
        offset += UTF8.width(s)
      case .emptyInput:
        break loop
      case .error:
        return scalarStart
      }
    }
    return nil
  }

  /// 1-based line and column (in characters) of a byte offset.
  static func position(ofByte offset: Int, in bytes: [UInt8], from start: Int = 0) -> SourcePosition {
    var line = 1
    var column = 1
    var i = start
    while i < offset {
      if bytes[i] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[i] & 0xC0 != 0x80 {
        column += 1
      }
      i += 1
    }
    return SourcePosition(line: line, column: column)
  }
}
