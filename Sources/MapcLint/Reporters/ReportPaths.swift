extension LintReport {
  /// The report with each path (of findings and of files checked) replaced through `paths`,
  /// keyed by the display path; a path not in it stays as it is. Findings are sorted again, so
  /// the order follows the new paths.
  public func replacingPaths(_ paths: [String: String]) -> LintReport {
    var findings = findings
    for i in findings.indices { findings[i].path = paths[findings[i].path] ?? findings[i].path }
    return LintReport(findings: findings, fileCount: fileCount, files: files.map { paths[$0] ?? $0 })
  }
}

extension OutputFormat {
  /// Whether the format is read by machines (CI annotations, code scanning, test reports),
  /// which show paths relative to the repository root; the text format shows them relative to
  /// the working directory, as compilers do.
  public var usesRepositoryPaths: Bool { self != .text }

  /// The report of a run in this format: text with the paths the user typed or sees from the
  /// working directory, every other format with each target's ``LintTarget/repositoryPath``,
  /// so the output is the same from any folder of the repository.
  public func render(_ run: LintRun) -> String {
    guard usesRepositoryPaths else { return reporter(settings: run.settings, targets: run.targets).render(run.report) }
    let paths = Dictionary(run.targets.map { ($0.displayPath, $0.repositoryPath) }, uniquingKeysWith: { first, _ in first })
    var targets = run.targets
    for i in targets.indices { targets[i].displayPath = targets[i].repositoryPath }
    return reporter(settings: run.settings, targets: targets).render(run.report.replacingPaths(paths))
  }
}
