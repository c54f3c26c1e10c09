import ArgumentParser
import MapcWorkspace

/// The schemas `mapc schema` prints.
enum SchemaName: String, CaseIterable, ExpressibleByArgument {
  case plan, config, template
}

struct SchemaCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "schema",
    abstract: "Print a JSON Schema mapc checks with: the plan format (default), mapc.yml or the template format.",
    discussion: """
      Prints the schema carried in the binary, byte for byte the one mapc validates with. Save it \
      for an editor: `mapc schema config > .mapc/config.schema.json` (the first line of the \
      mapc.yml that `mapc init` writes points there), or `mapc schema plan > .mapc/map.schema.json` (`mapc schema template` for `*.map-template.md` files).
      """
  )

  @Argument(help: "plan (the frontmatter of *.map.md files), config (mapc.yml) or template (*.map-template.md files).")
  var name: SchemaName = .plan

  func run() {
    switch name {
    case .plan: Console.out(CarriedSchemas.map)
    case .config: Console.out(CarriedSchemas.config)
    case .template: Console.out(CarriedSchemas.template)
    }
  }
}
