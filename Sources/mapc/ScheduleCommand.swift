import ArgumentParser
import MapcModel
import MapcSchedule

extension ScheduleFormat: OutputFormatOption {
  static var defaultFormat: ScheduleFormat { .text }
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
      """
  )

  @Argument(help: "Plan files or directories (default: the repository's plans).")
  var paths: [String] = []

  @OptionGroup var output: FormatOptions<ScheduleFormat>

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
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
}
