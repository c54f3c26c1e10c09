import MapcModel
import MapcWorkspace

/// One `mapc new` run: the template read from the repository, the plan made from it, where it
/// goes, and what to say. ``write()`` writes it atomically; nothing is written before.
public struct NewRun: Sendable {
  /// The plan made.
  public var plan: NewPlan
  /// Where it goes (absolute), and as shown; nil output path: standard output.
  public var outputPath: String?
  public var outputDisplayPath: String?
  /// Whether a file is there already (only with `force`).
  public var replaces: Bool
  public var templateDisplayPath: String
  /// Warnings for standard error: the short runway, a path the `plans` globs do not match.
  public var warnings: [String]

  /// Reads the template `name` (a path, or a repository template's id or name) and makes the
  /// plan. `output` is the file to write (`-` for standard output); default
  /// `plans/ID.map.md` under the configuration root (`ID.map.md` when only that matches the
  /// `plans` globs).
  ///
  /// - Throws: ``UsageError`` for a template that is not one, does not load or is not valid, a
  ///   plan id already used in the repository, a file in the way (without `force`), and what
  ///   ``NewPlan/make(from:templatePath:_:)`` refuses.
  public init(workspace: Workspace, template name: String, request: NewPlanRequest, output: String?, force: Bool) throws(UsageError) {
    let configuration = workspace.configuration
    let path = try TemplateCatalog(workspace: workspace).resolve(name)
    let files = try PlanFiles.resolve([path], configuration: configuration, boundary: workspace.repositoryRoot, includingTemplates: true)
    guard let file = files.first else { throw UsageError("no template \(name)") }
    templateDisplayPath = file.displayPath
    if let refusal = file.refusal { throw UsageError("cannot read \(file.displayPath): \(refusal)") }
    guard PlanFiles.isTemplate(file.path) else {
      throw UsageError(
        "\(file.displayPath) is not a template: templates are named *\(PlanFiles.templateSuffix)",
        help: "make one from a plan with `mapc template extract \(file.displayPath)`")
    }
    let document = PlanDocument.read(path: file.path)
    if let problem = document.firstError {
      let at = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
      throw UsageError("\(file.displayPath)\(at): \(problem.message)", help: "run `mapc lint \(file.displayPath)`")
    }
    guard let template = PlanTemplate(document), let frontmatter = document.frontmatter,
      workspace.schemas.template.isValid(frontmatter)
    else {
      throw UsageError("\(file.displayPath) is not a valid template", help: "run `mapc lint \(file.displayPath)` to see why")
    }
    plan = try NewPlan.make(from: template, templatePath: file.displayPath, request)
    warnings = plan.warnings

    if output == "-" {
      outputPath = nil
      outputDisplayPath = nil
      replaces = false
      return
    }
    // By default where the `plans` globs look: plans/ID.map.md, else ID.map.md at the root.
    let defaultPath =
      ["plans/\(request.id).map.md", "\(request.id).map.md"].first { configuration.includesPlan(atRelativePath: $0) }
      ?? "plans/\(request.id).map.md"
    let target = output.map(Paths.absolute) ?? Paths.join(configuration.root, defaultPath)
    outputPath = target
    outputDisplayPath = Paths.display(target)
    switch Paths.kind(target) {
    case .missing: replaces = false
    case .file:
      guard force else {
        throw UsageError("refusing to overwrite \(Paths.display(target))", help: "choose another file with -o, or pass --force to overwrite it")
      }
      replaces = true
    default:
      replaces = true
      try AtomicFile.checkReplaceable(target)
    }
    if let relative = Paths.relative(target, to: configuration.root), !configuration.includesPlan(atRelativePath: relative) {
      warnings.append(
        "\(Paths.display(target)) is not among the plans of \(Configuration.fileName) (`plans`: "
          + "\(configuration.plans.map(\.pattern).joined(separator: ", "))), so `mapc lint` will not find it on its own")
    }
    try Self.requireUnusedID(request.id, besides: target, workspace: workspace)
  }

  /// A plan id is one file's: refuses an id another plan of the repository already has.
  static func requireUnusedID(_ id: String, besides target: String, workspace: Workspace) throws(UsageError) {
    guard let plans = try? workspace.planFiles() else { return }
    let taken = plans.filter { $0.refusal == nil && $0.path != target }.concurrentMap { file in
      PlanDocument.read(path: file.path, milestoneDetails: false).plan?.id == id ? file.displayPath : nil
    }.compactMap { $0 }
    if let first = taken.first {
      throw UsageError("the plan id \(id) is already used by \(first)", help: "give the new plan its own --id; plans are identified by id")
    }
  }

  /// Writes the plan (atomically), when it goes to a file.
  public func write() throws(UsageError) {
    guard let outputPath else { return }
    try AtomicFile.write(plan.text, to: outputPath)
  }

  /// What `mapc new` prints after writing: what it did, and the next command.
  public var report: String {
    guard let shown = outputDisplayPath else { return plan.text }
    var dates = ", go-live \(plan.goLive)"
    if let first = plan.firstDue { dates += ", first due \(first)" }
    if let value = plan.valueDate { dates += ", value date \(value)" }
    return """
      \(replaces ? "overwrote" : "created") \(shown) from \(templateDisplayPath): \(plan.milestoneCount) milestones\(dates)
      Next: put names to the stakeholder roles in \(shown), then run `mapc lint \(shown)` and open a pull request with it.

      """
  }
}
