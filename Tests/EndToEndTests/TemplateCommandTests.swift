import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

/// `mapc new`, `mapc new --list` and `mapc template extract` through the binary: goldens of the
/// plans made from each example template, the short runway, placeholder errors, the template
/// extracted from the scripted example history, and the round trip back to its baseline dates.
@Suite struct TemplateCommandTests {
  static let examples = ["enterprise-deal", "midmarket-deal", "onboarding"]
  static let golden = "Tests/EndToEndTests/Goldens/templates"

  /// A fresh repository folder (no git) with the example templates in templates/.
  static func workspace() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-new")
    try "plans: [\"plans/**/*.map.md\"]\n".write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let templates = dir.appendingPathComponent("templates")
    try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
    for name in examples {
      try TestSupport.read("Examples/templates/\(name).map-template.md").write(
        to: templates.appendingPathComponent("\(name).map-template.md"), atomically: true, encoding: .utf8)
    }
    return dir
  }

  static func read(_ dir: URL, _ path: String) throws -> String {
    try String(contentsOf: dir.appendingPathComponent(path), encoding: .utf8)
  }

  static func check(_ name: String, _ actual: String) {
    if let diff = TestSupport.golden("\(golden)/\(name)", actual) { Issue.record(Comment(rawValue: diff)) }
  }

  /// The plan made from each example template matches its golden, lints with no error on the
  /// day it is made, and is made again byte for byte.
  @Test(arguments: examples)
  func newFromEachExampleTemplate(name: String) throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = ["new", name, "--id", "acme-\(name)", "--buyer", "Acme Corp", "--go-live", "2027-03-01", "--today", "2026-11-02"]
    if name != "enterprise-deal" { args += ["--seller", "Tidewell"] }  // the enterprise template names its seller
    let run = try TestSupport.mapc(args, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    let path = "plans/acme-\(name).map.md"
    let plan = try Self.read(dir, path)
    Self.check("new-\(name).map.md", plan)
    Self.check("new-\(name).txt", run.stdout)
    #expect(!plan.contains("${"), "a placeholder was left in the plan")

    let lint = try TestSupport.mapc(["lint", "--today", "2026-11-02", path], in: dir)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(!lint.stdout.contains("error["), "\(lint.stdout)")

    let again = try TestSupport.mapc(args + ["--force"], in: dir)
    #expect(again.status == 0, "\(again.stderr)")
    #expect(again.stdout.hasPrefix("overwrote \(path) "), "\(again.stdout)")
    #expect(try Self.read(dir, path) == plan, "the same inputs and --today made a different file")
  }

  @Test func refusesToOverwriteWithoutForceAndToReuseAnID() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let args = ["new", "onboarding", "--id", "acme", "--buyer", "Acme", "--seller", "Tidewell", "--go-live", "2027-03-01", "--today", "2026-11-02"]
    #expect(try TestSupport.mapc(args, in: dir).status == 0)
    let path = dir.appendingPathComponent("plans/acme.map.md")
    try "edited\n".write(to: path, atomically: true, encoding: .utf8)
    let refused = try TestSupport.mapc(args, in: dir)
    #expect(refused.status == 2)
    #expect(refused.stderr == "mapc: error: refusing to overwrite plans/acme.map.md\n  = help: choose another file with -o, or pass --force to overwrite it\n")
    #expect(try String(contentsOf: path, encoding: .utf8) == "edited\n", "the file was changed")
    // Another file with the id of a plan of the repository: two files, one id.
    #expect(try TestSupport.mapc(args + ["--force"], in: dir).status == 0)
    let twice = try TestSupport.mapc(args + ["-o", "plans/other.map.md"], in: dir)
    #expect(twice.status == 2)
    #expect(twice.stderr.contains("the plan id acme is already used by plans/acme.map.md"), "\(twice.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/other.map.md").path))
  }

  /// Go-live too close for the template: the plan is written anyway, early steps due (or done)
  /// today, the warning says by how much, exit 0, and the plan still lints with no error.
  @Test(arguments: [false, true])
  func shortRunway(doneBeforeToday: Bool) throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = ["new", "enterprise-deal", "--id", "acme", "--buyer", "Acme Corp", "--go-live", "2027-03-01", "--today", "2026-12-21"]
    if doneBeforeToday { args.append("--done-before-today") }
    let run = try TestSupport.mapc(args, in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let suffix = doneBeforeToday ? "-done" : ""
    Self.check("short-runway\(suffix).stderr.txt", run.stderr)
    let plan = try Self.read(dir, "plans/acme.map.md")
    Self.check("short-runway\(suffix).map.md", plan)
    #expect(run.stderr.hasPrefix("mapc: warning: go-live leaves 50 business days; the template needs 85 from today"), "\(run.stderr)")
    #expect(plan.contains("status: done") == doneBeforeToday)
    #expect(!plan.contains("due: 2026-12-1"), "a milestone is due before today")
    let lint = try TestSupport.mapc(["lint", "--today", "2026-12-21", "plans/acme.map.md"], in: dir)
    #expect(lint.status == 0, "\(lint.stdout)")
  }

  /// An unknown placeholder, and `${value_date}` with no value date: `mapc new` refuses (exit
  /// 2, nothing written), `mapc lint` reports the unknown one.
  @Test func placeholderErrors() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let onboarding = try TestSupport.read("Examples/templates/onboarding.map-template.md")
    let unknown = onboarding.replacingOccurrences(of: "title: ${buyer} onboarding on ${seller}", with: "title: ${customer} onboarding on ${seller}")
    #expect(unknown != onboarding)
    try unknown.write(to: dir.appendingPathComponent("templates/unknown.map-template.md"), atomically: true, encoding: .utf8)
    let noValue = onboarding.replacingOccurrences(of: "    marks: value_date\n", with: "")
    #expect(noValue != onboarding)
    try noValue.write(to: dir.appendingPathComponent("templates/no-value.map-template.md"), atomically: true, encoding: .utf8)

    var stderr = ""
    for name in ["unknown", "no-value"] {
      let run = try TestSupport.mapc(
        ["new", "templates/\(name).map-template.md", "--id", "acme", "--buyer", "Acme", "--seller", "Tidewell", "--go-live", "2027-03-01",
          "--today", "2026-11-02"], in: dir)
      #expect(run.status == 2, "\(name): \(run.stderr)")
      #expect(run.stdout.isEmpty)
      stderr += run.stderr
    }
    Self.check("placeholder-errors.stderr.txt", stderr)
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/acme.map.md").path))
    // With the value date given, the second template makes a plan.
    let given = try TestSupport.mapc(
      ["new", "templates/no-value.map-template.md", "--id", "acme", "--buyer", "Acme", "--seller", "Tidewell", "--go-live", "2027-03-01",
        "--value-date", "2027-05-03", "--today", "2026-11-02"], in: dir)
    #expect(given.status == 0, "\(given.stderr)")
    #expect(try Self.read(dir, "plans/acme.map.md").contains("value_date: 2027-05-03\n"))

    let lint = try TestSupport.mapc(["lint", "templates/unknown.map-template.md"], in: dir)
    #expect(lint.status == 1)
    Self.check("placeholder-errors.lint.txt", lint.stdout)
  }

  @Test func listsTheTemplates() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["new", "--list"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    Self.check("list.txt", run.stdout)
    // The `templates:` globs of mapc.yml decide which files are templates.
    try "templates: [\"templates/onboarding*\"]\n".write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let one = try TestSupport.mapc(["new", "--list"], in: dir)
    #expect(one.stdout.hasPrefix("templates/onboarding.map-template.md  onboarding  5 stages, 6 milestones\n"), "\(one.stdout)")
    #expect(!one.stdout.contains("enterprise"))
  }

  // MARK: - extract

  static func history() throws -> URL {
    let parent = try TestSupport.temporaryDirectory("mapc-extract")
    let repo = parent.appendingPathComponent("brightwater")
    let run = try TestSupport.run("/usr/bin/env", ["python3", "Examples/history/build.py", repo.path])
    try #require(run.status == 0, "build.py failed: \(run.stderr)")
    return repo
  }

  static let plan = "plans/brightwater/data-platform.map.md"
  static let template = "templates/data-platform.map-template.md"

  /// The template extracted from the scripted history: offsets from the baseline dates.
  @Test func extractOnTheExampleHistory() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let run = try TestSupport.mapc(["template", "extract", Self.plan, "-o", Self.template], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    Self.check("extract.txt", run.stdout)
    let text = try Self.read(repo, Self.template)
    Self.check("extract.map-template.md", text)
    #expect(run.stdout.contains("offsets from the baseline due dates to the baseline go-live 2027-02-15"))
    // Printed, it is the same template.
    let printed = try TestSupport.mapc(["template", "extract", Self.plan], in: repo)
    #expect(printed.stdout == text)
    // Not again without --force.
    #expect(try TestSupport.mapc(["template", "extract", Self.plan, "-o", Self.template], in: repo).status == 2)
    // With --durations actual, a done milestone's offset counts from its done date
    // (discovery-workshop: done 2026-09-10, 117 working days before go-live 2027-03-01; its
    // baseline 2026-09-11 was 107 before the baseline go-live, 2027-02-15).
    let actual = try TestSupport.mapc(["template", "extract", Self.plan, "--durations", "actual"], in: repo)
    #expect(actual.status == 0, "\(actual.stderr)")
    #expect(text.contains("  - id: discovery-workshop\n") && text.contains("    offset: -107\n"))
    #expect(actual.stdout.contains("    offset: -117\n") && !actual.stdout.contains("    offset: -107\n"), "\(actual.stdout)")
  }

  /// Extract, then `new` with the original go-live: every milestone is due on its baseline
  /// date (as `mapc slip` reports it), where that date is a working day.
  @Test func extractThenNewGivesTheBaselineDates() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    #expect(try TestSupport.mapc(["template", "extract", Self.plan, "-o", Self.template], in: repo).status == 0)
    let slip = try TestSupport.mapc(["slip", "--format", "json"], in: repo)
    let report = try JSONParser.parse(slip.stdout)
    let planSlip = try #require(report["plans"]?.arrayValue?.first)
    let goLive = try #require(planSlip["go_live"]?["baseline"]?.stringValue)
    var baselines: [String: String] = [:]
    for m in planSlip["milestones"]?.arrayValue ?? [] where m["dropped"] == nil || m["dropped"] == .null {
      if let id = m["id"]?.stringValue, let b = m["baseline"]?.stringValue { baselines[id] = b }
    }
    let made = try TestSupport.mapc(
      ["new", Self.template, "--id", "round-trip", "--buyer", "Brightwater Mutual Insurance", "--seller", "Northwind Analytics",
        "--go-live", goLive, "--today", "2026-09-01", "-o", "-"], in: repo)
    #expect(made.status == 0, "\(made.stderr)")
    let plan = try #require(PlanDocument(text: made.stdout).plan)
    let holidays = Set(plan.calendar?.holidays ?? [])
    var compared = 0
    for m in plan.milestones where m.marks != .valueDate {
      let id = try #require(m.id)
      let baseline = try #require(baselines[id].flatMap(CalendarDate.init), "no baseline for \(id)")
      guard baseline.weekday != .sat, baseline.weekday != .sun, !holidays.contains(baseline) || m.marks == .goLive else { continue }
      #expect(m.due == baseline, "\(id): due \(m.due?.description ?? "-"), baseline \(baseline)")
      compared += 1
    }
    #expect(compared >= 10, "too few milestones compared: \(compared)")
  }

  /// No internal content, stakeholder name or contact of the plan survives into the template.
  @Test func extractLeavesNoInternalContentOrNames() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-extract-canary")
    defer { try? FileManager.default.removeItem(at: dir) }
    let canaries = [
      "CANARY-DEAL-NOTES", "CANARY-RISK", "CANARY-STAKEHOLDER-NOTE", "CANARY-MILESTONE-NOTE", "CANARY-BODY-SECTION",
      "CANARY-PROGRESS", "CANARY-DUE-REASON", "CANARY-XFIELD", "canary-doc.example", "CANARY-COMPETITION",
      "Zelda Quackenbush", "Zelda", "Quackenbush", "zelda@acme.example", "+1 312 555 0199", "Rupert Fenwick", "Fenwick",
      "Acme Corp", "Northwind Analytics",
      // Names in other cases, orders, normal forms and apostrophes; contacts in other formats.
      "ZELDA QUACKENBUSH", "ACME CORP", "Kate", "O'Brien", "O\u{2019}Brien", "Ana runs", "Zo\u{EB}", "Zoe\u{308}", "B\u{E4}r",
      "Ba\u{308}r", "312-555-0199", "312) 555-0199", "acme.example", "@zelda",
    ]
    let plan = """
      ---
      map: 1
      id: acme-rollout
      title: Acme Corp × Northwind Analytics rollout
      buyer: Acme Corp
      seller: Northwind Analytics
      value: Zelda Quackenbush wants Acme Corp to close the month in 3 days; ask zelda@acme.example.
      go_live: 2027-03-01
      value_date: 2027-06-01
      documents:
        - { title: Scope, url: "https://canary-doc.example/scope" }
      stakeholders:
        - { id: zelda, name: Zelda Quackenbush, title: CFO, side: buyer, role: economic-buyer, email: zelda@acme.example, phone: "+1 312 555 0199", internal: CANARY-STAKEHOLDER-NOTE, x-crm: CANARY-XFIELD }
        - { id: rupert, name: Rupert Fenwick, side: seller, role: account-executive }
        - { id: kate, name: "O'Brien, Kate", side: buyer, role: legal }
        - { id: ana, name: Ana, side: seller, role: sales-engineer }
        - { id: zoe, name: "Zoe\\u0308 Ba\\u0308r", side: buyer, role: champion }
      stages: [implementation, acme-value]
      milestones:
        - id: zelda-kickoff
          title: Kickoff with Zelda and Rupert Fenwick
          stage: implementation
          owners: [zelda, rupert]
          due: 2027-01-11
          status: done
          done_on: 2027-01-11
          due_reason: CANARY-DUE-REASON
          internal: CANARY-MILESTONE-NOTE
          progress:
            - { on: 2027-01-11, note: CANARY-PROGRESS, by: rupert }
        - id: go-live
          title: Acme Corp live on Northwind Analytics
          stage: implementation
          owners: [zelda, rupert]
          due: 2027-03-01
          status: not-started
          marks: go_live
          depends_on: [zelda-kickoff]
      internal:
        notes: CANARY-DEAL-NOTES
        risks: [CANARY-RISK]
        competition: CANARY-COMPETITION
      ---
      ## Why now

      Acme Corp needs this before the audit. Zelda signs.

      ZELDA QUACKENBUSH and ACME CORP agree. Kate O'Brien and O\u{2019}Brien review; Ana runs the
      Analytics dashboards with Alan. Call +1-312-555-0199 or (312) 555-0199 ext. 4, not 2027-01-11;
      see https://www.acme.example/careers. Ping @zelda and @rupert. Zo\u{EB} B\u{E4}r (NFC),
      Zoe\u{308} Ba\u{308}r (NFD).

      ## Negotiation (internal)

      CANARY-BODY-SECTION: Rupert may discount.

      ## Next

      Northwind Analytics runs the kickoff.

      """
    try plan.write(to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    // Dated after the kickoff was done (a done date in the future is an error, and a plan with
    // errors makes no template).
    let run = try TestSupport.mapc(["template", "extract", "deal.map.md", "-o", "deal.map-template.md", "--today", "2027-01-12"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("(no history: outside a git repository)"), "\(run.stdout)")
    let template = try Self.read(dir, "deal.map-template.md")
    // Compared byte for byte: Swift's `contains` would equate NFC and NFD.
    func has(_ text: String, _ part: String) -> Bool { Array(text.utf8).firstRange(of: Array(part.utf8)) != nil }
    for canary in canaries {
      #expect(!has(template, canary), "`\(canary)` survived into the template:\n\(template)")
    }
    // No name in any case, the ids included.
    for name in ["zelda", "quackenbush", "rupert", "fenwick", "acme", "kate", "brien"] {
      #expect(!template.lowercased().contains(name), "`\(name)` survived into the template:\n\(template)")
    }
    // The canaries really were in the plan, and the template still says something.
    for canary in canaries { #expect(has(plan, canary), "\(canary)") }
    // Words that merely start like a name are left alone; ids stay consistent.
    #expect(template.contains("the sales engineer runs the\nAnalytics dashboards with Alan."), "\(template)")
    #expect(template.contains("the legal and the legal review"), "\(template)")
    #expect(template.contains("Call (phone) or (phone) ext. 4, not 2027-01-11;\nsee (link)."), "\(template)")
    #expect(template.contains("Ping @buyer-economic-buyer and @seller-account-executive."), "\(template)")
    #expect(template.contains("the champion (NFC),\nthe champion (NFD)."), "\(template)")
    // Printed, the template's id is the plan's without the buyer's words.
    let printed = try TestSupport.mapc(["template", "extract", "deal.map.md", "--today", "2027-01-12"], in: dir)
    #expect(printed.stdout.contains("\nid: rollout\n"), "\(printed.stdout)")
    #expect(template.contains("stages: [implementation, buyer-value]"), "\(template)")
    #expect(template.contains("  - id: economic-buyer-kickoff\n"), "\(template)")
    #expect(template.contains("depends_on: [economic-buyer-kickoff]"), "\(template)")
    #expect(template.contains("title: ${buyer} × ${seller} rollout"), "\(template)")
    #expect(template.contains("the economic buyer wants ${buyer} to close the month"), "\(template)")
    #expect(template.contains("offset: -35"), "\(template)")
    #expect(template.contains("## Next\n\n${seller} runs the kickoff."), "\(template)")
    // The template lints clean (a role per owner, no unknown placeholder).
    let lint = try TestSupport.mapc(["lint", "deal.map-template.md"], in: dir)
    #expect(lint.status == 0, "\(lint.stdout)")
  }

  /// A plan `mapc lint` finds errors in makes no template: its diagnostics, exit 1, no file.
  @Test func extractRefusesAPlanWithErrors() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-extract-errors")
    defer { try? FileManager.default.removeItem(at: dir) }
    let plan = """
      ---
      map: 1
      id: broken
      title: Broken
      buyer: Acme Corp
      seller: Northwind
      go_live: 2027-03-01
      stakeholders:
        - { id: a, name: Ann Example, side: buyer, role: champion }
      stages: [discovery]
      milestones:
        - id: m1
          title: Go live
          stage: discovery
          owners: [a]
          due: 2027-03-01
          status: not-started
          marks: go_live
          success_criteria:
            - ? complex
      ---
      """
    try plan.write(to: dir.appendingPathComponent("broken.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["template", "extract", "broken.map.md", "-o", "broken.map-template.md", "--today", "2026-11-02"], in: dir)
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.isEmpty, "\(run.stdout)")
    #expect(run.stderr.contains("broken.map.md:20:9: error[MAP022]: `success_criteria[0]` in milestone `m1` must be text"), "\(run.stderr)")
    #expect(run.stderr.contains("broken.map.md:2:1: error[MAP020]: the plan is missing the required property `value`"), "\(run.stderr)")
    #expect(run.stderr.hasSuffix("mapc: error: broken.map.md has 2 errors; fix them (`mapc lint broken.map.md`) before making a template of it\n"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("broken.map-template.md").path))
  }

  /// A line break (or any control character) in --buyer or --seller would end a body section
  /// early and let internal guidance out: refused, exit 2, nothing written.
  @Test(arguments: [
    ("--seller", "Northwind\n\n## Our approach\n\nNorthwind"), ("--buyer", "Acme\u{2028}Corp"), ("--buyer", "Acme\u{85}Corp"),
    ("--seller", "Tab\there"), ("--buyer", "Acme\u{9B}Corp"),
  ])
  func newRefusesControlCharacters(option: String, value: String) throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    var args = ["new", "onboarding", "--id", "acme", "--go-live", "2027-03-01", "--today", "2026-11-02"]
    args += option == "--buyer" ? ["--buyer", value, "--seller", "Tidewell"] : ["--buyer", "Acme", "--seller", value]
    let run = try TestSupport.mapc(args, in: dir)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.hasPrefix("mapc: error: \(option) must be one line of text: it holds the control character U+"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/acme.map.md").path))
  }

  /// A go-live so late that a milestone after it would leave the calendar: refused, not clamped.
  @Test func newRefusesDatesOutsideTheCalendar() throws {
    let dir = try Self.workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(
      ["new", "onboarding", "--id", "acme", "--buyer", "Acme", "--seller", "Tidewell", "--go-live", "9999-12-31", "--today", "2026-11-02"],
      in: dir)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("outside the dates mapc supports (0001-01-01 to 9999-12-31)"), "\(run.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("plans/acme.map.md").path))
  }
}
