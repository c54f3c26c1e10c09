import Foundation
import MapcGit
import MapcHistory
import MapcModel
import MapcPortfolio
import MapcWorkspace

/// One `mapc render` run: the snapshots to write, in file order, and what to tell the user.
public struct SnapshotRun: Sendable {
  /// What to render, as the command line asks it.
  public struct Request: Sendable {
    /// The plan file to render; nil with `all`.
    public var plan: String?
    /// Every plan of the repository, with an index page.
    public var all: Bool
    public var audience: SnapshotAudience
    /// Render the plans as they were at this revision.
    public var at: String?
    /// List what changed since this revision.
    public var base: String?
    /// The date "days remaining" count from; nil for `SOURCE_DATE_EPOCH` or the plan's last commit.
    public var asOf: CalendarDate?
    /// The plan's checks, run before each plan is drawn: an error stops a buyer's page (an
    /// internal one is drawn with the errors reported), warnings are reported beside the page.
    public var checks: (any PlanChecks)?
    /// With `all`: each page links to `<plan id>.ics`, the calendar feed written beside it.
    public var calendar: Bool

    public init(
      plan: String?, all: Bool = false, audience: SnapshotAudience = .buyer, at: String? = nil, base: String? = nil,
      asOf: CalendarDate? = nil, checks: (any PlanChecks)? = nil, calendar: Bool = false
    ) {
      self.calendar = calendar
      self.plan = plan
      self.all = all
      self.audience = audience
      self.at = at
      self.base = base
      self.asOf = asOf
      self.checks = checks
    }
  }

  /// One rendered page and the file name it gets in an `--all` folder.
  public struct Page: Sendable {
    public var file: String
    public var snapshot: Snapshot
    public var html: String
  }

  /// The snapshots rendered, in file order.
  public var pages: [Page]
  /// The index page, with `all`.
  public var index: String?
  /// Plans that could not be rendered, each a message for standard error.
  public var problems: [String]
  /// Notes for standard error (history left out, and why).
  public var notes: [String]
  /// The warnings of the rendered plans' checks, as `mapc lint` shows them, for standard error.
  public var warnings: [String]

  /// Renders what `request` asks for in `workspace`; `environment` gives `SOURCE_DATE_EPOCH`.
  ///
  /// - Throws: ``UsageError`` for a bad revision, a plan that does not exist, unusable
  ///   branding or a snapshot with no as-of date; `GitError` when the history cannot be read.
  public init(_ request: Request, workspace: Workspace, environment: [String: String]) throws {
    let branding = try Branding(workspace.configuration.render)
    let fixedAsOf = try request.asOf ?? Today.sourceDateEpoch(environment)
    var sources = SnapshotSources(
      configuration: workspace.configuration, repositoryRoot: workspace.repositoryRoot, audience: request.audience,
      fixedAsOf: fixedAsOf, branding: branding)
    try sources.openRepository(from: workspace.directory, needed: request.at != nil || request.base != nil)
    let files = try request.all ? sources.allPlans(at: request.at) : [sources.onePlan(request.plan ?? "", at: request.at)]
    if !request.all, let file = files.first {
      try sources.requireUniquePlanID(of: file, absolutePath: Paths.absolute(request.plan ?? ""), at: request.at)
    }
    try sources.readHistory(for: files, at: request.at, since: request.base)
    notes = sources.notes
    sources.check(with: request.checks)

    // Parse and render on all cores; report and name in file order, so output is the same.
    // Every buyer page passes the leak guard before the run returns, so a leak stops the
    // command before anything is written.
    let builder = sources.builder
    let buyer = request.audience == .buyer
    typealias Rendered = (snapshot: Snapshot, html: String, guarding: LeakGuard?, warnings: [String])
    let linksCalendar = request.all && request.calendar
    let outputs = files.concurrentMap { file -> Result<Result<Rendered, SnapshotSources.Problem>, UsageError> in
      Result { () throws(UsageError) in
        switch try builder.snapshot(file) {
        case .failure(let problem): return .failure(problem)
        case .success(let checked):
          var snapshot = checked.snapshot
          if linksCalendar { snapshot.calendarFile = Self.calendarFile(for: snapshot.plan.id) }
          let html = SnapshotPage(snapshot).render()
          guard buyer else { return .success((snapshot, html, nil, checked.warnings)) }
          let guarding = builder.leakGuard(for: snapshot, environment: environment)
          try snapshot.checkBuyerPage(html, with: guarding)
          return .success((snapshot, html, guarding, checked.warnings))
        }
      }
    }
    if request.all {
      // Two files with one id would have been drawn from each other's history: nothing is written.
      try PlanIDs.requireUnique(
        zip(files, outputs).compactMap { file, output in
          guard case .success(.success(let rendered)) = output, let id = rendered.snapshot.plan.id else { return nil }
          return PlanIDs.Entry(id: id, path: file.displayPath)
        })
    }
    pages = []
    problems = []
    warnings = []
    var usedNames = Set<String>(["index"])
    var indexGuard = LeakGuard()
    for output in outputs {
      switch try output.get() {
      case .failure(let problem):
        problems.append(problem.text)
      case .success(let (snapshot, html, guarding, planWarnings)):
        warnings += planWarnings
        let file = Self.fileName(for: snapshot, taken: &usedNames)
        // In a folder of pages a buyer is sent one of, a page must be named by its own plan id:
        // a renamed page could be taken for another deal's.
        if request.all, file != (snapshot.plan.id ?? "") + ".html" {
          let shown = snapshot.plan.id.map { "plan id `\($0)`" } ?? "a plan with no id"
          let why = snapshot.plan.id == "index" ? "is reserved for the index page" : "cannot be a file name of its own"
          problems.append(
            "\(snapshot.path): error: \(shown) \(why), so it is not rendered with --all\n"
              + "  = help: give the plan a lowercase kebab-case id (see `mapc lint`); this plan is not rendered\n")
          continue
        }
        pages.append(Page(file: file, snapshot: snapshot, html: html))
        if let guarding { indexGuard.merge(guarding) }
      }
    }
    if request.all {
      // The selling team's index is the portfolio page (`mapc report --format html`), linking
      // to the snapshots; where the portfolio cannot be read (no git history), the list of plans.
      if !buyer, let portfolio = Self.portfolioIndex(request, workspace: workspace, asOf: fixedAsOf, pages: pages, branding: branding, notes: &notes) {
        index = portfolio
      } else {
        let page = IndexPage(
          entries: pages.map { IndexPage.Entry(file: $0.file, snapshot: $0.snapshot) }, audience: request.audience,
          asOf: fixedAsOf, branding: branding)
        let html = page.render()
        if buyer { try page.checkBuyerIndex(html, with: indexGuard) }
        index = html
      }
    }
  }

  /// The portfolio page for an internal `--all` index, or nil (with a note) when the portfolio
  /// cannot be read: outside git, in a shallow clone, or in a repository without commits.
  static func portfolioIndex(
    _ request: Request, workspace: Workspace, asOf: CalendarDate?, pages: [Page], branding: Branding, notes: inout [String]
  ) -> String? {
    var dated = workspace
    if let asOf { dated.today = asOf }
    let report: PortfolioReport
    do {
      report = try PortfolioRun.report(PortfolioRun.Request(at: request.at), workspace: dated)
    } catch {
      notes.append("index.html lists the plans without the portfolio: \(error)")
      return nil
    }
    var links: [String: String] = [:]
    for page in pages { if let id = page.snapshot.plan.id { links[id] = page.file } }
    let summary = PortfolioSummary(
      report, audience: .internal, view: .plan, placeholderDueDays: workspace.configuration.thresholds.placeholderDueDays)
    return PortfolioPage(summary: summary, links: links, branding: branding).render()
  }

  /// The calendar feed's file beside a page of `--all`: `<id>.ics`, for an id that names its
  /// page as it is (other plans are not rendered with --all).
  public static func calendarFile(for id: String?) -> String? {
    guard let id, !id.isEmpty, id != "index",
      id.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-" || $0 == "_") })
    else { return nil }
    return id + ".ics"
  }

  /// A file name from the plan id: kebab-case ids pass as they are; anything else is reduced to
  /// safe characters, and a repeated name gets a number.
  static func fileName(for snapshot: Snapshot, taken: inout Set<String>) -> String {
    let fileStem = snapshot.path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
    let raw = snapshot.plan.id ?? fileStem
    var base = ""
    for c in raw.lowercased() {
      let safe = c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
      base.append(safe ? c : "-")
    }
    if base.isEmpty || base.allSatisfy({ $0 == "-" }) { base = "plan" }
    var name = base
    var n = 2
    while !taken.insert(name).inserted {
      name = "\(base)-\(n)"
      n += 1
    }
    return name + ".html"
  }
}

extension Branding {
  /// The branding `render` in `mapc.yml` sets: the logo embedded as a `data:` URI, the CSS
  /// checked to load nothing from anywhere.
  public init(_ settings: Configuration.RenderSettings) throws(UsageError) {
    self.init(seller: settings.seller, accent: settings.accent)
    // The configuration checked both files (inside the repository, regular, at most 1 MB);
    // they are read without following a link, and within the limit, all the same.
    let limit = Configuration.RenderSettings.maximumFileSize
    if let logo = settings.logo, let type = Configuration.RenderSettings.logoMediaType(logo) {
      switch FileBytes.read(path: logo, limit: limit) {
      case .success(let bytes): logoDataURI = "data:\(type);base64,\(Data(bytes).base64EncodedString())"
      case .failure(let failure): throw UsageError("cannot use the logo file \(logo): \(Self.describe(failure, limit: limit))")
      }
    }
    if let path = settings.css {
      var bytes: [UInt8]
      switch FileBytes.read(path: path, limit: limit) {
      case .success(let read): bytes = read
      case .failure(let failure): throw UsageError("cannot use the CSS file \(path): \(Self.describe(failure, limit: limit))")
      }
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      switch String(validating: bytes, as: UTF8.self) {
      case nil: throw UsageError("cannot use the CSS file \(path): it is not valid UTF-8")
      case let text?:
        if let problem = Self.externalReference(inCSS: text) {
          throw UsageError(
            "the CSS file \(path) \(problem)", help: "a snapshot loads nothing from anywhere: embed images as data: URLs, use system fonts")
        }
        css = text
      }
    }
  }

  private static func describe(_ failure: FileBytes.Failure, limit: Int) -> String {
    switch failure {
    case .tooLarge(let size): return "it is \(size) bytes, over the limit of \(limit / (1024 * 1024)) MB"
    case .system(let message), .notRegularFile(let message): return message
    }
  }

  /// Why a stylesheet would load something from elsewhere (`@import`, a `url()` that is not
  /// `data:`), or nil. The snapshot's CSP blocks such loads; mapc does not rely on it alone.
  static func externalReference(inCSS css: String) -> String? {
    let lower = css.lowercased()
    if lower.contains("@import") { return "uses @import" }
    var rest = Substring(lower)
    while let r = rest.range(of: "url(") {
      rest = rest[r.upperBound...]
      let target = rest.drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" }
      if !target.hasPrefix("data:") { return "refers to an external resource with url(\(target.prefix(40))…)" }
    }
    return nil
  }
}
