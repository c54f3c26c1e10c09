import MapcModel

/// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request:
/// `::error file=F,line=L,col=C,title=T::MESSAGE`.
///
/// The runner reads one command per line, so escaping CR and LF (and `%`, which would
/// otherwise decode into them) keeps plan text inside its annotation: a key named
/// `"bad\n::error file=evil::X"` is one annotation's text, not a second command. Other control
/// characters (``InertText/isControl(_:)``) are shown as `\u{1B}`-style escapes, as in the text
/// output, so the log cannot be restyled or reordered either.
public struct GitHubReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    var out = ""
    for f in report.findings {
      let command: String
      switch f.severity {
      case .error: command = "error"
      case .warning: command = "warning"
      case .note: command = "notice"
      }
      var props = ["file=" + Self.escapeProperty(f.path)]
      if let p = f.position {
        props.append("line=\(p.line)")
        props.append("col=\(p.column)")
      }
      props.append("title=" + Self.escapeProperty("mapc \(f.check.code) (\(f.check.name))"))
      var message = f.message.text
      if let help = f.help { message += "\nhelp: " + help }
      out += "::\(command) " + props.joined(separator: ",") + "::" + Self.escapeData(message) + "\n"
    }
    return out
  }

  /// Message escaping: `%`, CR and LF (the `%` first, so escapes are not escaped again), and
  /// other control characters as visible escapes.
  public static func escapeData(_ s: String) -> String { escape(s, property: false) }

  /// Property escaping: the message escapes, plus `:` and `,`, which delimit properties.
  public static func escapeProperty(_ s: String) -> String { escape(s, property: true) }

  /// Works on scalars: as Characters, "\r\n" is one grapheme that matches neither "\r" nor "\n".
  private static func escape(_ s: String, property: Bool) -> String {
    var out = ""
    for u in s.unicodeScalars {
      switch u {
      case "%": out += "%25"
      case "\r": out += "%0D"
      case "\n": out += "%0A"
      case ":" where property: out += "%3A"
      case "," where property: out += "%2C"
      case "\t": out.unicodeScalars.append(u)
      default:
        if InertText.isControl(u) { out += InertText.escape(u) } else { out.unicodeScalars.append(u) }
      }
    }
    return out
  }
}
