/// JUnit XML, which CI services (GitLab, Jenkins, Azure Pipelines, CircleCI) show as test
/// results: one `<testsuite>` per file linted, one `<testcase>` per enabled check in that file.
///
/// - A check that found nothing in the file is a passing test case.
/// - A check that found something fails, with one `<failure>` per finding: `message` is the
///   finding's message, `type` its severity (`error`, `warning` or `note`), and the body is
///   `path:line:col: severity[CODE]: message` and a `help:` line. JUnit has no "warning" outcome,
///   so warnings and notes are failures too; `type` tells them apart (the exit code still
///   follows the severities: warnings fail the run only with `--strict`).
/// - Test cases are named `MAP021 unknown-property`, with the file's path as `classname`.
/// - `failures` counts `<failure>` elements, as junitparser and most readers do (a test case
///   with three findings counts three), at every level: a suite's is the sum of its cases',
///   `<testsuites>`' the sum of its suites'.
/// - Paths are relative to the repository root (see ``OutputFormat/render(_:)``).
/// - No timestamps or hostnames; every `time` is `0`, so the same inputs give the same bytes.
public struct JUnitReporter: Reporter {
  /// Whether a check runs on a file (by display path); a disabled check is no test case.
  public var isEnabled: @Sendable (_ check: Check, _ path: String) -> Bool

  public init(isEnabled: @escaping @Sendable (_ check: Check, _ path: String) -> Bool = { _, _ in true }) {
    self.isEnabled = isEnabled
  }

  public func render(_ report: LintReport) -> String {
    var byFile: [String: [Finding]] = [:]
    for f in report.findings { byFile[f.path, default: []].append(f) }
    let files = Set(report.files).union(byFile.keys).sorted()

    var suites = ""
    var totalTests = 0
    var totalFailures = 0
    for path in files {
      let findings = byFile[path] ?? []
      var byCheck: [String: [Finding]] = [:]
      for f in findings { byCheck[f.check.code, default: []].append(f) }
      // Every enabled check in `Check.all` order, then any other check that found something.
      var checks = Check.all.filter { byCheck[$0.code] != nil || isEnabled($0, path) }
      for f in findings where !checks.contains(f.check) { checks.append(f.check) }

      var cases = ""
      var failures = 0
      for check in checks {
        let name = "\(check.code) \(check.name)"
        let open = "    <testcase name=\"\(Self.escape(name))\" classname=\"\(Self.escape(path))\" time=\"0\""
        guard let found = byCheck[check.code] else {
          cases += open + "/>\n"
          continue
        }
        failures += found.count
        cases += open + ">\n"
        for f in found {
          cases += "      <failure message=\"\(Self.escape(f.message.text))\" type=\"\(f.severity.rawValue)\">"
          cases += Self.escapeText(Self.body(f)) + "</failure>\n"
        }
        cases += "    </testcase>\n"
      }
      totalTests += checks.count
      totalFailures += failures
      suites += "  <testsuite name=\"\(Self.escape(path))\" tests=\"\(checks.count)\" failures=\"\(failures)\""
      suites += " errors=\"0\" skipped=\"0\" time=\"0\">\n" + cases + "  </testsuite>\n"
    }
    var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    out += "<testsuites name=\"mapc lint\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\" errors=\"0\" time=\"0\">\n"
    out += suites
    out += "</testsuites>\n"
    return out
  }

  /// A failure's text: the diagnostic line, then `help:`.
  static func body(_ f: Finding) -> String {
    var out = f.path
    if let p = f.position { out += ":\(p.line):\(p.column)" }
    out += ": \(f.severity.rawValue)[\(f.check.code)]: \(f.message.text)"
    if let help = f.help { out += "\nhelp: \(help)" }
    return out
  }

  /// Escapes an attribute value for XML 1.0: `& < > " '` as entities; tab, LF and CR as
  /// character references (attribute-value normalisation would turn them into spaces);
  /// characters XML 1.0 forbids (controls other than tab, LF and CR; U+FFFE, U+FFFF) as U+FFFD.
  public static func escape(_ s: String) -> String { escape(s, attribute: true) }

  /// Escapes element content: as ``escape(_:)``, but tab and LF stay as they are (CR is still a
  /// character reference, which a parser would otherwise turn into LF).
  public static func escapeText(_ s: String) -> String { escape(s, attribute: false) }

  private static func escape(_ s: String, attribute: Bool) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for u in s.unicodeScalars {
      switch u {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&apos;"
      case "\t" where attribute: out += "&#9;"
      case "\n" where attribute: out += "&#10;"
      case "\r": out += "&#13;"
      default:
        if isAllowedInXML(u) { out.unicodeScalars.append(u) } else { out += "\u{FFFD}" }
      }
    }
    return out
  }

  /// XML 1.0's `Char`: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF.
  /// (A Swift scalar is never a surrogate.)
  static func isAllowedInXML(_ u: Unicode.Scalar) -> Bool {
    switch u.value {
    case 0x9, 0xA, 0xD: return true
    case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
    default: return false
    }
  }
}
