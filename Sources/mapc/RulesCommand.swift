import MapcWorkspace
import ArgumentParser
import MapcLint

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "List every check with its code, name, default severity and summary.",
    discussion:
      "With --format markdown, prints the full rules reference (rationale and examples of every check) kept in docs/rules.md."
  )

  enum Format: String, OutputFormatOption {
    case text
    case markdown
    static var defaultFormat: Format { .text }
  }

  @OptionGroup var output: FormatOptions<Format>

  func run() throws {
    if output.format == .markdown {
      Console.out(RulesReference.markdown())
      return
    }
    let width = Check.all.map(\.name.count).max() ?? 0
    var out = ""
    for c in Check.all {
      let name = c.name + String(repeating: " ", count: width - c.name.count)
      let sev = c.defaultSeverity.rawValue + String(repeating: " ", count: 7 - c.defaultSeverity.rawValue.count)
      out += "\(c.code)  \(name)  \(sev)  \(c.summary)\n"
    }
    out += "\nRun `mapc explain CODE` for the rationale and an example.\n"
    Console.out(out)
  }
}
