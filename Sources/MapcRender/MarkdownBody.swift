import CCmarkGFM
import Foundation

/// A plan's Markdown body rendered with cmark-gfm (GitHub's renderer: tables, task lists,
/// autolinks, strikethrough), made safe for a snapshot and split into public and internal parts.
///
/// Safety does not rest on cmark's own "safe" mode alone, which still lets through links to any
/// scheme but a short deny-list, and images that load from anywhere:
/// - raw HTML is never passed through (cmark's default: it renders as a comment);
/// - a link whose target is not `http`, `https` or `mailto` keeps its text and loses the link;
/// - an image becomes a link to it (when the scheme is allowed) or its alt text, so the snapshot
///   never makes a request; a link never holds another link (the inner one keeps its text);
/// - task list checkboxes become text marks, since a form control without a label is noise to a
///   screen reader;
/// - a table over ``TableLimits`` is left out, with a note, before cmark-gfm reads it.
///
/// Sections whose heading ends with `(internal)` run to the next heading of the same or a
/// higher level; a block quote or list holding such a heading is internal as a whole. A buyer
/// snapshot uses ``publicHTML``, parsed from the source with those sections cut out.
public struct MarkdownBody: Sendable {
  /// A run of top-level blocks, rendered.
  public struct Segment: Sendable, Equatable {
    public var html: String
    public var isInternal: Bool
  }

  /// The whole body, in runs of public and internal blocks (for the internal audience).
  public var segments: [Segment]
  /// The body with its internal sections cut out of the source and parsed again, so that
  /// nothing defined inside them (a link reference definition, say) reaches the buyer.
  public var publicHTML: String
  /// The tables left out of both audiences' pages because they are over ``TableLimits``, in
  /// body order.
  public var leftOutTables: [LeftOutTable]

  /// Body headings are demoted by this many levels, so that the body's `##` sits under the
  /// snapshot's own section heading.
  public static let headingShift = 1

  public init(markdown raw: String) {
    // One line ending, so that cmark's line numbers and ours count the same lines.
    let markdown = raw.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    let bounded = TableGuard.bound(markdown)
    let flagged = FlaggedLines(bounded.flagged)
    let lines = bounded.text.split(separator: "\n", omittingEmptySubsequences: false)
    let full = Self.parse(bounded.text, lines: lines, flagged: flagged)
    segments = full.segments
    leftOutTables = full.leftOut
    guard !full.cuts.isEmpty else {
      publicHTML = full.segments.map(\.html).joined()
      return
    }
    // Each internal run becomes one marker line, in one pass: an HTML comment closes whatever
    // block was open before it, as the internal block did, so the blocks around keep their
    // shape (a blank line would let indented code after it join a list before it).
    var kept: [Substring] = []
    var origin: [Int] = []
    var markers: Set<Int> = []
    var next = 1
    for cut in full.cuts {
      while next < cut.lowerBound {
        kept.append(lines[next - 1])
        origin.append(next)
        next += 1
      }
      kept.append(Self.cutMarker)
      origin.append(cut.lowerBound)
      markers.insert(kept.count)
      next = cut.upperBound + 1
    }
    while next <= lines.count {
      kept.append(lines[next - 1])
      origin.append(next)
      next += 1
    }
    // A fixed point: what is left has no internal section of its own.
    let rest = Self.parse(kept.joined(separator: "\n"), lines: kept, flagged: flagged, markers: markers, origin: origin)
    publicHTML = rest.segments.filter { !$0.isInternal }.map(\.html).joined()
  }

  /// `raw` with its internal sections cut out of the source, each run of internal blocks
  /// replaced by the line `marker` (an HTML comment, which closes the block before it as the
  /// cut blocks did): Markdown that holds none of the internal content, for a file made from a
  /// plan (`mapc template extract`). Sections are found as for a page, in two passes as there.
  public static func publicSource(_ raw: String, marker: Substring = "<!-- internal section removed -->") -> String {
    var text = raw.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    for _ in 0..<2 {
      let bounded = TableGuard.bound(text)
      let original = text.split(separator: "\n", omittingEmptySubsequences: false)
      let lines = bounded.text.split(separator: "\n", omittingEmptySubsequences: false)
      let cuts = parse(bounded.text, lines: lines, flagged: FlaggedLines(bounded.flagged)).cuts
      guard !cuts.isEmpty else { break }
      // The cuts count the lines of the bounded text; the source keeps its own lines when
      // bounding left their number alone (it only rewrites lines in place).
      let source = original.count == lines.count ? original : lines
      var kept: [Substring] = []
      var next = 1
      for cut in cuts where cut.lowerBound >= next {
        while next < cut.lowerBound, next <= source.count {
          kept.append(source[next - 1])
          next += 1
        }
        kept.append(marker)
        next = cut.upperBound + 1
      }
      while next <= source.count {
        kept.append(source[next - 1])
        next += 1
      }
      text = kept.joined(separator: "\n")
    }
    return text
  }

  /// The rendered HTML of the public part, or of all of it.
  public func html(includingInternal: Bool) -> String {
    includingInternal ? segments.map(\.html).joined() : publicHTML
  }

  /// The tables of `markdown` (a plan body) over ``TableLimits``, with the line each starts at,
  /// for lint to report; a snapshot leaves them out.
  public static func tablesOverLimits(in markdown: String) -> [LeftOutTable] {
    MarkdownBody(markdown: markdown).leftOutTables
  }

  // MARK: - cmark-gfm

  /// Registers the core extensions once per process (cmark keeps them in a global registry).
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "tasklist", "autolink", "strikethrough"]

  /// Stands for a cut internal run in the source parsed again; never rendered.
  private static let cutMarker: Substring = "<!-- -->"

  private struct Parsed {
    var segments: [Segment] = []
    /// The 1-based source lines of the internal runs of top-level blocks, in order.
    var cuts: [ClosedRange<Int>] = []
    var leftOut: [LeftOutTable] = []
  }

  /// A top-level block and what the section rule says about it.
  private struct Block {
    var node: OpaquePointer
    var isInternal: Bool
    /// A heading that closes the internal section open before it.
    var closesSection: Bool
    /// An internal section is open after this block, so the lines up to the next block are its.
    var sectionOpenAfter: Bool
  }

  /// Parses `markdown` (whose lines are `lines`). In the source parsed again, `markers` are the
  /// lines of cut markers and `origin` maps each line to the line of the body it came from.
  private static func parse(
    _ markdown: String, lines: [Substring], flagged: FlaggedLines, markers: Set<Int> = [], origin: [Int]? = nil
  ) -> Parsed {
    guard extensionsRegistered, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return Parsed() }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      // An extension missing from the installed library leaves its syntax as plain text.
      if let ext = cmark_find_syntax_extension(name) {
        _ = cmark_parser_attach_syntax_extension(parser, ext)
      }
    }
    var text = markdown
    text.withUTF8 { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
      }
    }
    guard let document = cmark_parser_finish(parser) else { return Parsed() }
    defer { cmark_node_free(document) }

    var parsed = Parsed()
    parsed.leftOut = leaveOutTables(document, flagged: flagged, origin: origin)

    // Which top-level blocks are internal, read in the author's heading levels (before the
    // demotion below, which caps at 6 and would merge levels 5 and 6).
    var blocks: [Block] = []
    var internalLevel: Int?
    var node = cmark_node_first_child(document)
    while let current = node {
      node = cmark_node_next(current)
      if cmark_node_get_type(current) == CMARK_NODE_HTML_BLOCK, markers.contains(Int(cmark_node_get_start_line(current))) {
        continue
      }
      if cmark_node_get_type(current) == CMARK_NODE_HEADING {
        let level = Int(cmark_node_get_heading_level(current))
        var closes = false
        // Only a `#` heading ends an internal section: a paragraph followed by `---` or `===`
        // is a setext heading in Markdown, but a seller who wrote it inside internal notes meant
        // a rule under a note, and its text must not become a public heading.
        let start = Int(cmark_node_get_start_line(current))
        let isATX = start >= 1 && start <= lines.count && Self.isATXHeading(lines[start - 1])
        if isATX, let open = internalLevel, level <= open {
          internalLevel = nil
          closes = true
        }
        if internalLevel == nil, isInternalHeading(current) { internalLevel = level }
        blocks.append(Block(node: current, isInternal: internalLevel != nil, closesSection: closes, sectionOpenAfter: internalLevel != nil))
      } else {
        // A block quote or list holding an internal heading is internal as a whole.
        let isInternal = internalLevel != nil || containsInternalHeading(current)
        blocks.append(Block(node: current, isInternal: isInternal, closesSection: false, sectionOpenAfter: internalLevel != nil))
      }
    }
    parsed.cuts = internalRuns(blocks, lines: lines)

    sanitize(document)
    let extensions = cmark_parser_get_syntax_extensions(parser)
    // The current run's HTML is built in a local, appended in place (linear for 400,000 blocks).
    var html = ""
    var runIsInternal = false
    for block in blocks {
      guard let rendered = cmark_render_html(block.node, CMARK_OPT_DEFAULT, extensions) else { continue }
      let piece = replaceTaskCheckboxes(String(cString: rendered))
      free(rendered)
      if block.isInternal != runIsInternal, !html.isEmpty {
        parsed.segments.append(Segment(html: html, isInternal: runIsInternal))
        html = ""
      }
      runIsInternal = block.isInternal
      html += piece
    }
    if !html.isEmpty { parsed.segments.append(Segment(html: html, isInternal: runIsInternal)) }
    return parsed
  }

  // MARK: - Internal runs

  /// The source lines of each run of internal top-level blocks, from the first line of its first
  /// block to the line before the public block after it.
  ///
  /// Only reliable positions are used. Every block's start line is, except two that cmark-gfm
  /// 0.29 gets wrong or wide: the paragraph it splits off before a table (line 0: it starts
  /// where the table does) and a setext heading (its start counts the link reference definitions
  /// that opened its paragraph; its text starts at its underline less its text lines). So a run
  /// holds every block in it, and the lines between them, whatever their kind: definitions
  /// inside an internal section go with it, as does everything up to the heading that closes
  /// the section. After a block quote or list that is internal by itself, the run ends with
  /// that block (its end line), so that public definitions after it stay.
  private static func internalRuns(_ blocks: [Block], lines: [Substring]) -> [ClosedRange<Int>] {
    var runs: [ClosedRange<Int>] = []
    var i = 0
    while i < blocks.count {
      guard blocks[i].isInternal else {
        i += 1
        continue
      }
      // The lines after a block belong to the run while an internal section is open.
      var j = i
      while j + 1 < blocks.count, blocks[j].sectionOpenAfter, blocks[j + 1].isInternal { j += 1 }
      let start = textStart(blocks, i, lines: lines) ?? reliableStart(blocks, i)
      var end: Int
      if j + 1 == blocks.count, blocks[j].sectionOpenAfter {
        end = lines.count
      } else if blocks[j].sectionOpenAfter {
        // Up to the closing heading's text. When that cannot be told, the heading goes too:
        // a public heading lost is better than an internal definition kept.
        if blocks[j + 1].closesSection, let text = textStart(blocks, j + 1, lines: lines) {
          end = text - 1
        } else {
          end = j + 2 < blocks.count ? reliableStart(blocks, j + 2) - 1 : lines.count
        }
      } else {
        // A block quote or list internal by itself, outside any internal section: what follows
        // it is public.
        end = Int(cmark_node_get_end_line(blocks[j].node))
        if j + 1 < blocks.count { end = min(end, reliableStart(blocks, j + 1) - 1) }
      }
      runs.append(start...max(start, end))
      i = j + 1
    }
    return runs
  }

  /// The start line of block `i`; for the paragraph cmark-gfm splits off before a table (line
  /// 0), the table's.
  private static func reliableStart(_ blocks: [Block], _ i: Int) -> Int {
    var k = i
    while k < blocks.count {
      let line = Int(cmark_node_get_start_line(blocks[k].node))
      if line > 0 { return line }
      k += 1
    }
    return i > 0 ? reliableStart(blocks, i - 1) : 1
  }

  /// The first line of a block's own text: its start line, except for a setext heading whose
  /// paragraph began with link reference definitions. `nil` when a setext heading's lines do
  /// not add up.
  private static func textStart(_ blocks: [Block], _ i: Int, lines: [Substring]) -> Int? {
    let node = blocks[i].node
    let start = reliableStart(blocks, i)
    guard cmark_node_get_type(node) == CMARK_NODE_HEADING, start >= 1, start <= lines.count, !isATXHeading(lines[start - 1]) else {
      return start
    }
    let content = cmark_node_get_string_content(node).map { String(cString: $0) } ?? ""
    let textLines = content.split(separator: "\n", omittingEmptySubsequences: false)
    let count = textLines.last == "" ? textLines.count - 1 : textLines.count
    guard count >= 1, let first = textLines.first else { return nil }
    // cmark-gfm ends a setext heading on the line after its underline, unless the underline
    // is the last line of the body.
    let end = Int(cmark_node_get_end_line(node))
    var underline = end
    if i + 1 < blocks.count || !(end >= 1 && end <= lines.count && isSetextUnderline(lines[end - 1])) {
      underline = end - 1
    }
    guard underline >= 1, underline <= lines.count, isSetextUnderline(lines[underline - 1]) else { return nil }
    let text = underline - count
    guard text >= start, String(lines[text - 1]).trimmingWhitespace() == String(first).trimmingWhitespace() else { return nil }
    return text
  }

  /// `#` to `######` then a space, a tab or the end, after at most three spaces.
  private static func isATXHeading(_ line: Substring) -> Bool {
    let rest = line.drop { $0 == " " }
    guard line.count - rest.count <= 3 else { return false }
    let hashes = rest.prefix { $0 == "#" }
    guard (1...6).contains(hashes.count) else { return false }
    let after = rest.dropFirst(hashes.count)
    return after.isEmpty || after.first == " " || after.first == "\t"
  }

  /// A run of `=` or of `-`, after at most three spaces, then only spaces or tabs.
  private static func isSetextUnderline(_ line: Substring) -> Bool {
    let rest = line.drop { $0 == " " }
    guard line.count - rest.count <= 3, let mark = rest.first, mark == "=" || mark == "-" else { return false }
    return rest.drop { $0 == mark }.allSatisfy { $0 == " " || $0 == "\t" }
  }

  // MARK: - Tables over the limits

  /// Replaces each table holding a line the table guard cut down with a paragraph saying so.
  private static func leaveOutTables(_ document: OpaquePointer, flagged: FlaggedLines, origin: [Int]?) -> [LeftOutTable] {
    guard !flagged.isEmpty else { return [] }
    var tables: [OpaquePointer] = []
    visit(document) { node in
      if let type = cmark_node_get_type_string(node), String(cString: type) == "table" { tables.append(node) }
    }
    var leftOut: [LeftOutTable] = []
    for table in tables {
      var first = Int(cmark_node_get_start_line(table))
      var last = Int(cmark_node_get_end_line(table))
      if let origin {
        guard first >= 1, last >= first, last <= origin.count else { continue }
        first = origin[first - 1]
        last = origin[last - 1]
      }
      guard let (line, reason) = flagged.first(in: first...max(first, last)) else { continue }
      leftOut.append(LeftOutTable(line: line, reason: reason))
      guard let note = cmark_node_new(CMARK_NODE_PARAGRAPH), let emphasis = cmark_node_new(CMARK_NODE_EMPH),
        let words = cmark_node_new(CMARK_NODE_TEXT)
      else { continue }
      _ = cmark_node_set_literal(words, "Table left out: \(reason).")
      _ = cmark_node_append_child(emphasis, words)
      _ = cmark_node_append_child(note, emphasis)
      if cmark_node_insert_before(table, note) == 0 {
        cmark_node_free(note)
        continue
      }
      cmark_node_free(table)
    }
    return leftOut
  }

  /// Rewrites links and images, and demotes headings, over the whole tree.
  private static func sanitize(_ document: OpaquePointer) {
    var links: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var imagesInLinks: Set<OpaquePointer> = []
    var headings: [OpaquePointer] = []
    walk(document) { node, insideLink in
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_LINK { links.append(node) }
      if type == CMARK_NODE_IMAGE {
        images.append(node)
        if insideLink { imagesInLinks.insert(node) }
      }
      if type == CMARK_NODE_HEADING { headings.append(node) }
    }
    for heading in headings {
      let level = Int(cmark_node_get_heading_level(heading))
      _ = cmark_node_set_heading_level(heading, Int32(min(6, level + headingShift)))
    }
    for image in images {
      let target = url(of: image)
      // Inside a link, an image becomes its alt text: a link cannot hold another link.
      if SafeURL.isAllowed(target), !imagesInLinks.contains(image), let link = cmark_node_new(CMARK_NODE_LINK) {
        _ = cmark_node_set_url(link, target)
        moveChildren(of: image, into: link)
        if cmark_node_first_child(link) == nil, let label = cmark_node_new(CMARK_NODE_TEXT) {
          _ = cmark_node_set_literal(label, target)
          _ = cmark_node_append_child(link, label)
        }
        if cmark_node_insert_before(image, link) == 0 { cmark_node_free(link) }
        cmark_node_free(image)  // frees the (now empty) image after unlinking it
      } else {
        unwrap(image)
      }
    }
    for link in links where !SafeURL.isAllowed(url(of: link)) {
      unwrap(link)
    }
    // An image's description may hold a link, and the image is a link now: the inner one keeps
    // its text, so that no `<a>` sits inside another.
    var nested: [OpaquePointer] = []
    walk(document) { node, insideLink in
      if insideLink, cmark_node_get_type(node) == CMARK_NODE_LINK { nested.append(node) }
    }
    for link in nested { unwrap(link) }
  }

  /// Every node below `root` in document order, and whether a link encloses it. cmark's
  /// iterator, not recursion: a body of 100,000 nested block quotes must not exhaust the stack.
  private static func walk(_ root: OpaquePointer, _ body: (OpaquePointer, Bool) -> Void) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    var links = 0
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
      guard let node = cmark_iter_get_node(iterator), node != root else { continue }
      let isLink = cmark_node_get_type(node) == CMARK_NODE_LINK
      if event == CMARK_EVENT_EXIT {
        if isLink { links -= 1 }
        continue
      }
      body(node, links > 0)
      if isLink { links += 1 }  // a link is never a leaf: its exit comes even when empty
    }
  }

  private static func url(of node: OpaquePointer) -> String {
    cmark_node_get_url(node).map { String(cString: $0) } ?? ""
  }

  /// Replaces `node` by its children.
  private static func unwrap(_ node: OpaquePointer) {
    while let child = cmark_node_first_child(node) {
      if cmark_node_insert_before(node, child) == 0 { break }
    }
    cmark_node_free(node)
  }

  private static func moveChildren(of source: OpaquePointer, into target: OpaquePointer) {
    while let child = cmark_node_first_child(source) {
      if cmark_node_append_child(target, child) == 0 { break }
    }
  }

  /// Every node below `root`, in document order. cmark's iterator, not recursion: a body of
  /// 100,000 nested block quotes must not exhaust the stack.
  private static func visit(_ root: OpaquePointer, _ body: (OpaquePointer) -> Void) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
      guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator), node != root else { continue }
      body(node)
    }
  }

  private static func containsInternalHeading(_ block: OpaquePointer) -> Bool {
    var found = false
    visit(block) { node in
      if !found, cmark_node_get_type(node) == CMARK_NODE_HEADING, isInternalHeading(node) { found = true }
    }
    return found
  }

  /// A heading whose text ends with "(internal)", in any letter case, ignoring invisible
  /// format characters and compatibility forms (a fullwidth "（internal）" counts too).
  private static func isInternalHeading(_ heading: OpaquePointer) -> Bool {
    var text = ""
    visit(heading) { node in
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
        text += String(cString: literal)
      }
    }
    let visible = String(String.UnicodeScalarView(text.precomposedStringWithCompatibilityMapping.unicodeScalars.filter {
      $0.properties.generalCategory != .format
    }))
    return visible.trimmingWhitespace().lowercased().hasSuffix("(internal)")
  }

  /// cmark-gfm's task list items carry a disabled checkbox; a text mark reads better everywhere.
  private static func replaceTaskCheckboxes(_ html: String) -> String {
    guard html.contains("<input type=\"checkbox\"") else { return html }
    return
      html
      .replacingAll("<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ", with: "<span class=\"task done\">✓ done:</span> ")
      .replacingAll("<input type=\"checkbox\" disabled=\"\" /> ", with: "<span class=\"task\">☐ to do:</span> ")
  }
}

extension String {
  func trimmingWhitespace() -> String {
    var s = Substring(self)
    while let f = s.first, f.isWhitespace { s.removeFirst() }
    while let l = s.last, l.isWhitespace { s.removeLast() }
    return String(s)
  }

  func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    var out = ""
    var rest = self[...]
    while let r = rest.range(of: target) {
      out += rest[..<r.lowerBound]
      out += replacement
      rest = rest[r.upperBound...]
    }
    out += rest
    return out
  }
}
