import ArgumentParser
import MapcExport
import MapcModel
import MapcRender
import MapcWorkspace

/// `--include done`.
enum CalendarInclude: String, ExpressibleByArgument, CaseIterable {
  case done
}

struct CalendarCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "calendar",
    abstract: "Write an iCalendar (.ics) feed of plans' milestones and key dates to subscribe to.",
    discussion: """
      One all-day event per open milestone with a due date, plus the go-live, the value date, the \
      compelling event and each blackout period (RFC 5545). Cancelled milestones never appear; done \
      ones only with --include done. Each event's UID is a hash of the plan id and the milestone \
      id, so it survives renames and date moves and names nobody; SEQUENCE counts the times its \
      date moved in the git history, and DTSTAMP is the time of the last commit that changed the \
      milestone (the plan, for the key dates; outside git: --as-of or SOURCE_DATE_EPOCH; never the \
      clock), so a subscribed calendar updates the event in place and two runs give the same bytes.

      Publish the file where the buyer can reach it over https (beside the snapshots of `mapc \
      render --all`) and share its address: calendar apps subscribe to a URL and refresh on their \
      own schedule, often every 12 to 24 hours. Events link to the snapshot when \
      `export.snapshot_url` is set in mapc.yml.

      The buyer audience (default) leaves out internal content and passes the leak guard: internal \
      content found in the feed writes nothing and exits 2. A buyer's feed goes to one buyer: \
      plans of several buyers are refused (exit 2); name one buyer's plans as paths.
      """
  )

  @Argument(help: "Plan files or directories (default: the repository's plans).")
  var plans: [String] = []

  @Option(name: .shortAndLong, help: "Write the feed to this file (atomically) instead of standard output; `-` is standard output.")
  var output: String?

  @Option(help: "Who the feed is for: buyer (default) or internal.")
  var audience: ExportAudience = .buyer

  @Option(help: ArgumentHelp("Add these milestones, which are left out by default: done.", valueName: "done"))
  var include: [CalendarInclude] = []

  @Option(
    name: .customLong("as-of"),
    help: ArgumentHelp("Outside git: the date events are stamped with (YYYY-MM-DD).", valueName: "date"),
    transform: calendarDate("--as-of"))
  var asOf: CalendarDate?

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let request = CalendarRun.Request(
      paths: plans, audience: audience, includeDone: include.contains(.done), asOf: asOf, publicFingerprint: PublicHistory.fingerprint)
    let ics = try CalendarRun.run(request, workspace: workspace.open(), environment: Today.processEnvironment())
    if let output, output != "-" {
      try AtomicFile.write(ics, to: output, permissions: audience == .internal ? .private : .shared)
    } else {
      Console.out(ics)
    }
  }
}
