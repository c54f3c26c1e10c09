import MapcJSON
import MapcModel
import MapcRender

/// Plans for the render tests, and a check that finds executable markup in an HTML page.
enum RenderFixtures {
  /// Parses a plan file's text the way `mapc render` does.
  static func snapshot(
    _ text: String, audience: SnapshotAudience, asOf: String = "2026-11-23", history: SnapshotHistory = SnapshotHistory(),
    branding: Branding = Branding()
  ) throws -> Snapshot {
    let document = PlanDocument(text: text)
    guard let source = document.source else { throw Failure("no frontmatter") }
    guard let json = document.frontmatter, document.diagnostics.isEmpty else { throw Failure("YAML: \(document.diagnostics)") }
    return try snapshot(json: json, body: source.body, audience: audience, asOf: asOf, history: history, branding: branding)
  }

  /// A snapshot straight from frontmatter JSON, for values YAML cannot carry (control characters).
  static func snapshot(
    json: JSONValue, body: String, audience: SnapshotAudience, asOf: String = "2026-11-23",
    history: SnapshotHistory = SnapshotHistory(), branding: Branding = Branding()
  ) throws -> Snapshot {
    guard let date = CalendarDate(asOf) else { throw Failure("date") }
    return Snapshot(
      plan: Plan(json), frontmatter: json, body: body, audience: audience, asOf: date, history: history,
      commit: "0123456789ab", branding: branding, path: "plans/test.map.md")
  }

  /// A plan file whose frontmatter is `json` (YAML 1.2 reads JSON) followed by `body`.
  static func planText(_ json: JSONValue, body: String) -> String {
    "---\n" + JSONWriter.pretty.string(json) + "\n---\n" + body
  }

  struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
  }

  /// The elements a snapshot may contain. Anything else (script, iframe, object, embed, form,
  /// input, base, link, meta refresh…) is a defect.
  static let allowedElements: Set<String> = [
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "section", "aside", "div", "span", "p", "h1",
    "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "a", "strong", "em", "del", "code", "pre", "time",
    "br", "hr", "blockquote", "table", "thead", "tbody", "tr", "th", "td", "img", "svg", "g", "line", "rect", "circle",
    "path", "text", "title",
  ]

  /// Everything wrong with a page from a security point of view, empty when it is safe:
  /// disallowed elements, event-handler attributes, links or sources outside http, https,
  /// mailto (and data: images), and style attributes.
  static func executableMarkup(in html: String) -> [String] {
    var problems: [String] = []
    // <style> holds raw text up to the first "</style": skip it, so that only a stylesheet that
    // closes early (and lets what follows become markup) shows up as tags below.
    var page = ""
    var rest = Substring(html)
    while let open = rest.range(of: "<style>") {
      page += rest[..<open.lowerBound] + "<style>"
      rest = rest[open.upperBound...]
      guard let close = rest.range(of: "</style", options: .caseInsensitive) else { break }
      rest = rest[close.lowerBound...]
    }
    page += rest
    let html = page
    var tags = Substring(html)
    while let open = tags.firstIndex(of: "<") {
      let rest = tags[tags.index(after: open)...]
      guard let close = rest.firstIndex(of: ">") else { break }
      let tag = rest[..<close]
      tags = rest[rest.index(after: close)...]
      if tag.hasPrefix("!") || tag.hasPrefix("/") { continue }
      let name = tag.prefix { $0.isLetter || $0.isNumber || $0 == "-" }.lowercased()
      if !allowedElements.contains(name) { problems.append("element <\(name)>") }
      for (attribute, value) in attributes(String(tag.dropFirst(name.count))) {
        let a = attribute.lowercased()
        if a.hasPrefix("on") { problems.append("event handler \(a) on <\(name)>") }
        if a == "style" { problems.append("style attribute on <\(name)>") }
        if a == "href" || a == "src" || a == "xlink:href" || a == "action" || a == "formaction" {
          let v = value.lowercased()
          // A source loads something: only data: images may. A link only navigates.
          let ok = a == "src" ? v.hasPrefix("data:image/") : (v.hasPrefix("http://") || v.hasPrefix("https://") || v.hasPrefix("mailto:")) || (a == "href" && name == "a" && !v.contains(":") && v.hasSuffix(".html"))
          if !ok { problems.append("\(a)=\"\(value)\" on <\(name)>") }
        }
        if name == "meta", a == "http-equiv", value.lowercased() == "refresh" { problems.append("meta refresh") }
      }
    }
    return problems
  }

  /// Attribute names and values of a tag's text (after its name).
  static func attributes(_ text: String) -> [(String, String)] {
    var out: [(String, String)] = []
    var s = Substring(text)
    while true {
      s = s.drop { $0.isWhitespace || $0 == "/" }
      guard !s.isEmpty else { break }
      let name = s.prefix { !$0.isWhitespace && $0 != "=" && $0 != ">" && $0 != "/" }
      guard !name.isEmpty else { break }
      s = s.dropFirst(name.count)
      var value = ""
      if s.first == "=" {
        s = s.dropFirst()
        if let q = s.first, q == "\"" || q == "'" {
          s = s.dropFirst()
          value = String(s.prefix { $0 != q })
          s = s.dropFirst(value.count + 1)
        } else {
          value = String(s.prefix { !$0.isWhitespace })
          s = s.dropFirst(value.count)
        }
      }
      out.append((String(name), value))
    }
    return out
  }
}
