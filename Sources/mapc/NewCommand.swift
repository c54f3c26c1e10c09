import ArgumentParser
import MapcModel
import MapcTemplates
import MapcWorkspace

struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start a plan from a template: due dates worked back from go-live in business days.",
    discussion: """
      TEMPLATE is a `*.map-template.md` file, or the id or name of one of the repository's \
      templates (`templates:` globs in mapc.yml, default `templates/**/*.map-template.md`; \
      `mapc new --list` lists them). Every milestone starts `not-started`, due WORKDAY(go-live, \
      offset) on the plan's working calendar, or for a milestone with only a `lead` its late \
      date back from the milestones that wait for it. `${buyer}`, `${seller}`, `${go_live}` and \
      `${value_date}` are filled in everywhere, the body included; the template's `internal` \
      guidance stays internal.

      Writes plans/ID.map.md under the folder of mapc.yml (ID.map.md when only that matches \
      mapc.yml's `plans`), or -o FILE (`-o -` prints the plan), \
      atomically, and refuses to overwrite a file without --force. When go-live leaves less time \
      than the template needs, mapc says so, writes the plan with the early milestones due today \
      (or done today with --done-before-today) and exits 0. Same inputs and --today give the \
      same file, byte for byte.
      """
  )

  @Argument(help: "The template: a file, or a repository template's id or name.")
  var template: String?

  @Flag(help: "List the repository's templates with their stages and milestones.")
  var list = false

  @Option(help: "The new plan's id (kebab-case), unique in the repository.")
  var id: String?

  @Option(help: "The buyer's name (fills ${buyer}).")
  var buyer: String?

  @Option(help: "The seller's name (fills ${seller}); default: the template's `seller`.")
  var seller: String?

  @Option(
    name: .customLong("go-live"), help: ArgumentHelp("The target go-live (YYYY-MM-DD).", valueName: "date"),
    transform: calendarDate("--go-live"))
  var goLive: CalendarDate?

  @Option(
    name: .customLong("value-date"),
    help: ArgumentHelp("The value date (YYYY-MM-DD); default: the date of the template's `marks: value_date` milestone.", valueName: "date"),
    transform: calendarDate("--value-date"))
  var valueDate: CalendarDate?

  @Option(name: .shortAndLong, help: ArgumentHelp("Where to write the plan (default plans/ID.map.md; - prints it).", valueName: "file"))
  var output: String?

  @Flag(help: "Overwrite an existing file.")
  var force = false

  @Flag(name: .customLong("done-before-today"), help: "Mark the milestones that would be due before today done, instead of due today.")
  var doneBeforeToday = false

  @OptionGroup var workspace: WorkspaceOptions

  func validate() throws {
    if list {
      if template != nil || id != nil || buyer != nil || goLive != nil {
        throw ValidationError("--list takes no TEMPLATE, --id, --buyer or --go-live")
      }
      return
    }
    guard template != nil else { throw ValidationError("give a TEMPLATE (`mapc new --list` lists them)") }
    guard id != nil else { throw ValidationError("give the new plan's --id") }
    guard buyer != nil else { throw ValidationError("give the buyer's name with --buyer") }
    guard goLive != nil else { throw ValidationError("give the target --go-live date (YYYY-MM-DD)") }
  }

  func run() throws {
    let workspace = try workspace.open()
    if list {
      Console.out(TemplateCatalog(workspace: workspace).render(globs: workspace.configuration.templates))
      return
    }
    guard let template, let id, let buyer, let goLive else { throw ValidationError("give TEMPLATE, --id, --buyer and --go-live") }
    let request = NewPlanRequest(
      id: id, buyer: buyer, seller: seller, goLive: goLive, valueDate: valueDate, today: workspace.today,
      doneBeforeToday: doneBeforeToday, calendar: workspace.configuration.calendar)
    let run = try NewRun(workspace: workspace, template: template, request: request, output: output, force: force)
    try run.write()
    for warning in run.warnings { Console.error("mapc: warning: \(InertText.text(warning))\n") }
    Console.out(run.report)
  }
}
