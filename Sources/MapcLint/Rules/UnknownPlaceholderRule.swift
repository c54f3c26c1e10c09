import MapcJSON
import MapcModel
import MapcTemplates
import MapcWorkspace

/// MAP210: a `${…}` in a template that is not one of the format's placeholders.
public struct UnknownPlaceholderRule: Rule {
  public static let check = Check(
    code: "MAP210", name: "unknown-placeholder", severity: .error,
    summary: "A template uses a placeholder other than `${buyer}`, `${seller}`, `${go_live}` and `${value_date}`.",
    rationale: """
      `mapc new` fills the placeholders of a template with the new plan's buyer, seller and \
      dates. Any other `${…}` would reach the plan as written (a typo such as `${buyer_name}` \
      would show the buyer a broken sentence), so `mapc new` refuses such a template and the \
      linter reports each one, in the frontmatter and in the body.
      """,
    triggering: [
      Example.template(
        ExampleTemplates.minimal(replacing: "title: ${buyer} × ${seller} rollout", with: "title: ↓${customer} × ${seller} rollout"),
        caption: "`${customer}` is not a placeholder (`${buyer}` is)"),
      Example.template(
        ExampleTemplates.minimal(replacing: "wants to be live on ${go_live}.", with: "wants to be live on ↓${golive}."),
        caption: "in the body too"),
    ],
    nonTriggering: [Example.template(ExampleText(ExampleTemplates.minimal), caption: "only the four placeholders")])

  public static var scope: RuleScope { .templates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    guard let template = context.template else { return [] }
    var out: [RuleFinding] = []
    for (pointer, text) in template.frontmatterStrings {
      for use in Placeholders.uses(in: text) where use.placeholder == nil {
        out.append(RuleFinding(at: pointer, .value, message(use), help: help(use)))
      }
    }
    // Body positions: the line and column (in scalars) of each `$`, in one pass.
    let uses = Placeholders.uses(in: context.body).filter { $0.placeholder == nil }
    guard !uses.isEmpty else { return out }
    var line = 1
    var column = 1
    var next = 0
    for (offset, scalar) in context.body.unicodeScalars.enumerated() {
      while next < uses.count, uses[next].offset == offset {
        out.append(RuleFinding(bodyLine: line, column: column, length: uses[next].length, message(uses[next]), help: help(uses[next])))
        next += 1
      }
      if next == uses.count { break }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return out
  }

  private func message(_ use: PlaceholderUse) -> String { "unknown placeholder `${\(use.name)}`" }

  private func help(_ use: PlaceholderUse) -> String {
    let known = Placeholder.allCases.map(\.written)
    let hint = DidYouMean.suggestion(for: use.name, among: Placeholder.allCases.map(\.rawValue)).map { "did you mean `${\($0)}`? " } ?? ""
    return hint + "the placeholders are \(known.joined(separator: ", "))"
  }
}
