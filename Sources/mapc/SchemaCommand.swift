import ArgumentParser
import MapcWorkspace

/// The schemas `mapc schema` prints.
enum SchemaName: String, CaseIterable, ExpressibleByArgument {
  case plan, config
}

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print a JSON Schema mapc checks with: the plan format (default) or mapc.yml.",
    discussion: """
      Prints the schema carried in the binary, byte for byte the one mapc validates with. Save it \
      for an editor: `mapc schema config > .mapc/config.schema.json` (the first line of the \
      mapc.yml that `mapc init` writes points there), or `mapc schema plan > .mapc/map.schema.json`.
      """
  )

  @Argument(help: "plan (the frontmatter of *.map.md files) or config (mapc.yml).")
  var name: SchemaName = .plan

  func run() {
    switch name {
    case .plan: Console.out(CarriedSchemas.map)
    case .config: Console.out(CarriedSchemas.config)
    }
  }
}
