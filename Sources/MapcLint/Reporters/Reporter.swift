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

  public var reporter: any Reporter {
    switch self {
    case .text: return TextReporter()
    case .json: return JSONReporter()
    case .github: return GitHubReporter()
    case .sarif: return SARIFReporter()
    }
  }
}
