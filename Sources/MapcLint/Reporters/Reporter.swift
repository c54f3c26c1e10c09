import MapcWorkspace

/// Writes a lint report in one output format. One reporter per format.
public protocol Reporter: Sendable {
  func render(_ report: LintReport) -> String
}

/// The output formats of `mapc lint`.
public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case json
  case github
  case sarif
  case junit
  case gitlab

  /// The reporter, with every check counted as enabled (see ``reporter(settings:targets:)``).
  public var reporter: any Reporter {
    switch self {
    case .text: return TextReporter()
    case .json: return JSONReporter()
    case .github: return GitHubReporter()
    case .sarif: return SARIFReporter()
    case .junit: return JUnitReporter()
    case .gitlab: return GitLabReporter()
    }
  }

  /// The reporter for a run with these settings: JUnit lists, for each file, only the checks
  /// the settings leave on for it and that run on its kind of file (plan or template).
  public func reporter(settings: LintSettings, targets: [LintTarget]) -> any Reporter {
    guard self == .junit else { return reporter }
    let relative = Dictionary(targets.map { ($0.displayPath, $0.relativePath) }, uniquingKeysWith: { first, _ in first })
    let templates = Set(targets.filter { PlanFiles.isTemplate($0.path) }.map(\.displayPath))
    return JUnitReporter { check, path in
      settings.severity(of: check, at: relative[path] ?? path) != nil && check.covers(template: templates.contains(path))
    }
  }
}
