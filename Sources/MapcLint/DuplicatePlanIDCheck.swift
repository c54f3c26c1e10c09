import MapcJSON
import MapcModel
import MapcWorkspace
import MapcYAML

extension Check {
  public static let duplicatePlanID = Check(
    code: "MAP030", name: "duplicate-plan-id", severity: .error,
    summary: "Two plan files have the same `id`.",
    rationale: """
      mapc follows a plan by its `id`: across moves and renames, through history, slip, diff \
      and snapshots. A plan started from a copy of another deal's plan, with the `id` left as it \
      was, would mix both deals: the buyer's snapshot would show the other buyer's dates and \
      slips. Each file with the id is reported at its `id:`, naming the others, and `mapc \
      render`, `slip`, `diff` and `lint --base` stop with exit code 2 until every plan has its \
      own id. The check looks across the files linted together; a plan cannot disable it for itself.
      """,
    triggering: [
      Example(
        ExamplePlans.minimal(replacing: "id: acme-rollout", with: "id: ↓acme-rollout"),
        caption: "linted with globex.map.md, a copy of this plan whose `id` was left unchanged",
        otherPlans: [("globex.map.md", ExamplePlans.minimal(replacing: "buyer: Acme Corp", with: "buyer: Globex Inc"))])
    ],
    nonTriggering: [
      Example(
        ExampleText(ExamplePlans.minimal), caption: "linted with globex.map.md, which has its own id",
        otherPlans: [("globex.map.md", ExamplePlans.minimal(replacing: "id: acme-rollout", with: "id: globex-rollout"))])
    ])
}

extension Linter {
  /// The duplicate-plan-id findings of files linted together: `ids[i]` is the plan id of
  /// `targets[i]` (nil without one); `bytes(i)` reads a file again to place its finding at the
  /// `id:` value, which only files sharing an id need (rare, so most runs read nothing twice).
  /// Each finding names at most five other files, so that n files with one id make n findings
  /// of bounded length.
  func duplicatePlanIDFindings(targets: [LintTarget], ids: [String?], bytes: (Int) -> [UInt8]?) -> [Finding] {
    var byID: [String: [Int]] = [:]
    for (i, id) in ids.enumerated() { if let id { byID[id, default: []].append(i) } }
    var out: [Finding] = []
    for (id, files) in byID where files.count > 1 {
      let paths = files.map { targets[$0].displayPath }
      for i in files {
        let target = targets[i]
        guard let severity = settings.severity(of: .duplicatePlanID, at: target.relativePath) else { continue }
        var others = paths
        if let mine = others.firstIndex(of: target.displayPath) { others.remove(at: mine) }
        var finding = Finding(
          path: target.displayPath, position: nil, severity: severity, check: .duplicatePlanID,
          message: "plan id `\(id)` is also the id of \(PlanIDs.list(others.sorted()))",
          help: "give each plan its own `id`: mapc never merges two files' data, and render, slip and diff stop until then",
          pointer: JSONPointer(["id"]))
        if let bytes = bytes(i) {
          let document = PlanDocument(bytes: bytes, milestoneDetails: false)
          // The file is read again: it must still hold the id (it may have changed meanwhile).
          if let source = document.source, document.plan?.id == id {
            let (position, length) = YAMLSourceMap(yaml: source.frontmatter, firstLine: source.frontmatterFirstLine)
              .place(JSONPointer(["id"]), key: false)
            finding.position = position
            finding.length = max(1, length)
            let lines = SourceLines.split(source.text)
            if let p = position, p.line >= 1, p.line <= lines.count { finding.sourceLine = String(lines[p.line - 1]) }
          }
        }
        out.append(finding)
      }
    }
    return out
  }
}
