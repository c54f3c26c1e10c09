import ArgumentParser
import MapcLint
import MapcWorkspace

extension OutputFormat: OutputFormatOption {
  static var defaultFormat: OutputFormat { .text }
}

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

  @OptionGroup var output: FormatOptions<OutputFormat>

  @Flag(help: "Exit with 1 on any finding, warnings and notes included.")
  var strict = false

  @OptionGroup var workspace: WorkspaceOptions

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Compare with the plans at this revision (a commit, branch or tag) and enable the change rules (MAP200-MAP203).",
      valueName: "REV"))
  var base: String?

  func run() throws {
    let run = try LintRun(workspace: workspace.open(), paths: paths, base: base)
    for note in run.notes { Console.error("mapc: note: \(note)\n") }
    Console.out(output.format.render(run))
    let code = run.report.exitCode(strict: strict)
    if code != 0 { throw ExitCode(code) }
  }
}
