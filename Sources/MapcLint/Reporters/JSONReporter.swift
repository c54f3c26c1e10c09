import MapcJSON

/// An array of findings with `path`, `line`, `column`, `severity`, `code`, `name`, `message`,
/// and `help` and `pointer` where there are any. `line` and `column` are 1-based, or null.
public struct JSONReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    JSONWriter.pretty.string(.array(report.findings.map(Self.object))) + "\n"
  }

  static func object(_ f: Finding) -> JSONValue {
    var o = JSONObject()
    o["path"] = .string(f.path)
    o["line"] = f.position.map { .number(Double($0.line)) } ?? .null
    o["column"] = f.position.map { .number(Double($0.column)) } ?? .null
    o["severity"] = .string(f.severity.rawValue)
    o["code"] = .string(f.check.code)
    o["name"] = .string(f.check.name)
    o["message"] = .string(f.message.text)
    if let help = f.help { o["help"] = .string(help) }
    if let pointer = f.pointer { o["pointer"] = .string(pointer.description) }
    return .object(o)
  }
}
