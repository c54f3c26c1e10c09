import MapcGit
import MapcJSON
import MapcHistory
import MapcModel
import MapcWorkspace

/// The portfolio at *today*: one ``PlanStatus`` per plan, sorted by plan id, and what could not
/// be read.
public struct PortfolioReport: Sendable {
  /// The plans, sorted by id (renderers order them as their view asks).
  public var plans: [PlanStatus]
  public var today: CalendarDate
  /// The revision analysed (`--at`); nil for the working tree over HEAD.
  public var at: String?
  /// The analysed commit's full id (nil only in a repository without commits).
  public var commit: String?
  /// Plan files that could not be read, each a message for standard error; the others go on.
  public var problems: [String]
  /// The recent window of date moves, in days.
  public var recentDays: Int
  public var staleAfterDays: Int
  /// With ``PortfolioRun/Request/buyerGuard``: the leak guard of the plans involved.
  public var leakGuard: LeakGuard?
  /// With ``PortfolioRun/Request/buyerGuard``: the statuses drawn from the plans' public content
  /// alone, which the leak guard renders to rule out text mapc produces anyway.
  public var publicPlans: [PlanStatus]?

  public init(
    plans: [PlanStatus], today: CalendarDate, at: String?, commit: String?, problems: [String], recentDays: Int,
    staleAfterDays: Int
  ) {
    self.plans = plans
    self.today = today
    self.at = at
    self.commit = commit
    self.problems = problems
    self.recentDays = recentDays
    self.staleAfterDays = staleAfterDays
  }
}

/// One portfolio run: every plan of the repository (or the ones given) read once with details
/// at the analysed state, the history read once (``HistoryReader``, streamed through the
/// ``SlipAnalyzer`` and the ``ActivityTracker`` in the same pass), then one status per plan on
/// all cores. `mapc report` and `mapc export` stand on it.
public enum PortfolioRun {
  /// What to report on, as the command line asks it.
  public struct Request: Sendable {
    /// Plan files or folders; empty for every plan of the repository.
    public var paths: [String]
    /// The revision to analyse; nil for the working tree over HEAD.
    public var at: String?
    /// The window of "recent" date moves, in calendar days (30).
    public var recentDays: Int
    /// Build the leak guard of the plans (``PortfolioReport/leakGuard``) and the statuses of
    /// their public content alone (``PortfolioReport/publicPlans``), for a buyer output.
    public var buyerGuard: Bool
    /// Where the leak guard's test canary may be planted (``LeakGuard/canaryVariable``).
    public var environment: [String: String]
    /// With a fingerprint of what a buyer sees of a plan version (a buyer's report), the last
    /// change, the days since the last commit and the stale flag count only commits that
    /// changed public content, as a buyer's snapshot is dated (MapcRender's
    /// `PublicHistory.fingerprint`).
    public var publicFingerprint: PublicFingerprint?

    public init(
      paths: [String] = [], at: String? = nil, recentDays: Int = 30, buyerGuard: Bool = false, environment: [String: String] = [:],
      publicFingerprint: PublicFingerprint? = nil
    ) {
      self.paths = paths
      self.at = at
      self.recentDays = recentDays
      self.buyerGuard = buyerGuard
      self.environment = environment
      self.publicFingerprint = publicFingerprint
    }
  }

  /// A plan read with details at the analysed state.
  struct Current: Sendable {
    var plan: Plan
    var frontmatter: JSONValue?
    var path: String
    var repositoryPath: String
  }

  /// The statuses of the plans `request` names in `workspace`, sorted by plan id.
  ///
  /// - Throws: ``UsageError`` outside a repository, in a shallow clone, for an unknown
  ///   revision, when no plan is found or two files share one plan id.
  public static func statuses(_ request: Request, workspace: Workspace) throws -> [PlanStatus] {
    try report(request, workspace: workspace).plans
  }

  /// ``statuses(_:workspace:)`` with the problems met and the analysed commit.
  public static func report(_ request: Request, workspace: Workspace) throws -> PortfolioReport {
    let command = "mapc report"
    let configuration = workspace.configuration
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: workspace.directory)
    } catch {
      throw UsageError(error, command: command, directory: workspace.directory)
    }
    let root = reader.root
    let isPlan: @Sendable (String) -> Bool = { configuration.includesPlan(repositoryPath: $0, repositoryRoot: root) }
    let commit: ObjectID? = try request.at.map { try reader.repository.resolveRevision($0) }

    // The plans now, with details (progress logs, constraints, internal): the history reads
    // them without, to stay lean.
    var problems: [String] = []
    let current: [Current]
    do {
      current = try loadCurrent(request, workspace: workspace, reader: reader, commit: commit, isPlan: isPlan, problems: &problems)
    } catch let error as GitError {
      throw UsageError(error, command: command, directory: workspace.directory)
    }
    try PlanIDs.requireUnique(current.map { PlanIDs.Entry(id: $0.plan.id ?? "", path: $0.path) })
    if request.buyerGuard { try requireOneBuyer(current.map { ($0.plan.buyer, $0.path) }, command: "mapc report") }

    // The one history pass.
    let options = SlipOptions(today: workspace.today, staleAfterDays: configuration.staleAfterDays ?? 14)
    var analyzer: SlipAnalyzer
    var tracker = ActivityTracker(publicOnly: request.publicFingerprint != nil)
    var head: String?
    do {
      let walked = try reader.walk(at: request.at, includeWorkingTree: request.at == nil, isPlan: isPlan)
      head = walked.head?.commit
      analyzer = SlipAnalyzer(revisions: walked.revisions, options: options)
      try reader.forEachStep(of: walked, publicFingerprint: request.publicFingerprint) { step in
        analyzer.apply(step)
        tracker.apply(step)
      }
    } catch {
      throw UsageError(error, command: command, directory: workspace.directory)
    }
    let ids = Set(current.compactMap(\.plan.id))
    var byID: [String: PlanSlip] = [:]
    for s in analyzer.report(only: ids).plans { byID[s.id] = s }
    let slips = byID

    let portfolio = PortfolioOptions(
      today: workspace.today, recentDays: request.recentDays, buyerDomains: configuration.buyerDomains,
      calendar: configuration.calendar)
    let activities = tracker.plans
    let publicDating = request.publicFingerprint != nil
    let staleAfterDays = options.staleAfterDays
    func statuses(_ plans: [Current]) -> [PlanStatus] {
      plans.concurrentMap { c in
        let id = c.plan.id ?? ""
        let activity = activities[id] ?? PlanActivity()
        var status = PortfolioAnalysis.status(
          plan: c.plan, path: c.path, repositoryPath: c.repositoryPath, slip: slips[id], activity: activity, options: portfolio)
        if publicDating { status.dateByPublicChanges(activity, today: portfolio.today, staleAfterDays: staleAfterDays) }
        return status
      }.sorted { ($0.id, $0.path) < ($1.id, $1.path) }
    }
    // A buyer's report names the last commit that changed what the buyer sees of the plans
    // involved, never a later internal-only commit (nil when none did).
    var reportCommit = commit?.description ?? head
    if publicDating {
      var latest: (order: Int, commit: String)?
      for c in current {
        guard let a = c.plan.id.flatMap({ activities[$0] }), let order = a.lastPublicCommitOrder,
          let sha = a.lastPublicCommit?.commit, order > (latest?.order ?? -1)
        else { continue }
        latest = (order, sha)
      }
      reportCommit = latest?.commit
    }
    var report = PortfolioReport(
      plans: statuses(current), today: workspace.today, at: request.at, commit: reportCommit, problems: problems,
      recentDays: request.recentDays, staleAfterDays: options.staleAfterDays)
    if request.buyerGuard {
      var guarding = LeakGuard()
      for c in current {
        guarding.add(c.plan, frontmatter: c.frontmatter, name: c.path)
        guarding.addPublic(c.path)
        guarding.addTestCanary(from: request.environment, plan: c.path)
      }
      report.leakGuard = guarding
      report.publicPlans = statuses(
        current.map { c in
          var visible = c
          if let json = c.frontmatter {
            visible.frontmatter = PublicContent.frontmatter(json)
            visible.plan = Plan(PublicContent.frontmatter(json))
          }
          return visible
        })
    }
    return report
  }

  /// A buyer's output (`command`: a report, an export, a calendar) goes to one buyer: the plans
  /// involved (`buyer` as written, and the plan's path) must all name one `buyer` (spaces
  /// around it aside). A plan without a `buyer` among others could be anyone's.
  ///
  /// - Throws: ``UsageError`` naming the buyers found (and the plans without one).
  public static func requireOneBuyer(_ plans: [(buyer: String?, path: String)], command: String) throws(UsageError) {
    guard plans.count > 1 else { return }
    var buyers: [String] = []
    var seen = Set<String>()
    var unnamed: [String] = []
    for plan in plans {
      let written = plan.buyer ?? ""
      let name = String(written.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
      if name.isEmpty {
        unnamed.append(plan.path)
      } else if seen.insert(name).inserted {
        buyers.append(name)
      }
    }
    guard buyers.count + (unnamed.isEmpty ? 0 : 1) > 1 else { return }
    var found = buyers.sorted().map { "\"\($0)\"" }
    if !unnamed.isEmpty { found.append("no buyer in \(unnamed.sorted().joined(separator: ", "))") }
    let what = command.split(separator: " ").last.map(String.init) ?? "output"
    throw UsageError(
      "--audience buyer: a buyer's \(what) goes to one buyer, and these plans are for more than one: "
        + found.joined(separator: ", "),
      help: "pass the plans of one buyer as paths: `\(command) --audience buyer PLAN…`")
  }

  /// The plan files at the analysed state, parsed with details on all cores, in path order.
  /// A file that does not parse, or has no id, becomes a problem and is left out.
  static func loadCurrent(
    _ request: Request, workspace: Workspace, reader: HistoryReader, commit: ObjectID?, isPlan: @Sendable (String) -> Bool,
    problems: inout [String]
  ) throws -> [Current] {
    struct Source: Sendable {
      var path: String
      var repositoryPath: String
      var bytes: Result<[UInt8], SourceProblem>
    }
    var sources: [Source] = []
    if let commit, let at = request.at {
      let repository = reader.repository
      let tree = try repository.commit(commit).treeID
      let wanted = request.paths.map { Paths.relative(Paths.absolute($0), to: reader.root) ?? $0 }
      for change in try repository.changes(fromTree: nil, toTree: tree, pathFilter: isPlan) {
        guard let blob = change.newBlob else { continue }
        if !wanted.isEmpty, !wanted.contains(where: { $0 == change.path || $0.isEmpty || change.path.hasPrefix($0 + "/") }) {
          continue
        }
        sources.append(Source(path: "\(at):\(change.path)", repositoryPath: change.path, bytes: .success(try repository.blob(blob))))
      }
      if sources.isEmpty {
        throw UsageError("no plan files at \(at)" + (request.paths.isEmpty ? "" : " under the paths given"))
      }
    } else {
      for file in try workspace.planFiles(request.paths) {
        let relative = Paths.relative(file.path, to: reader.root) ?? file.relativePath
        if let refusal = file.refusal {
          sources.append(Source(path: file.displayPath, repositoryPath: relative, bytes: .failure(SourceProblem(.unreadable, "cannot read file: \(refusal)"))))
          continue
        }
        sources.append(
          Source(
            path: file.displayPath, repositoryPath: relative,
            bytes: FileBytes.read(path: file.path, limit: PlanReader.maximumFileSize).mapError { PlanReader.problem(for: $0) }))
      }
    }
    let parsed = sources.sorted { $0.repositoryPath < $1.repositoryPath }.concurrentMap { source -> Result<Current, ProblemText> in
      let bytes: [UInt8]
      switch source.bytes {
      case .failure(let p): return .failure(ProblemText(source.path, p.position.map { ($0.line, $0.column) }, p.message, p.help))
      case .success(let b): bytes = b
      }
      let document = PlanDocument(bytes: bytes)
      if let p = document.firstError { return .failure(ProblemText(source.path, p.position.map { ($0.line, $0.column) }, p.message, p.help)) }
      guard let plan = document.plan else { return .failure(ProblemText(source.path, nil, "the file cannot be read as a plan", nil)) }
      guard let id = plan.id, !id.isEmpty else {
        return .failure(ProblemText(source.path, nil, "the plan has no id", "give the plan an `id`: the report follows plans by id"))
      }
      return .success(Current(plan: plan, frontmatter: document.frontmatter, path: source.path, repositoryPath: source.repositoryPath))
    }
    var out: [Current] = []
    for result in parsed {
      switch result {
      case .success(let c): out.append(c)
      case .failure(let p): problems.append(p.text)
      }
    }
    return out
  }

  /// A message for one plan that is left out of the report.
  struct ProblemText: Error, Sendable {
    var text: String

    init(_ path: String, _ position: (line: Int, column: Int)?, _ message: String, _ help: String?) {
      text = "\(path)\(position.map { ":\($0.line):\($0.column)" } ?? ""): error: \(message)\n"
      text += "  = help: \(help ?? "run `mapc lint \(path)` for details"); this plan is left out of the report\n"
    }
  }
}
