import ArgumentParser
import MapcLint
import MapcModel
import MapcWorkspace

/// Reads a `YYYY-MM-DD` option value, or says what `option` takes.
func calendarDate(_ option: String) -> @Sendable (String) throws -> CalendarDate {
  { text in
    guard let date = CalendarDate(text) else {
      throw ValidationError("\(option) takes a calendar date written YYYY-MM-DD, got '\(text)'")
    }
    return date
  }
}

/// The options of every command that reads plans: where the configuration is, and what day it is.
struct WorkspaceOptions: ParsableArguments {
  @Option(name: .long, help: "Use this configuration file instead of looking for mapc.yml.")
  var config: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "The date time-dependent rules and reports compare against (YYYY-MM-DD).",
      discussion: "Default: `today` in mapc.yml, else SOURCE_DATE_EPOCH, else the system clock (UTC).", valueName: "date"),
    transform: calendarDate("--today"))
  var today: CalendarDate?

  /// The workspace around the working directory, with its rule settings checked.
  func open() throws -> Workspace {
    let workspace = try Workspace.open(
      directory: Paths.currentDirectory(), configFile: config, today: today, environment: Today.processEnvironment())
    try LintSettings.validate(workspace.configuration)
    return workspace
  }
}

/// An output format of a command: its values are listed in `--format`'s help.
protocol OutputFormatOption: ExpressibleByArgument, CaseIterable, RawRepresentable<String>, Sendable {
  static var defaultFormat: Self { get }
}

/// `-f, --format`, the same on every command that has output formats.
struct FormatOptions<Format: OutputFormatOption>: ParsableArguments {
  @Option(
    name: .shortAndLong,
    help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = Format.defaultFormat
}
