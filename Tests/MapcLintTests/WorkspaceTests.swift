import Foundation
import MapcLint
import MapcModel
import MapcTestSupport
import MapcWorkspace
import Testing

/// The one plan loader and the workspace's configuration as the linter reads it.
@Suite struct WorkspaceTests {
  @Test func planDocumentKeepsEveryStage() throws {
    let ok = PlanDocument(text: "---\nid: acme\nmilestones: [{id: a, due: 2027-01-04}]\n---\nBody\n")
    #expect(ok.problems.isEmpty && ok.diagnostics.isEmpty && ok.firstError == nil)
    #expect(ok.plan?.id == "acme")
    #expect(ok.plan?.milestone("a")?.due == CalendarDate("2027-01-04"))
    #expect(ok.source?.body == "Body\n")
    #expect(ok.sourceMap()?.entry(for: JSONPointerFixture.milestoneDue)?.value.line == 3)

    let yaml = PlanDocument(text: "---\nid: [x\n---\n")
    #expect(yaml.plan == nil && !yaml.diagnostics.isEmpty)
    #expect(yaml.firstError?.kind == .yaml)

    let list = PlanDocument(text: "---\n- a\n---\n")
    #expect(list.frontmatter != nil && list.plan == nil)
    #expect(list.firstError?.kind == .notAMapping)

    let none = PlanDocument(text: "no fences\n")
    #expect(none.source == nil && none.firstError?.kind == .missingFrontmatter)
  }

  @Test func anUnknownRuleNameIsAConfigurationErrorAtItsLine() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-settings")
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("mapc.yml")
    try "rules:\n  stalled: warning\n  no-such-rule: off\n".write(to: file, atomically: true, encoding: .utf8)
    let configuration = try Configuration.load(file: file.path, schemas: SchemaCatalog())
    #expect(LintSettings(configuration).severity(of: StalledRule.check, at: "x.map.md") == .warning)
    do {
      try LintSettings.validate(configuration)
      Issue.record("an unknown rule name was accepted")
    } catch {
      #expect(error.message == "unknown check 'no-such-rule'")
      #expect(error.position?.line == 3)
    }
  }
}

import MapcJSON

enum JSONPointerFixture {
  static let milestoneDue = JSONPointer(["milestones", "0", "due"])
}
