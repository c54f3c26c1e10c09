import MapcModel
import MapcWorkspace

/// The templates of a repository (`templates` globs in mapc.yml), found by the same walk as
/// its plans (``PlanFiles/templates(configuration:)``).
public struct TemplateCatalog: Sendable {
  /// One template: where it is and what `mapc new --list` shows of it.
  public struct Entry: Sendable, Hashable {
    public var file: PlanFile
    public var id: String?
    public var title: String?
    public var description: String?
    /// Its number of stages and milestones.
    public var stageCount: Int
    public var milestoneCount: Int
    /// Why it cannot be used, when it does not load (its first problem).
    public var problem: String?
  }

  public var entries: [Entry]

  /// Reads every template of the workspace, in path order, on all cores.
  public init(workspace: Workspace) {
    entries = PlanFiles.templates(configuration: workspace.configuration).concurrentMap { file in
      let document = PlanDocument.read(path: file.path)
      guard let template = PlanTemplate(document) else {
        return Entry(
          file: file, stageCount: 0, milestoneCount: 0, problem: document.firstError?.message ?? "the file cannot be read")
      }
      return Entry(
        file: file, id: template.plan.id, title: template.plan.title, description: template.description,
        stageCount: template.plan.stages.count, milestoneCount: template.plan.milestones.count)
    }
  }

  /// `mapc new --list`: one line per template (path, id, stages and milestones, title), then
  /// its description indented; a note when there are none.
  public func render(globs: [Glob]) -> String {
    guard !entries.isEmpty else {
      return "No templates found (looked for \(globs.map(\.pattern).joined(separator: ", "))).\n"
        + "Make one with `mapc template extract PLAN -o templates/NAME.map-template.md`, or set `templates:` in mapc.yml.\n"
    }
    var out = ""
    for e in entries {
      if let problem = e.problem {
        out += "\(e.file.displayPath)  (cannot be read: \(problem))\n"
        continue
      }
      let counts = "\(e.stageCount) stage\(e.stageCount == 1 ? "" : "s"), \(e.milestoneCount) milestone\(e.milestoneCount == 1 ? "" : "s")"
      out += "\(e.file.displayPath)  \(e.id ?? "(no id)")  \(counts)\n"
      if let title = e.title { out += "    \(InertText.text(title))\n" }
      if let description = e.description { out += "    \(InertText.text(description))\n" }
    }
    return out
  }

  /// The template `name` names: a file, else a repository template with that id or file name
  /// (without `.map-template.md`).
  ///
  /// - Throws: ``UsageError`` when there is no such template, or more than one.
  public func resolve(_ name: String) throws(UsageError) -> String {
    if Paths.kind(Paths.absolute(name)) != .missing { return Paths.absolute(name) }
    let matches = entries.filter { e in
      e.id == name || e.file.path.split(separator: "/").last.map { String($0) == name + PlanFiles.templateSuffix } == true
    }
    if matches.count == 1 { return matches[0].file.path }
    if matches.count > 1 {
      throw UsageError("more than one template is called \(name): \(matches.map(\.file.displayPath).joined(separator: ", "))")
    }
    throw UsageError("no template \(name): no such file, and no template of the repository has that id or name", help: "run `mapc new --list`")
  }
}
