import MapcModel
import MapcWorkspace

/// `mapc lint`'s checks of one plan, for a command that checks a plan before it uses it
/// (`mapc render`): the workspace's settings, dated by the caller's day.
public struct LintPlanChecks: Sendable {
  public var linter: Linter

  public init(configuration: Configuration, schemas: SchemaCatalog, today: CalendarDate) {
    linter = Linter(configuration: configuration, schemas: schemas, today: today)
  }

  /// The findings on one loaded plan on the day `asOf`, in report order, each with its
  /// diagnostic as the text reporter prints it.
  public func findings(in document: PlanDocument, bytes: [UInt8], path: String, displayPath: String, asOf: CalendarDate)
    -> [(severity: Severity, text: String)]
  {
    var dated = linter
    dated.today = asOf
    let target = LintTarget(path: displayPath, displayPath: displayPath, relativePath: path)
    return dated.lint(document, bytes: bytes, target: target).sorted(by: Finding.reportOrder).map {
      ($0.severity, TextReporter.render($0) + "\n")
    }
  }
}
