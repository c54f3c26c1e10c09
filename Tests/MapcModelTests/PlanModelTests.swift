import MapcJSON
import MapcModel
import MapcYAML
import Testing

/// The typed plan: every key of the format reads into a typed value, `x-` data included; a
/// value of the wrong type reads as absent; the history's fast path reads no more than it needs.
@Suite struct PlanModelTests {
  /// A plan with every key of `Schemas/map.schema.json`, and `x-` data on every object that
  /// allows it.
  static let everyKey = """
    map: 1
    id: acme-data-platform
    title: Acme × Northwind
    buyer: Acme
    seller: Northwind
    value: Close the books in 3 days instead of 9.
    objectives:
      - challenge: Month-end close takes 9 days.
        result: Close in 3 days.
        success_criteria: [Close in 3 days twice in a row]
        deliverables: [Consolidated ledger, Close dashboard]
        x-weight: 2
      - result: Fewer manual journals.
    compelling_event:
      what: FY27 budget lock
      date: 2027-04-01
      why: Budget is gone after the lock.
      x-source: board minutes
    go_live: 2027-03-01
    value_date: 2027-06-01
    constraints:
      - { kind: blackout, what: Year-end change freeze, from: 2026-12-20, to: 2027-01-04, x-hard: true }
      - { kind: fiscal-year-end, what: Fiscal year end, date: 2027-03-31 }
    stakeholders:
      - id: dana
        name: Dana Ruiz
        title: VP Finance
        side: buyer
        role: champion
        decides: [budget]
        email: dana@acme.example
        phone: +1 312 555 0142
        url: https://acme.example/dana
        internal: Prefers email.
        x-crm-id: C-42
      - { id: sam, side: seller, role: account-executive }
    stages: [discovery, implementation]
    calendar: { weekend: [sat, sun], holidays: [2027-01-01] }
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: implementation
        owners: [dana, sam]
        due: 2027-01-11
        status: done
        risk: on-track
        success_criteria: [Plan agreed]
        depends_on: [scope]
        due_reason: Waited for legal.
        done_on: 2027-01-12
        lead: 3
        pinned: true
        marks: go_live
        progress:
          - { on: 2027-01-05, note: Agenda sent, by: sam, x-mood: good }
        links:
          - { title: Kickoff deck, url: https://docs.example/deck, x-kind: slides }
        internal: Push for the pilot.
        x-ticket: OPS-1
    documents:
      - { title: Scope, url: https://docs.example/scope, kind: scope, x-version: 3 }
    check_ins:
      cadence: weekly
      with: Dana and Sam, Tuesdays 10:00 ET
      x-room: B2
    internal:
      amount: 180000
      currency: USD
      notes: Strong champion.
      risks: [Budget freeze]
      competition: In-house build
      next_steps: [Send pricing]
      forecast_category: commit
    lint:
      disable: [MAP131]
    x-region: EMEA
    x-owner: { team: enterprise }
    """

  static func json(_ yaml: String) throws -> JSONValue {
    try #require(YAMLLoader.load(yaml).value)
  }

  static func date(_ text: String) throws -> CalendarDate { try #require(CalendarDate(text)) }

  @Test func everyKeyReadsAsATypedValue() throws {
    let plan = Plan(try Self.json(Self.everyKey))
    #expect(plan.formatVersion == 1)
    #expect(plan.id == "acme-data-platform")
    #expect(plan.value == "Close the books in 3 days instead of 9.")

    #expect(plan.objectives.count == 2)
    let o = plan.objectives[0]
    #expect(o.challenge == "Month-end close takes 9 days.")
    #expect(o.result == "Close in 3 days.")
    #expect(o.successCriteria == ["Close in 3 days twice in a row"])
    #expect(o.deliverables == ["Consolidated ledger", "Close dashboard"])
    #expect(o.extensions["x-weight"] == .number(2))
    #expect(o.pointer("result") == JSONPointer(["objectives", "0", "result"]))
    #expect(plan.objectives[1].challenge == nil && plan.objectives[1].index == 1)

    let ce = try #require(plan.compellingEvent)
    #expect(ce.what == "FY27 budget lock")
    #expect(ce.date == (try Self.date("2027-04-01")))
    #expect(ce.why == "Budget is gone after the lock.")
    #expect(ce.extensions["x-source"] == .string("board minutes"))

    #expect(plan.constraints.map(\.kind) == [.blackout, .fiscalYearEnd])
    #expect(plan.constraints[0].what == "Year-end change freeze")
    #expect(plan.constraints[0].from == (try Self.date("2026-12-20")))
    #expect(plan.constraints[0].to == (try Self.date("2027-01-04")))
    #expect(plan.constraints[0].date == nil)
    #expect(plan.constraints[0].extensions["x-hard"] == .bool(true))
    #expect(plan.constraints[1].date == (try Self.date("2027-03-31")))

    let dana = try #require(plan.stakeholder("dana"))
    #expect(dana.phone == "+1 312 555 0142")
    #expect(dana.url == "https://acme.example/dana")
    #expect(dana.internalNote == "Prefers email.")
    #expect(dana.extensions["x-crm-id"] == .string("C-42"))
    #expect(plan.stakeholder("sam")?.extensions.isEmpty == true)

    let m = try #require(plan.milestone("kickoff"))
    #expect(m.dueReason == "Waited for legal.")
    #expect(m.doneOn == (try Self.date("2027-01-12")))
    #expect(m.progress.map(\.note) == ["Agenda sent"])
    #expect(m.progress[0].extensions["x-mood"] == .string("good"))
    #expect(m.links.map(\.title) == ["Kickoff deck"])
    #expect(m.links.map(\.url) == ["https://docs.example/deck"])
    #expect(m.links[0].extensions["x-kind"] == .string("slides"))
    #expect(m.internalNote == "Push for the pilot.")
    #expect(m.extensions["x-ticket"] == .string("OPS-1"))

    #expect(plan.documents.map(\.title) == ["Scope"])
    #expect(plan.documents[0].kind == "scope")
    #expect(plan.documents[0].url == "https://docs.example/scope")
    #expect(plan.documents[0].extensions["x-version"] == .number(3))

    let checkIns = try #require(plan.checkIns)
    #expect(checkIns.cadence == "weekly")
    #expect(checkIns.with == "Dana and Sam, Tuesdays 10:00 ET")
    #expect(checkIns.extensions["x-room"] == .string("B2"))

    let notes = try #require(plan.internalNotes)
    #expect(notes.amount == 180_000)
    #expect(notes.currency == "USD")
    #expect(notes.notes == "Strong champion.")
    #expect(notes.risks == ["Budget freeze"])
    #expect(notes.competition == "In-house build")
    #expect(notes.nextSteps == ["Send pricing"])
    // The free-form section stays whole, in source order, for internal pages and diffs.
    #expect(
      notes.members.memberNames == ["amount", "currency", "notes", "risks", "competition", "next_steps", "forecast_category"])
    #expect(notes.members["forecast_category"] == .string("commit"))

    #expect(plan.disabledChecks.map(\.name) == ["MAP131"])
    // Top-level `x-` fields in source order, whatever their values.
    #expect(plan.extensions.map(\.key) == ["x-region", "x-owner"])
    #expect(plan.extensions["x-owner"] == .object(JSONObject([("team", .string("enterprise"))])))

    for key in Plan.Key.allCases { #expect(plan.presence(of: key) == .present, "\(key)") }
    for key in Milestone.Key.allCases { #expect(m.presence(of: key) == .present, "\(key)") }
  }

  @Test func valuesOfTheWrongTypeReadAsAbsent() throws {
    let plan = Plan(
      try Self.json(
        """
        map: one
        value: [not, a, string]
        objectives: [3, { challenge: 4, result: ok, success_criteria: [1, fine], x-weight: 1 }]
        compelling_event: FY27
        value_date: soon
        constraints: [{ kind: holiday, what: 5, date: 2027-02-30, from: [], to: 3 }]
        stakeholders:
          - { id: dana, phone: 5, internal: [secret], url: 7, x-crm-id: C-1 }
        milestones:
          - id: kickoff
            owners: [3, dana, null, sam]
            depends_on: [{}, scope]
            done_on: 2027-02-30
            status: done
            links: [oops, { title: 1, url: https://docs.example/x }]
            internal: 3
            progress: x
        documents: { title: Scope }
        check_ins: weekly
        internal: just a note
        lint: { disable: [MAP131, 7] }
        x-flag: ~
        """))
    #expect(plan.formatVersion == nil)
    #expect(plan.value == nil)
    #expect(plan.objectives.count == 2)
    #expect(plan.objectives[0].result == nil && plan.objectives[0].extensions.isEmpty)
    #expect(plan.objectives[1].challenge == nil)
    #expect(plan.objectives[1].result == "ok")
    #expect(plan.objectives[1].successCriteria == ["fine"])
    #expect(plan.compellingEvent == nil)
    #expect(plan.valueDate == nil)
    let c = try #require(plan.constraints.first)
    #expect(c.kind == nil && c.what == nil && c.date == nil && c.from == nil && c.to == nil)
    let dana = try #require(plan.stakeholders.first)
    #expect(dana.phone == nil && dana.internalNote == nil && dana.url == nil)
    #expect(dana.extensions["x-crm-id"] == .string("C-1"))
    let m = try #require(plan.milestones.first)
    #expect(m.owners == ["dana", "sam"])
    #expect(m.doneOn == nil)
    #expect(m.links.count == 2)
    #expect(m.links[0].title == nil && m.links[0].url == nil)
    #expect(m.links[1].title == nil && m.links[1].url == "https://docs.example/x")
    #expect(m.internalNote == nil)
    #expect(m.progress.isEmpty)
    #expect(plan.documents.isEmpty)
    #expect(plan.checkIns == nil)
    #expect(plan.disabledChecks.map(\.name) == ["MAP131"])
    // A custom field may hold anything, null too.
    #expect(plan.extensions["x-flag"] == .null)

    // The free-form internal section is kept whatever its type, so internal content is never
    // dropped unseen; its typed keys read as absent.
    let notes = try #require(plan.internalNotes)
    #expect(notes.content == .string("just a note"))
    #expect(notes.amount == nil && notes.notes == nil && notes.risks.isEmpty && notes.members.isEmpty)

    // Checks can still tell a missing key from a malformed one.
    #expect(plan.presence(of: .value) == .wrongType)
    #expect(plan.presence(of: .compellingEvent) == .wrongType)
    #expect(plan.presence(of: .documents) == .wrongType)
    #expect(plan.presence(of: .map) == .wrongType)
    // Right JSON type, malformed date: written, the typed value absent.
    #expect(plan.presence(of: .valueDate) == .present)
    #expect(plan.presence(of: .goLive) == .absent)
    #expect(plan.presence(of: .objectives) == .present)
    #expect(m.presence(of: .doneOn) == .present)
    #expect(m.presence(of: .progress) == .wrongType)
    #expect(m.presence(of: .internal) == .wrongType)
    #expect(m.presence(of: .due) == .absent)
  }

  @Test func listItemsKeepTheirPositionsAsWritten() throws {
    let plan = Plan(
      try Self.json(
        """
        milestones:
          - { id: a, owners: [3, dana, null, sam], depends_on: [{}, scope, b] }
          - { id: b, owners: [dana, sam], depends_on: [] }
        """))
    let a = plan.milestones[0]
    #expect(a.ownerEntries.map(\.index) == [1, 3])
    #expect(a.ownerEntries.map(\.id) == ["dana", "sam"])
    #expect(a.dependencyEntries.map(\.index) == [1, 2])
    #expect(a.dependencyEntries.map(\.id) == ["scope", "b"])
    let b = plan.milestones[1]
    #expect(b.ownerEntries.map(\.index) == [0, 1])
    #expect(b.dependencyEntries.isEmpty)
  }

  /// Lookups by id find the first element with that id, and follow the lists when they change.
  @Test func lookupsByIDFindTheFirstAndFollowEdits() throws {
    var plan = Plan(
      try Self.json(
        """
        stages: [discovery, validation, discovery]
        stakeholders: [{id: dana, name: Dana}, {name: No id}, {id: dana, name: Second Dana}]
        milestones: [{id: a, title: First a}, {id: b}, {id: a, title: Second a}]
        """))
    #expect(plan.stakeholder("dana")?.name == "Dana")
    #expect(plan.stakeholder("nobody") == nil)
    #expect(plan.milestone("a")?.title == "First a")
    #expect(plan.milestone("b")?.index == 1)
    #expect(plan.stageIndex("discovery") == 0)
    #expect(plan.stageIndex("validation") == 1)
    #expect(plan.stageIndex(nil) == nil && plan.stageIndex("value") == nil)
    plan.milestones.removeFirst()
    #expect(plan.milestone("a")?.title == "Second a")
    #expect(plan.milestone("b") != nil)
    plan.stakeholders = []
    #expect(plan.stakeholder("dana") == nil)
    plan.stages = ["value", "discovery"]
    #expect(plan.stageIndex("discovery") == 1)
  }

  @Test func aRepeatedKeyReadsAsItsFirstValue() throws {
    // The YAML loader reports repeated keys; a plan built from such an object anyway agrees
    // with lookups, which find the first.
    let json = JSONValue.object(JSONObject(uniqueMembers: [("value", .string("first")), ("value", .number(2))]))
    let plan = Plan(json)
    #expect(plan.value == "first")
    #expect(plan.presence(of: .value) == .present)
  }

  @Test func theHistoryFastPathReadsOnlyWhatSlipNeeds() throws {
    let json = try Self.json(Self.everyKey)
    let plan = Plan(json, milestoneDetails: false)
    // What the slip analysis reads is there.
    #expect(plan.id == "acme-data-platform")
    #expect(plan.goLive == (try Self.date("2027-03-01")))
    #expect(plan.compellingEvent?.what == "FY27 budget lock")
    let m = try #require(plan.milestone("kickoff"))
    #expect(m.owners == ["dana", "sam"])
    #expect(m.dependsOn == ["scope"])
    #expect(m.dueReason == "Waited for legal.")
    #expect(plan.stakeholder("dana")?.name == "Dana Ruiz")
    // The rest is left unread.
    #expect(plan.formatVersion == nil)
    #expect(plan.objectives.isEmpty && plan.constraints.isEmpty && plan.documents.isEmpty)
    #expect(plan.checkIns == nil && plan.internalNotes == nil && plan.extensions.isEmpty)
    #expect(plan.compellingEvent?.why == nil && plan.compellingEvent?.extensions.isEmpty == true)
    #expect(plan.stakeholder("dana")?.phone == nil && plan.stakeholder("dana")?.internalNote == nil)
    #expect(m.links.isEmpty && m.internalNote == nil && m.extensions.isEmpty && m.progress.isEmpty && m.successCriteria.isEmpty)
    #expect(plan.presence(of: .value) == .absent)
    #expect(m.presence(of: .doneOn) == .absent)
  }
}
