import MapcHistory
import MapcJSON
import MapcModel
import Testing

/// The plan differ on content beyond dates and milestones: objectives' success criteria and
/// internal notes at every level, read through the typed plan.
@Suite struct PlanDiffTests {
  static func plan(criteria: String, milestoneNote: String?, stakeholderNote: String?, section: String?) -> String {
    """
    ---
    map: 1
    id: acme
    title: Acme rollout
    objectives:
      - { result: Close in 3 days, success_criteria: \(criteria) }
      - just text
    stakeholders:
      - id: dana
        name: Dana Ruiz
        role: champion
        side: buyer
    \(stakeholderNote.map { "    internal: \($0)\n" } ?? "")milestones:
      - id: kickoff
        title: Kickoff
        due: 2027-01-12
        status: not-started
        owners: [dana]
    \(milestoneNote.map { "    internal: \($0)\n" } ?? "")\(section.map { "internal: \($0)\n" } ?? "")---

    Body.

    """
  }

  static func entries(_ base: String, _ head: String, audience: DiffAudience = .internal) throws -> [DiffEntry] {
    let b = try #require(PlanDiff.version("acme.map.md", Array(base.utf8)))
    let h = try #require(PlanDiff.version("acme.map.md", Array(head.utf8)))
    let report = PlanDiff.compare(base: [b], head: [h], baselines: nil, audience: audience, baseName: "base", headName: "head")
    return report.plans.first?.entries ?? []
  }

  static func internalChanges(_ entries: [DiffEntry]) -> [String] {
    entries.filter(\.isInternal).map { "\($0.pointer ?? "?") \($0.change ?? "?")" }
  }

  @Test func objectivesSuccessCriteria() throws {
    let base = Self.plan(criteria: "[a, b, 3]", milestoneNote: nil, stakeholderNote: nil, section: nil)
    let head = Self.plan(criteria: "[a, c]", milestoneNote: nil, stakeholderNote: nil, section: nil)
    let changes = try Self.entries(base, head).filter { $0.kind == .successCriteriaChanged }
    #expect(changes.count == 1)
    #expect(changes.first?.milestone == nil)
    #expect(changes.first?.added == ["c"])
    #expect(changes.first?.removed == ["b"])
    // A criterion of the wrong type is not a criterion: dropping it changes nothing.
    let same = Self.plan(criteria: "[a, b]", milestoneNote: nil, stakeholderNote: nil, section: nil)
    #expect(try Self.entries(base, same).isEmpty)
  }

  @Test func internalNotesOfMilestonesAndStakeholders() throws {
    let base = Self.plan(criteria: "[a]", milestoneNote: "Push for the pilot.", stakeholderNote: nil, section: nil)
    let head = Self.plan(criteria: "[a]", milestoneNote: "Pilot agreed.", stakeholderNote: "Prefers email.", section: nil)
    let entries = try Self.entries(base, head)
    #expect(Self.internalChanges(entries) == ["/milestones/0/internal changed", "/stakeholders/0/internal added"])
    #expect(entries.filter(\.isInternal).map(\.milestone) == ["kickoff", nil])
    #expect(entries.filter(\.isInternal).map(\.stakeholder) == [nil, "dana"])
    let removed = Self.plan(criteria: "[a]", milestoneNote: nil, stakeholderNote: "Prefers email.", section: nil)
    #expect(Self.internalChanges(try Self.entries(head, removed)) == ["/milestones/0/internal removed"])
    // The buyer never sees them.
    #expect(try Self.entries(base, head, audience: .buyer).isEmpty)
  }

  @Test func theInternalSectionKeyByKey() throws {
    let base = Self.plan(
      criteria: "[a]", milestoneNote: nil, stakeholderNote: nil, section: "{ amount: 1, notes: x, custom: { a: 1 } }")
    let head = Self.plan(
      criteria: "[a]", milestoneNote: nil, stakeholderNote: nil, section: "{ custom: { a: 2 }, amount: 2, risks: [r] }")
    #expect(
      Self.internalChanges(try Self.entries(base, head)) == [
        "/internal/custom changed", "/internal/amount changed", "/internal/risks added", "/internal/notes removed",
      ])
    // From nothing, each key is added; a section that is not an object changes as a whole.
    let none = Self.plan(criteria: "[a]", milestoneNote: nil, stakeholderNote: nil, section: nil)
    #expect(
      Self.internalChanges(try Self.entries(none, base)) == ["/internal/amount added", "/internal/notes added", "/internal/custom added"])
    let text = Self.plan(criteria: "[a]", milestoneNote: nil, stakeholderNote: nil, section: "a note")
    #expect(Self.internalChanges(try Self.entries(text, base)) == ["/internal changed"])
    #expect(Self.internalChanges(try Self.entries(none, text)) == ["/internal added"])
    #expect(try Self.entries(base, head, audience: .buyer).isEmpty)
  }
}
