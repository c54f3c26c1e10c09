import MapcJSON
import MapcModel

/// MAP180: a link in the body with a scheme other than http, https or mailto, or a malformed
/// mailto address.
public struct LinkSchemeRule: Rule {
  public static let check = Check(
    code: "MAP180", name: "link-scheme", severity: .error,
    summary: "A link in the Markdown body uses a scheme other than `http`, `https` or `mailto`, or a malformed `mailto` address.",
    rationale: """
      The body is shown to the buyer in the HTML snapshot, and only `http`, `https` and \
      `mailto` links are safe there: a `javascript:` or `data:` link runs code in the reader's \
      browser, and `file:` or `ftp:` links point at places the buyer cannot open. A `mailto` \
      link must hold well-formed addresses (`name@company.com`), or the buyer's email client \
      opens with nothing to send to. mapc checks inline links and images, reference \
      definitions, autolinks and HTML `href`/`src` attributes outside code; relative links and \
      `#anchors` are fine. Email and URL fields in the frontmatter are checked by the schema.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "Acme's finance team closes the books by hand.",
          with: "Acme's finance team closes the books by hand ([demo](↓javascript:alert(1)))."),
        caption: "a `javascript:` link"),
      Example(
        ExamplePlans.minimal(
          replacing: "Acme's finance team closes the books by hand.",
          with: "Questions: [write to Dana](↓mailto:dana.ruiz@acme)."),
        caption: "a mailto address with no top-level domain"),
    ],
    nonTriggering: [
      Example(
        ExamplePlans.minimal(
          replacing: "Acme's finance team closes the books by hand.",
          with: "See the [scope](https://docs.example.com/scope), [below](#why-now), [notes](notes/kickoff.md) and [Dana](mailto:dana.ruiz@acme.example).\n\n```\n[not a link](javascript:alert(1))\n```"),
        caption: "web, anchor, relative and mail links; code is not a link")
    ])

  public init() {}

  public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

  public func findings(in context: RuleContext) -> [RuleFinding] {
    var out: [RuleFinding] = []
    for link in MarkdownLinks.scan(context.body) {
      guard let problem = Self.problem(with: link.url) else { continue }
      out.append(
        RuleFinding(
          bodyLine: link.line, column: link.column, length: link.url.count,
          "the body links to `\(Self.shown(link.url))`, \(problem.message)", help: problem.help))
    }
    return out
  }

  /// What is wrong with a link's destination, or nil when it is fine.
  static func problem(with raw: String) -> (message: String, help: String)? {
    let url = MarkdownLinks.normalize(raw)
    guard let scheme = MarkdownLinks.scheme(of: url) else { return nil }  // relative or #anchor
    let lower = scheme.lowercased()
    guard allowedSchemes.contains(lower) else {
      return (
        "a `\(lower):` link; only http, https and mailto links are allowed",
        "link to an `https://` page instead (upload the file to a shared drive), or remove the link"
      )
    }
    guard lower == "mailto" else { return nil }
    let rest = url.dropFirst(scheme.count + 1)
    let addresses = rest.prefix { $0 != "?" }.split(separator: ",").map {
      MarkdownLinks.trimmed(MarkdownLinks.percentDecode(String($0)))
    }
    if addresses.isEmpty || !addresses.allSatisfy(isEmail) {
      return ("which is not a well-formed email address", "write the address as `name@company.com`")
    }
    return nil
  }

  /// `local@domain.tld`: a dot-atom local part, a domain of at least two labels, a
  /// top-level domain of letters (or an `xn--` label).
  static func isEmail(_ text: String) -> Bool {
    let parts = text.split(separator: "@", omittingEmptySubsequences: false)
    guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64, !parts[1].isEmpty, parts[1].count <= 253 else { return false }
    let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-")
    let atoms = parts[0].split(separator: ".", omittingEmptySubsequences: false)
    guard atoms.allSatisfy({ !$0.isEmpty && $0.allSatisfy { localAllowed.contains($0) } }) else { return false }
    let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
    guard labels.count >= 2 else { return false }
    let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
    for label in labels {
      guard !label.isEmpty, label.count <= 63, label.first != "-", label.last != "-",
        label.allSatisfy({ labelAllowed.contains($0) })
      else { return false }
    }
    let tld = labels.last!
    return (tld.count >= 2 && tld.allSatisfy(\.isLetter)) || tld.lowercased().hasPrefix("xn--")
  }

  /// The URL as quoted in a message: at most 60 characters, without backticks.
  static func shown(_ url: String) -> String {
    let clean = url.replacing("`", with: "'").filter { !$0.isNewline }
    return clean.count > 60 ? String(clean.prefix(59)) + "…" : clean
  }
}
