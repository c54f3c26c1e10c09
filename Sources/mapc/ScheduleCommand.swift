import ArgumentParser
import MapcModel
import MapcSchedule

extension ScheduleFormat: OutputFormatOption {
  static var defaultFormat: ScheduleFormat { .text }
}

/// `--write shift|alap`.
enum ScheduleWriteOption: String, ExpressibleByArgument, CaseIterable {
  case shift, alap
}

struct ScheduleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schedule",
    abstract: "Work back from go-live in business days: late and early dates, float, the critical path.",
    discussion: """
      Per plan: each milestone's late date (the latest it can be, working back from go-live \
      through the milestones' `lead`s), its early date (the earliest it can be, working forward \
      from today; a done milestone at its `done_on`), its float in business days, and whether it \
      is critical; the critical path to go-live, the earliest go-live and whether go-live can \
      still be met from today. Business days skip the weekend, the holidays of mapc.yml's and the \
      plan's `calendar`, and the blackouts that apply to each milestone.

      Plans are found as for `mapc lint`. Formats: text, json, markdown (a pull-request comment), \
      mermaid (a Gantt chart GitHub renders). A dependency cycle stops mapc with exit code 2.

      With --write, mapc changes the dates in one plan file and nothing else (comments, quoting, \
      order, line endings and the body stay as they were): `--write shift --go-live DATE` moves \
      go-live and every open, unpinned milestone by the same number of business days; \
      `--write alap` moves every open, unpinned milestone on a route to go-live to its late date. \
      --reason becomes each moved milestone's `due_reason`. Done and pinned milestones never move. \
      --dry-run prints the diff instead of writing.
      """
  )

  @Argument(help: "Plan files or directories (default: the repository's plans).")
  var paths: [String] = []

  @OptionGroup var output: FormatOptions<ScheduleFormat>

  @OptionGroup var workspace: WorkspaceOptions

  @Option(help: "Change the dates in the plan file: shift (with --go-live) or alap (each to its late date).")
  var write: ScheduleWriteOption?

  @Option(
    name: .customLong("go-live"), help: ArgumentHelp("With --write shift: the new go-live date (YYYY-MM-DD).", valueName: "date"),
    transform: calendarDate("--go-live"))
  var goLive: CalendarDate?

  @Option(help: "With --write: why the dates move; written as each moved milestone's `due_reason`.")
  var reason: String?

  @Flag(name: .customLong("dry-run"), help: "With --write: print the diff instead of writing the file.")
  var dryRun = false

  func validate() throws {
    guard let write else {
      if goLive != nil { throw ValidationError("--go-live goes with --write shift") }
      if reason != nil { throw ValidationError("--reason goes with --write") }
      if dryRun { throw ValidationError("--dry-run goes with --write") }
      return
    }
    guard paths.count == 1 else { throw ValidationError("--write changes one plan file: give exactly one PLAN") }
    switch write {
    case .shift where goLive == nil: throw ValidationError("--write shift needs --go-live DATE, the new go-live")
    case .alap where goLive != nil: throw ValidationError("--go-live goes with --write shift, not --write alap")
    default: break
    }
    guard reason != nil else {
      throw ValidationError("--write needs --reason TEXT: it becomes each moved milestone's `due_reason`, so the moves pass review")
    }
    if output.format != .text { throw ValidationError("--format does not apply to --write") }
  }

  func run() throws {
    if let write { return try runWrite(write) }
    let workspace = try workspace.open()
    let given = try workspace.planFiles(paths)
    var failed = false
    // A plan outside the repository is not read at all.
    for file in given {
      guard let refusal = file.refusal else { continue }
      failed = true
      Console.error("mapc: error: \(file.displayPath): cannot read file: \(refusal)\n")
    }
    let files = given.filter { $0.refusal == nil }.map { PlanFileName(path: $0.path, displayPath: $0.displayPath) }
    let results = PlanSchedule.schedule(files: files, configuration: workspace.configuration.calendar, today: workspace.today)
    var plans: [PlanSchedule] = []
    for result in results {
      switch result {
      case .success(let plan): plans.append(plan)
      case .failure(let failure):
        failed = true
        var text = "mapc: error: \(failure.path): \(failure.message)\n"
        if let help = failure.help { text += "  = help: \(help)\n" }
        Console.error(text)
      }
    }
    if failed { throw ExitCode(2) }
    Console.out(ScheduleReport(today: workspace.today, plans: plans).render(output.format))
  }

  /// `--write`: moves the dates of the one plan, prints the diff (`--dry-run`) or writes the
  /// file and prints one line per moved date.
  private func runWrite(_ write: ScheduleWriteOption) throws {
    let workspace = try workspace.open()
    let mode: ScheduleWriteMode
    switch write {
    case .shift:
      guard let goLive else { throw ValidationError("--write shift needs --go-live DATE, the new go-live") }
      mode = .shift(goLive: goLive)
    case .alap: mode = .alap
    }
    let run = try ScheduleWriteRun(workspace: workspace, path: paths.first ?? "", mode: mode, reason: reason ?? "")
    if dryRun {
      Console.out(run.diff)
      return
    }
    try run.write()
    Console.out(run.report)
  }
}
