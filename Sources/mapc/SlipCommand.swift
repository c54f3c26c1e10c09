import ArgumentParser
import MapcHistory
import MapcModel

extension SlipFormat: OutputFormatOption {
  static var defaultFormat: SlipFormat { .text }
}

struct SlipCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "slip",
    abstract: "Show slipped dates from the git history: baselines, every date move, who and why.",
    discussion: """
      Reads the first-parent history of the analysed revision (a merged pull request counts as one \
      change) and follows plans and milestones by id across renames and moves. Uncommitted edits \
      count as a last, uncommitted change.

      Record why a date moved with `due_reason:` on the milestone, changed in the same commit, or \
      with a `Slip-Reason:` trailer in the commit message.

      Definitions:
      \(HelpText.list(SlipReport.definitions))
      """
  )

  @Argument(
    help: ArgumentHelp(
      "Plan files or plan ids (default: every plan of the repository).",
      discussion: "Plans are followed across moves and renames either way; files are faster on a long history."))
  var plans: [String] = []

  @OptionGroup var output: FormatOptions<SlipFormat>

  @Option(help: "Analyse the plans as they were at this revision (default: the working tree over HEAD).")
  var at: String?

  @Option(help: "Measure slip against the due dates at this revision, or as of this date (YYYY-MM-DD).")
  var baseline: String?

  @Option(
    help: ArgumentHelp("List only the date moves from this date (YYYY-MM-DD) on; baselines are unchanged.", valueName: "date"),
    transform: calendarDate("--since"))
  var since: CalendarDate?

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let request = SlipRun.Request(plans: plans, at: at, baseline: baseline, movesSince: since)
    Console.out(try SlipRun.report(request, workspace: workspace.open()).render(output.format))
  }
}
