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
///   never makes a request;
/// - task list checkboxes become text marks, since a form control without a label is noise to a
///   screen reader.
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

  /// Body headings are demoted by this many levels, so that the body's `##` sits under the
  /// snapshot's own section heading.
  public static let headingShift = 1

  public init(markdown raw: String) {
    // One line ending, so that cmark's line numbers and ours count the same lines.
    let markdown = raw.replacingAll("\r\n", with: "\n").replacingAll("\r", with: "\n")
    let full = Self.parse(markdown)
    segments = full.segments
    guard !full.internalLines.isEmpty else {
      publicHTML = full.segments.map(\.html).joined()
      return
    }
    var lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
    for range in full.internalLines.reversed() where range.lowerBound >= 1 && range.lowerBound <= lines.count {
      let upper = min(range.upperBound, lines.count)
      lines.replaceSubrange((range.lowerBound - 1)..<upper, with: [""])
    }
    // A fixed point: what is left has no internal section of its own.
    let rest = Self.parse(lines.joined(separator: "\n"))
    publicHTML = rest.segments.filter { !$0.isInternal }.map(\.html).joined()
  }

  /// The rendered HTML of the public part, or of all of it.
  public func html(includingInternal: Bool) -> String {
    includingInternal ? segments.map(\.html).joined() : publicHTML
  }

  // MARK: - cmark-gfm

  /// Registers the core extensions once per process (cmark keeps them in a global registry).
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "tasklist", "autolink", "strikethrough"]

  private struct Parsed {
    var segments: [Segment] = []
    /// The 1-based source lines of the internal top-level blocks.
    var internalLines: [ClosedRange<Int>] = []
  }

  private static func parse(_ markdown: String) -> Parsed {
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

    // Which top-level blocks are internal, read in the author's heading levels (before the
    // demotion below, which caps at 6 and would merge levels 5 and 6).
    var blocks: [(node: OpaquePointer, isInternal: Bool)] = []
    var internalLevel: Int?
    var node = cmark_node_first_child(document)
    while let current = node {
      node = cmark_node_next(current)
      if cmark_node_get_type(current) == CMARK_NODE_HEADING {
        let level = Int(cmark_node_get_heading_level(current))
        if let open = internalLevel, level <= open { internalLevel = nil }
        if internalLevel == nil, isInternalHeading(current) { internalLevel = level }
        blocks.append((current, internalLevel != nil))
      } else {
        // A block quote or list holding an internal heading is internal as a whole.
        blocks.append((current, internalLevel != nil || containsInternalHeading(current)))
      }
    }

    sanitize(document)
    let extensions = cmark_parser_get_syntax_extensions(parser)
    var parsed = Parsed()
    for (i, (block, isInternal)) in blocks.enumerated() {
      if isInternal {
        // Up to the next block, not the block's own end: link reference definitions are not
        // blocks, and one under an internal heading belongs to the internal section.
        let first = Int(cmark_node_get_start_line(block))
        let next = i + 1 < blocks.count ? Int(cmark_node_get_start_line(blocks[i + 1].node)) - 1 : Int.max
        parsed.internalLines.append(first...max(first, next))
      }
      guard let rendered = cmark_render_html(block, CMARK_OPT_DEFAULT, extensions) else { continue }
      let html = replaceTaskCheckboxes(String(cString: rendered))
      free(rendered)
      if let last = parsed.segments.last, last.isInternal == isInternal {
        parsed.segments[parsed.segments.count - 1].html += html
      } else {
        parsed.segments.append(Segment(html: html, isInternal: isInternal))
      }
    }
    return parsed
  }

  /// Rewrites links and images, and demotes headings, over the whole tree.
  private static func sanitize(_ document: OpaquePointer) {
    var links: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var headings: [OpaquePointer] = []
    visit(document) { node in
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_LINK { links.append(node) }
      if type == CMARK_NODE_IMAGE { images.append(node) }
      if type == CMARK_NODE_HEADING { headings.append(node) }
    }
    for heading in headings {
      let level = Int(cmark_node_get_heading_level(heading))
      _ = cmark_node_set_heading_level(heading, Int32(min(6, level + headingShift)))
    }
    for image in images {
      let target = url(of: image)
      // Inside a link, an image becomes its alt text: a link cannot hold another link.
      if SafeURL.isAllowed(target), !isInsideLink(image), let link = cmark_node_new(CMARK_NODE_LINK) {
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
  }

  private static func isInsideLink(_ node: OpaquePointer) -> Bool {
    var parent = cmark_node_parent(node)
    while let p = parent {
      if cmark_node_get_type(p) == CMARK_NODE_LINK { return true }
      parent = cmark_node_parent(p)
    }
    return false
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
