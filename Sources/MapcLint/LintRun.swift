import MapcGit
import MapcHistory
import MapcModel
import MapcWorkspace

/// One `mapc lint` run over a workspace: the files to lint, what git adds to them (each
/// plan's last commit, and with a base revision the comparison with it), and the report.
public struct LintRun: Sendable {
  public var targets: [LintTarget]
  public var report: LintReport
  /// The severities the run applied, for reporters that list enabled checks.
  public var settings: LintSettings
  /// Things the user should know that are not findings (a history that could not be read).
  public var notes: [String]

  /// Lints `paths` (default: every plan of the workspace), comparing with `base` when given.
  ///
  /// - Throws: ``UsageError`` for paths that name no plan, an unknown base revision, or a
  ///   history the base comparison cannot read.
  public init(workspace: Workspace, paths: [String] = [], base: String? = nil) throws {
    let configuration = workspace.configuration
    settings = LintSettings(configuration)
    notes = []
    let root = Self.repositoryRoot(workspace)
    var targets = try workspace.planFiles(paths, includingTemplates: true).map { LintTarget($0, repositoryRoot: root) }
    // A shallow clone holds too little history for the history rules: they are skipped, and
    // said so once, rather than fail the run or stay silent.
    if Self.isShallowClone(workspace.directory) {
      let checked = settings
      if base != nil || targets.contains(where: { checked.severity(of: StalePlanRule.check, at: $0.relativePath) != nil }) {
        notes.append(Self.shallowNote)
      }
      self.targets = targets
      report = Linter(configuration: configuration, schemas: workspace.schemas, today: workspace.today).lint(targets)
      return
    }
    targets = Self.addingLastChanges(to: targets, settings: settings, directory: workspace.directory, notes: &notes)
    if let base {
      let documents = targets.map { target in
        // A template is no plan of the history: nothing to compare it with, and its id names
        // the template, so it is never read as a plan here.
        if PlanFiles.isTemplate(target.path) { return PlanDocument(unreadable: SourceProblem(.unreadable, "a template")) }
        return target.refusal.map { PlanDocument(unreadable: SourceProblem(.unreadable, $0)) } ?? PlanDocument.read(path: target.path)
      }
      // The comparison goes by plan id: two files with one id would each be compared with one base plan.
      try PlanIDs.requireUnique(
        zip(targets, documents).compactMap { target, document in
          document.plan?.id.map { PlanIDs.Entry(id: $0, path: target.displayPath) }
        })
      do {
        let contexts = try BaseComparison.contexts(
          revision: base, plans: documents, directory: workspace.directory, configuration: configuration, notes: &notes)
        for (i, context) in contexts.enumerated() { targets[i].base = context }
      } catch let error as GitError {
        throw UsageError("cannot read the git history for `--base \(base)`: \(error.message)")
      }
    }
    self.targets = targets
    report = Linter(configuration: configuration, schemas: workspace.schemas, today: workspace.today).lint(targets)
  }

  /// The note of a run in a shallow clone.
  public static let shallowNote =
    "the repository is a shallow clone, so the history rules (MAP190, MAP200-MAP203) were skipped; fetch the full "
    + "history with `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0` on actions/checkout; in GitLab CI, "
    + "`GIT_DEPTH: 0`)"

  /// Whether `directory` is in a shallow clone (false outside a repository).
  static func isShallowClone(_ directory: String) -> Bool {
    guard let repository = try? Repository.discover(from: directory) else { return false }
    return (try? repository.isShallow) == true
  }

  /// The folder machine formats give paths from: the git work tree holding the working
  /// directory, or outside git the configuration root (the folder of `mapc.yml`).
  static func repositoryRoot(_ workspace: Workspace) -> String {
    if let repository = try? Repository.discover(from: workspace.directory), let workdir = repository.workdir {
      return Paths.normalize(workdir)
    }
    return workspace.configuration.root
  }

  /// Adds each plan's last commit, for the stale-plan rule, when mapc runs in a git
  /// repository. Outside one there is nothing to add; a history that cannot be read is a note.
  static func addingLastChanges(
    to targets: [LintTarget], settings: LintSettings, directory: String, notes: inout [String]
  ) -> [LintTarget] {
    guard targets.contains(where: { settings.severity(of: StalePlanRule.check, at: $0.relativePath) != nil }),
      let repository = try? Repository.discover(from: directory), let root = repository.workdir
    else { return targets }
    var byRepoPath: [String: Int] = [:]
    for (i, t) in targets.enumerated() {
      if let p = Paths.relative(t.path, to: root) { byRepoPath[p] = i }
    }
    do {
      var out = targets
      for (path, revision) in try LastChanges.find(Set(byRepoPath.keys), in: repository) {
        guard let i = byRepoPath[path] else { continue }
        out[i].lastChange = LastChange(date: revision.date, author: revision.authorName, commit: revision.commit ?? "")
      }
      return out
    } catch {
      notes.append("cannot read the git history (\(error.message)); stale plans are not checked")
      return targets
    }
  }
}
