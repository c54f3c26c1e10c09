import ArgumentParser
import MapcExport
import MapcModel
import MapcRender
import MapcWorkspace

extension ExportFormat: OutputFormatOption {
  static var defaultFormat: ExportFormat { .csv }
}
extension ExportObject: ExpressibleByArgument {}
extension ExportProfile: ExpressibleByArgument {}
extension ExportAudience: ExpressibleByArgument {}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export",
    abstract: "Export plans, milestones or date moves as CSV or JSON for a CRM.",
    discussion: """
      --object plans: one row per plan (go-live current, baseline and slip, key dates, stage, \
      percent done, band, next milestone, days off schedule, moves in 30 days, last change, last \
      buyer activity, the CRM id). --object milestones: one row per milestone, keyed \
      `plan_id:milestone_id` (stage, status, risk, due, baseline, slip, owners by side, \
      dependencies, days overdue). --object moves: one row per date move, as `mapc slip --format \
      csv` lists them, with the merge that brought a move made on a branch.

      CSV is RFC 4180: UTF-8, CRLF, a header row, ISO dates (YYYY-MM-DD), rows in plan id order. \
      In the generic profile a text cell that starts with =, +, -, @, a tab or a carriage return \
      gets a leading ' so a spreadsheet does not run it; numbers never do. --profile salesforce \
      names the columns for Data Loader upserts (Tasks by MAPC_External_Id__c, opportunities by \
      Id); --profile hubspot uses HubSpot property names (a HubSpot task import creates tasks, it \
      never updates them).

      The CRM id is read from each plan at the key path `export.crm_id` of mapc.yml (e.g. \
      x-crm_opportunity); a plan without it gets an empty cell and a warning. --audience buyer \
      leaves out internal fields (the CRM id, internal notes, a move's commit, author and subject, \
      a reason from a commit trailer) and passes the leak guard: internal content found in the \
      export writes nothing and exits 2. A buyer's export goes to one buyer: plans of several \
      buyers are refused (exit 2); name one buyer's plans as paths.
      """
  )

  @Argument(help: "Plan files or directories (default: the repository's plans).")
  var paths: [String] = []

  @Option(help: "What one row is: plans, milestones or moves.")
  var object: ExportObject

  @OptionGroup var formatOption: FormatOptions<ExportFormat>

  @Option(help: "Column names and formats for an importer: generic, salesforce or hubspot.")
  var profile: ExportProfile = .generic

  @Option(help: "Who the export is for: internal (default, every column) or buyer.")
  var audience: ExportAudience = .internal

  @Option(name: .shortAndLong, help: "Write to this file (atomically) instead of standard output; `-` is standard output.")
  var output: String?

  @OptionGroup var workspace: WorkspaceOptions

  func validate() throws {
    if profile != .generic, formatOption.format == .json {
      throw ValidationError("--profile \(profile.rawValue) names CSV columns for an importer: use it with --format csv")
    }
  }

  func run() throws {
    let request = ExportRun.Request(
      object: object, format: formatOption.format, profile: profile, audience: audience, paths: paths,
      publicFingerprint: PublicHistory.fingerprint)
    let result = try ExportRun.run(request, workspace: workspace.open(), environment: Today.processEnvironment())
    for warning in result.warnings { Console.error("mapc: warning: \(InertText.text(warning))\n") }
    if let output, output != "-" {
      try AtomicFile.write(result.text, to: output, permissions: audience == .internal ? .private : .shared)
    } else {
      Console.out(result.text)
    }
  }
}
