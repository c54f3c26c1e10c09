/// The text `mapc explain` prints: the check's summary and rationale, then its first
/// triggering example with the finding mapc actually reports for it.
public enum Explanation {
  public static func render(_ check: Check, linter: Linter? = nil) -> String {
    var out = "\(check.code) \(check.name) (\(check.defaultSeverity.rawValue) by default)\n\n"
    out += check.summary + "\n\n" + wrap(check.rationale) + "\n"
    if let example = check.triggering.first {
      out += "\nExample:\n\n"
      out += indent(example.displayText)
      if let linter {
        let findings = linter.lint(example).filter { $0.check == check }
        if let f = findings.first {
          out += "\nmapc reports:\n\n" + indent(TextReporter.render(f) + "\n")
        }
      }
    }
    out += "\nConfigure it in mapc.yml: `rules: { \(check.code): error | warning | note | off }`.\n"
    return out
  }

  private static func indent(_ text: String) -> String {
    var out = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0) {
      out += line.isEmpty ? "\n" : "    " + line + "\n"
    }
    return out
  }

  private static func wrap(_ text: String, width: Int = 88) -> String {
    var lines: [String] = []
    var line = ""
    for word in text.split(separator: " ") {
      if !line.isEmpty && line.count + 1 + word.count > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : " ") + word
    }
    if !line.isEmpty { lines.append(line) }
    return lines.joined(separator: "\n")
  }
}
