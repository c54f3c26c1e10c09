import Foundation
import MapcJSON
import MapcModel
import Testing

/// The leak guard on its own: what it collects, what it excuses, where it looks, and that it
/// stays linear with many needles.
@Suite struct LeakGuardTests {
  static let plan = """
    ---
    map: 1
    id: acme
    title: Acme rollout
    buyer: Acme Corp
    seller: Northwind
    go_live: 2027-03-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, internal: "Dana prefers calls after 4pm" }
    milestones:
      - { id: kickoff, title: Project kickoff, due: 2026-12-09, internal: "Tom & Jerry's \\"deal\\" <b>" }
      - { id: launch, title: Launch with the finance team, due: 2027-03-01, internal: "Launch with the finance team" }
    internal:
      notes: "Floor price 120k\\nshort\\n  CFO approved 35% discount  "
      close_date: 2026-12-09
      amount: 987654321
      deeper: { level: [Competitor is Globex] }
    ---
    """

  static func guarding(canary: String? = nil) throws -> LeakGuard {
    let document = PlanDocument(text: plan)
    let plan = try #require(document.plan)
    var guarding = LeakGuard()
    guarding.add(plan, frontmatter: document.frontmatter, name: "plans/acme.map.md")
    guarding.addInternalBody(["Pricing (internal)\n\nSECRET: list price minus 20%"], plan: "plans/acme.map.md")
    guarding.addPublic("Why now\nMonth-end takes nine days.")
    if let canary { guarding.addTestCanary(from: [LeakGuard.canaryVariable: canary], plan: "plans/acme.map.md") }
    return guarding
  }

  /// The leak the guard raises on `output`, or nil when it passes.
  static func leak(
    _ output: String, _ format: LeakGuard.Format = .html, guarding: LeakGuard? = nil, publicRendering: String = ""
  ) throws -> LeakGuard.Leak? {
    let g = try guarding ?? Self.guarding()
    do {
      try g.check(output, format: format, name: "the buyer snapshot") { publicRendering }
      return nil
    } catch {
      return error
    }
  }

  @Test func aPlantedInternalStringIsCaughtAndNamedByPlace() throws {
    let cases: [(String, String)] = [
      ("<p>Floor price 120k</p>", "internal field `internal.notes`"),
      ("<p>x CFO approved 35% discount y</p>", "internal field `internal.notes`"),
      ("<td>Competitor is Globex</td>", "internal field `internal.deeper.level[0]`"),
      ("<p>987654321</p>", "internal field `internal.amount`"),
      ("<p>close_date</p>", "internal field name `internal.close_date`"),
      ("<li title=\"Dana prefers calls after 4pm\">", "internal note of stakeholder `dana`"),
      ("<p>SECRET: list price minus 20%</p>", "internal body section 1"),
    ]
    for (output, place) in cases {
      let leak = try Self.leak(output)
      #expect(leak?.place == place, "\(output)")
      #expect(leak?.plan == "plans/acme.map.md")
    }
    let leak = try #require(try Self.leak("<p>Floor price 120k</p>"))
    #expect(
      leak.message == "internal field `internal.notes` of plans/acme.map.md found in the buyer snapshot; nothing was written")
    #expect(!leak.message.contains("120k"), "the message must not repeat the internal content")
  }

  @Test func publicContentShortStringsAndDatesAreNotNeedles() throws {
    // The launch milestone's note is also its (public) title; "short" has fewer than 8
    // characters; a bare date occurs in any page; the public body is public.
    #expect(try Self.leak("<h4>Launch with the finance team</h4>") == nil)
    #expect(try Self.leak("<p>short</p>") == nil)
    #expect(try Self.leak("<time datetime=\"2026-12-09\">") == nil)
    #expect(try Self.leak("<p>Month-end takes nine days.</p>") == nil)
    #expect(try Self.leak("<p>Project kickoff, Acme rollout</p>") == nil)
  }

  @Test func escapedFormsAreCaughtInEveryFormat() throws {
    let place = "internal note of milestone `kickoff`"
    #expect(try Self.leak("<p>Tom &amp; Jerry&#39;s &quot;deal&quot; &lt;b&gt;</p>", .html)?.place == place)
    #expect(try Self.leak("<p>Tom &#x26; Jerry&#x27;s &#34;deal&#34; &lt;b></p>", .html)?.place == place)
    #expect(try Self.leak("<p>Tom & Jerry's \"deal\" <b></p>", .html)?.place == place, "the raw form")
    #expect(try Self.leak(#"{"note": "Tom & Jerry's \"deal\" \u003cb>"}"#, .json)?.place == place)
    #expect(try Self.leak(#"- Tom &amp; Jerry's "deal" &lt;b&gt;"#, .markdown)?.place == place)
    #expect(try Self.leak(#"- close\_date"#, .markdown)?.place == "internal field name `internal.close_date`")
    #expect(try Self.leak("Dana prefers calls after 4pm", .text)?.place == "internal note of stakeholder `dana`")
  }

  @Test func whatThePublicRenderingShowsIsExcusedButNotTheCanary() throws {
    // A note that is also a word mapc prints: the page rendered without internal content shows
    // it too, so it is not a leak.
    #expect(try Self.leak("<p>Floor price 120k</p>", publicRendering: "<p>Floor price 120k</p>") == nil)
    #expect(try Self.leak("<p>Floor price 120k</p>", publicRendering: "<p>Floor price 130k</p>") != nil)
    // The test canary is internal whatever else shows it.
    let canary = try Self.guarding(canary: "Acme rollout")
    let leak = try Self.leak("<h1>Acme rollout</h1>", guarding: canary, publicRendering: "<h1>Acme rollout</h1>")
    #expect(leak?.place == "the test canary (MAPC_LEAK_GUARD_CANARY)")
    // Without a hit, the public rendering is never asked for.
    var asked = false
    try Self.guarding().check("<p>nothing internal</p>", format: .html, name: "x") {
      asked = true
      return ""
    }
    #expect(!asked)
  }

  @Test func textOfHTMLKeepsRunsApartAndDecodes() {
    #expect(LeakGuard.text(ofHTML: "<h2>Pricing</h2>\n<p>A &amp; B<em>C</em></p>") == "\nPricing\n\n\nA & B\nC\n\n")
  }

  @Test func substringMatcherFindsOverlappingPatterns() {
    let m = SubstringMatcher(["he", "she", "his", "hers", "", "she"])
    #expect(m.occurring(in: ["ushers"]) == [true, true, false, true, false, false])
    #expect(m.firstMatch(in: "ushers") == 1)
    #expect(m.firstMatch(in: "xyz") == nil)
    #expect(SubstringMatcher([]).firstMatch(in: "abc") == nil)
    let unicode = SubstringMatcher(["größe", "日本語の"])
    #expect(unicode.occurring(in: ["die Größe und größe", "x日本語のy"]) == [true, true])
  }

  /// Many needles that all match everywhere: searching each on its own would take about
  /// 2,000 × 400,000 steps; the automaton takes one pass.
  @Test func manyNeedlesStayLinear() throws {
    let needles = (8...2_007).map { String(repeating: "a", count: $0) }
    let text = String(repeating: "a", count: 400_000)
    let clock = ContinuousClock()
    let elapsed = clock.measure {
      let m = SubstringMatcher(needles)
      #expect(m.occurring(in: [text]).allSatisfy { $0 })
      #expect(m.firstMatch(in: text) == 0)
    }
    #expect(elapsed < .seconds(5), "\(elapsed)")
  }
}
