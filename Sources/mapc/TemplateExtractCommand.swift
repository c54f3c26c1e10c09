import ArgumentParser
import MapcLint
import MapcTemplates
import MapcWorkspace

extension ExtractDurations: ExpressibleByArgument {}

struct TemplateExtractCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "extract",
    abstract: "Make a template from a past plan: offsets from its baseline dates, names and internal content removed.",
    discussion: """
      Each milestone's `offset` is the business days from its baseline due date (its due date in \
      the first commit that has it, as `mapc slip` reads the history) to the plan's baseline \
      go-live; with `--durations actual`, from its `done_on` date (when done) to the go-live it \
      reached. Outside a git repository, or for a plan not committed yet, the current due dates \
      serve as the baseline. Leads and dependencies are kept. Names, emails, phones, progress, \
      status, done dates, `internal` content and the body's internal sections are removed, and \
      the buyer's and seller's names become `${buyer}` and `${seller}` wherever they occur.

      A plan `mapc lint` finds errors in makes no template: mapc prints the findings and exits 1.

      Prints the template, or writes it with -o FILE (atomically; --force to overwrite).
      """
  )

  @Argument(help: "The plan file.")
  var plan: String

  @Option(name: .shortAndLong, help: ArgumentHelp("Write the template here (a *.map-template.md file).", valueName: "file"))
  var output: String?

  @Option(help: "Where offsets come from: baseline (the first committed due dates) or actual (done dates).")
  var durations: ExtractDurations = .baseline

  @Flag(help: "Overwrite an existing file.")
  var force = false

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    let workspace = try workspace.open()
    let checks = LintPlanChecks(configuration: workspace.configuration, schemas: workspace.schemas, today: workspace.today)
    let run = try ExtractRun(workspace: workspace, plan: plan, durations: durations, output: output, force: force, checks: checks)
    if !run.problems.isEmpty {
      for problem in run.problems { Console.error(problem) }
      throw ExitCode(1)
    }
    try run.write()
    Console.out(run.report)
  }
}
