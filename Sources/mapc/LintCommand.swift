import ArgumentParser
import MapcGit
import MapcHistory
import MapcLint
import MapcModel

extension OutputFormat: ExpressibleByArgument {}

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Check plans against the plan schema and report problems with file:line:col.",
    discussion: """
      With no paths, lints every plan of the repository: mapc.yml's `plans` globs (default \
      `**/*.map.md`) under the directory holding mapc.yml, found from the working directory \
      upward. A directory argument lints every `*.map.md` file below it.

      Formats: text (compiler-style, with source snippets), json (an array of findings), github \
      (workflow commands that annotate pull requests), sarif (SARIF 2.1.0 for code scanning), \
      junit (JUnit XML: one test case per check per file), gitlab (GitLab Code Quality JSON).
      """
  )

  @Argument(help: "Plan files or directories to lint (default: the repository's plans).")
  var paths: [String] = []

  @Option(name: .shortAndLong, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormat = .text

  @Flag(help: "Exit with 1 on any finding, warnings and notes included.")
  var strict = false

  @Option(name: .long, help: "Use this configuration file instead of looking for mapc.yml.")
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The date time-dependent rules compare against (YYYY-MM-DD).",
      discussion: "Default: `today` in mapc.yml, else SOURCE_DATE_EPOCH, else the system clock (UTC)."))
  var today: String?

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  /// Adds each plan's last commit, for the stale-plan rule, when mapc runs in a git repository.
  /// Outside one there is nothing to add; a history that cannot be read is said on stderr.
  static func withLastChanges(_ targets: [LintTarget], configuration: Configuration) -> [LintTarget] {
    guard targets.contains(where: { configuration.severity(of: StalePlanRule.check, at: $0.relativePath) != nil }),
      let repository = try? Repository.discover(from: Paths.currentDirectory()), let root = repository.workdir
    else { return targets }
    var byRepoPath: [String: Int] = [:]
    for (i, t) in targets.enumerated() {
      if let p = Paths.relative(t.path, to: root) { byRepoPath[p] = i }
    }
    do {
      var out = targets
      for (path, revision) in try LastChanges.find(Set(byRepoPath.keys), in: repository) {
        guard let i = byRepoPath[path] else { continue }
        out[i].lastChange = LastChange(date: revision.date, author: revision.authorName, commit: revision.commit ?? "")
      }
      return out
    } catch {
      Console.error("mapc: note: cannot read the git history (\(error.message)); stale plans are not checked\n")
      return targets
    }
  }

  private func execute() -> Int32 {
    var schemas: SchemaCatalog
    let configuration: Configuration
    do {
      schemas = try SchemaCatalog()
      if let config {
        guard Paths.isFile(config) else { return Console.fail(UsageError("configuration file not found: \(config)")) }
        configuration = try Configuration.load(file: Paths.absolute(config), schemas: schemas)
      } else {
        configuration = try Configuration.discover(from: Paths.currentDirectory(), schemas: schemas)
      }
      if let ext = configuration.extensionSchema {
        try schemas.loadExtension(path: ext, displayPath: Paths.display(ext))
      }
    } catch {
      return Console.fail(error)
    }
    let targets: [LintTarget]
    let date: CalendarDate
    do {
      date = try Today.resolve(flag: today, configuration: configuration, environment: Today.processEnvironment())
      targets = try Targets.resolve(paths, configuration: configuration)
    } catch {
      return Console.fail(error)
    }
    let report = Linter(configuration: configuration, schemas: schemas, today: date).lint(
      Self.withLastChanges(targets, configuration: configuration))
    Console.out(format.reporter(configuration: configuration, targets: targets).render(report))
    return report.exitCode(strict: strict)
  }
}
