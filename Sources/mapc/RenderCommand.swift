import ArgumentParser
import Foundation
import MapcGit
import MapcHistory
import MapcJSON
import MapcLint
import MapcModel
import MapcRender
import MapcYAML
import Synchronization

extension SnapshotAudience: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Render a plan as a self-contained HTML snapshot to send to the buyer.",
    discussion: """
      The snapshot is one HTML file with no external requests: styles are inline, charts are \
      inline SVG, the logo is a data URI. It shows the value statement, key dates, stages, what \
      is next and who owns it, a timeline, every milestone with its slip since baseline, the \
      people, the documents and the plan's Markdown body. Inside a git repository it adds the \
      milestone trend chart and, with --since, what changed.

      The buyer audience (default) leaves out everything internal: the top-level `internal` \
      object, `internal` notes on milestones and stakeholders, and body sections whose heading \
      ends with "(internal)". --audience internal shows them under an "Internal" banner.

      The as-of date is --as-of, else SOURCE_DATE_EPOCH, else the date of the plan's last \
      commit; never the clock, so the same inputs give the same bytes. Branding (seller name, \
      logo, accent colour, extra CSS) comes from `render` in mapc.yml.
      """
  )

  @Argument(help: "The plan file to render.")
  var plan: String?

  @Option(name: .shortAndLong, help: "Write to this file (with --all: this directory) instead of standard output.")
  var output: String?

  @Flag(help: "Render every plan of the repository into the --output directory, with an index.html.")
  var all = false

  @Option(help: "Who the snapshot is for: buyer (default: internal content left out) or internal.")
  var audience: SnapshotAudience = .buyer

  @Option(help: "Render the plan as it was at this revision (a commit, branch or tag).")
  var at: String?

  @Option(help: "List what changed since this revision: date moves, milestones added and removed, status changes.")
  var since: String?

  @Option(name: .customLong("as-of"), help: "The date days remaining are counted from (YYYY-MM-DD).")
  var asOf: String?

  func validate() throws {
    if all {
      guard plan == nil else { throw ValidationError("give either a plan file or --all, not both") }
      guard output != nil else { throw ValidationError("--all needs --output DIR (-o DIR), the directory to write the snapshots to") }
    } else if plan == nil {
      throw ValidationError("give the plan file to render, or --all -o DIR for every plan")
    }
    if let asOf, CalendarDate(asOf) == nil {
      throw ValidationError("--as-of takes a calendar date written YYYY-MM-DD, got '\(asOf)'")
    }
  }

  func run() throws {
    let code = execute()
    if code != 0 { throw ExitCode(code) }
  }

  private func execute() -> Int32 {
    let cwd = Paths.currentDirectory()
    let configuration: Configuration
    let branding: Branding
    let fixedAsOf: CalendarDate?
    do {
      configuration = try Configuration.discover(from: cwd, schemas: try SchemaCatalog())
      branding = try Self.branding(configuration.render)
      fixedAsOf = try Self.fixedAsOf(flag: asOf, environment: Today.processEnvironment())
    } catch let error as ConfigurationError {
      return Console.fail(error)
    } catch let error as UsageError {
      return Console.fail(error)
    } catch {
      return Console.fail(UsageError("\(error)"))
    }

    var sources = SnapshotSources(configuration: configuration, audience: audience, fixedAsOf: fixedAsOf, branding: branding)
    let files: [SnapshotSources.PlanFile]
    do {
      try sources.openRepository(from: cwd, needed: at != nil || since != nil)
      files = try all ? sources.allPlans(at: at) : [sources.onePlan(plan ?? "", at: at)]
      try sources.readHistory(for: files, at: at, since: since)
    } catch let error as UsageError {
      return Console.fail(error)
    } catch let error as GitError {
      return Console.fail(SlipCommand.usageError(for: error))
    } catch {
      return Console.fail(UsageError("\(error)"))
    }

    // Parse and render on all cores; report and name in file order, so output is the same.
    let builder = sources.builder
    let outputs = RenderedSlots(count: files.count)
    DispatchQueue.concurrentPerform(iterations: files.count) { i in
      outputs.store(builder.snapshot(files[i]).map { ($0, SnapshotPage($0).render()) }, at: i)
    }
    var failed = false
    var rendered: [(file: String, snapshot: Snapshot, html: String)] = []
    var usedNames = Set<String>(["index"])
    for result in outputs.values {
      switch result {
      case .failure(let problem):
        Console.error(problem.text)
        if problem.isUsage { return 2 }
        failed = true
      case .success(let (snapshot, html)):
        rendered.append((Self.fileName(for: snapshot, taken: &usedNames), snapshot, html))
      }
    }

    do {
      if all {
        let directory = output ?? "."
        for page in rendered {
          try Self.writeAtomically(page.html, to: Paths.join(directory, page.file))
        }
        let index = IndexPage(
          entries: rendered.map { IndexPage.Entry(file: $0.file, snapshot: $0.snapshot) }, audience: audience,
          asOf: fixedAsOf, branding: branding)
        try Self.writeAtomically(index.render(), to: Paths.join(directory, "index.html"))
        Console.error("mapc: rendered \(rendered.count) \(rendered.count == 1 ? "plan" : "plans") and index.html into \(directory)\n")
      } else if let html = rendered.first?.html {
        if let output {
          try Self.writeAtomically(html, to: output)
        } else {
          Console.out(html)
        }
      }
    } catch let error as UsageError {
      return Console.fail(error)
    } catch {
      return Console.fail(UsageError("cannot write the snapshot: \(error.localizedDescription)"))
    }
    return failed ? 1 : 0
  }

  /// `--as-of`, else `SOURCE_DATE_EPOCH`; nil means "the plan's last commit".
  static func fixedAsOf(flag: String?, environment: [String: String]) throws(UsageError) -> CalendarDate? {
    if let flag {
      guard let d = CalendarDate(flag) else { throw UsageError("--as-of takes a calendar date written YYYY-MM-DD, got '\(flag)'") }
      return d
    }
    return try Today.sourceDateEpoch(environment)
  }

  static func branding(_ settings: Configuration.RenderSettings) throws(UsageError) -> Branding {
    var b = Branding(seller: settings.seller, accent: settings.accent)
    if let logo = settings.logo, let type = Configuration.RenderSettings.logoMediaType(logo) {
      guard let data = FileManager.default.contents(atPath: logo) else { throw UsageError("cannot read the logo file \(logo)") }
      b.logoDataURI = "data:\(type);base64,\(data.base64EncodedString())"
    }
    if let css = settings.css {
      switch PlanReader.readText(path: css) {
      case .success(let text):
        if let problem = Self.externalReference(inCSS: text) {
          throw UsageError(
            "the CSS file \(css) \(problem)", help: "a snapshot loads nothing from anywhere: embed images as data: URLs, use system fonts")
        }
        b.css = text
      case .failure(let problem): throw UsageError("cannot use the CSS file \(css): \(problem.message)")
      }
    }
    return b
  }

  /// Why a stylesheet would load something from elsewhere (`@import`, a `url()` that is not
  /// `data:`), or nil. The snapshot's CSP blocks such loads; mapc does not rely on it alone.
  static func externalReference(inCSS css: String) -> String? {
    let lower = css.lowercased()
    if lower.contains("@import") { return "uses @import" }
    var rest = Substring(lower)
    while let r = rest.range(of: "url(") {
      rest = rest[r.upperBound...]
      let target = rest.drop { $0 == " " || $0 == "\"" || $0 == "'" || $0 == "\t" || $0 == "\n" }
      if !target.hasPrefix("data:") { return "refers to an external resource with url(\(target.prefix(40))…)" }
    }
    return nil
  }

  /// A file name from the plan id: kebab-case ids pass as they are; anything else is reduced to
  /// safe characters, and a repeated name gets a number.
  static func fileName(for snapshot: Snapshot, taken: inout Set<String>) -> String {
    let fileStem = snapshot.path.split(separator: "/").last.map { String($0.split(separator: ".").first ?? "") } ?? ""
    let raw = snapshot.plan.id ?? fileStem
    var base = ""
    for c in raw.lowercased() {
      let safe = c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
      base.append(safe ? c : "-")
    }
    if base.isEmpty || base.allSatisfy({ $0 == "-" }) { base = "plan" }
    var name = base
    var n = 2
    while !taken.insert(name).inserted {
      name = "\(base)-\(n)"
      n += 1
    }
    return name + ".html"
  }

  /// Writes a temporary file beside `path` and renames it over `path`, so a reader (a web
  /// server, a mail client attaching it) never sees a half-written snapshot.
  static func writeAtomically(_ contents: String, to path: String) throws {
    try InitCommand.writeAtomically(contents, to: path)
  }
}

/// One slot per plan file, each written by one worker of `concurrentPerform`, read after all
/// of them finish.
private final class RenderedSlots: Sendable {
  typealias Output = Result<(Snapshot, String), SnapshotSources.Problem>
  private let slots: Mutex<[Output?]>

  init(count: Int) { slots = Mutex(Array(repeating: nil, count: count)) }

  func store(_ output: Output, at index: Int) { slots.withLock { $0[index] = output } }

  var values: [Output] { slots.withLock { $0.compactMap { $0 } } }
}
