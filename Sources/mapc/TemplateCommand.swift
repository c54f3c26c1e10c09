import ArgumentParser

/// `mapc template`: commands on plan templates.
struct TemplateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "template",
    abstract: "Work with plan templates: make one from a past plan.",
    subcommands: [TemplateExtractCommand.self]
  )
}
