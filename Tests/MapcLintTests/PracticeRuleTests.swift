import MapcWorkspace
import Foundation
import MapcJSON
import MapcModel
import MapcTestSupport
import Testing

@testable import MapcLint

/// Edge cases of the practice rules (MAP130–MAP180), beyond the examples every check carries.
@Suite struct PracticeRuleTests {
  static let target = LintTarget(path: "plan.map.md", displayPath: "plan.map.md", relativePath: "plan.map.md")
  static let codes = Set(RuleRegistry.rules.map { $0.check.code }.filter { ("MAP130"..."MAP189").contains($0) })

  static func lint(_ text: String, today: CalendarDate = ExamplePlans.today, thresholds: Thresholds = Thresholds()) throws -> [Finding] {
    var configuration = Configuration(root: "/")
    configuration.thresholds = thresholds
    let linter = try Linter(configuration: configuration, schemas: SchemaCatalog(), today: today)
    return linter.lint(bytes: Array(text.utf8), target: target)
  }

  /// The findings of one check.
  static func findings(
    _ code: String, in text: String, today: CalendarDate = ExamplePlans.today, thresholds: Thresholds = Thresholds()
  ) throws -> [Finding] {
    try lint(text, today: today, thresholds: thresholds).filter { $0.check.code == code }
  }

  static func at(_ f: Finding) -> String { f.position.map { "\($0.line):\($0.column)" } ?? "-" }

  /// "line:column" of the first occurrence of `needle` after the first occurrence of `after`.
  static func position(of needle: String, after: String = "", in text: String) -> String {
    let start = after.isEmpty ? text.startIndex : text.range(of: after)!.upperBound
    let hit = text.range(of: needle, range: start..<text.endIndex)!.lowerBound
    let before = text[..<hit]
    let line = before.count(where: { $0 == "\n" }) + 1
    let column = before.reversed().prefix { $0 != "\n" }.count + 1
    return "\(line):\(column)"
  }

  static let people = """
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: lee, name: Lee Park, side: buyer, role: champion }
      - { id: sec, side: buyer, role: security-reviewer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
      - { id: rhys, name: Rhys Morgan, side: partner, role: partner }
    """

  /// A plan that every practice rule accepts, apart from what `milestones` brings.
  static func plan(stakeholders: String = people, body: String = "## Why now\n", _ milestones: String) -> String {
    """
    ---
    map: 1
    id: acme-rollout
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
    compelling_event: { what: FY27 budget lock, date: 2027-01-15 }
    go_live: 2027-03-01
    value_date: 2027-06-01
    stakeholders:
    \(stakeholders)
    stages: [validation, final-agreements, implementation, value]
    milestones:
    \(milestones)
    ---
    \(body)
    """
  }

  /// One milestone as a YAML list item.
  static func milestone(
    _ id: String, title: String? = nil, stage: String = "implementation", owners: String = "[dana, sam]", due: String = "2027-01-11",
    status: String = "not-started", extra: String = ""
  ) -> String {
    "  - id: \(id)\n    title: \(title ?? "Step \(id)")\n    stage: \(stage)\n    owners: \(owners)\n    due: \(due)\n    status: \(status)\n"
      + extra
  }

  /// `count` milestones, the first `buyerOwned` with a buyer owner, the rest seller-only.
  static func milestones(_ count: Int, buyerOwned: Int = Int.max, status: String = "not-started") -> String {
    (0..<count).map { i in milestone("step-\(i)", owners: i < buyerOwned ? "[dana, sam]" : "[sam]", status: status) }.joined()
  }

  // MARK: The plan used by these tests is clean

  @Test func referencePlanIsClean() throws {
    let found = try Self.lint(Self.plan(Self.milestones(9))).filter { Self.codes.contains($0.check.code) }
    #expect(found.isEmpty, "\(found.map { TextReporter.render($0) })")
  }

  /// The example plans in `Examples/` stay clean under these rules, notes included.
  @Test(arguments: [
    "Examples/enterprise-data-platform.map.md", "Examples/midmarket-support-desk.map.md", "Examples/onboarding-logistics.map.md",
    "Examples/team-extension/harbor-freight-analytics.map.md",
  ])
  func examplePlansAreClean(path: String) throws {
    let text = try TestSupport.read(path)
    let found = try Self.lint(text, today: CalendarDate("2026-11-23")!).filter { Self.codes.contains($0.check.code) }
    #expect(found.isEmpty, "\(found.map { TextReporter.render($0) })")
  }

  // MARK: Mutual (MAP130–MAP132)

  @Test func buyerShareExactlyAtThresholdPasses() throws {
    #expect(try Self.findings("MAP131", in: Self.plan(Self.milestones(10, buyerOwned: 3))).isEmpty)
    let below = try Self.findings("MAP131", in: Self.plan(Self.milestones(10, buyerOwned: 2)))
    #expect(below.map(\.message.text) == ["the buyer side owns 2 of 10 open milestones (20%); aim for at least 30%"])
  }

  @Test func buyerSharePercentIsRoundedDown() throws {
    // 2 of 7 is 28.6%: shown as 28%, never as the 30% it misses.
    let f = try Self.findings("MAP131", in: Self.plan(Self.milestones(7, buyerOwned: 2)))
    #expect(f.map(\.message.text) == ["the buyer side owns 2 of 7 open milestones (28%); aim for at least 30%"])
  }

  @Test func buyerShareThresholdIsConfigurable() throws {
    var half = Thresholds()
    half.buyerShare = 0.5
    let text = Self.plan(Self.milestones(10, buyerOwned: 4))
    #expect(try Self.findings("MAP131", in: text).isEmpty)
    let f = try Self.findings("MAP131", in: text, thresholds: half)
    #expect(f.map(\.message.text) == ["the buyer side owns 4 of 10 open milestones (40%); aim for at least 50%"])
    #expect(try Self.findings("MAP131", in: Self.plan(Self.milestones(10, buyerOwned: 5)), thresholds: half).isEmpty)
  }

  @Test func buyerShareThresholdFromMapcYml() throws {
    let dir = try TestSupport.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("mapc.yml")
    try "thresholds:\n  buyer_share: 0.25\n".write(to: file, atomically: true, encoding: .utf8)
    let configuration = try Configuration.load(file: file.path, schemas: SchemaCatalog())
    #expect(configuration.thresholds.buyerShare == 0.25)
    let linter = try Linter(configuration: configuration, schemas: SchemaCatalog(), today: ExamplePlans.today)
    let text = Self.plan(Self.milestones(8, buyerOwned: 2))  // exactly 25%
    #expect(!linter.lint(bytes: Array(text.utf8), target: Self.target).contains { $0.check.code == "MAP131" })
  }

  @Test func buyerShareCountsOnlyOpenMilestones() throws {
    let done = Self.milestones(9, buyerOwned: 0, status: "done").replacing("status: done\n", with: "status: done\n    done_on: 2026-11-02\n")
    let text = Self.plan(done + Self.milestone("go-live"))
    #expect(try Self.findings("MAP131", in: text).isEmpty)
    let noneOpen = Self.plan(done)
    #expect(try Self.findings("MAP131", in: noneOpen).isEmpty)
  }

  @Test func buyerSharePointsAtMilestonesKey() throws {
    let text = Self.plan(Self.milestones(9, buyerOwned: 1))
    let f = try #require(try Self.findings("MAP131", in: text).first)
    #expect(Self.at(f) == Self.position(of: "milestones:", in: text))
  }

  @Test func noBuyerOwnerPointsAtOwnersAndSkipsCancelledAndUnknown() throws {
    let text = Self.plan(
      Self.milestone("kickoff") + Self.milestone("demo", owners: "[sam, rhys]") + Self.milestone("old", owners: "[sam]", status: "cancelled")
        + Self.milestone("typo", owners: "[dnaa, sam]"))
    let f = try Self.findings("MAP130", in: text)
    #expect(f.map(\.message.text) == ["milestone `demo` has no buyer-side owner"])
    #expect(f.map(Self.at) == [Self.position(of: "[sam, rhys]", in: text)])
    #expect(try Self.findings("MAP132", in: text).isEmpty)
  }

  @Test func noSellerCounterpartAcceptsPartnersAndNamesTheMilestone() throws {
    let text = Self.plan(
      Self.milestone("kickoff", owners: "[dana, rhys]") + Self.milestone("budget", owners: "[dana, lee]")
        + Self.milestone("typo", owners: "[dana, sma]"))
    let f = try Self.findings("MAP132", in: text)
    #expect(f.map(\.message.text) == ["milestone `budget` is owned by the buyer side only, with no seller counterpart"])
    #expect(f.map(Self.at) == [Self.position(of: "[dana, lee]", in: text)])
    #expect(f.allSatisfy { $0.severity == .note })
  }

  // MARK: Ends at value (MAP140, MAP141)

  @Test func lastMilestoneIsTheLatestDueThenTheLaterInTheList() throws {
    // Same latest date: the later one in the list decides.
    let signedLast = Self.plan(
      Self.milestone("go-live", due: "2027-03-01") + Self.milestone("contract", title: "Contract signed", stage: "final-agreements", due: "2027-03-01"))
    let f = try Self.findings("MAP140", in: signedLast)
    #expect(f.map(\.message.text) == ["the plan ends at milestone `contract` (Contract signed), in the `final-agreements` stage, not at go-live or value"])
    #expect(f.map(Self.at) == [Self.position(of: "contract", after: "milestones:", in: signedLast)])
    let liveLast = Self.plan(
      Self.milestone("contract", title: "Contract signed", stage: "final-agreements", due: "2027-03-01") + Self.milestone("go-live", due: "2027-03-01"))
    #expect(try Self.findings("MAP140", in: liveLast).isEmpty)
    // The latest date wins over the order in the list.
    let earlierInList = Self.plan(
      Self.milestone("po", title: "Purchase order issued", stage: "validation", due: "2027-04-01") + Self.milestone("go-live", due: "2027-03-01"))
    #expect(try Self.findings("MAP140", in: earlierInList).map(\.message.text) == [
      "the plan ends at milestone `po` (Purchase order issued), a signature or contract step, not at go-live or value"
    ])
  }

  @Test func signatureWordsAreWholeWordsAndValueWordsWin() throws {
    for title in ["Design sign-off", "Order form signed", "Closed-won in the CRM", "Procurement complete", "Master agreement countersigned"] {
      let text = Self.plan(Self.milestone("last", title: title, stage: "validation"))
      #expect(try Self.findings("MAP140", in: text).count == 1, "\(title)")
    }
    for title in ["Designers onboarded", "Contractors trained", "Value review of the contract savings", "Go-live after signature"] {
      let text = Self.plan(Self.milestone("last", title: title, stage: "validation"))
      #expect(try Self.findings("MAP140", in: text).isEmpty, "\(title)")
    }
    // A post-signature stage wins over wording.
    #expect(try Self.findings("MAP140", in: Self.plan(Self.milestone("renewal", title: "Renewal contract signed", stage: "value"))).isEmpty)
  }

  @Test func cancelledAndUndatedMilestones() throws {
    let cancelledLast = Self.plan(
      Self.milestone("go-live", due: "2027-03-01")
        + Self.milestone("contract", title: "Contract signed", stage: "final-agreements", due: "2027-04-01", status: "cancelled"))
    #expect(try Self.findings("MAP140", in: cancelledLast).isEmpty)
    #expect(try Self.findings("MAP140", in: Self.plan("  []")).isEmpty)
  }

  @Test func noValueDatePointsAtGoLiveOrRoot() throws {
    let text = Self.plan(Self.milestones(9)).replacing("value_date: 2027-06-01\n", with: "")
    let f = try Self.findings("MAP141", in: text)
    #expect(f.map(Self.at) == [Self.position(of: "go_live", in: text)])
    let noGoLive = text.replacing("go_live: 2027-03-01\n", with: "")
    #expect(try Self.findings("MAP141", in: noGoLive).map(Self.at) == ["2:1"])
    // A malformed value date is the schema's business.
    #expect(try Self.findings("MAP141", in: Self.plan(Self.milestones(9)).replacing("value_date: 2027-06-01", with: "value_date: soon")).isEmpty)
  }

  // MARK: Size (MAP150, MAP151)

  @Test(arguments: [(0, "MAP150"), (2, "MAP150"), (3, "MAP151"), (7, "MAP151"), (8, nil), (12, nil), (13, "MAP151"), (30, "MAP151"), (31, "MAP150")])
  func milestoneCountBoundaries(count: Int, code: String?) throws {
    let text = Self.plan(count == 0 ? "  []" : Self.milestones(count))
    let found = try Self.lint(text).filter { ["MAP150", "MAP151"].contains($0.check.code) }
    #expect(found.map(\.check.code) == (code.map { [$0] } ?? []), "\(count)")
    #expect(found.allSatisfy { Self.at($0) == Self.position(of: "milestones:", in: text) })
  }

  @Test func sizeMessages() throws {
    #expect(try Self.findings("MAP150", in: Self.plan("  []")).map(\.message.text) == ["the plan has no milestones; a mutual plan needs at least 3"])
    #expect(try Self.findings("MAP150", in: Self.plan(Self.milestones(1))).map(\.message.text) == ["the plan has only 1 milestone; a mutual plan needs at least 3"])
    #expect(try Self.findings("MAP150", in: Self.plan(Self.milestones(31))).map(\.message.text) == ["the plan has 31 milestones; over 30 steps performs like no plan"])
    #expect(try Self.findings("MAP151", in: Self.plan(Self.milestones(5))).map(\.message.text) == ["the plan has 5 milestones; guides recommend 8 to 12 key outcomes"])
    // Cancelled milestones do not count.
    let cancelled = Self.milestones(8) + Self.milestone("dropped", status: "cancelled")
    #expect(try Self.findings("MAP151", in: Self.plan(cancelled)).isEmpty)
    #expect(try Self.findings("MAP151", in: Self.plan(Self.milestones(7) + Self.milestone("dropped", status: "cancelled"))).count == 1)
  }

  // MARK: Stakeholders (MAP160–MAP162)

  @Test func decisionMakerPlaceholderIsNamedInTheMessage() throws {
    let people = """
        - { id: cfo, side: buyer, role: economic-buyer }
        - { id: lee, name: Lee Park, side: buyer, role: champion }
        - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
      """
    let text = Self.plan(stakeholders: people, Self.milestones(9).replacing("[dana, sam]", with: "[lee, sam]"))
    let f = try Self.findings("MAP160", in: text)
    #expect(f.map(\.message.text) == ["the buyer's decision maker `cfo` (economic-buyer) is a role placeholder with no name yet"])
    #expect(f.map(Self.at) == [Self.position(of: "cfo", in: text)])
    // A seller-side executive sponsor is not the buyer's decision maker.
    let none = Self.plan(
      stakeholders: people.replacing("{ id: cfo, side: buyer, role: economic-buyer }", with: "{ id: cto, name: Ray Diaz, side: seller, role: executive-sponsor }"),
      Self.milestones(9).replacing("[dana, sam]", with: "[lee, sam]"))
    let g = try Self.findings("MAP160", in: none)
    #expect(g.map(\.message.text) == ["no economic buyer or other decision maker is named on the buyer side"])
    #expect(g.map(Self.at) == [Self.position(of: "stakeholders:", in: none)])
  }

  @Test func championPlaceholderDoesNotCount() throws {
    let text = Self.plan(
      stakeholders: Self.people.replacing("{ id: lee, name: Lee Park, side: buyer, role: champion }", with: "{ id: lee, side: buyer, role: champion }"),
      Self.milestones(9))
    #expect(try Self.findings("MAP161", in: text).map(\.message.text) == ["the buyer's champion `lee` (champion) is a role placeholder with no name yet"])
    let sellerChampion = Self.plan(
      stakeholders: Self.people.replacing("{ id: lee, name: Lee Park, side: buyer, role: champion }", with: "{ id: lee, name: Lee Park, side: seller, role: champion }"),
      Self.milestones(9))
    #expect(try Self.findings("MAP161", in: sellerChampion).map(\.message.text) == ["the buyer side has no champion"])
  }

  @Test(arguments: [(-1, false), (0, true), (1, true), (14, true), (15, false)])
  func placeholderWindowBoundaries(daysAhead: Int, fires: Bool) throws {
    let due = ExamplePlans.today.adding(days: daysAhead)
    let text = Self.plan(Self.milestones(8) + Self.milestone("security-review", owners: "[sam, sec, sec]", due: "\(due)"))
    let f = try Self.findings("MAP162", in: text)
    #expect(f.count == (fires ? 1 : 0), "\(daysAhead)")
    if fires {
      let when = daysAhead == 0 ? "today" : daysAhead == 1 ? "in 1 day" : "in \(daysAhead) days"
      #expect(f.map(\.message.text) == ["owner `sec` (security-reviewer) has no name yet and milestone `security-review` is due \(when)"])
      #expect(f.map(Self.at) == [Self.position(of: "sec", after: "owners: [sam, ", in: text)])
    }
  }

  @Test func placeholderWindowIsConfigurableAndSkipsDoneMilestones() throws {
    let due = ExamplePlans.today.adding(days: 5)
    let text = Self.plan(Self.milestones(8) + Self.milestone("security-review", owners: "[sec, sam]", due: "\(due)"))
    var short = Thresholds()
    short.placeholderDueDays = 3
    #expect(try Self.findings("MAP162", in: text).count == 1)
    #expect(try Self.findings("MAP162", in: text, thresholds: short).isEmpty)
    let done = text.replacing("due: \(due)\n    status: not-started", with: "due: \(due)\n    status: done")
    #expect(try Self.findings("MAP162", in: done).isEmpty)
  }

  // MARK: Substance (MAP170–MAP172)

  @Test func valueStatement() throws {
    let one = Self.plan(Self.milestones(9)).replacing(
      "value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.", with: "value: \"  Efficiency \"")
    let f = try Self.findings("MAP170", in: one)
    #expect(f.map(\.message.text) == ["the value statement `Efficiency` is a single word"])
    #expect(f.map(Self.at) == [Self.position(of: "\"  Efficiency", in: one)])
    let empty = one.replacing("value: \"  Efficiency \"", with: "value: \"\"")
    #expect(try Self.findings("MAP170", in: empty).map(\.message.text) == ["the value statement is empty"])
    let missing = one.replacing("value: \"  Efficiency \"\n", with: "")
    #expect(try Self.findings("MAP170", in: missing).map(Self.at) == [Self.position(of: "title:", in: missing)])
    #expect(try Self.findings("MAP170", in: one.replacing("value: \"  Efficiency \"", with: "value: 42")).isEmpty)
    #expect(try Self.findings("MAP170", in: one.replacing("value: \"  Efficiency \"", with: "value: Faster close")).isEmpty)
  }

  @Test func successCriteriaByStageOrWording() throws {
    let text = Self.plan(
      Self.milestones(6)
        + Self.milestone("tech-val", title: "Data reconciled in a sandbox", stage: "validation")
        + Self.milestone("poc", title: "Proof of concept on claims data", stage: "implementation")
        + Self.milestone("demo", title: "Demo done", stage: "validation", status: "done", extra: "    done_on: 2026-11-02\n")
        + Self.milestone("tested", title: "Pilot in Boston", stage: "implementation", extra: "    success_criteria: [Nightly load green]\n")
        + Self.milestone("dropped", title: "Pilot in Denver", stage: "validation", status: "cancelled"))
    let f = try Self.findings("MAP171", in: text)
    #expect(f.map(\.message.text) == [
      "milestone `tech-val`, in the `validation` stage, has no success criteria",
      "milestone `poc`, a test of the solution, has no success criteria",
    ])
    #expect(f.map(Self.at) == [Self.position(of: "tech-val", in: text), Self.position(of: "poc", after: "tech-val", in: text)])
  }

  @Test func compellingEventMissing() throws {
    let text = Self.plan(Self.milestones(9)).replacing("compelling_event: { what: FY27 budget lock, date: 2027-01-15 }\n", with: "")
    let f = try Self.findings("MAP172", in: text)
    #expect(f.map(Self.at) == [Self.position(of: "go_live", in: text)])
  }

  // MARK: Links (MAP180)

  /// The MAP180 messages, each prefixed with its line within the body, as the seller counts it.
  static func linkMessages(_ body: String) throws -> [String] {
    let text = plan(body: body, milestones(9))
    guard let start = text.range(of: body) else { return ["body not found"] }
    let bodyFirstLine = text[..<start.lowerBound].filter { $0 == "\n" }.count + 1
    return try findings("MAP180", in: text).map { f in
      let line = (f.position?.line ?? 0) - bodyFirstLine + 1
      return "line \(line) of " + f.message.text
    }
  }

  @Test func unsafeSchemesAreReportedWithTheirBodyLine() throws {
    let body = """
      ## Links

      [demo](javascript:alert(1)) and ![chart](data:image/png;base64,AAAA)
      <FILE:///etc/passwd> and <a href="ftp://files.example.com/x">old</a>
      [ref]: vbscript:msgbox
      [hidden](java&#115;cript&colon;alert(1)) [escaped](javascript\\:alert(1))
      """
    #expect(try Self.linkMessages(body) == [
      "line 3 of the body links to `javascript:alert(1)`, a `javascript:` link; only http, https and mailto links are allowed",
      "line 3 of the body links to `data:image/png;base64,AAAA`, a `data:` link; only http, https and mailto links are allowed",
      "line 4 of the body links to `FILE:///etc/passwd`, a `file:` link; only http, https and mailto links are allowed",
      "line 4 of the body links to `ftp://files.example.com/x`, a `ftp:` link; only http, https and mailto links are allowed",
      "line 5 of the body links to `vbscript:msgbox`, a `vbscript:` link; only http, https and mailto links are allowed",
      "line 6 of the body links to `java&#115;cript&colon;alert(1)`, a `javascript:` link; only http, https and mailto links are allowed",
      "line 6 of the body links to `javascript\\:alert(1)`, a `javascript:` link; only http, https and mailto links are allowed",
    ])
  }

  @Test func safeLinksAndCodeAreNotReported() throws {
    let body = """
      See [scope](https://docs.example.com/scope?x=(1)), [top](#why-now), [notes](notes/kickoff.md), [up](../README.md),
      <https://example.com>, <dana@acme.example>, [mail](mailto:dana@acme.example,lee@acme.co.uk?subject=Kickoff%20plan),
      [Dana](<mailto:dana.ruiz@acme.example>) and `[code](javascript:alert(1))`.

      ```js
      [fenced](javascript:alert(1))
      ```

          [indented](javascript:alert(1))

      <!-- [comment](javascript:alert(1))
      still a comment <javascript:alert(1)> -->
      - item [ok](http://example.com)

          continued list paragraph [ok](https://example.com)
      """
    #expect(try Self.linkMessages(body) == [])
  }

  @Test func malformedMailtoAddresses() throws {
    let body = """
      [a](mailto:dana@acme) [b](mailto:) [c](mailto:dana.@acme.example) [d](mailto:dana@acme.example,oops)
      [e](mailto:Dana%20Ruiz%20%3Cdana@acme.example%3E) [ok](MAILTO:dana@acme.example)
      """
    #expect(try Self.linkMessages(body) == [
      "line 1 of the body links to `mailto:dana@acme`, which is not a well-formed email address",
      "line 1 of the body links to `mailto:`, which is not a well-formed email address",
      "line 1 of the body links to `mailto:dana.@acme.example`, which is not a well-formed email address",
      "line 1 of the body links to `mailto:dana@acme.example,oops`, which is not a well-formed email address",
      "line 2 of the body links to `mailto:Dana%20Ruiz%20%3Cdana@acme.example%3E`, which is not a well-formed email address",
    ])
  }

  @Test func linkFindingsPointAtTheLinkInTheBody() throws {
    let text = Self.plan(body: "[x](javascript:void(0))", Self.milestones(9))
    let f = try Self.findings("MAP180", in: text)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("[x](") }.map { $0 + 1 }
    #expect(f.map(Self.at) == ["\(line ?? 0):5"])
    #expect(f.first?.length == "javascript:void(0)".count)
    #expect(f.allSatisfy { $0.severity == .error })
  }

  // MARK: Odd input

  /// Plans of the wrong shape: the practice rules judge what they can and skip the rest (the
  /// schema reports the shapes), and every finding points into the file.
  @Test func oddPlansAreJudgedWhereTheyCanBe() throws {
    let odd: [(text: String, practice: [String])] = [
      ("---\nmap: 1\n---\n", ["MAP141@2:1", "MAP150@2:1", "MAP160@2:1", "MAP161@2:1", "MAP170@2:1", "MAP172@2:1"]),
      ("---\nmilestones: oops\nstakeholders: 3\nvalue: [a]\n---\n", ["MAP141@2:1", "MAP160@3:1", "MAP161@3:1", "MAP172@4:1"]),
      (
        "---\nmilestones:\n  - 1\n  - { owners: [1, dana, null], due: 2026-11-23, status: weird }\n  - {}\nstakeholders:\n  - { id: dana }\n  - { id: dana, side: buyer }\n---\n[x](<javascript:a\n",
        [
          "MAP131@2:1", "MAP141@2:1", "MAP151@2:1", "MAP160@6:1", "MAP161@6:1", "MAP162@4:19", "MAP170@2:1", "MAP172@2:1",
          "MAP180@10:6",
        ]
      ),
      (Self.plan(body: "[", Self.milestones(2) + Self.milestones(2)), ["MAP151@18:1"]),
    ]
    for (text, practice) in odd {
      let all = try Self.lint(text)
      let found = all.filter { Self.codes.contains($0.check.code) }.map { "\($0.check.code)@\(Self.at($0))" }.sorted()
      #expect(found == practice, "\(text)")
      let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
      for f in all {
        let p = try #require(f.position, "\(f.check) has no position")
        #expect(p.line >= 1 && p.line <= lines && p.column >= 1, "\(f.check) at \(p) in a file of \(lines) lines")
      }
    }
    // The schema reports the wrong shapes the rules skipped.
    let shapes = try Self.lint(odd[1].text).filter { $0.check == .wrongType }.map(\.message.text)
    #expect(shapes == [
      "`milestones` must be a list, found text", "`stakeholders` must be a list, found a number", "`value` must be text, found a list",
    ])
  }

  @Test func largePlansAreLintedQuickly() throws {
    let body = String(repeating: "A line with [a link](https://example.com) and `code` and <b>html</b>.\n", count: 5_000)
    let text = Self.plan(body: body, Self.milestones(2_000, buyerOwned: 100))
    let f = try Self.lint(text)
    #expect(f.contains { $0.check.code == "MAP150" })
    #expect(f.contains { $0.check.code == "MAP131" })
    #expect(!f.contains { $0.check.code == "MAP180" })
  }

  /// Lines built to make a naive scanner quadratic: unmatched backtick runs, nested `](`,
  /// unclosed autolinks and attributes.
  @Test func pathologicalBodyLinesStayLinear() throws {
    let line = (1...20_000).map { String(repeating: "`", count: $0 % 7 + 1) + "](<a" }.joined()
      + String(repeating: "](", count: 50_000) + String(repeating: " href=", count: 20_000)
    let links = MarkdownLinks.scan(line)
    #expect(links.count < 100_000)
    #expect(MarkdownLinks.scan("`a` [x](javascript:1) ``b`` `c").map(\.url) == ["javascript:1"])
  }
}
