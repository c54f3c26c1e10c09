import ArgumentParser
import MapcModel
import MapcPortfolio
import MapcRender
import MapcWorkspace

extension PortfolioFormat: OutputFormatOption {
  static var defaultFormat: PortfolioFormat { .text }
}

extension PortfolioView: ExpressibleByArgument {}
extension PortfolioAudience: ExpressibleByArgument {}

struct ReportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "report",
    abstract: "Show the portfolio: plans by band, forecast go-live with its reason, coaching by owner.",
    discussion: """
      Reads every plan of the repository (or the ones given) at the working tree over HEAD, or \
      at --at REV, and the first-parent history once. Per plan: the band (stalled: an open \
      milestone 7 or more days overdue; at risk: 1-6 days overdue, marked at-risk or off-track, \
      or a go-live the plan's leads cannot meet from today; on track; done: every milestone done \
      or cancelled), percent done, overdue and stalled milestones, go-live now, at baseline and \
      its slip, total days off schedule, date moves in the last 30 days and how many had no \
      reason, the next milestone and its owners on both sides, the last buyer activity, the last \
      change, stale or not, and the forecast go-live with its reason.

      Forecast: the scheduler's earliest go-live from today where the plan has leads; else \
      go-live moved by the largest overdue, in business days, on go-live's dependency chain.

      Last buyer activity: the latest progress entry `by` a buyer stakeholder, commit by a buyer \
      stakeholder's email (or a domain in `report.buyer_domains` in mapc.yml), or done_on of a \
      buyer-owned milestone; "unknown" when none applies.

      --audience buyer drops internal fields (the deal amount) and passes the output through \
      the leak guard: internal content found writes nothing and exits 2. A buyer's report goes \
      to one buyer: plans of several buyers are refused (exit 2); pass one buyer's plans as \
      paths. In it only commits that changed what the buyer sees count. --format html needs \
      --output FILE; plans link to their snapshots when `mapc render --all` wrote them beside it.
      """
  )

  @Argument(help: "Plan files or folders (default: every plan of the repository).")
  var paths: [String] = []

  @OptionGroup var format: FormatOptions<PortfolioFormat>

  @Option(
    name: .customLong("by"),
    help: ArgumentHelp("The view: plan (default), owner or stage. Totals lead every view.", valueName: "view"))
  var view: PortfolioView = .plan

  @Option(help: "Who the report is for: internal (default, the selling team) or buyer.")
  var audience: PortfolioAudience = .internal

  @Option(help: "Report on the plans as they were at this revision (default: the working tree over HEAD).")
  var at: String?

  @Option(name: .shortAndLong, help: "Write to this file instead of standard output (required for html); `-` is standard output.")
  var output: String?

  @OptionGroup var workspace: WorkspaceOptions

  /// Lowercase letters, digits, `-` and `_`, not starting with `-` or `.`: no path, no option.
  static func isPageName(_ id: String) -> Bool {
    guard let first = id.unicodeScalars.first, first != "-", id != "index" else { return false }
    return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
  }

  func validate() throws {
    if format.format == .html, output == nil || output == "-" {
      throw ValidationError("--format html writes a page: give --output FILE (-o FILE)")
    }
  }

  func run() throws {
    let workspace = try workspace.open()
    let environment = Today.processEnvironment()
    let buyer = audience == .buyer
    let request = PortfolioRun.Request(
      paths: paths, at: at, buyerGuard: buyer, environment: environment, publicFingerprint: buyer ? PublicHistory.fingerprint : nil)
    let report = try PortfolioRun.report(request, workspace: workspace)
    for problem in report.problems { Console.error(problem) }
    let summary = PortfolioSummary(
      report, audience: audience, view: view, placeholderDueDays: workspace.configuration.thresholds.placeholderDueDays)
    let text: String
    if format.format == .html {
      // Plans link to the snapshots `render --all` wrote beside the page.
      let directory = output.flatMap(Paths.parent) ?? "."
      var links: [String: String] = [:]
      // Only an id that is a file name of its own (as `render --all` names pages) is looked up.
      for p in summary.plans where Self.isPageName(p.id) && Paths.isFile(Paths.join(directory, p.id + ".html")) {
        links[p.id] = p.id + ".html"
      }
      let branding = try Branding(workspace.configuration.render)
      let page = PortfolioPage(summary: summary, links: links, branding: branding)
      text = try summary.guarded(page.render(), format: .html) { PortfolioPage(summary: $0, links: links, branding: branding).render() }
    } else {
      let chosen = format.format
      text = try summary.guarded(summary.render(chosen), format: chosen) { $0.render(chosen) }
    }
    if let output, output != "-" {
      // An internal report is for the selling team: a new file is readable by its owner only.
      try AtomicFile.write(text, to: output, permissions: audience == .internal ? .private : .shared)
    } else {
      Console.out(text)
    }
    if !report.problems.isEmpty { throw ExitCode(1) }
  }
}
