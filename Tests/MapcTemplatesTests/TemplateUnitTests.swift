import MapcJSON
import MapcModel
import MapcSchedule
import MapcWorkspace
import Foundation
import MapcTestSupport
import Testing

@testable import MapcTemplates

@Suite struct PlaceholderTests {
  @Test func findsEveryPlaceholderWithItsPosition() {
    let uses = Placeholders.uses(in: "${buyer} × ${seller}: ${nope} and ${go_live}")
    #expect(uses.map(\.name) == ["buyer", "seller", "nope", "go_live"])
    #expect(uses.map(\.offset) == [0, 11, 22, 34])
    #expect(uses[2].placeholder == nil && uses[0].placeholder == .buyer)
  }

  @Test func strayDollarBracesAreText() {
    #expect(Placeholders.uses(in: "costs ${ 5 and more\n}").isEmpty)
    #expect(Placeholders.uses(in: "${" + String(repeating: "a", count: 100) + "}").isEmpty)
    #expect(Placeholders.uses(in: "$$${buyer}").map(\.offset) == [2])
  }

  @Test func fillsKnownPlaceholdersOnly() {
    let filled = Placeholders.fill("${buyer} ${x} ${value_date} ${seller}", with: [.buyer: "Acme", .seller: "$Nw${buyer}"])
    #expect(filled == "Acme ${x} ${value_date} $Nw${buyer}")
  }

  @Test func scrubsNamesLongestFirstAndEmails() {
    let scrub = TextScrubber([("Acme", "${buyer}"), ("Acme Corp", "${buyer}"), ("Dana Ruiz", "the champion"), ("Dana", "the champion")])
    #expect(scrub("Acme Corp and Acme; Dana Ruiz, then Dana.") == "${buyer} and ${buyer}; the champion, then the champion.")
    #expect(scrub("mail dana.ruiz@acme.example. or x@y, a@b.co") == "mail (email). or x@y, (email)")
    #expect(scrub.tooLong.isEmpty)
    #expect(TextScrubber([(String(repeating: "x", count: 1001), "y")]).tooLong.count == 1)
  }

  /// Names match in any case, normal form and apostrophe, only as whole words; phone numbers
  /// by their digits; links under the given domains.
  @Test func scrubsNamesAsWordsInAnyFormAndContacts() {
    let scrub = TextScrubber(
      [("Ana", "the ae"), ("Al", "the se"), ("Zoe\u{308}", "the champion"), ("O'Neil", "the legal"), ("Acme Corp", "${buyer}")],
      phones: ["(617) 555-0142"], domains: ["acme.example"])
    #expect(scrub("ANA and Analytics; Al, Alan, Legal-Al.") == "the ae and Analytics; the se, Alan, Legal-the se.")
    #expect(scrub("Zo\u{EB} and ZO\u{CB}; O\u{2019}Neil, ACME CORP") == "the champion and the champion; the legal, ${buyer}")
    #expect(scrub("+1 617 555 0142, 617.555.0142. 2027-03-01 +44 20 7946 0958") == "(phone), (phone). 2027-03-01 +44 20 7946 0958")
    #expect(scrub("see https://www.ACME.example/team?x=1, or notacme.example.") == "see (link), or notacme.example.")
  }

  /// Long runs of the characters names and addresses are made of stay linear (a regular
  /// expression would backtrack over them).
  @Test func scrubbingIsLinear() {
    let names = (0..<500).map { ("Name\($0) Surname\($0)", "the role") }
    let text = String(repeating: "a", count: 400_000) + String(repeating: "@a", count: 50_000)
    let scrub = TextScrubber(names)
    let start = ContinuousClock.now
    _ = scrub(text)
    #expect(ContinuousClock.now - start < .seconds(5))
  }
}

@Suite struct YAMLEmitterTests {
  /// Every string reads back as itself through the plan loader, however it must be quoted.
  @Test(arguments: [
    "plain text", "yes", "no", "on", "null", "~", "true", "1", "1.5", "0x1F", ".inf", "-5", "2027-03-01", "a: b", "a #b",
    "#hash", "- dash", "[x]", "{x}", "'q'", "\"dq\"", "line\nbreak", "tab\there", " lead", "trail ", "ends:", "é × — ✓",
    "back\\slash", "\u{7}bell", "*star", "&amp", "!bang", "%pct", "@at", "`tick", "|pipe", ">gt", "?q", ",comma",
    String(repeating: "long words here ", count: 12) + "end", "with  two  spaces " + String(repeating: "x ", count: 60) + "y",
  ])
  func stringsReadBack(text: String) throws {
    let object = JSONObject([
      ("s", .string(text)), ("list", .array([.string(text), .string("id")])),
      ("nested", .object(JSONObject([("k", .string(text)), ("n", .number(3)), ("b", .bool(true))]))),
      ("items", .array([.object(JSONObject([("id", .string("a")), ("t", .string(text))]))])),
    ])
    let yaml = YAMLEmitter.document(object)
    let read = PlanDocument(text: "---\n" + yaml + "---\n")
    #expect(read.frontmatter == .object(object), "\(yaml)")
  }

  @Test func shortIDListsAreFlowAndSentencesAreBlock() {
    let yaml = YAMLEmitter.document(
      JSONObject([("owners", .array([.string("a"), .string("b")])), ("criteria", .array([.string("one sentence")]))]))
    #expect(yaml == "owners: [a, b]\n\ncriteria:\n  - one sentence\n")
  }
}

@Suite struct TemplateDatesTests {
  static func template(_ milestones: String, calendar: String = "") -> PlanTemplate? {
    PlanTemplate(
      PlanDocument(
        text: """
          ---
          map_template: 1
          id: t
          title: t
          value: v
          \(calendar)
          stakeholders: [{ id: a, side: buyer, role: champion }]
          stages: [s]
          milestones:
          \(milestones)
          ---

          """))
  }

  static let goLive = CalendarDate(year: 2027, month: 3, day: 1)!  // a Monday

  @Test func offsetsAreWorkdaysFromGoLive() throws {
    let t = try #require(Self.template("""
        - { id: a, title: a, stage: s, owners: [a], offset: -5 }
        - { id: b, title: b, stage: s, owners: [a], offset: 1 }
        - { id: g, title: g, stage: s, owners: [a], marks: go_live, offset: -3 }
      """))
    let dues = try TemplateDates.dues(t, goLive: Self.goLive, valueDate: nil, calendar: PlanCalendar())
    #expect(dues == [CalendarDate(year: 2027, month: 2, day: 22), CalendarDate(year: 2027, month: 3, day: 2), Self.goLive])
  }

  /// A lead-only milestone is as late as what waits for it allows, counted from that
  /// milestone's own date (not from go-live); with nothing waiting, it leads into go-live.
  @Test func leadOnlyMilestonesGetTheirLateDate() throws {
    let t = try #require(Self.template("""
        - { id: prep, title: p, stage: s, owners: [a] , lead: 2 }
        - { id: review, title: r, stage: s, owners: [a], offset: -10, depends_on: [prep], lead: 5 }
        - { id: loose, title: l, stage: s, owners: [a], lead: 3 }
        - { id: after, title: x, stage: s, owners: [a], offset: 10 }
        - { id: follow, title: f, stage: s, owners: [a], depends_on: [after], lead: 2 }
      """))
    let dues = try TemplateDates.dues(t, goLive: Self.goLive, valueDate: nil, calendar: PlanCalendar())
    // review: 10 working days before 1 March = 15 Feb; prep 5 before that = 8 Feb.
    #expect(dues[1] == CalendarDate(year: 2027, month: 2, day: 15))
    #expect(dues[0] == CalendarDate(year: 2027, month: 2, day: 8))
    #expect(dues[2] == Self.goLive)
    // after go-live: 10 working days after, and `follow` 2 after that.
    #expect(dues[3] == CalendarDate(year: 2027, month: 3, day: 15))
    #expect(dues[4] == CalendarDate(year: 2027, month: 3, day: 17))
  }

  @Test func holidaysAndWeekendOfTheTemplateCount() throws {
    let t = try #require(Self.template(
      "  - { id: a, title: a, stage: s, owners: [a], offset: -1 }", calendar: "calendar: { weekend: [fri, sat], holidays: [2027-02-28] }"))
    let plan = t.plan
    let dues = try TemplateDates.dues(t, goLive: Self.goLive, valueDate: nil, calendar: PlanCalendar(plan: plan, configuration: nil))
    // 28 Feb (Sunday) is a holiday, 27 and 26 Feb the weekend: the working day before is 25 Feb.
    #expect(dues == [CalendarDate(year: 2027, month: 2, day: 25)])
  }

  @Test func aCycleIsAnError() throws {
    let t = try #require(Self.template("""
        - { id: a, title: a, stage: s, owners: [a], depends_on: [b] }
        - { id: b, title: b, stage: s, owners: [a], depends_on: [a] }
      """))
    #expect(throws: ScheduleError.dependencyCycle(["a", "b"])) {
      try TemplateDates.dues(t, goLive: Self.goLive, valueDate: nil, calendar: PlanCalendar())
    }
  }
}

/// Whatever a template holds, `mapc new` and `mapc template extract` answer with a plan, a
/// template or an error, never a trap: every broken example plan, read as a template and as a
/// plan, and the example templates with each line left out in turn.
@Suite struct TemplateRobustnessTests {
  static func inputs() throws -> [String] {
    let root = TestSupport.packageRoot
    var texts: [String] = []
    for dir in ["Examples/broken", "Examples/templates", "Examples"] {
      let folder = root.appendingPathComponent(dir)
      for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() where name.hasSuffix(".md") {
        if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
          texts.append(String(decoding: data, as: UTF8.self))
        }
      }
    }
    let template = try TestSupport.read("Examples/templates/enterprise-deal.map-template.md")
    let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
    for i in lines.indices { texts.append((lines[..<i] + lines[(i + 1)...]).joined(separator: "\n")) }
    return texts
  }

  @Test func neverTraps() throws {
    let request = NewPlanRequest(
      id: "x", buyer: "B: \"q\" #1", seller: "S: [2] 'x'", goLive: CalendarDate(year: 2027, month: 3, day: 1)!,
      today: CalendarDate(year: 2026, month: 11, day: 2)!)
    var made = 0
    for text in try Self.inputs() {
      let document = PlanDocument(text: text)
      if let template = PlanTemplate(document) {
        if (try? NewPlan.make(from: template, templatePath: "t", request)) != nil { made += 1 }
      }
      let dates = ExtractDates(goLive: CalendarDate(year: 2027, month: 3, day: 1)!, milestones: [:])
      if let out = try? TemplateExtractor.extract(document, dates: dates, id: "t", calendar: nil), !out.isEmpty {
        #expect(PlanDocument(text: out).firstError == nil, "an extracted template does not read back")
      }
    }
    #expect(made > 10, "too few inputs made a plan: \(made)")
    // A line break in a name is refused (it would end a body section early).
    var broken = request
    broken.seller = "S\n2"
    #expect(throws: UsageError.self) { try NewPlan.make(from: try #require(PlanTemplate(PlanDocument(text: try TestSupport.read("Examples/templates/enterprise-deal.map-template.md")))), templatePath: "t", broken) }
    // Names YAML would misread unquoted reach the plan as written.
    let template = try #require(PlanTemplate(PlanDocument(text: try TestSupport.read("Examples/templates/enterprise-deal.map-template.md"))))
    let plan = try NewPlan.make(from: template, templatePath: "t", request)
    let read = try #require(PlanDocument(text: plan.text).plan)
    #expect(read.buyer == "B: \"q\" #1" && read.seller == "S: [2] 'x'")
    #expect(read.title == "B: \"q\" #1 × S: [2] 'x' — enterprise rollout")
  }
}
