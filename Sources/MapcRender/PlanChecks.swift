import MapcModel
import MapcWorkspace

/// The checks `mapc render` runs on a plan before drawing it: the command passes MapcLint's
/// linter (MapcRender does not depend on MapcLint, which builds on the templates that use
/// MapcRender's body cut).
public protocol PlanChecks: Sendable {
  /// The findings on one loaded plan file as `mapc lint` would report them on the day `asOf`,
  /// in report order. `path` is relative to the configuration root (for per-path settings),
  /// `displayPath` as messages show it.
  func check(_ document: PlanDocument, bytes: [UInt8], path: String, displayPath: String, asOf: CalendarDate)
    -> [PlanCheckFinding]
}

/// One finding of ``PlanChecks``: its severity and its diagnostic as `mapc lint` prints it.
public struct PlanCheckFinding: Sendable, Hashable {
  public var severity: Severity
  /// The diagnostic block, ending with a newline.
  public var text: String

  public init(severity: Severity, text: String) {
    self.severity = severity
    self.text = text
  }
}
