import MapcHistory
import MapcModel
import MapcRender
import MapcWorkspace

/// One `mapc template extract` run: the plan read, its dates (the baseline from the history,
/// or the done dates), the template made, where it goes.
public struct ExtractRun: Sendable {
  /// The template file's text.
  public var text: String
  /// Where it goes (absolute) and as shown; nil: standard output.
  public var outputPath: String?
  public var outputDisplayPath: String?
  public var replaces: Bool
  /// Where the offsets came from, in words, for the report.
  public var basis: String
  /// The plan's errors as `mapc lint` prints them (its warnings too, when it has errors): a
  /// plan with errors makes no template (its text is empty, nothing is written).
  public var problems: [String] = []

  /// - Throws: ``UsageError`` for a plan that does not load, a file in the way (without
  ///   `force`), an output name that is not `*.map-template.md`.
  ///
  /// `checks` are `mapc lint`'s (the CLI passes them: MapcLint depends on this module): a plan
  /// they find errors in is refused, as a template made of it would not read.
  public init(
    workspace: Workspace, plan path: String, durations: ExtractDurations, output: String?, force: Bool,
    checks: (any PlanChecks)? = nil
  ) throws(UsageError) {
    let files = try PlanFiles.resolve([path], configuration: workspace.configuration, boundary: workspace.repositoryRoot)
    guard let file = files.first else { throw UsageError("no plan \(path)") }
    if let refusal = file.refusal { throw UsageError("cannot read \(file.displayPath): \(refusal)") }
    let bytes: [UInt8]
    let document: PlanDocument
    switch FileBytes.read(path: file.path, limit: PlanReader.maximumFileSize) {
    case .success(let read):
      bytes = read
      document = PlanDocument(bytes: read)
    case .failure(let failure):
      bytes = []
      document = PlanDocument(unreadable: PlanReader.problem(for: failure))
    }
    if let problem = document.firstError {
      let at = problem.position.map { ":\($0.line):\($0.column)" } ?? ""
      throw UsageError("\(file.displayPath)\(at): \(problem.message)", help: "run `mapc lint \(file.displayPath)`")
    }
    if let checks {
      let findings = checks.check(document, bytes: bytes, path: file.path, displayPath: file.displayPath, asOf: workspace.today)
      if findings.contains(where: { $0.severity == .error }) {
        problems = findings.filter { $0.severity != .note }.map(\.text)
        let count = findings.filter { $0.severity == .error }.count
        problems.append(
          "mapc: error: \(file.displayPath) has \(count == 1 ? "an error" : "\(count) errors"); fix \(count == 1 ? "it" : "them") "
            + "(`mapc lint \(file.displayPath)`) before making a template of it\n")
        text = ""
        basis = ""
        outputPath = nil
        outputDisplayPath = nil
        replaces = false
        return
      }
    }
    guard let plan = document.plan, let current = plan.goLive ?? plan.milestones.first(where: { $0.marks == .goLive })?.due else {
      throw UsageError("\(file.displayPath) has no go-live date to count offsets from", help: "give the plan a `go_live`")
    }
    var dates = ExtractDates(goLive: current, milestones: [:])
    for m in plan.milestones { if let id = m.id, let due = m.due, dates.milestones[id] == nil { dates.milestones[id] = due } }
    switch durations {
    case .actual:
      for m in plan.milestones where m.status == .done { if let id = m.id, let done = m.doneOn { dates.milestones[id] = done } }
      if let g = plan.milestones.first(where: { $0.marks == .goLive && $0.status == .done }), let done = g.doneOn { dates.goLive = done }
      basis = "offsets from the done dates (current due dates where not done) to go-live \(dates.goLive)"
    case .baseline:
      basis = "offsets from the current due dates to go-live \(dates.goLive) (no history: outside a git repository)"
      if RepositoryBoundary.around(workspace.directory).isGitWorkTree, let id = plan.id {
        do {
          let report = try SlipRun.report(SlipRun.Request(plans: [file.path]), workspace: workspace)
          if let slip = report.plans.first(where: { $0.id == id }) {
            if let g = slip.goLive.baseline { dates.goLive = g }
            for m in slip.milestones { if let b = m.baseline, m.dropped == nil { dates.milestones[m.id] = b } }
            basis = "offsets from the baseline due dates to the baseline go-live \(dates.goLive)"
          }
        } catch let error as UsageError {
          basis = "offsets from the current due dates to go-live \(dates.goLive) (the history gave none: \(error.message))"
        } catch {
          basis = "offsets from the current due dates to go-live \(dates.goLive) (the history gave none: \(error))"
        }
      }
    }

    let id: String
    if let output, output != "-", let name = output.split(separator: "/").last, name.hasSuffix(PlanFiles.templateSuffix) {
      let stem = String(name.dropLast(PlanFiles.templateSuffix.count))
      id = NewPlan.isValidID(stem) ? stem : Self.templateID(plan)
    } else {
      id = Self.templateID(plan)
    }
    text = try TemplateExtractor.extract(document, dates: dates, id: id, calendar: workspace.configuration.calendar)
    guard PlanDocument(text: text).firstError == nil else {
      throw UsageError("internal error: the template made from \(file.displayPath) does not read back")
    }

    guard let output, output != "-" else {
      outputPath = nil
      outputDisplayPath = nil
      replaces = false
      return
    }
    let target = Paths.absolute(output)
    guard PlanFiles.isTemplate(target) else {
      throw UsageError("\(output) is not a template name: templates are named *\(PlanFiles.templateSuffix)", help: "e.g. -o templates/enterprise-deal\(PlanFiles.templateSuffix)")
    }
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
  }

  /// A template id from the plan's id without the words of the buyer's name (a plan id often
  /// starts with the buyer) or of a stakeholder: `acme-data-platform` from Acme becomes `data-platform`.
  static func templateID(_ plan: Plan) -> String {
    // Words naming a stakeholder (a first name, an id) are left out too.
    let id = TemplateExtractor.IDNeutraliser(plan: plan).neutral(plan.id ?? "", drop: true) ?? ""
    return NewPlan.isValidID(id) ? id : "template"
  }

  /// Writes the template (atomically), when it goes to a file.
  public func write() throws(UsageError) {
    guard problems.isEmpty, let outputPath else { return }
    try AtomicFile.write(text, to: outputPath)
  }

  /// What the command prints: the template, or what it wrote.
  public var report: String {
    guard let shown = outputDisplayPath else { return text }
    return """
      \(replaces ? "overwrote" : "created") \(shown): \(basis)
      Next: review it (names and internal content are removed; check the text), run `mapc lint \(shown)`, and commit it.

      """
  }
}
