import MapcHistory
import MapcWorkspace
import MapcYAML

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
///
/// A triggering example marks where the check's findings point with `↓` (as SwiftLint does)
/// just before the character the finding starts at; the marks are removed from the example's
/// text and kept in ``markers``, and the tests require the check's findings at exactly those
/// places.
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
  /// Where the check's findings on this example start: the positions of its `↓` marks.
  public var markers: [SourcePosition]
  /// The edits of the example's template that did not find their text (see ``ExampleText``).
  public var misses: [String] = []
  /// Other plan files of the repository the example is linted with, for a check that looks
  /// across files (``Check/duplicatePlanID``); the findings shown are the example's own.
  public var otherPlans: [OtherPlan] = []
  /// The example's file name: `example.map.md`, or `example.map-template.md` for a template.
  public var fileName = "example.map.md"

  /// A plan file linted beside an example.
  public struct OtherPlan: Sendable, Hashable {
    public var path: String
    public var text: String

    public init(path: String, text: String) {
      self.path = path
      self.text = text
    }
  }

  /// The mark that shows where a finding points; see ``Example``.
  public static let marker = "↓"

  public init(_ text: String, caption: String? = nil, lastChange: LastChange? = nil, base: BaseContext? = nil) {
    let (bytes, markers) = Self.removingMarkers(Array(text.utf8))
    // Removing whole scalars from valid UTF-8 leaves valid UTF-8.
    content = .text(String(decoding: bytes, as: UTF8.self))
    self.markers = markers
    self.caption = caption
    self.lastChange = lastChange
    self.base = base
  }

  /// An example made by editing a template; edits that missed are kept in ``misses``.
  public init(_ text: ExampleText, caption: String? = nil, lastChange: LastChange? = nil, base: BaseContext? = nil) {
    self.init(text.text, caption: caption, lastChange: lastChange, base: base)
    misses = text.misses
  }

  /// An example linted together with `otherPlans`; edits of any text that missed are kept in
  /// ``misses``.
  public init(_ text: ExampleText, caption: String? = nil, otherPlans: [(path: String, text: ExampleText)]) {
    self.init(text, caption: caption)
    self.otherPlans = otherPlans.map { OtherPlan(path: $0.path, text: $0.text.text) }
    misses += otherPlans.flatMap { other in other.text.misses.map { "in \(other.path): \($0)" } }
  }

  /// An example linted as with `--base`, against the plan `basePlan` at the base; edits of
  /// either text that missed are kept in ``misses``.
  /// `moves` are the due-date moves of the change, as the history would give them.
  public init(_ text: ExampleText, caption: String? = nil, basePlan: ExampleText, moves: [String: [BaseContext.Move]]? = nil) {
    self.init(text, caption: caption, base: BaseContext(planText: basePlan.text, moves: moves))
    misses += basePlan.misses.map { "in the base plan: \($0)" }
  }

  /// A target to lint the example as.
  public var target: LintTarget {
    LintTarget(path: fileName, displayPath: fileName, relativePath: fileName, lastChange: lastChange, base: base)
  }

  /// An example template file (`example.map-template.md`), made by editing a template text.
  public static func template(_ text: ExampleText, caption: String? = nil) -> Example {
    var example = Example(text, caption: caption)
    example.fileName = "example.map-template.md"
    return example
  }

  /// An example of any content. `↓` marks in text or bytes are removed into ``markers``;
  /// `pointsAt` gives the markers of content that cannot hold one (``Content/oversized(count:)``).
  public init(content: Content, caption: String? = nil, pointsAt: [SourcePosition] = []) {
    switch content {
    case .text(let text):
      let (clean, markers) = Self.removingMarkers(Array(text.utf8))
      self.content = .text(String(decoding: clean, as: UTF8.self))
      self.markers = markers + pointsAt
    case .bytes(let bytes):
      let (clean, markers) = Self.removingMarkers(bytes)
      self.content = .bytes(clean)
      self.markers = markers + pointsAt
    case .oversized:
      self.content = content
      self.markers = pointsAt
    }
    self.caption = caption
  }

  /// `bytes` without the `↓` marks, and the position (1-based line, column in Unicode scalars,
  /// as ``Finding/position`` counts) of the character after each mark.
  static func removingMarkers(_ bytes: [UInt8]) -> (bytes: [UInt8], markers: [SourcePosition]) {
    let mark = Array(marker.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var markers: [SourcePosition] = []
    var line = 1
    var column = 1
    var i = 0
    while i < bytes.count {
      if bytes[i...].starts(with: mark) {
        markers.append(SourcePosition(line: line, column: column))
        i += mark.count
        continue
      }
      if bytes[i] == UInt8(ascii: "\n") {
        line += 1
        column = 1
      } else if bytes[i] & 0xC0 != 0x80 {
        column += 1
      }
      out.append(bytes[i])
      i += 1
    }
    return (out, markers)
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
