import MapcModel
import MapcPortfolio
import MapcRender
import Testing

@Suite struct PortfolioPageTests {
  static func status(_ text: String, today: String = "2026-12-01") -> PlanStatus? {
    guard let plan = PlanDocument(text: text).plan, let day = CalendarDate(today) else { return nil }
    return PortfolioAnalysis.status(
      plan: plan, path: "p.map.md", repositoryPath: "p.map.md", slip: nil, activity: PlanActivity(), options: PortfolioOptions(today: day))
  }

  static let hostile = """
    ---
    map: 1
    id: evil
    title: "<script>alert(1)</script> & <img src=x onerror=alert(2)>"
    buyer: "Acme\\" onmouseover=\\"x"
    go_live: 2027-03-01
    stakeholders:
      - { id: dana, name: "<b>Dana</b>", side: buyer, role: champion }
      - { id: sam, name: Sam, side: seller, role: ae }
    milestones:
      - { id: m, title: "</td><script>x</script>", stage: "<svg onload=x>", owners: [dana, sam], due: 2026-11-20, status: in-progress }
    ---
    """

  @Test func everyPlanTextIsEscapedAndThePageHasNoScript() throws {
    let s = try #require(Self.status(Self.hostile))
    let report = PortfolioReport(
      plans: [s], today: CalendarDate(daysSince1970: 20_423), at: nil, commit: nil, problems: [], recentDays: 30, staleAfterDays: 14)
    let html = PortfolioPage(summary: PortfolioSummary(report, audience: .internal, view: .plan), links: ["evil": "evil.html"]).render()
    #expect(!html.contains("<script"))
    #expect(!html.contains("<img"))
    #expect(!html.contains("<b>Dana"))
    #expect(!html.contains("<svg onload"))
    #expect(!html.contains("\" onmouseover"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img"))
    #expect(html.contains("Content-Security-Policy"))
    #expect(html.contains("<a href=\"evil.html\">"))
    // The same inputs, the same bytes.
    #expect(html == PortfolioPage(summary: PortfolioSummary(report, audience: .internal, view: .plan), links: ["evil": "evil.html"]).render())
  }
}
