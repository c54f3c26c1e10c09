import ArgumentParser
import MapcLint
import MapcModel
import MapcSchedule

extension ScheduleFormat: ExpressibleByArgument {}

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

  @Option(name: .shortAndLong, help: "Output format: \(ScheduleFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: ScheduleFormat = .text

  @Option(name: .long, help: "Use this configuration file instead of looking for mapc.yml.")
  var config: String?

  @Option(name: .long, help: "The date early dates start from (YYYY-MM-DD); default as for `mapc lint`.")
  var today: String?

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let configuration: Configuration
    let targets: [LintTarget]
    let date: CalendarDate
    do {
      let schemas = try SchemaCatalog()
      if let config {
        guard Paths.isFile(config) else { return Console.fail(UsageError("configuration file not found: \(config)")) }
        configuration = try Configuration.load(file: Paths.absolute(config), schemas: schemas)
      } else {
        configuration = try Configuration.discover(from: Paths.currentDirectory(), schemas: schemas)
      }
      date = try Today.resolve(flag: today, configuration: configuration, environment: Today.processEnvironment())
      targets = try Targets.resolve(paths, configuration: configuration)
    } catch let error as ConfigurationError {
      return Console.fail(error)
    } catch let error as UsageError {
      return Console.fail(error)
    } catch {
      return Console.fail(UsageError("\(error)"))
    }
    let results = PlanSchedule.schedule(
      files: targets.map { ($0.path, $0.displayPath) }, configuration: configuration.calendar, today: date)
    var plans: [PlanSchedule] = []
    var failed = false
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
    if failed { return 2 }
    Console.out(ScheduleReport(today: date, plans: plans).render(format))
    return 0
  }
}
