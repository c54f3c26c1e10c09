import MapcWorkspace
import MapcJSON

/// SARIF 2.1.0, the format code-scanning services ingest. Rules carry their stable codes as
/// `ruleId`s; a location's `uri` is relative to the repository root, named by the `uriBaseId`
/// ``rootBaseID`` that `originalUriBaseIds` describes (with no absolute `uri`, so the output
/// does not depend on where the repository is checked out); a file outside the repository has
/// an absolute `file://` URI and no base.
public struct SARIFReporter: Reporter {
  public static let version = MapcVersion.current

  /// The base id of the repository root: `%SRCROOT%`, the name CodeQL and other tools use.
  public static let rootBaseID = "%SRCROOT%"

  public init() {}

  public func render(_ report: LintReport) -> String {
    let used = Check.all.filter { c in report.findings.contains { $0.check == c } }
    let ruleIndex = Dictionary(uniqueKeysWithValues: used.enumerated().map { ($1.code, $0) })
    let rules: [JSONValue] = used.map { c in
      .object(
        JSONObject([
          ("id", .string(c.code)),
          ("name", .string(Self.pascalCase(c.name))),
          ("shortDescription", .object(JSONObject([("text", .string(c.summary))]))),
          ("fullDescription", .object(JSONObject([("text", .string(c.rationale))]))),
          ("help", .object(JSONObject([("text", .string("Run `mapc explain \(c.code)` for details and examples."))]))),
          ("defaultConfiguration", .object(JSONObject([("level", .string(Self.level(c.defaultSeverity)))]))),
        ]))
    }
    let results: [JSONValue] = report.findings.map { f in
      var text = f.message.text
      if let help = f.help { text += "\nhelp: " + help }
      var location = JSONObject([("uri", .string(Self.uri(f.path)))])
      if !f.path.hasPrefix("/") { location["uriBaseId"] = .string(Self.rootBaseID) }
      var physical = JSONObject([("artifactLocation", .object(location))])
      if let p = f.position {
        physical["region"] = .object(
          JSONObject([("startLine", .number(Double(p.line))), ("startColumn", .number(Double(p.column)))]))
      }
      return .object(
        JSONObject([
          ("ruleId", .string(f.check.code)),
          ("ruleIndex", .number(Double(ruleIndex[f.check.code] ?? 0))),
          ("level", .string(Self.level(f.severity))),
          ("message", .object(JSONObject([("text", .string(text))]))),
          ("locations", .array([.object(JSONObject([("physicalLocation", .object(physical))]))])),
        ]))
    }
    let driver = JSONObject([
      ("name", .string("mapc")),
      ("version", .string(Self.version)),
      ("rules", .array(rules)),
    ])
    let root = JSONObject([
      (
        "description",
        .object(JSONObject([("text", .string("The repository root (the git work tree, or the folder of mapc.yml outside git)."))]))
      )
    ])
    let run = JSONObject([
      ("tool", .object(JSONObject([("driver", .object(driver))]))),
      ("originalUriBaseIds", .object(JSONObject([(Self.rootBaseID, .object(root))]))),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", .array(results)),
    ])
    let log = JSONObject([
      ("$schema", .string("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([.object(run)])),
    ])
    return JSONWriter.pretty.string(.object(log)) + "\n"
  }

  static func level(_ s: Severity) -> String {
    switch s {
    case .error: return "error"
    case .warning: return "warning"
    case .note: return "note"
    }
  }

  static func pascalCase(_ kebab: String) -> String {
    kebab.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// A relative URI reference for a path: each segment percent-encoded except unreserved characters.
  static func uri(_ path: String) -> String {
    var out = path.hasPrefix("/") ? "file://" : ""
    for b in path.utf8 {
      switch b {
      case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
        UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
        out.unicodeScalars.append(Unicode.Scalar(b))
      default:
        let hex = Array("0123456789ABCDEF")
        out += "%" + String(hex[Int(b >> 4)]) + String(hex[Int(b & 0xF)])
      }
    }
    return out
  }
}
