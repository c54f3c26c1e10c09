import MapcHistory
import MapcWorkspace

/// What mapc checks: a stable code, a name, a default severity, and the documentation that
/// `mapc explain` prints. Every check carries examples that trigger it and examples that
/// don't; the tests lint each one, so a check's documentation cannot drift from its behaviour.
public struct Check: Sendable, Hashable, CustomStringConvertible {
  /// Stable code, such as `MAP021`. Codes are never reused.
  public var code: String
  /// Kebab-case name, such as `unknown-property`; accepted wherever a code is.
  public var name: String
  public var defaultSeverity: Severity
  /// One line: what the check finds.
  public var summary: String
  /// Why it matters, written for the seller who maintains the plan.
  public var rationale: String
  /// Plan files that must produce this check's finding.
  public var triggering: [Example]
  /// Plan files that must not.
  public var nonTriggering: [Example]

  public init(
    code: String, name: String, severity: Severity, summary: String, rationale: String,
    triggering: [Example], nonTriggering: [Example]
  ) {
    self.code = code
    self.name = name
    self.defaultSeverity = severity
    self.summary = summary
    self.rationale = rationale
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }

  public var description: String { "\(code) (\(name))" }

  public static func == (lhs: Check, rhs: Check) -> Bool { lhs.code == rhs.code }
  public func hash(into hasher: inout Hasher) { hasher.combine(code) }
}

/// An example plan file for a check's documentation and tests.
public struct Example: Sendable, Hashable {
  public enum Content: Sendable, Hashable {
    case text(String)
    /// Bytes that are not valid UTF-8 text.
    case bytes([UInt8])
    /// A file too large to keep in the binary: `count` bytes of a plan padded with comment lines.
    case oversized(count: Int)
  }

  public var content: Content
  /// What the example shows, one line.
  public var caption: String?
  /// The last commit that touched the example, as if it were in a git repository.
  public var lastChange: LastChange?
  /// The plan at a base revision, as if linted with `--base`.
  public var base: BaseContext?

  public init(_ text: String, caption: String? = nil, lastChange: LastChange? = nil, base: BaseContext? = nil) {
    content = .text(text)
    self.caption = caption
    self.lastChange = lastChange
    self.base = base
  }

  /// A target to lint the example as.
  public var target: LintTarget {
    LintTarget(path: "example.map.md", displayPath: "example.map.md", relativePath: "example.map.md", lastChange: lastChange,
      base: base)
  }

  public init(content: Content, caption: String? = nil) {
    self.content = content
    self.caption = caption
  }

  /// The example's file bytes.
  public var bytes: [UInt8] {
    switch content {
    case .text(let s): return Array(s.utf8)
    case .bytes(let b): return b
    case .oversized(let count):
      var out = Array(ExamplePlans.minimal.utf8)
      let pad = Array("<!-- padding to make the file large -->\n".utf8)
      while out.count < count { out += pad }
      return out
    }
  }

  /// Printable form for `mapc explain`.
  public var displayText: String {
    switch content {
    case .text(let s): return s
    case .bytes(let b): return String(decoding: b, as: UTF8.self)
    case .oversized(let count): return "(a plan file of \(count) bytes)"
    }
  }
}
