import MapcGit
import MapcHistory
import MapcJSON
import MapcModel
import MapcWorkspace
import MapcYAML

/// Gathers what `mapc render` shows: the plan files (from the working tree or a revision), and,
/// inside a git repository, the slip analysis, the trend and the changes since a revision.
struct SnapshotSources {
  /// A plan file to render: its bytes, or why they could not be read.
  struct PlanFile: Sendable {
    /// As shown in messages.
    var displayPath: String
    /// Relative to the repository root (or the configuration root outside git).
    var path: String
    var bytes: Result<[UInt8], SourceProblem>
  }

  /// Why one plan cannot be rendered: a message for standard error; other plans go on.
  struct Problem: Error, Sendable {
    var text: String
  }

  let configuration: Configuration
  /// The repository root: a plan named outside it is not read.
  let boundary: RepositoryBoundary
  let audience: SnapshotAudience
  let fixedAsOf: CalendarDate?
  let branding: Branding

  private var reader: HistoryReader?
  /// What the snapshots are built from, once the history is read; shared by the workers.
  private(set) var builder: SnapshotBuilder
  /// What the user should know: history left out, and why.
  private(set) var notes: [String] = []

  init(
    configuration: Configuration, repositoryRoot: String, audience: SnapshotAudience, fixedAsOf: CalendarDate?,
    branding: Branding
  ) {
    self.configuration = configuration
    boundary = RepositoryBoundary(root: repositoryRoot, isGitWorkTree: true)
    self.audience = audience
    self.fixedAsOf = fixedAsOf
    self.branding = branding
    builder = SnapshotBuilder(audience: audience, fixedAsOf: fixedAsOf, branding: branding)
  }

  private func isPlan(_ root: String) -> @Sendable (String) -> Bool {
    let configuration = configuration
    return { configuration.includesPlan(repositoryPath: $0, repositoryRoot: root) }
  }

  /// Runs `checks` on each plan before it is rendered (see ``SnapshotBuilder/checks``); errors
  /// stop a buyer's page.
  mutating func check(with checks: (any PlanChecks)?) {
    builder.checks = checks
    builder.errorsStopRendering = audience == .buyer
  }

  /// Opens the repository around `directory`; outside one, history is left out unless `needed`.
  mutating func openRepository(from directory: String, needed: Bool) throws {
    do {
      reader = try HistoryReader(discoveringFrom: directory)
    } catch {
      guard error.kind == .notARepository else { throw error }
      if needed {
        throw UsageError(
          "--at and --base read the git history, and \(Paths.display(directory)) is not in a git repository",
          help: "run mapc render inside the plans repository")
      }
      reader = nil
    }
  }

  /// The plan file named on the command line, from the working tree or from revision `at`.
  func onePlan(_ argument: String, at revision: String?) throws -> PlanFile {
    let absolute = Paths.absolute(argument)
    if Paths.kind(absolute) != .missing, let refusal = boundary.refusal(for: absolute) {
      return PlanFile(
        displayPath: Paths.display(absolute), path: argument,
        bytes: .failure(SourceProblem(.unreadable, "cannot read file: \(refusal)", help: "render the plans of this repository from inside it")))
    }
    guard let reader, let relative = Paths.relative(absolute, to: reader.root) else {
      guard Paths.kind(absolute) != .missing else { throw UsageError("no such file: \(argument)") }
      return PlanFile(
        displayPath: Paths.display(absolute), path: Paths.relative(absolute, to: configuration.root) ?? argument,
        bytes: FileBytes.read(path: absolute, limit: PlanReader.maximumFileSize).mapError { PlanReader.problem(for: $0) })
    }
    if let revision {
      let repository = reader.repository
      let commit = try repository.resolveRevision(revision)
      let tree = try repository.commit(commit).treeID
      guard let blob = try repository.blobIDs(at: [relative], inTree: tree)[relative] else {
        throw UsageError("\(argument) does not exist at \(revision)", help: "give the plan's path as it was at that revision")
      }
      return PlanFile(displayPath: "\(revision):\(relative)", path: relative, bytes: .success(try repository.blob(blob)))
    }
    guard Paths.kind(absolute) != .missing else { throw UsageError("no such file: \(argument)") }
    return PlanFile(
      displayPath: Paths.display(absolute), path: relative,
      bytes: FileBytes.read(path: absolute, limit: PlanReader.maximumFileSize).mapError { PlanReader.problem(for: $0) })
  }

  /// Stops when another plan of the repository (in the working tree, or at `revision`) has the
  /// id of `file`: its history, slip and changes would be drawn from both files.
  ///
  /// - Throws: ``UsageError`` naming the id and the files.
  func requireUniquePlanID(of file: PlanFile, absolutePath: String, at revision: String?) throws {
    guard case .success(let bytes) = file.bytes, let id = PlanDocument(bytes: bytes, milestoneDetails: false).plan?.id else {
      return
    }
    var entries = [PlanIDs.Entry(id: id, path: file.displayPath)]
    if let revision, let reader {
      let repository = reader.repository
      let versions = try PlanDiff.plans(in: repository, at: try repository.resolveRevision(revision), isPlan: isPlan(reader.root))
      for version in versions where version.path != file.path && version.plan.id == id {
        entries.append(PlanIDs.Entry(id: id, path: "\(revision):\(version.path)"))
      }
    } else {
      // No plan files at all is no duplicate: the file given may lie outside the globs.
      let others = ((try? PlanFiles.resolve([], configuration: configuration)) ?? []).filter { $0.path != absolutePath }
      entries += PlanIDs.entries(of: others, matching: [id])
    }
    try PlanIDs.requireUnique(entries)
  }

  /// Every plan of the repository (the configuration's `plans` globs), in path order.
  func allPlans(at revision: String?) throws -> [PlanFile] {
    if let revision, let reader {
      let repository = reader.repository
      let tree = try repository.commit(try repository.resolveRevision(revision)).treeID
      var out: [PlanFile] = []
      for change in try repository.changes(fromTree: nil, toTree: tree, pathFilter: isPlan(reader.root)) {
        guard let blob = change.newBlob else { continue }
        out.append(PlanFile(displayPath: "\(revision):\(change.path)", path: change.path, bytes: .success(try repository.blob(blob))))
      }
      guard !out.isEmpty else { throw UsageError("no plan files at \(revision)") }
      return out.sorted { $0.path < $1.path }
    }
    return try PlanFiles.resolve([], configuration: configuration).map { target in
      let path = reader.flatMap { Paths.relative(target.path, to: $0.root) } ?? target.relativePath
      return PlanFile(
        displayPath: target.displayPath, path: path,
        bytes: FileBytes.read(path: target.path, limit: PlanReader.maximumFileSize).mapError { PlanReader.problem(for: $0) })
    }
  }

  /// Reads the history the snapshots draw on. A shallow clone or an empty repository leaves
  /// history out with a note, unless --at or --base asked for it.
  mutating func readHistory(for files: [PlanFile], at revision: String?, since sinceRevision: String?) throws {
    guard let reader else { return }
    let repository = reader.repository
    let planFilter = isPlan(reader.root)
    let history: History
    // A buyer's page is dated and charted by public changes only: each version's public
    // content is fingerprinted as it is parsed.
    let fingerprint = audience == .buyer ? BuyerHistory.fingerprint : nil
    do {
      if files.count == 1, revision == nil {
        history = try reader.read(following: [files[0].path], includeWorkingTree: true, publicFingerprint: fingerprint, isPlan: planFilter)
      } else {
        history = try reader.read(
          at: revision, includeWorkingTree: revision == nil, publicFingerprint: fingerprint, isPlan: planFilter)
      }
    } catch {
      let optional = revision == nil && sinceRevision == nil
      guard optional, Self.historyMayBeMissing(error.kind) else { throw error }
      notes.append(
        "the snapshot leaves out slip and history: \(UsageError(error, command: "mapc render", directory: reader.root).message)")
      if error.kind == .shallow {
        // A shallow clone still has HEAD: it dates the snapshot, and the page says what is missing.
        let head = try repository.resolveCommit("HEAD")
        builder.headDate = try HistoryReader.revision(try repository.commit(head)).date
        builder.commit = String(head.description.prefix(12))
        builder.leftOut =
          "Without slip and history: this snapshot was made from a shallow clone of the plan repository, "
          + "dated by its latest commit."
      }
      return
    }
    builder.report = SlipAnalysis.analyze(history.steps, options: SlipOptions(today: fixedAsOf ?? CalendarDate(daysSince1970: 0)))
    builder.committedSteps = history.steps.filter { !$0.revision.isWorkingTree }
    if audience == .buyer { builder.publicSteps = BuyerHistory.publicChanges(history.steps) }
    builder.commit = String(try repository.resolveRevision(revision ?? "HEAD").description.prefix(12))
    if let sinceRevision {
      let id = try repository.resolveRevision(sinceRevision)
      let versions = try PlanDiff.plans(in: repository, at: id, isPlan: planFilter)
      try PlanIDs.requireUnique(versions.compactMap { v in v.plan.id.map { PlanIDs.Entry(id: $0, path: "\(sinceRevision):\(v.path)") } })
      builder.since = (sinceRevision, versions)
      builder.sinceCommit = try HistoryReader.revision(try repository.commit(id))
    }
  }

  /// Git states in which a snapshot can still be drawn, without history.
  static func historyMayBeMissing(_ kind: GitError.Kind) -> Bool {
    kind == .shallow || kind == .emptyRepository || kind == .unbornBranch
  }
}

/// Builds snapshots from plan files and what was read from the history: pure, so the files can
/// be rendered on all cores.
struct SnapshotBuilder: Sendable {
  typealias PlanFile = SnapshotSources.PlanFile
  typealias Problem = SnapshotSources.Problem

  let audience: SnapshotAudience
  let fixedAsOf: CalendarDate?
  let branding: Branding
  var report: SlipReport?
  var committedSteps: [HistoryStep] = []
  /// For the buyer: the steps that changed public content (``BuyerHistory``), the working tree's included.
  var publicSteps: [HistoryStep]?
  var commit: String?
  /// Without history (a shallow clone): HEAD's commit date, which dates the snapshots, and why
  /// slip and history are left out, for the page.
  var headDate: CalendarDate?
  var leftOut: String?
  var since: (name: String, plans: [PlanVersion])?
  /// The commit `since` names: its date and subject name the starting point on the page.
  var sinceCommit: Revision?
  /// The plan's checks, as `mapc lint` runs them (dated by each snapshot's as-of day): a plan
  /// with errors is not rendered, so a typo never reaches a buyer as if it were a name.
  var checks: (any PlanChecks)?
  /// Whether an error stops the plan: for the buyer, at any revision (a past one would be a way
  /// round the check: `--at HEAD` is the plan as it is). An internal page is where the selling
  /// team looks at what is wrong, so it is drawn and the errors reported beside it.
  var errorsStopRendering = true

  /// A snapshot and the warnings its plan's checks found (as `mapc lint` shows them).
  struct Checked: Sendable {
    var snapshot: Snapshot
    var warnings: [String]
  }

  /// How the page names the starting point of "What changed": the date of `commit`, and its
  /// subject unless the page is the buyer's and that commit changed nothing public in plan `id`
  /// (an internal-only commit's subject stays in-house). Falls back to `name` without a commit.
  func sinceLabel(name: String, commit: Revision?, planID: String) -> String {
    guard let commit else { return name }
    let date = Words.date(commit.date)
    var showsSubject = true
    if let publicSteps {
      showsSubject = publicSteps.contains { step in
        step.revision.commit == commit.commit && step.changed.contains { $0.plan?.id == planID }
      }
    }
    let subject = commit.subject
    return showsSubject && subject.contains(where: { !$0.isWhitespace }) ? "\(date): \(subject)" : date
  }

  /// The snapshot of one plan file with the warnings of its checks, or the problem that stops
  /// it: a file that does not load, or a plan whose checks find an error.
  func snapshot(_ file: PlanFile) throws(UsageError) -> Result<Checked, Problem> {
    let bytes: [UInt8]
    switch file.bytes {
    case .failure(let problem): return .failure(Self.problem(file.displayPath, problem.position, problem.message, problem.help))
    case .success(let b): bytes = b
    }
    let document = PlanDocument(bytes: bytes)
    if let p = document.firstError {
      return .failure(Self.problem(file.displayPath, p.position, p.message, p.help))
    }
    guard let source = document.source, let json = document.frontmatter, let plan = document.plan else {
      return .failure(Self.problem(file.displayPath, nil, "the file cannot be read as a plan", nil))
    }
    let slip = plan.id.flatMap { id in report?.plans.first { $0.id == id } }
    // The buyer's history holds only the commits that changed public content: its last one
    // dates the page, and "uncommitted changes" means public ones.
    var lastCommit = slip?.lastCommit
    var uncommitted = slip?.lastChange?.isWorkingTree ?? false
    var trendSteps = committedSteps
    if let publicSteps, let id = plan.id {
      (lastCommit, uncommitted) = BuyerHistory.lastChange(of: id, in: publicSteps)
      trendSteps = publicSteps.filter { !$0.revision.isWorkingTree }
    }
    guard let asOf = fixedAsOf ?? lastCommit?.date ?? headDate else {
      throw UsageError(
        "no as-of date for \(file.displayPath): \(report == nil ? "there is no git history to date it by" : "it has no commit yet to date it by")",
        help: "pass --as-of YYYY-MM-DD, or set SOURCE_DATE_EPOCH")
    }
    var warnings: [String] = []
    if let checks {
      let findings = checks.check(document, bytes: bytes, path: file.path, displayPath: file.displayPath, asOf: asOf)
      let errors = findings.filter { $0.severity == .error }
      // Notes stay with `mapc lint`: a render prints what needs fixing, not every suggestion.
      warnings = findings.filter { $0.severity == .warning }.map(\.text)
      let count = errors.count == 1 ? "an error" : "\(errors.count) errors"
      if !errors.isEmpty && !errorsStopRendering {
        warnings = findings.filter { $0.severity != .note }.map(\.text)
        warnings.append(
          "\(InertText.text(file.displayPath)): note: the plan has \(count); it is rendered for the internal audience, "
            + "a buyer snapshot would not be\n")
      } else if !errors.isEmpty {
        return .failure(
          Problem(
            text: findings.map(\.text).joined()
              + "\(InertText.text(file.displayPath)): error: the plan has \(count), so it is not rendered\n"
              + "  = help: fix what `mapc lint \(InertText.text(file.displayPath))` reports, then render again\n"))
      }
    }
    var history = SnapshotHistory(slip: slip, leftOut: leftOut)
    if let report, let id = plan.id {
      history.reasons = PlanDiff.reasons(report, audience: audience == .buyer ? .buyer : .internal)[id]
    }
    if let id = plan.id, !trendSteps.isEmpty {
      let trend = PlanTrend(steps: trendSteps, planID: id)
      if trend.isChartable { history.trend = trend }
    }
    if let since, let id = plan.id {
      let head = PlanVersion(path: file.path, plan: plan, frontmatter: json)
      let baselines = report.map(PlanDiff.baselines)
      let reasons = report.map { PlanDiff.reasons($0, audience: audience == .buyer ? .buyer : .internal) }
      let diff = PlanDiff.compare(
        base: since.plans.filter { $0.plan.id == id }, head: [head], baselines: baselines, reasons: reasons,
        audience: audience == .buyer ? .buyer : .internal, baseName: since.name, headName: "snapshot", notes: [])
      history.changes = (sinceLabel(name: since.name, commit: sinceCommit, planID: id), diff.plans.first { $0.id == id }?.entries ?? [])
    }
    let snapshot = Snapshot(
      plan: plan, frontmatter: json, body: source.body, audience: audience, asOf: asOf, history: history, commit: commit,
      uncommitted: uncommitted, branding: branding, path: file.path)
    return .success(Checked(snapshot: snapshot, warnings: warnings))
  }

  private static func problem(_ path: String, _ position: SourcePosition?, _ message: String, _ help: String?) -> Problem {
    var text = "\(path)\(position.map { ":\($0.line):\($0.column)" } ?? ""): error: \(message)\n"
    text += "  = help: \(help ?? "run `mapc lint \(path)` for details"); this plan is not rendered\n"
    return Problem(text: text)
  }
}
