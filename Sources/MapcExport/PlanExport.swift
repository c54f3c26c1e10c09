import MapcWorkspace

/// `mapc export --object plans`: one row per plan, from the portfolio's numbers.
public enum PlanExport {
  public static func table(_ source: ExportSource, profile: ExportProfile, audience: ExportAudience) throws -> ExportTable {
    throw UsageError("--object plans is not available in this build", help: "export milestones or moves")
  }
}
