import MapcWorkspace
import ArgumentParser
import MapcLint

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a check: what it finds, why it matters, and an example of what it reports."
  )

  @Argument(help: "A check's code (MAP021) or name (unknown-property).")
  var check: String

  func run() throws {
    guard let found = Check.named(check) else {
      let names = Check.all.flatMap { [$0.code, $0.name] }
      var error = UsageError("unknown check '\(check)'", help: "run `mapc rules` to list every check")
      if let s = DidYouMean.suggestion(for: check, among: names) { error.help = "did you mean `\(s)`? run `mapc rules` to list every check" }
      throw error
    }
    let linter: Linter?
    do {
      linter = Linter(configuration: Configuration(root: "."), schemas: try SchemaCatalog(), today: ExamplePlans.today)
    } catch {
      linter = nil
    }
    Console.out(Explanation.render(found, linter: linter))
  }
}
