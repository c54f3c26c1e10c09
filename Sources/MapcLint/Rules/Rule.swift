import MapcHistory
import MapcWorkspace
import MapcJSON
import MapcModel
import MapcTemplates

/// Which files a rule checks: plans (`*.map.md`), templates (`*.map-template.md`), or both.
public enum RuleScope: Sendable, Hashable {
  case plans, templates, plansAndTemplates

  /// Whether the rule runs on a template (`true`) or on a plan (`false`).
  public func covers(template: Bool) -> Bool {
    switch self {
    case .plans: return !template
    case .templates: return template
    case .plansAndTemplates: return true
    }
  }
}

/// A rule of a good Mutual Action Plan: one type per rule, one rule per file.
///
/// The rule's ``check`` carries its code (MAP100 and up), name, default severity, rationale
/// and examples; the tests lint every example, so a rule cannot ship without them.
public protocol Rule: Sendable {
  static var check: Check { get }
  init()
  /// What the rule finds in one plan. Positions come from the pointers.
  func findings(in context: RuleContext) -> [RuleFinding]
  /// Which files it checks; plans only unless the rule says otherwise.
  static var scope: RuleScope { get }
}

extension Rule {
  public static var scope: RuleScope { .plans }
}

extension Check {
  /// The rules' scopes by code; the built-in checks (the file, its YAML, the schema) read
  /// every file.
  private static let scopes: [String: RuleScope] = Dictionary(
    RuleRegistry.rules.map { ($0.check.code, $0.scope) }, uniquingKeysWith: { first, _ in first })

  /// Whether the check runs on a template (`true`) or on a plan (`false`).
  public func covers(template: Bool) -> Bool { Self.scopes[code]?.covers(template: template) ?? true }
}

/// What a rule sees: the typed plan (the whole format, so rules never read the frontmatter by
/// key), the body, and the settings.
public struct RuleContext: Sendable {
  public var plan: Plan
  public var body: String
  /// "Today", fixed by `--today`, `mapc.yml` or `SOURCE_DATE_EPOCH` for reproducible output.
  public var today: CalendarDate
  public var thresholds: Thresholds
  /// The last commit that touched the plan's file, when it is in a git repository.
  public var lastChange: LastChange?
  /// The plan at the base revision, with `mapc lint --base REV`.
  public var base: BaseContext?
  /// The working calendar of `mapc.yml` (`calendar`), under the plan's own.
  public var calendar: CalendarSettings?
  /// The template, when the file is one (`*.map-template.md`): ``plan`` is then its
  /// frontmatter read as a plan.
  public var template: PlanTemplate?

  public init(
    plan: Plan, body: String, today: CalendarDate, thresholds: Thresholds, lastChange: LastChange? = nil,
    base: BaseContext? = nil
  ) {
    self.plan = plan
    self.body = body
    self.today = today
    self.thresholds = thresholds
    self.lastChange = lastChange
    self.base = base
  }
}

/// The last commit that touched a plan file.
public struct LastChange: Sendable, Hashable {
  public var date: CalendarDate
  public var author: String
  public var commit: String

  public init(date: CalendarDate, author: String, commit: String) {
    self.date = date
    self.author = author
    self.commit = commit
  }
}

/// One finding of a rule, before it is placed in the file.
public struct RuleFinding: Sendable, Hashable {
  /// What to point at: a property's key, or its value.
  public enum Anchor: Sendable, Hashable {
    case key
    case value
  }

  public var pointer: JSONPointer
  public var anchor: Anchor
  /// A place in the Markdown body instead (1-based line and column within the body).
  public var bodyPosition: (line: Int, column: Int)?
  /// How many characters to underline at a body position.
  public var bodyLength: Int = 1
  public var message: String
  public var help: String?

  public init(at pointer: JSONPointer, _ anchor: Anchor = .value, _ message: String, help: String? = nil) {
    self.pointer = pointer
    self.anchor = anchor
    self.message = message
    self.help = help
  }

  /// A finding in the Markdown body, at `line` and `column` of the body.
  public init(bodyLine line: Int, column: Int, length: Int = 1, _ message: String, help: String? = nil) {
    self.init(at: .root, .value, message, help: help)
    bodyPosition = (line, column)
    bodyLength = length
  }

  public static func == (a: RuleFinding, b: RuleFinding) -> Bool {
    a.pointer == b.pointer && a.anchor == b.anchor && a.message == b.message && a.help == b.help
      && a.bodyPosition?.line == b.bodyPosition?.line && a.bodyPosition?.column == b.bodyPosition?.column
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(pointer)
    hasher.combine(message)
    hasher.combine(bodyPosition?.line)
    hasher.combine(bodyPosition?.column)
  }
}
