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
/// higher level; they come back as internal segments, which a buyer snapshot leaves out.
public struct MarkdownBody: Sendable {
  /// A run of top-level blocks, rendered.
  public struct Segment: Sendable, Equatable {
    public var html: String
    public var isInternal: Bool
  }

  public var segments: [Segment]

  /// Headings in the body are demoted by this many levels, so that the body's `##` sits under
  /// the snapshot's own section heading.
  public static let headingShift = 1

  public init(markdown: String) {
    segments = Self.render(markdown)
  }

  /// The rendered HTML of the public segments, or of all of them.
  public func html(includingInternal: Bool) -> String {
    segments.filter { includingInternal || !$0.isInternal }.map(\.html).joined()
  }

  // MARK: - cmark-gfm

  /// Registers the core extensions once per process (cmark keeps them in a global registry).
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "tasklist", "autolink", "strikethrough"]

  private static func render(_ markdown: String) -> [Segment] {
    guard extensionsRegistered, let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return [] }
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
    guard let document = cmark_parser_finish(parser) else { return [] }
    defer { cmark_node_free(document) }

    sanitize(document)
    let extensions = cmark_parser_get_syntax_extensions(parser)

    var segments: [Segment] = []
    var internalLevel: Int?
    var node = cmark_node_first_child(document)
    while let current = node {
      node = cmark_node_next(current)
      if cmark_node_get_type(current) == CMARK_NODE_HEADING {
        // The level is compared before the shift below, in the author's own terms.
        let level = Int(cmark_node_get_heading_level(current)) - headingShift
        if let open = internalLevel, level <= open { internalLevel = nil }
        if internalLevel == nil, isInternalHeading(current) { internalLevel = level }
      }
      guard let rendered = cmark_render_html(current, CMARK_OPT_DEFAULT, extensions) else { continue }
      let html = replaceTaskCheckboxes(String(cString: rendered))
      free(rendered)
      let isInternal = internalLevel != nil
      if let last = segments.last, last.isInternal == isInternal {
        segments[segments.count - 1].html += html
      } else {
        segments.append(Segment(html: html, isInternal: isInternal))
      }
    }
    return segments
  }

  /// Rewrites links and images, and demotes headings, over the whole tree.
  private static func sanitize(_ document: OpaquePointer) {
    var links: [OpaquePointer] = []
    var images: [OpaquePointer] = []
    var headings: [OpaquePointer] = []
    collect(document) { node in
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_LINK { links.append(node) }
      if type == CMARK_NODE_IMAGE { images.append(node) }
      if type == CMARK_NODE_HEADING { headings.append(node) }
    }
    for heading in headings {
      let level = Int(cmark_node_get_heading_level(heading))
      _ = cmark_node_set_heading_level(heading, Int32(min(6, level + headingShift)))
    }
    for link in links where !SafeURL.isAllowed(url(of: link)) {
      unwrap(link)
    }
    for image in images {
      let target = url(of: image)
      if SafeURL.isAllowed(target), let link = cmark_node_new(CMARK_NODE_LINK) {
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

  private static func collect(_ node: OpaquePointer, _ visit: (OpaquePointer) -> Void) {
    var child = cmark_node_first_child(node)
    while let c = child {
      visit(c)
      collect(c, visit)
      child = cmark_node_next(c)
    }
  }

  /// A heading whose text ends with "(internal)", in any letter case.
  private static func isInternalHeading(_ heading: OpaquePointer) -> Bool {
    var text = ""
    collect(heading) { node in
      let type = cmark_node_get_type(node)
      if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE, let literal = cmark_node_get_literal(node) {
        text += String(cString: literal)
      }
    }
    return text.trimmingWhitespace().lowercased().hasSuffix("(internal)")
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
