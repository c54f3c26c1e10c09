import MapcWorkspace
import Foundation
import MapcTestSupport
import Testing

@testable import MapcLint

/// `docs/rules.md` is generated from the checks' descriptions and must match them.
@Suite struct RulesReferenceTests {
  static let path = "docs/rules.md"

  @Test func rulesDocIsCurrent() throws {
    // With UPDATE_GOLDENS=1 the golden helper rewrites the file and still fails this run.
    if let diff = TestSupport.golden(Self.path, RulesReference.markdown()) {
      Issue.record(
        "\(Self.path) is stale or missing (the checks' descriptions changed): run \(RulesReference.regenerateCommand) to regenerate it\n\(diff)")
    }
  }

  @Test func everyCheckHasASectionInOrder() {
    let doc = RulesReference.markdown()
    var last = doc.startIndex
    for c in Check.all {
      guard let r = doc.range(of: "\n### \(c.code) \(c.name)\n\nDefault severity: **\(c.defaultSeverity.rawValue)**.", range: last..<doc.endIndex) else {
        Issue.record("no section for \(c.code) after the previous check's")
        continue
      }
      last = r.upperBound
      #expect(doc.contains("](#\(RulesReference.anchor(c)))"))
    }
  }

  @Test func sectionShowsExamplesAndTheFinding() {
    let check = Check.named("MAP021")!
    let section = RulesReference.section(check, linter: RulesReference.defaultLinter())
    #expect(section.contains(check.rationale))
    #expect(section.contains("Triggering example"))
    #expect(section.contains(check.triggering[0].displayText))
    #expect(section.contains("mapc reports:\n\n```text\nexample.map.md:"))
    #expect(section.contains("error[MAP021]"))
  }

  @Test func binaryExamplesShowEscapes() {
    let example = Example(content: .bytes(Array("a\n".utf8) + [0, 1] + Array("b".utf8)))
    #expect(RulesReference.display(example) == "a\n\\u{0000}\\u{0001}b")
  }

  @Test func fenceOutgrowsBackticksInTheExample() {
    #expect(RulesReference.fenced("x\n````\ny", info: "markdown") == "`````markdown\nx\n````\ny\n`````\n")
    #expect(RulesReference.fenced("plain\n", info: "") == "```\nplain\n```\n")
  }
}
