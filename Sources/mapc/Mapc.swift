import MapcWorkspace
import ArgumentParser
import Foundation
import MapcGit
import MapcLint

@main
struct Mapc: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mapc",
    abstract: "Mutual Action Plans as code: lint, track and share deal plans kept in git.",
    discussion: """
      Plans are Markdown files (`*.map.md`) with YAML frontmatter. mapc finds them from the \
      repository's mapc.yml (in the working directory or a parent, up to the repository root), or \
      under the paths you give.

      Exit codes: 0 clean (warnings allowed), 1 findings at error severity (any finding with \
      --strict), 2 usage, configuration or internal error.
      """,
    version: MapcVersion.current,
    subcommands: [
      LintCommand.self, SlipCommand.self, ReportCommand.self, DiffCommand.self, RenderCommand.self, ScheduleCommand.self,
      NewCommand.self, TemplateCommand.self, ExportCommand.self, CalendarCommand.self, InitCommand.self, SchemaCommand.self,
      ExplainCommand.self, RulesCommand.self,
    ]
  )

  /// Runs the command line with mapc's exit codes: a usage error is 2 (ArgumentParser's own
  /// default is 64), and a subcommand's `ExitCode` passes through unchanged.
  static func main() {
    var command: any ParsableCommand
    do {
      command = try parseAsRoot()
    } catch {
      exitForParseError(error)
    }
    do {
      try command.run()
    } catch let code as ExitCode {
      Foundation.exit(code.rawValue)
    } catch let error as UsageError {
      Foundation.exit(Console.fail(error))
    } catch let error as ConfigurationError {
      Foundation.exit(Console.fail(error))
    } catch let error as GitError {
      Foundation.exit(Console.fail(error))
    } catch {
      // ArgumentParser's own: `help` and `--help` (exit 0), validation errors (exit 2).
      exitForParseError(error)
    }
  }

  /// ArgumentParser's own errors (bad options, `--help`, `--version`): its message, exit 2 or 0.
  private static func exitForParseError(_ error: any Error) -> Never {
    let message = fullMessage(for: error)
    if exitCode(for: error) == .success {
      if !message.isEmpty { Console.out(message + "\n") }
      Foundation.exit(0)
    }
    Console.error(message + "\n")
    Foundation.exit(2)
  }
}
