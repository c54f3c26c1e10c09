import MapcWorkspace
import Foundation
import MapcJSON
import MapcLint
import MapcTestSupport
import Testing

/// `mapc init` and the CI recipes it writes (the same files as `Examples/ci/`): every `mapc`
/// command line of both workflows runs against a fixture repository, so a renamed flag fails here.
@Suite struct InitCommandTests {
  static let paths = ["mapc.yml", "plans/example.map.md", ".github/workflows/mapc.yml", ".gitlab-ci.yml"]

  @Test func initWritesTheFilesAndTheExampleLintsClean() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["init", "repo"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(Scaffold.files.map(\.path) == Self.paths)
    let repo = dir.appendingPathComponent("repo")
    for file in Scaffold.files {
      #expect(run.stdout.contains("created repo/\(file.path)\n"), "\(run.stdout)")
      let written = try String(contentsOf: repo.appendingPathComponent(file.path), encoding: .utf8)
      #expect(written == file.contents, "\(file.path)")
    }
    // No temporary files are left behind.
    let leftovers = FileManager.default.enumerator(atPath: repo.path)?.compactMap { $0 as? String }
      .filter { $0.contains(".mapc-init-") } ?? []
    #expect(leftovers.isEmpty, "\(leftovers)")
    let lint = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: repo)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(lint.stdout == "No problems found in 1 file.\n", "\(lint.stdout)")
    // Also clean later on (open milestones are due from mid-2027 on) and with --strict.
    let later = try TestSupport.mapc(["lint", "--strict", "--today", "2027-06-01"], in: repo)
    #expect(later.status == 0 && later.stdout.hasPrefix("No problems found"), "\(later.stdout)")
  }

  @Test func secondInitRefusesAndForceOverwrites() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(try TestSupport.mapc(["init"], in: dir).status == 0)
    let plan = dir.appendingPathComponent("plans/example.map.md")
    try "edited\n".write(to: plan, atomically: true, encoding: .utf8)
    let again = try TestSupport.mapc(["init"], in: dir)
    #expect(again.status == 2)
    #expect(again.stdout.isEmpty)
    for path in Self.paths { #expect(again.stderr.contains(path), "\(again.stderr)") }
    #expect(again.stderr.contains("--force"))
    #expect(try String(contentsOf: plan, encoding: .utf8) == "edited\n")

    // A single existing file is enough to refuse, and nothing else is written.
    let other = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: other) }
    try "plans: []\n".write(to: other.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let one = try TestSupport.mapc(["init", other.path], in: dir)
    #expect(one.status == 2)
    #expect(one.stderr.contains("mapc.yml"))
    #expect(!FileManager.default.fileExists(atPath: other.appendingPathComponent("plans").path))

    let forced = try TestSupport.mapc(["init", "--force"], in: dir)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("overwrote plans/example.map.md"))
    #expect(try String(contentsOf: plan, encoding: .utf8) == Scaffold.examplePlan)
  }

  @Test func examplesCIFilesEqualTheScaffold() throws {
    for path in [".github/workflows/mapc.yml", ".gitlab-ci.yml"] {
      let scaffold = try #require(Scaffold.files.first { $0.path == path })
      let example = try TestSupport.read("Examples/ci/\(path)")
      #expect(example == scaffold.contents, "Examples/ci/\(path) differs from Scaffold.files; copy it from `mapc init`")
    }
  }

  /// Every line of a workflow that runs mapc: `run: mapc …` and `- mapc …` lines and the lines
  /// of `run: |` blocks that start with `mapc `.
  static func mapcCommandLines(_ workflow: String) -> [String] {
    workflow.split(separator: "\n").compactMap { raw -> String? in
      var line = raw.trimmingCharacters(in: .whitespaces)
      for prefix in ["- ", "run: "] where line.hasPrefix(prefix) { line = String(line.dropFirst(prefix.count)) }
      return line.hasPrefix("mapc ") ? line : nil
    }
  }

  /// Splits a command line on spaces, drops the quotes around words and separates a trailing
  /// `> FILE` redirection.
  static func parse(_ line: String) -> (arguments: [String], output: String?) {
    var words = line.split(separator: " ").map { word -> String in
      var w = String(word)
      if w.count >= 2, w.hasPrefix("\""), w.hasSuffix("\"") { w = String(w.dropFirst().dropLast()) }
      return w
    }
    var output: String?
    if let i = words.firstIndex(of: ">"), i + 1 < words.count {
      output = words[i + 1]
      words.removeSubrange(i...)
    }
    return (Array(words.dropFirst()), output)
  }

  @Test func ciRecipeCommandsRunAgainstAFixtureRepository() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ci")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = try GitFixture(dir)
    let files = Dictionary(uniqueKeysWithValues: Scaffold.files.map { ($0.path, Optional($0.contents)) })
    try fixture.commit(files: files, message: "Scaffold with mapc init")
    // The head branch moves a due date by 14 days and drops success criteria (a warning, so
    // that every lint format has something to report while exiting 0).
    try fixture.git(["checkout", "--quiet", "-b", "head"])
    let plan = Scaffold.examplePlan
    let moved = plan.replacing("    due: 2027-12-15\n", with: "    due: 2027-12-29\n")
      .replacing("    success_criteria:\n      - Pilot results meet the day-one target agreed in discovery\n", with: "")
    #expect(moved != plan)
    try fixture.commit(
      files: ["plans/example.map.md": moved], message: "Integration two weeks later", date: "2026-01-12T09:00:00+00:00")
    // What actions/checkout with fetch-depth: 0 leaves: the base branch as a remote-tracking ref.
    try fixture.git(["update-ref", "refs/remotes/origin/main", "main"])

    let github = Self.mapcCommandLines(try #require(Scaffold.files.first { $0.path == ".github/workflows/mapc.yml" }).contents)
    let gitlab = Self.mapcCommandLines(try #require(Scaffold.files.first { $0.path == ".gitlab-ci.yml" }).contents)
    #expect(github.count == 3, "\(github)")
    #expect(gitlab.count == 1, "\(gitlab)")
    var seen = Set<String>()
    for line in github + gitlab {
      let expanded = line.replacing("${{ github.base_ref }}", with: "main")
      #expect(!expanded.contains("${{"), "unexpanded expression in \(line)")
      let (arguments, output) = Self.parse(expanded)
      // A fixed "today" (2026-11-23), as a CI job can set it, keeps the time-dependent rules stable.
      let run = try TestSupport.mapc(arguments, in: dir, environment: ["SOURCE_DATE_EPOCH": "1795392000"])
      #expect(run.status == 0, "\(line): \(run.stderr)")
      #expect(!run.stdout.isEmpty, "\(line): no output")
      let format = arguments.firstIndex(of: "--format").map { arguments[$0 + 1] } ?? "text"
      seen.insert("\(arguments[0]) \(format)")
      switch (arguments[0], format) {
      case ("lint", "github"):
        #expect(output == nil)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::") }, "\(run.stdout)")
        #expect(run.stdout.contains("::warning file=plans/example.map.md"), "\(run.stdout)")
      case ("lint", "sarif"):
        #expect(output == "mapc.sarif")
        let json = try JSONParser.parse(run.stdout)
        #expect(json["version"]?.stringValue == "2.1.0")
        #expect(json["runs"]?.arrayValue?.first?["results"]?.arrayValue?.isEmpty == false, "\(run.stdout)")
      case ("lint", "gitlab"):
        #expect(output == "gl-code-quality-report.json")
        let json = try JSONParser.parse(run.stdout)
        let issues = try #require(json.arrayValue)
        #expect(issues.contains { $0["check_name"]?.stringValue == "MAP171" }, "\(run.stdout)")
      case ("diff", "markdown"):
        #expect(output == "mapc-diff.md")
        #expect(run.stdout.contains("**example-acme-rollout** — "), "\(run.stdout)")
        #expect(run.stdout.contains("2027-12-15 → 2027-12-29 (+14 days"), "\(run.stdout)")
      default:
        Issue.record("unexpected mapc command in a workflow: \(line)")
      }
    }
    #expect(seen == ["lint github", "lint sarif", "lint gitlab", "diff markdown"])
  }
}
