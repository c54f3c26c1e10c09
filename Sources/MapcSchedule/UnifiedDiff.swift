/// The unified diff (`diff -u`, three lines of context) between a file and the file with
/// ``SourceEdits`` applied, built from the edits themselves: the lines an edit touches are the
/// changed lines, so the diff takes one pass over the file, however long it is, and no
/// general diff algorithm (or external tool) is needed.
///
/// Lines are printed as the file has them, a CR before the line feed included.
enum UnifiedDiff {
  static let context = 3

  /// A run of changed lines: old lines `old` (0-based, half open) become `new`.
  private struct Block {
    var old: Range<Int>
    var new: [ArraySlice<UInt8>]
    var newEndsWithNewline: Bool
  }

  static func render(original bytes: [UInt8], edits: [SourceEdits.Edit], path: String) -> String {
    guard !edits.isEmpty else { return "" }
    let lines = ByteLines(bytes)
    let blocks = changedBlocks(edits, lines: lines)
    var out = "--- a/\(path)\n+++ b/\(path)\n"
    var delta = 0  // new line numbers minus old ones, before the current hunk
    var i = 0
    while i < blocks.count {
      // A hunk: blocks whose contexts touch or overlap.
      var j = i
      while j + 1 < blocks.count, blocks[j + 1].old.lowerBound - blocks[j].old.upperBound <= 2 * context { j += 1 }
      let from = max(0, blocks[i].old.lowerBound - context)
      let to = min(lines.count, blocks[j].old.upperBound + context)
      var body = ""
      var oldCount = 0
      var newCount = 0
      var at = from
      var hunkDelta = 0
      for b in blocks[i...j] {
        for k in at..<b.old.lowerBound {
          body += text(" ", k, lines)
          oldCount += 1
          newCount += 1
        }
        for k in b.old {
          body += text("-", k, lines)
          oldCount += 1
        }
        for (n, line) in b.new.enumerated() {
          body += "+" + String(decoding: line, as: UTF8.self) + "\n"
          if n == b.new.count - 1, !b.newEndsWithNewline { body += "\\ No newline at end of file\n" }
          newCount += 1
        }
        hunkDelta += b.new.count - b.old.count
        at = b.old.upperBound
      }
      for k in at..<to {
        body += text(" ", k, lines)
        oldCount += 1
        newCount += 1
      }
      out += "@@ -\(range(from, oldCount)) +\(range(from + delta, newCount)) @@\n" + body
      delta += hunkDelta
      i = j + 1
    }
    return out
  }

  /// `start,count` with a 1-based start; an empty range names the line before it, as `diff -u` does.
  private static func range(_ start: Int, _ count: Int) -> String {
    count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
  }

  /// Line `k` with `prefix`, and the marker when it is the file's last line without a line feed.
  private static func text(_ prefix: String, _ k: Int, _ lines: ByteLines) -> String {
    let end = lines.start(k + 1)
    var slice = lines.bytes[lines.start(k)..<end]
    if slice.last == 0x0A { slice = slice.dropLast() }
    var s = prefix + String(decoding: slice, as: UTF8.self) + "\n"
    if k == lines.count - 1, !lines.endsWithNewline { s += "\\ No newline at end of file\n" }
    return s
  }

  /// The edits grouped by the lines they touch: an edit changes the lines from the one it
  /// starts on to the one it ends on; an insertion at the start of a line changes no old line
  /// and adds lines before it. Edits on the same or adjacent line runs form one block.
  private static func changedBlocks(_ edits: [SourceEdits.Edit], lines: ByteLines) -> [Block] {
    var groups: [(old: Range<Int>, edits: [SourceEdits.Edit])] = []
    for e in edits {
      let first = lines.line(ofByte: e.range.lowerBound)
      let atLineStart = e.range.lowerBound == lines.start(first) || e.range.lowerBound == lines.bytes.count
      let old: Range<Int>
      if e.range.isEmpty && atLineStart {
        let at = e.range.lowerBound == lines.bytes.count ? lines.count : first
        old = at..<at
      } else {
        old = first..<(lines.line(ofByte: max(e.range.lowerBound, e.range.upperBound - 1)) + 1)
      }
      if let last = groups.last, old.lowerBound <= last.old.upperBound {
        groups[groups.count - 1].old = last.old.lowerBound..<max(last.old.upperBound, old.upperBound)
        groups[groups.count - 1].edits.append(e)
      } else {
        groups.append((old, [e]))
      }
    }
    return groups.map { g in
      let start = lines.start(g.old.lowerBound)
      let end = lines.start(g.old.upperBound)
      let shifted = g.edits.map { SourceEdits.Edit(range: ($0.range.lowerBound - start)..<($0.range.upperBound - start), replacement: $0.replacement) }
      let text = SourceEdits.apply(shifted, to: Array(lines.bytes[start..<end]))
      var new = text.split(separator: 0x0A, omittingEmptySubsequences: false)
      let endsWithNewline = text.last == 0x0A || text.isEmpty
      if text.last == 0x0A || text.isEmpty { new.removeLast() }
      return Block(old: g.old, new: new, newEndsWithNewline: endsWithNewline)
    }
  }
}
