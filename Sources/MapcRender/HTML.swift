/// A fragment of HTML. Interpolating a `String` escapes it; only another `HTML` value goes in
/// as markup. So escaping is what happens unless a piece of code says otherwise, and the few
/// places that do (`HTML(trusted:)`) are easy to find.
public struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
  public private(set) var markup: String

  public init(stringLiteral value: String) { markup = value }

  public init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

  /// Markup produced by mapc itself (cmark's output, the built-in CSS) or already escaped.
  public init(trusted markup: String) { self.markup = markup }

  public var description: String { markup }

  public static let empty = HTML(trusted: "")

  public static func + (a: HTML, b: HTML) -> HTML { HTML(trusted: a.markup + b.markup) }

  public static func += (a: inout HTML, b: HTML) { a.markup += b.markup }

  public struct StringInterpolation: StringInterpolationProtocol {
    var markup = ""
    public init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }
    public mutating func appendLiteral(_ literal: String) { markup += literal }
    public mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
    public mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
    public mutating func appendInterpolation(_ fragments: [HTML]) { for f in fragments { markup += f.markup } }
    public mutating func appendInterpolation(_ number: Int) { markup += String(number) }
    public mutating func appendInterpolation(_ number: Double) { markup += HTML.format(number) }
  }

  /// Escapes text for an HTML text node or a double- or single-quoted attribute value.
  public static func escape(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      // Control characters other than tab and newlines are not allowed in HTML text.
      case "\u{0}"..."\u{8}", "\u{B}", "\u{E}"..."\u{1F}", "\u{7F}"..."\u{9F}":
        out += "\u{FFFD}"
      case _ where (0xFDD0...0xFDEF).contains(scalar.value): out += "\u{FFFD}"
      case _ where scalar.value & 0xFFFE == 0xFFFE: out += "\u{FFFD}"  // noncharacters U+xFFFE, U+xFFFF
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A coordinate for SVG: at most two decimals, no trailing zeros, no exponent.
  public static func format(_ number: Double) -> String {
    // Coordinates come from bounded dates; a non-finite or huge one would trap converting to Int.
    guard number.isFinite, abs(number) < 1e15 else { return "0" }
    let hundredths = Int((number * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let magnitude = abs(hundredths)
    let whole = magnitude / 100
    let fraction = magnitude % 100
    if fraction == 0 { return sign + String(whole) }
    if fraction % 10 == 0 { return "\(sign)\(whole).\(fraction / 10)" }
    return "\(sign)\(whole).\(fraction < 10 ? "0" : "")\(fraction)"
  }

  /// A link when the target is `http`, `https` or `mailto`; otherwise the text alone.
  public static func link(_ url: String?, _ text: HTML, attributes: HTML = .empty) -> HTML {
    guard let url, SafeURL.isAllowed(url) else { return text }
    return "<a href=\"\(url)\"\(attributes)>\(text)</a>"
  }
}
