import MapcModel
import MapcWorkspace

/// Compiler-style diagnostics: `path:line:col: severity[CODE]: message`, the source line with
/// a caret under the spot, a `help:` line, and a closing summary. Paths, messages and help
/// carry plan text (keys, values, file names), so they pass through ``InertText/text(_:)``:
/// a key named `"bad\n::error file=evil::X"` shows as `bad\u{A}::error file=evil::X`, one line.
public struct TextReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    var out = ""
    for f in report.findings { out += Self.render(f) + "\n" }
    out += summary(report) + "\n"
    return out
  }

  /// One finding as a block of lines (no trailing newline).
  public static func render(_ f: Finding) -> String {
    var out = InertText.text(f.path)
    if let p = f.position { out += ":\(p.line):\(p.column)" }
    out += ": \(f.severity.rawValue)[\(f.check.code)]: \(InertText.text(f.message.text))"
    if let p = f.position, let fullLine = f.sourceLine {
      let number = String(p.line)
      let gutter = String(repeating: " ", count: number.count)
      let (line, column) = window(printable(fullLine), column: p.column)
      out += "\n\(gutter) |\n\(number) | \(line)\n\(gutter) | "
      // Copy tabs from the line so the caret lands under the spot in any terminal.
      var prefix = ""
      for (i, ch) in line.enumerated() where i < column - 1 { prefix.append(ch == "\t" ? "\t" : " ") }
      out += prefix + String(repeating: "^", count: min(f.length, max(1, line.count - column + 1)))
    }
    if let help = f.help {
      let width = f.sourceLine == nil ? 1 : String(f.position?.line ?? 0).count
      out += "\n" + String(repeating: " ", count: width) + " = help: \(InertText.text(help))"
    }
    return out
  }

  /// The line with control characters (a binary file's NUL bytes, escape sequences, C1
  /// controls, bidirectional overrides: ``InertText/isControl(_:)``, tab excepted) shown as
  /// U+FFFD, one for one, so a snippet cannot garble the terminal and columns still line up.
  static func printable(_ line: String) -> String {
    func hidden(_ u: Unicode.Scalar) -> Bool { u != "\t" && InertText.isControl(u) }
    guard line.unicodeScalars.contains(where: hidden) else { return line }
    var out = ""
    for u in line.unicodeScalars {
      out.unicodeScalars.append(hidden(u) ? "\u{FFFD}" : u)
    }
    return out
  }

  /// A long line cut to the part around `column`, and the column within that part.
  static func window(_ line: String, column: Int, width: Int = 100) -> (String, Int) {
    let chars = Array(line)
    guard chars.count > width else { return (line, column) }
    let start = max(0, min(column - 1 - width / 2, chars.count - width))
    let end = min(chars.count, start + width)
    let head = start > 0 ? "…" : ""
    let tail = end < chars.count ? "…" : ""
    return (head + String(chars[start..<end]) + tail, column - start + head.count)
  }

  func summary(_ report: LintReport) -> String {
    let files = report.fileCount == 1 ? "1 file" : "\(report.fileCount) files"
    if report.findings.isEmpty { return "No problems found in \(files)." }
    var parts: [String] = []
    for s in [Severity.error, .warning, .note] {
      let n = report.count(s)
      if n > 0 { parts.append("\(n) \(s.rawValue)\(n == 1 ? "" : "s")") }
    }
    let affected = Set(report.findings.map(\.path)).count
    return "Found " + parts.joined(separator: ", ") + " in \(affected) of \(files)."
  }
}
