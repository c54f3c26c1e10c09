import MapcWorkspace

/// The severity of each check for each plan: the check's default, then `rules` in `mapc.yml`,
/// then the `overrides` whose paths match the plan, later ones winning.
public struct LintSettings: Sendable {
  private var rules: [String: Configuration.Setting] = [:]
  private var overrides: [(paths: [Glob], rules: [String: Configuration.Setting])] = []

  /// The settings of `configuration`; a name that is no check is skipped (``validate(_:)`` reports it).
  public init(_ configuration: Configuration) {
    rules = Self.resolve(configuration.rules)
    overrides = configuration.overrides.map { ($0.paths, Self.resolve($0.rules)) }
  }

  /// The severity of `check` for the plan at `relativePath`, or nil when the check is off.
  public func severity(of check: Check, at relativePath: String) -> Severity? {
    var setting = rules[check.code]
    for o in overrides where o.paths.contains(where: { $0.matches(relativePath) }) {
      if let s = o.rules[check.code] { setting = s }
    }
    switch setting {
    case .none: return check.defaultSeverity
    case .off: return nil
    case .severity(let s): return s
    }
  }

  /// Fails on the first rule setting that names no check, with a "did you mean".
  public static func validate(_ configuration: Configuration) throws(ConfigurationError) {
    for setting in configuration.rules + configuration.overrides.flatMap(\.rules) where Check.named(setting.name) == nil {
      let names = Check.all.flatMap { [$0.code, $0.name] }
      let hint = DidYouMean.suggestion(for: setting.name, among: names).map { "did you mean '\($0)'? " } ?? ""
      throw ConfigurationError(
        path: configuration.file.map(Paths.display) ?? Configuration.fileName, position: setting.position,
        message: "unknown check '\(setting.name)'", help: hint + "run `mapc rules` to list every check",
        sourceText: configuration.sourceText)
    }
  }

  private static func resolve(_ settings: [Configuration.RuleSetting]) -> [String: Configuration.Setting] {
    var out: [String: Configuration.Setting] = [:]
    for s in settings {
      if let check = Check.named(s.name) { out[check.code] = s.setting }
    }
    return out
  }
}
