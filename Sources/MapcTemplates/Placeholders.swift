/// The placeholders of the template format: `${buyer}`, `${seller}`, `${go_live}` and
/// `${value_date}`, allowed in any text of a template (frontmatter strings and the body).
public enum Placeholder: String, Sendable, Hashable, CaseIterable {
  case buyer, seller
  case goLive = "go_live"
  case valueDate = "value_date"

  /// The placeholder as written in a template, e.g. `${buyer}`.
  public var written: String { "${\(rawValue)}" }
}

/// One `${…}` in a text.
public struct PlaceholderUse: Sendable, Hashable {
  /// The name between the braces, as written.
  public var name: String
  /// Where `$` is, in Unicode scalars from the start of the text.
  public var offset: Int
  /// The length of the whole `${…}`, in Unicode scalars.
  public var length: Int
  /// The placeholder, or nil for a name the format does not know.
  public var placeholder: Placeholder? { Placeholder(rawValue: name) }
}

/// Finding and filling placeholders. One pass over the text's scalars: linear in its length.
public enum Placeholders {
  /// The longest name between `${` and `}` taken as a placeholder; a longer run is plain text
  /// (a stray `${` in prose does not swallow the rest of a line).
  static let maximumNameLength = 64

  /// Every `${name}` in `text`, in order. A `${` without a `}` on the same line, within
  /// ``maximumNameLength`` scalars, is not a placeholder.
  public static func uses(in text: String) -> [PlaceholderUse] {
    let scalars = Array(text.unicodeScalars)
    var out: [PlaceholderUse] = []
    var i = 0
    while i + 1 < scalars.count {
      guard scalars[i] == "$", scalars[i + 1] == "{" else {
        i += 1
        continue
      }
      var j = i + 2
      var closed = false
      while j < scalars.count, j - (i + 2) <= maximumNameLength {
        if scalars[j] == "}" {
          closed = true
          break
        }
        if scalars[j] == "\n" || scalars[j] == "$" { break }
        j += 1
      }
      guard closed else {
        i += 2
        continue
      }
      var name = String.UnicodeScalarView()
      name.append(contentsOf: scalars[(i + 2)..<j])
      out.append(PlaceholderUse(name: String(name), offset: i, length: j - i + 1))
      i = j + 1
    }
    return out
  }

  /// `text` with every known placeholder that has a value replaced by it; unknown names, and
  /// known ones without a value, stay as written.
  public static func fill(_ text: String, with values: [Placeholder: String]) -> String {
    let uses = uses(in: text)
    guard !uses.isEmpty else { return text }
    let scalars = Array(text.unicodeScalars)
    var out = String.UnicodeScalarView()
    var at = 0
    for use in uses {
      guard let p = use.placeholder, let value = values[p] else { continue }
      out.append(contentsOf: scalars[at..<use.offset])
      out.append(contentsOf: value.unicodeScalars)
      at = use.offset + use.length
    }
    out.append(contentsOf: scalars[at...])
    return String(out)
  }

}
