import MapcWorkspace
import MapcJSON

/// GitLab Code Quality (a subset of the Code Climate format): an array of issues with
/// `description`, `check_name`, `fingerprint`, `severity` and `location.path`,
/// `location.lines.begin`, which GitLab shows in merge requests.
///
/// - `description`: `MAP021 unknown-property: message`, so the merge-request widget (which shows
///   only the description, severity and location) names the check.
/// - `check_name`: the stable code (`MAP021`).
/// - `severity`: error → `major`, warning → `minor`, note → `info` (`critical` and `blocker`
///   are left for findings worse than a broken plan, of which mapc has none).
/// - `location.path`: the path relative to the repository root, from any working directory;
///   `lines.begin` is 1 for a file-level finding with no position.
/// - `fingerprint`: see ``fingerprints(_:)``.
public struct GitLabReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    let prints = Self.fingerprints(report.findings)
    let issues: [JSONValue] = zip(report.findings, prints).map { f, print in
      .object(
        JSONObject([
          ("description", .string("\(f.check.code) \(f.check.name): \(f.message.text)")),
          ("check_name", .string(f.check.code)),
          ("fingerprint", .string(print)),
          ("severity", .string(Self.severity(f.severity))),
          (
            "location",
            .object(
              JSONObject([
                ("path", .string(f.path)),
                ("lines", .object(JSONObject([("begin", .number(Double(f.position?.line ?? 1)))]))),
              ]))
          ),
        ]))
    }
    return JSONWriter.pretty.string(.array(issues)) + "\n"
  }

  static func severity(_ s: Severity) -> String {
    switch s {
    case .error: return "major"
    case .warning: return "minor"
    case .note: return "info"
    }
  }

  /// One fingerprint per finding, in order: the FNV-1a 64-bit hash, as 16 hex digits, of the
  /// path, the code, the JSON pointer of the value concerned (the message when there is none)
  /// and the occurrence index among findings with the same first three parts.
  ///
  /// A finding keeps its fingerprint when lines are added or removed above it (the line is not
  /// hashed), so GitLab does not report it as fixed and new again. Fingerprints are unique
  /// within a report: duplicates differ by occurrence index, and in the unlikely event of a
  /// hash collision the later finding is rehashed with a counter until it is unique.
  public static func fingerprints(_ findings: [Finding]) -> [String] {
    var occurrences: [String: Int] = [:]
    var used: Set<String> = []
    var out: [String] = []
    out.reserveCapacity(findings.count)
    for f in findings {
      let key = [f.path, f.check.code, f.pointer.map { "pointer:" + $0.description } ?? "message:" + f.message.text]
        .joined(separator: "\u{0}")
      let index = occurrences[key, default: 0]
      occurrences[key] = index + 1
      var print = hex(fnv1a64(key + "\u{0}\(index)"))
      var salt = 1
      while used.contains(print) {
        print = hex(fnv1a64(key + "\u{0}\(index)\u{0}\(salt)"))
        salt += 1
      }
      used.insert(print)
      out.append(print)
    }
    return out
  }

  /// FNV-1a, 64-bit, over the UTF-8 bytes of `s`.
  public static func fnv1a64(_ s: String) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for b in s.utf8 {
      hash ^= UInt64(b)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    return hash
  }

  static func hex(_ v: UInt64) -> String {
    let s = String(v, radix: 16)
    return String(repeating: "0", count: 16 - s.count) + s
  }
}
