import ArgumentParser
import MapcHistory
import MapcWorkspace

extension DiffFormat: OutputFormatOption {
  static var defaultFormat: DiffFormat { .text }
}
extension DiffAudience: ExpressibleByArgument {}

struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show what changed in the plans between two revisions: go-live, milestones, owners, stakeholders.",
    discussion: """
      Compares the plans at BASE with those at HEAD (default: the working tree, that is the HEAD \
      commit with uncommitted edits). Plans are matched by id, so a moved file is the same plan; \
      milestones and stakeholders are matched by id too. Due-date moves show the resulting slip \
      against each milestone's baseline from the history of HEAD (left out when the history \
      cannot be read, e.g. in a shallow clone).

      Internal-only content (`internal` fields) is marked [internal]; `--audience buyer` leaves \
      it out, and its output passes a leak guard first: internal content found in it prints \
      nothing and exits 2.
      """
  )

  @Argument(help: "The base revision (a commit, branch or tag).")
  var base: String

  @Argument(help: "The head revision (default: the working tree over HEAD).")
  var head: String?

  @OptionGroup var output: FormatOptions<DiffFormat>

  @Option(help: "Who the output is for: internal (default, internal-only changes marked) or buyer (left out).")
  var audience: DiffAudience = .internal

  @OptionGroup var workspace: WorkspaceOptions

  func run() throws {
    Console.out(
      try DiffRun.output(
        base: base, head: head, audience: audience, format: output.format, workspace: workspace.open(),
        environment: Today.processEnvironment()))
  }
}
