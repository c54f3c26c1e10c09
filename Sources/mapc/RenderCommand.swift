import ArgumentParser
import MapcExport
import MapcLint
import MapcModel
import MapcRender
import MapcWorkspace

extension SnapshotAudience: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a plan as a self-contained HTML snapshot to send to the buyer.",
    discussion: """
      The snapshot is one HTML file with no external requests: styles are inline, charts are \
      inline SVG, the logo is a data URI. It shows the value statement, key dates, stages, what \
      is next and who owns it, a timeline, every milestone with its slip since baseline, the \
      people, the documents and the plan's Markdown body. Inside a git repository it adds the \
      milestone trend chart and, with --base, what changed since that revision.

      The buyer audience (default) leaves out everything internal: the top-level `internal` \
      object, `internal` notes on milestones and stakeholders, and body sections whose heading \
      ends with "(internal)". --audience internal shows them under an "Internal" banner. Every \
      buyer page (and the --all index) passes a leak guard before anything is written: internal \
      content found in it writes nothing and exits 2. A commit that changed only internal \
      content is not part of the buyer's history (trend chart, as-of date).

      The plan's checks run first, as `mapc lint` runs them on the as-of date: a plan with an \
      error gets no buyer snapshot, at any revision (its diagnostics are printed, nothing is \
      written, exit 1; with --all the other plans are), and warnings are printed beside the page. \
      An internal snapshot is drawn with its errors reported beside it.

      The as-of date is --as-of (or --today), else SOURCE_DATE_EPOCH, else the date of the plan's last \
      commit; never the clock, so the same inputs give the same bytes. Branding (seller name, \
      logo, accent colour, extra CSS) comes from `render` in mapc.yml.
      """
  )

  @Argument(help: "The plan file to render.")
  var plan: String?

  @Option(
    name: .shortAndLong,
    help: "Write to this file (with --all: this directory) instead of standard output; `-` is standard output.")
  var output: String?

  @Flag(help: "Render every plan of the repository into the --output directory, with an index.html.")
  var all = false

  @Flag(
    help: ArgumentHelp(
      "With --all: write each plan's calendar feed (<id>.ics, as `mapc calendar` writes it) beside its page, and link to it."))
  var calendar = false

  @Option(help: "Who the snapshot is for: buyer (default: internal content left out) or internal.")
  var audience: SnapshotAudience = .buyer

  @Option(help: "Render the plan as it was at this revision (a commit, branch or tag).")
  var at: String?

  @Option(
    help: ArgumentHelp(
      "List what changed since this revision: date moves, milestones added and removed, status changes.", valueName: "REV"))
  var base: String?

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("The date days remaining are counted from (YYYY-MM-DD); --today means the same.", valueName: "date"),
    transform: calendarDate("--as-of"))
  var asOf: CalendarDate?

  @Option(
    name: .customLong("since"),
    help: ArgumentHelp("Renamed --base (since is a date in `mapc slip`).", visibility: .hidden))
  var renamedSince: String?

  @OptionGroup var workspace: WorkspaceOptions

  func validate() throws {
    if renamedSince != nil {
      throw ValidationError("--since REV is now --base REV (in mapc slip, --since takes a date)")
    }
    if calendar, !all { throw ValidationError("--calendar goes with --all: each feed is written beside its page") }
    if calendar, at != nil { throw ValidationError("--calendar feeds follow the working tree's plans: not with --at") }
    if all {
      guard plan == nil else { throw ValidationError("give either a plan file or --all, not both") }
      guard let output, output != "-" else {
        throw ValidationError("--all needs --output DIR (-o DIR), the directory to write the snapshots to")
      }
    } else if plan == nil {
      throw ValidationError("give the plan file to render, or --all -o DIR for every plan")
    }
  }

  func run() throws {
    let workspace = try workspace.open()
    // The as-of date is never the clock: --as-of (or --today), then SOURCE_DATE_EPOCH or the
    // plan's last commit (in SnapshotRun).
    let asOf = asOf ?? self.workspace.today
    let checks = LintPlanChecks(configuration: workspace.configuration, schemas: workspace.schemas, today: workspace.today)
    let request = SnapshotRun.Request(
      plan: plan, all: all, audience: audience, at: at, base: base, asOf: asOf, checks: checks, calendar: calendar)
    let run = try SnapshotRun(request, workspace: workspace, environment: Today.processEnvironment())
    for note in run.notes { Console.error("mapc: note: \(note)\n") }
    for warning in run.warnings { Console.error(warning) }
    for problem in run.problems { Console.error(problem) }
    // An internal snapshot is for the selling team: a new file is readable by its owner only.
    let permissions: AtomicFile.Permissions = audience == .internal ? .private : .shared
    if all {
      let directory = output ?? "."
      // The feeds are made (and, for the buyer, guarded) before anything is written.
      var feeds: [(file: String, ics: String)] = []
      if calendar {
        let audience: ExportAudience = audience == .internal ? .internal : .buyer
        let byID = try CalendarRun.feeds(
          CalendarRun.Request(audience: audience, asOf: self.asOf, publicFingerprint: PublicHistory.fingerprint), workspace: workspace,
          environment: Today.processEnvironment())
        for page in run.pages {
          guard let file = page.snapshot.calendarFile, let id = page.snapshot.plan.id, let ics = byID[id] else { continue }
          feeds.append((file, ics))
        }
      }
      // Nothing is written when one of the files may not be replaced.
      for name in run.pages.map(\.file) + feeds.map(\.file) + ["index.html"] {
        try AtomicFile.checkReplaceable(Paths.join(directory, name))
      }
      for feed in feeds { try AtomicFile.write(feed.ics, to: Paths.join(directory, feed.file), permissions: permissions) }
      for page in run.pages {
        try AtomicFile.write(page.html, to: Paths.join(directory, page.file), permissions: permissions)
      }
      try AtomicFile.write(run.index ?? "", to: Paths.join(directory, "index.html"), permissions: permissions)
      let count = run.pages.count
      Console.error("mapc: rendered \(count) \(count == 1 ? "plan" : "plans") and index.html into \(directory)\n")
    } else if let html = run.pages.first?.html {
      if let output, output != "-" {
        try AtomicFile.write(html, to: output, permissions: permissions)
      } else {
        Console.out(html)
      }
    }
    if !run.problems.isEmpty { throw ExitCode(1) }
  }
}

/// Render checks a plan as `mapc lint` does (MapcRender asks for its checks through
/// ``PlanChecks`` rather than depend on MapcLint).
extension LintPlanChecks: PlanChecks {
  public func check(_ document: PlanDocument, bytes: [UInt8], path: String, displayPath: String, asOf: CalendarDate)
    -> [PlanCheckFinding]
  {
    findings(in: document, bytes: bytes, path: path, displayPath: displayPath, asOf: asOf).map {
      PlanCheckFinding(severity: $0.severity, text: $0.text)
    }
  }
}
