import MapcHistory
import MapcJSON
import MapcModel
import MapcRender
import Testing

/// Canary strings in every internal-only place: none may reach a buyer snapshot, all must
/// reach an internal one.
@Suite struct NoLeakTests {
  static let canaries = [
    "CANARY-TOP-NOTES", "CANARY-TOP-RISK", "CANARY-TOP-CUSTOM-KEY", "CANARY-TOP-CUSTOM-VALUE", "CANARY-TOP-NESTED",
    "CANARY-MILESTONE-NOTE", "CANARY-STAKEHOLDER-NOTE", "CANARY-BODY-SECTION", "CANARY-BODY-SUBSECTION",
    "CANARY-BODY-LOWERCASE-HEADING", "CANARY-BODY-LAST-SECTION", "987654321",
  ]

  static let plan = """
    ---
    map: 1
    id: canary-plan
    title: Canary plan
    buyer: Acme
    seller: Northwind
    value: A public value statement.
    go_live: 2027-03-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: champion, internal: CANARY-STAKEHOLDER-NOTE }
      - { id: sam, name: Sam Okoro, side: seller, role: account-executive }
    stages: [build, launch]
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: build
        owners: [dana, sam]
        due: 2026-12-01
        status: in-progress
        internal: CANARY-MILESTONE-NOTE
      - { id: launch, title: Launch, stage: launch, owners: [dana, sam], due: 2027-03-01, status: not-started }
    internal:
      amount: 987654321
      currency: USD
      notes: CANARY-TOP-NOTES
      risks: [CANARY-TOP-RISK]
      CANARY-TOP-CUSTOM-KEY: CANARY-TOP-CUSTOM-VALUE
      deeper: { level: { note: CANARY-TOP-NESTED } }
    ---

    ## Why now

    Public reasons.

    ## Negotiation notes (internal)

    CANARY-BODY-SECTION

    ### Redlines

    CANARY-BODY-SUBSECTION

    ## Public again

    Shown to the buyer.

    ## pricing (Internal)

    CANARY-BODY-LOWERCASE-HEADING

    # Last words (internal)

    CANARY-BODY-LAST-SECTION
    """

  func render(_ audience: SnapshotAudience) throws -> (page: String, index: String) {
    var e = DiffEntry(kind: .internalChanged)
    e.isInternal = true
    e.pointer = "/internal/notes"
    e.change = "changed"
    let history = SnapshotHistory(changes: (since: "v1", entries: [e]))
    let snapshot = try RenderFixtures.snapshot(Self.plan, audience: audience, history: history)
    let index = IndexPage(entries: [IndexPage.Entry(file: "canary-plan.html", snapshot: snapshot)], audience: audience, asOf: nil, branding: Branding())
    return (SnapshotPage(snapshot).render(), index.render())
  }

  @Test func buyerSnapshotCarriesNoInternalContent() throws {
    let (page, index) = try render(.buyer)
    for canary in Self.canaries {
      #expect(!page.contains(canary), "\(canary) leaked into the buyer snapshot")
      #expect(!index.contains(canary), "\(canary) leaked into the buyer index")
    }
    #expect(!page.contains("/internal/notes"), "an internal change leaked into 'what changed'")
    #expect(!page.contains("Internal"), "the buyer page mentions internal content")
    // The public parts around the internal sections are still there.
    #expect(page.contains("Public reasons."))
    #expect(page.contains("Shown to the buyer."))
  }

  @Test func internalSnapshotCarriesAllOfIt() throws {
    let (page, _) = try render(.internal)
    for canary in Self.canaries where canary != "987654321" {
      #expect(page.contains(canary), "\(canary) missing from the internal snapshot")
    }
    #expect(page.contains("987,654,321 USD"))
    #expect(page.contains("class=\"internal-banner\""))
    #expect(page.contains("/internal/notes"))
  }
}
