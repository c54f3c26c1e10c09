/// The limits on the GFM tables of a plan body, applied before cmark-gfm reads them.
///
/// cmark-gfm 0.29's table extension is not linear: a row costs the square of its cells, every
/// row is padded to the header's width (a 2,000-column header over 20,000 one-cell rows makes
/// 40 million cells), and each line that looks like a delimiter row under a paragraph makes it
/// read the whole paragraph again. A table over these limits is left out of the snapshot, with a
/// note in its place, and ``MarkdownBody/tablesOverLimits(in:)`` names it for lint.
public enum TableLimits {
  /// At most this many columns in a table, and this many cells in any one row.
  public static let maxColumns = 64
  /// At most this many cells (rows × columns, header included) in all the tables of one body
  /// together; a table that would go past it is left out, the ones before it are kept.
  public static let maxCells = 100_000
  /// How many cells cmark-gfm may read again for lines that look like a delimiter row but do not
  /// start a table (about 0.4 s). Past it those lines are escaped, which does not change their
  /// text.
  static let rescanBudget = 1_000_000
}

/// A table that a snapshot leaves out because it is over ``TableLimits``.
public struct LeftOutTable: Sendable, Equatable {
  /// The 1-based line of the body with the table's first line over a limit (its header row,
  /// or the long row).
  public var line: Int
  /// Why, as a clause: "it has 2,000 columns, more than the limit of 64".
  public var reason: String

  public init(line: Int, reason: String) {
    self.line = line
    self.reason = reason
  }
}

/// Rewrites a body so that cmark-gfm's table extension does bounded work on it, without changing
/// the document's structure: which lines start which blocks, which table a line belongs to and
/// where each table ends stay as they were.
///
/// The structure depends on the cells of a line only through one question, asked of a line that
/// looks like a delimiter row and the line before it: do they have the same number of cells?
/// The rewrite keeps every such answer. A line over the limits is cut down to a few cells (a
/// delimiter row is shortened, any other line gets its pipes escaped, which only changes cell
/// counts), choosing counts so that equal neighbours stay equal and different ones stay
/// different. Nothing else about a line changes: its start, its other characters, and so the
/// blocks it opens or closes.
///
/// Container prefixes are read without a full parse: `>` markers and indentation are skipped, and
/// a list marker before a header row. Runs of non-blank lines bound where a table can go on, so
/// this is an upper bound of cmark's work, never an under-estimate.
struct TableGuard {
  /// The rewritten body, or the same text when nothing is over a limit.
  var text: String
  /// The 1-based lines cut down because their table is over a limit, with the reason.
  var flagged: [Int: String] = [:]

  static func bound(_ markdown: String) -> TableGuard {
    var bytes = Array(markdown.utf8)
    let lines = Lines(bytes)
    let n = lines.count
    guard n > 0 else { return TableGuard(text: markdown) }

    // Blank lines (after container markers) end every paragraph and table: they split the body
    // into runs, and only runs with a delimiter-like line can reach the table extension.
    var contentStart = [Int](repeating: 0, count: n)
    var blank = [Bool](repeating: false, count: n)
    var delimiter = [Bool](repeating: false, count: n)
    var anyDelimiter = false
    for i in 0..<n {
      let (start, end) = lines.bounds(i)
      let content = skipContainerMarkers(bytes, start, end)
      contentStart[i] = content
      blank[i] = content == end
      delimiter[i] = !blank[i] && isDelimiterRow(bytes, content, end)
      anyDelimiter = anyDelimiter || delimiter[i]
    }
    guard anyDelimiter else { return TableGuard(text: markdown) }

    var runEnd = [Int](repeating: n, count: n)  // index of the blank line after the run
    var end = n
    for i in stride(from: n - 1, through: 0, by: -1) {
      if blank[i] { end = i }
      runEnd[i] = end
    }
    var runHasDelimiter = [Bool](repeating: false, count: n)
    var first = 0
    while first < n {
      let stop = max(runEnd[first], first + 1)
      let found = (first..<stop).contains { delimiter[$0] }
      if found { for k in first..<stop { runHasDelimiter[k] = true } }
      first = stop
    }

    // Cells of each line in a run that matters, as cmark-gfm's row parser counts them.
    var cells = [Int](repeating: 0, count: n)
    var headerStart = contentStart
    for i in 0..<n where runHasDelimiter[i] && !blank[i] {
      let (_, end) = lines.bounds(i)
      if !delimiter[i] {
        headerStart[i] = skipListMarkers(bytes, contentStart[i], end, afterBlank: i == 0 || blank[i - 1])
      }
      cells[i] = countCells(bytes, headerStart[i], end)
    }
    func pair(_ i: Int) -> Bool { delimiter[i] && i > 0 && !blank[i - 1] }
    func match(_ i: Int) -> Bool { pair(i) && cells[i] > 0 && cells[i - 1] == cells[i] }

    // Which lines are over a limit, and why.
    var reason = [Int: String]()
    var total = 0
    var rowsUntil = 0
    for i in 0..<n where runHasDelimiter[i] && !blank[i] {
      if match(i) && i >= rowsUntil {
        let columns = cells[i]
        let rows = runEnd[i] - i  // the header and every line up to the run's end
        if columns > TableLimits.maxColumns {
          let text = "it has \(Words.number(Double(columns))) columns, more than the limit of \(TableLimits.maxColumns)"
          reason[i - 1] = text
          reason[i] = text
        } else if total + rows * columns > TableLimits.maxCells {
          let text =
            "its \(Words.number(Double(rows))) rows of \(columns) columns would bring the tables of this body past "
            + "\(Words.number(Double(TableLimits.maxCells))) cells"
          reason[i - 1] = text
          reason[i] = text
        } else {
          total += rows * columns
        }
        rowsUntil = runEnd[i]
      }
      if cells[i] > TableLimits.maxColumns && reason[i] == nil {
        reason[i] = "a row has \(Words.number(Double(cells[i]))) cells, more than the limit of \(TableLimits.maxColumns)"
      }
    }
    // Lines joined by a matching pair form a group that must keep equal counts; a group with a
    // line over a limit is cut down as a whole, to 1, 2 or 3 cells, different from the lines
    // around it whenever they were different.
    var value = cells
    var flagged = [Int: String]()
    var g = 0
    while g < n {
      var last = g
      while last + 1 < n && match(last + 1) { last += 1 }
      let groupReason = (g...last).lazy.compactMap { reason[$0] }.first
      if let text = groupReason {
        for k in g...last { flagged[k + 1] = text }
        if cells[g] > 3 {
          var forbidden: Set<Int> = []
          if pair(g) { forbidden.insert(value[g - 1]) }
          if last + 1 < n && pair(last + 1) { forbidden.insert(cells[last + 1]) }
          let v = [1, 2, 3].first { !forbidden.contains($0) } ?? 1
          for k in g...last { value[k] = v }
        }
      }
      g = last + 1
    }

    // Lines that look like a delimiter row but do not start a table make cmark-gfm read the
    // paragraph so far again; past the budget they are escaped (`\-` reads as `-`).
    var neutral = Set<Int>()
    var k = 0
    while k < n {
      guard runHasDelimiter[k], !blank[k] else {
        k += 1
        continue
      }
      let stop = runEnd[k]
      var work = 0
      var rescan = 0
      for j in k..<stop {
        if pair(j) && !match(j) { rescan += work }
        work += value[j] + 1
      }
      if rescan > TableLimits.rescanBudget {
        for j in k..<stop where pair(j) && !match(j) { neutral.insert(j) }
      }
      k = stop
    }

    let changed = (0..<n).filter { value[$0] != cells[$0] || neutral.contains($0) }
    guard !changed.isEmpty || !flagged.isEmpty else { return TableGuard(text: markdown) }
    guard !changed.isEmpty else { return TableGuard(text: markdown, flagged: flagged) }

    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + 16)
    var copied = 0
    for i in changed {
      let (start, end) = lines.bounds(i)
      out.append(contentsOf: bytes[copied..<start])
      var line = Array(bytes[start..<end])
      let offset = (delimiter[i] ? contentStart[i] : headerStart[i]) - start
      if value[i] != cells[i] {
        line = delimiter[i] ? shorten(line, from: offset, to: value[i]) : escapePipes(line, from: offset, keeping: value[i])
      }
      if neutral.contains(i), let dash = line[offset...].firstIndex(of: UInt8(ascii: "-")) {
        line.insert(UInt8(ascii: "\\"), at: dash)
      }
      out.append(contentsOf: line)
      copied = end
    }
    out.append(contentsOf: bytes[copied...])
    bytes = out
    return TableGuard(text: String(decoding: bytes, as: UTF8.self), flagged: flagged)
  }

  // MARK: - Lines

  /// Line bounds over the bytes, without copying them.
  struct Lines {
    var starts: [Int] = [0]
    var total: Int
    init(_ bytes: [UInt8]) {
      total = bytes.count
      for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
    }
    var count: Int { starts.count }
    /// Start and end (before the line feed) of line `i`.
    func bounds(_ i: Int) -> (Int, Int) {
      let start = starts[i]
      let end = i + 1 < starts.count ? starts[i + 1] - 1 : total
      return (start, end)
    }
  }

  static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0B || b == 0x0C }

  /// Past indentation and block quote markers, where cmark reads a paragraph line's content.
  static func skipContainerMarkers(_ b: [UInt8], _ start: Int, _ end: Int) -> Int {
    var p = start
    while p < end {
      if isSpace(b[p]) || b[p] == UInt8(ascii: ">") { p += 1 } else { break }
    }
    return p
  }

  /// Past list markers too, for a line that may be the first line of a list item. An ordered
  /// marker other than 1 cannot interrupt a paragraph, so after a non-blank line it is text.
  static func skipListMarkers(_ b: [UInt8], _ start: Int, _ end: Int, afterBlank: Bool) -> Int {
    var p = start
    while p < end {
      var q = p
      if b[q] == UInt8(ascii: "-") || b[q] == UInt8(ascii: "+") || b[q] == UInt8(ascii: "*") {
        q += 1
      } else {
        var digits = 0
        var number = 0
        while q < end, digits < 10, b[q] >= 0x30, b[q] <= 0x39 {
          number = number * 10 + Int(b[q] - 0x30)
          digits += 1
          q += 1
        }
        guard digits > 0, digits < 10, q < end, b[q] == UInt8(ascii: ".") || b[q] == UInt8(ascii: ")") else { return p }
        guard number == 1 || afterBlank else { return p }
        q += 1
      }
      guard q < end, isSpace(b[q]) else { return p }
      p = skipContainerMarkers(b, q, end)
    }
    return p
  }

  /// cmark-gfm's `scan_table_start`: `|? marker (| marker)* |? spaces` with
  /// `marker = spaces :? -+ :? spaces`, leaving out what the core parser takes first (a setext
  /// underline, a thematic break or a list item).
  static func isDelimiterRow(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
    guard start < end else { return false }
    if b[start] == UInt8(ascii: "-"), start + 1 == end || isSpace(b[start + 1]) { return false }
    var hasPipeOrColon = false
    for p in start..<end where b[p] == UInt8(ascii: "|") || b[p] == UInt8(ascii: ":") {
      hasPipeOrColon = true
      break
    }
    guard hasPipeOrColon else { return false }
    var p = start
    func marker() -> Bool {
      var q = p
      while q < end, isSpace(b[q]) { q += 1 }
      if q < end, b[q] == UInt8(ascii: ":") { q += 1 }
      let dashes = q
      while q < end, b[q] == UInt8(ascii: "-") { q += 1 }
      guard q > dashes else { return false }
      if q < end, b[q] == UInt8(ascii: ":") { q += 1 }
      while q < end, isSpace(b[q]) { q += 1 }
      p = q
      return true
    }
    if b[p] == UInt8(ascii: "|") { p += 1 }
    guard marker() else { return false }
    while p < end, b[p] == UInt8(ascii: "|") {
      let pipe = p
      p += 1
      if !marker() {
        p = pipe + 1
        break
      }
    }
    while p < end, isSpace(b[p]) { p += 1 }
    return p == end
  }

  /// Characters a backslash escapes (cmark-gfm's `escaped_char`).
  static func isEscapable(_ c: UInt8) -> Bool {
    (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
  }

  /// The unescaped pipes of a line's content, in order.
  static func pipes(_ b: [UInt8], _ start: Int, _ end: Int) -> [Int] {
    var result: [Int] = []
    var p = start
    while p < end {
      if b[p] == UInt8(ascii: "\\"), p + 1 < end, isEscapable(b[p + 1]) {
        p += 2
        continue
      }
      if b[p] == UInt8(ascii: "|") { result.append(p) }
      p += 1
    }
    return result
  }

  /// cmark-gfm's `row_from_string` on one line: cells between unescaped pipes, a leading and
  /// a trailing pipe optional; 0 when it finds no row (an empty line, or a lone pipe).
  static func countCells(_ b: [UInt8], _ start: Int, _ end: Int) -> Int {
    var p = start
    if p < end, b[p] == UInt8(ascii: "|") {
      p += 1
      while p < end, isSpace(b[p]) { p += 1 }
    }
    var count = 0
    while p < end {
      // A cell: anything up to an unescaped pipe.
      let cellStart = p
      while p < end {
        if b[p] == UInt8(ascii: "\\"), p + 1 < end, isEscapable(b[p + 1]) {
          p += 2
        } else if b[p] == UInt8(ascii: "|") {
          break
        } else {
          p += 1
        }
      }
      let hadCell = p > cellStart
      guard p < end else {
        if hadCell { count += 1 }
        break
      }
      // A pipe and the spaces after it.
      count += 1
      p += 1
      while p < end, isSpace(b[p]) { p += 1 }
    }
    return count
  }

  /// A delimiter row cut after its `cells`-th cell (it has no backslashes to mind).
  static func shorten(_ line: [UInt8], from offset: Int, to cells: Int) -> [UInt8] {
    let lead = offset < line.count && line[offset] == UInt8(ascii: "|") ? 1 : 0
    let all = pipes(line, offset, line.count)
    let keep = cells + lead  // the pipe that closes the last kept cell
    guard keep >= 1, keep <= all.count else { return line }
    return Array(line[..<(all[keep - 1] + 1)])
  }

  /// A line with its pipes after the first `cells - 1` (after the leading one) escaped.
  static func escapePipes(_ line: [UInt8], from offset: Int, keeping cells: Int) -> [UInt8] {
    let lead = offset < line.count && line[offset] == UInt8(ascii: "|") ? 1 : 0
    let all = pipes(line, offset, line.count)
    let keep = cells - 1 + lead
    guard keep < all.count else { return line }
    var out: [UInt8] = []
    out.reserveCapacity(line.count + all.count - keep)
    var copied = 0
    for pipe in all[keep...] {
      out.append(contentsOf: line[copied..<pipe])
      out.append(UInt8(ascii: "\\"))
      copied = pipe
    }
    out.append(contentsOf: line[copied...])
    return out
  }
}

/// The lines the table guard cut down, sorted, to find the first one inside a table.
struct FlaggedLines: Sendable {
  private var lines: [(line: Int, reason: String)]

  init(_ flagged: [Int: String]) {
    lines = flagged.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
  }

  var isEmpty: Bool { lines.isEmpty }

  /// The first flagged line in `range`, by binary search.
  func first(in range: ClosedRange<Int>) -> (Int, String)? {
    var low = 0
    var high = lines.count
    while low < high {
      let mid = (low + high) / 2
      if lines[mid].line < range.lowerBound { low = mid + 1 } else { high = mid }
    }
    guard low < lines.count, lines[low].line <= range.upperBound else { return nil }
    return (lines[low].line, lines[low].reason)
  }
}
