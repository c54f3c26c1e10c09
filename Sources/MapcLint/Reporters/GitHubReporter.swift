/// GitHub Actions workflow commands, which GitHub shows as annotations on the pull request:
/// `::error file=F,line=L,col=C,title=T::MESSAGE`.
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

  /// Message escaping: `%`, CR and LF (the `%` first, so escapes are not escaped again).
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
      default: out.unicodeScalars.append(u)
      }
    }
    return out
  }
}
