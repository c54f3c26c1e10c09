/// Plan-derived text made inert for mapc's text and Markdown outputs, so that what a plan
/// (or a file name, a commit subject, a configuration value) says can only ever be read, never
/// act: it cannot drive the terminal, reorder what is shown, run a GitHub Actions workflow
/// command in a CI log, ping people in a pull-request comment, or close the markup around it.
///
/// Every text and Markdown renderer passes free text through one of these functions:
///
/// - **Control characters** — C0 (U+0000–U+001F) other than tab, DEL (U+007F), C1
///   (U+0080–U+009F), and the bidirectional overrides and isolates (U+202A–U+202E,
///   U+2066–U+2069) — are shown as Swift-style escapes, `\u{1B}`, upper-case hex without
///   leading zeros. Line breaks are escapes too in ``text(_:)``; ``line(_:)`` and
///   ``markdown(_:)`` fold them (and tabs) into spaces, as a one-line cell or title wants.
/// - **Workflow commands**: a value that would start a line with `::` (after white space, which
///   the Actions runner trims) has its first colon escaped (`\u{3A}` in text, `\:` in
///   Markdown), and every `##[` (the runner's older command syntax, matched anywhere in a line)
///   is broken (`\u{23}#[` in text, `#\#[` in Markdown, where a leading `#` is escaped too).
/// - **Markdown** (``markdown(_:)``, ``markdownCode(_:)``, ``markdownHTML(_:)``): metacharacters
///   are backslash-escaped or written as entities (`&`, `<`, `>`), so a value cannot open or
///   close a table cell, a code span, an HTML element or comment (`</details>`, `<!--`); a
///   mention (`@name`, `@org/team`) is wrapped in `<code>`, where GitHub shows it as written
///   and notifies no one.
public enum InertText {
  /// Whether a scalar is shown as an escape: C0 controls (tab and line feed included; callers
  /// keep them where they belong), DEL, C1 controls, and the bidirectional overrides and isolates.
  public static func isControl(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
    default: return false
    }
  }

  /// The visible escape of a scalar: `\u{1B}`.
  public static func escape(_ u: Unicode.Scalar) -> String {
    "\\u{" + String(u.value, radix: 16, uppercase: true) + "}"
  }

  /// Free text for a text output, as it is: every control character (line breaks included,
  /// tab excepted) as an escape, and no workflow command. For messages, paths and anything else
  /// that is one line by construction.
  public static func text(_ s: String) -> String {
    commandSafe(controlsEscaped(s, folding: false))
  }

  /// Free text for one line of a text output (a title, an author, a subject): line breaks and
  /// tabs become spaces, other control characters escapes, and no workflow command.
  public static func line(_ s: String) -> String {
    commandSafe(controlsEscaped(s, folding: true))
  }

  /// Free text inside a line of GitHub-flavoured Markdown (a table cell, a list item, a
  /// `<summary>`): one line, control characters as escapes, Markdown metacharacters escaped,
  /// `<`, `>` and `&` as entities, mentions in `<code>`, and no workflow command.
  public static func markdown(_ s: String) -> String {
    let scalars = Array(controlsEscaped(s, folding: true).unicodeScalars)
    // A leading `::` and every `##[` are workflow commands; a leading `#` would be a heading
    // wherever a template puts a value at the start of a line. Elsewhere `#` stays as written
    // (`#7` in a commit subject).
    let lead = firstNonBlank(scalars)
    let leadingColon = startsWithTwoColons(scalars, at: lead) ? lead : -1
    let leadingHash = lead < scalars.count && scalars[lead] == "#" ? lead : -1
    return escapingMentions(scalars) { u, i in
      switch u {
      case ":" where i == leadingColon: return "\\:"
      // A backslash keeps the `#`, so it goes before the one that precedes `[`: `#\#[`.
      case "#" where i == leadingHash || (i > 0 && startsOldCommand(scalars, at: i - 1)): return "\\#"
      case "|", "\\", "`", "*", "_", "[", "]", "~": return "\\" + String(u)
      default: return nil
      }
    }
  }

  /// Free text inside raw HTML in a Markdown document (a `<summary>`, where Markdown is not
  /// parsed, so backslash escapes would show): one line, control characters as escapes, `&`,
  /// `<` and `>` as entities, mentions in `<code>`, and no workflow command (a leading `:` and
  /// the second `#` of `##[` as character references, which the page shows as written).
  public static func markdownHTML(_ s: String) -> String {
    let scalars = Array(controlsEscaped(s, folding: true).unicodeScalars)
    let lead = firstNonBlank(scalars)
    let leadingColon = startsWithTwoColons(scalars, at: lead) ? lead : -1
    return escapingMentions(scalars) { u, i in
      switch u {
      case ":" where i == leadingColon: return "&#58;"
      case "#" where i > 0 && startsOldCommand(scalars, at: i - 1): return "&#35;"
      default: return nil
      }
    }
  }

  /// The index of the first scalar that is not runner whitespace (the count when there is none).
  private static func firstNonBlank(_ scalars: [Unicode.Scalar]) -> Int {
    var i = 0
    while i < scalars.count, isRunnerWhitespace(scalars[i]) { i += 1 }
    return i
  }

  private static func startsWithTwoColons(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    i + 1 < scalars.count && scalars[i] == ":" && scalars[i + 1] == ":"
  }

  /// `scalars` with mentions in `<code>`, `&`, `<` and `>` as entities, and every other scalar
  /// as `escape` gives it (by scalar and index; nil keeps it as written).
  private static func escapingMentions(_ scalars: [Unicode.Scalar], _ escape: (Unicode.Scalar, Int) -> String?) -> String {
    var out = ""
    out.reserveCapacity(scalars.count)
    var i = 0
    while i < scalars.count {
      let u = scalars[i]
      if let end = mentionEnd(scalars, at: i) {
        out += "<code>"
        out.unicodeScalars.append(contentsOf: scalars[i..<end])
        out += "</code>"
        i = end
        continue
      }
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      default:
        if let escaped = escape(u, i) { out += escaped } else { out.unicodeScalars.append(u) }
      }
      i += 1
    }
    return out
  }

  /// A value as a Markdown code span (an id, a path): one line, control characters and
  /// workflow commands as escapes (a backslash does not escape in a code span); a backtick
  /// becomes `'` and a bar `/`, which a code span cannot escape either (plan ids are kebab-case
  /// when the plan is valid, so valid ids show as written).
  public static func markdownCode(_ s: String) -> String {
    var out = "`"
    for u in commandSafe(controlsEscaped(s, folding: true)).unicodeScalars {
      switch u {
      case "`": out += "'"
      case "|": out += "/"
      default: out.unicodeScalars.append(u)
      }
    }
    return out + "`"
  }

  /// Control characters as escapes; with `folding`, line breaks and tabs as spaces instead
  /// (a CRLF as one space). Works on scalars: as Characters, "\r\n" is one grapheme.
  static func controlsEscaped(_ s: String, folding: Bool) -> String {
    guard s.unicodeScalars.contains(where: { isControl($0) }) else { return s }
    var out = ""
    out.reserveCapacity(s.utf8.count + 8)
    var previous: Unicode.Scalar?
    for u in s.unicodeScalars {
      defer { previous = u }
      if folding, u == "\n" || u == "\r" || u == "\t" || u == "\u{0B}" || u == "\u{0C}" {
        if u == "\n", previous == "\r" { continue }
        out += " "
      } else if u == "\t" {
        out.unicodeScalars.append(u)
      } else if isControl(u) {
        out += escape(u)
      } else {
        out.unicodeScalars.append(u)
      }
    }
    return out
  }

  /// Breaks a workflow command in text: `::` at the start (after white space) and `##[`
  /// anywhere.
  static func commandSafe(_ s: String) -> String {
    guard s.contains("::") || s.contains("##[") else { return s }
    let colon = escape(":")
    let hash = escape("#")
    var scalars = Array(s.unicodeScalars)
    var out = ""
    var i = 0
    while i < scalars.count, isRunnerWhitespace(scalars[i]) {
      out.unicodeScalars.append(scalars[i])
      i += 1
    }
    if i + 1 < scalars.count, scalars[i] == ":", scalars[i + 1] == ":" {
      out += colon
      i += 1
    }
    scalars = Array(scalars[i...])
    var k = 0
    while k < scalars.count {
      if startsOldCommand(scalars, at: k) {
        out += hash
      } else {
        out.unicodeScalars.append(scalars[k])
      }
      k += 1
    }
    return out
  }

  /// Whether `##[` starts at `i`.
  static func startsOldCommand(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
    scalars[i] == "#" && i + 2 < scalars.count && scalars[i + 1] == "#" && scalars[i + 2] == "["
  }

  /// White space as .NET's `Char.IsWhiteSpace` sees it, which the Actions runner trims before
  /// it looks for `::`.
  static func isRunnerWhitespace(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
  }

  /// Where a mention that starts at `i` ends (GitHub's pattern: `@` at the start or after a
  /// non-word character, then a letter or digit, then name characters), or nil.
  static func mentionEnd(_ scalars: [Unicode.Scalar], at i: Int) -> Int? {
    guard scalars[i] == "@", i + 1 < scalars.count, isNameStart(scalars[i + 1]), i == 0 || !isWordCharacter(scalars[i - 1])
    else { return nil }
    var end = i + 1
    while end < scalars.count, isNameCharacter(scalars[end]) { end += 1 }
    return end
  }

  /// A word character of GitHub's mention pattern.
  static func isWordCharacter(_ u: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(u) || u == "_"
  }

  static func isNameStart(_ u: Unicode.Scalar) -> Bool { isASCIIAlphanumeric(u) }

  static func isNameCharacter(_ u: Unicode.Scalar) -> Bool {
    isASCIIAlphanumeric(u) || u == "-" || u == "_" || u == "/"
  }

  static func isASCIIAlphanumeric(_ u: Unicode.Scalar) -> Bool {
    switch u {
    case "a"..."z", "A"..."Z", "0"..."9": return true
    default: return false
    }
  }
}
