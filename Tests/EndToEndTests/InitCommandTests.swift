import MapcWorkspace
import Foundation
import MapcJSON
import MapcLint
import MapcTestSupport
import Testing

/// `mapc init`: the files it writes, all or none, never through a link it was not told to
/// follow. (The CI recipes it writes are checked and run by CIRecipeTests.)
@Suite struct InitCommandTests {
  static let paths = [
    "mapc.yml", ".mapc/config.schema.json", "plans/example.map.md", "snapshots/.gitignore", ".github/workflows/mapc.yml",
    ".gitlab-ci.yml",
  ]

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
    let lint = try TestSupport.mapc(["lint", "--today", "2026-11-23", "plans/example.map.md"], in: repo)
    #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    #expect(lint.stdout == "No problems found in 1 file.\n", "\(lint.stdout)")
    // The configuration schema beside mapc.yml is the one mapc carries, and mapc.yml's first
    // line points editors at it.
    #expect(try String(contentsOf: repo.appendingPathComponent(".mapc/config.schema.json"), encoding: .utf8) == CarriedSchemas.config)
    #expect(Scaffold.configuration.hasPrefix("# yaml-language-server: $schema=\(Scaffold.configurationSchemaPath)\n"))
    #expect(Scaffold.configuration.contains("mapc schema config > \(Scaffold.configurationSchemaPath)"))
    // Also clean later on (open milestones are due from mid-2027 on) and with --strict.
    let later = try TestSupport.mapc(["lint", "--strict", "--today", "2027-06-01", "plans/example.map.md"], in: repo)
    #expect(later.status == 0 && later.stdout.hasPrefix("No problems found"), "\(later.stdout)")
  }

  /// The template init scaffolds is the example one, and the plan it makes from it is dated
  /// from the day init runs: its first step a week out, no error on that day.
  @Test func initMakesAPlanFromItsTemplateDatedFromToday() throws {
    #expect(Scaffold.onboardingTemplate == (try TestSupport.read("Examples/templates/onboarding.map-template.md")))
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["init", "--today", "2026-12-03"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.contains("created templates/onboarding.map-template.md\ncreated plans/first-onboarding.map.md\n"), "\(run.stdout)")
    let plan = try String(contentsOf: dir.appendingPathComponent(Scaffold.templatePlanPath), encoding: .utf8)
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/templates/init-first-onboarding.map.md", plan) {
      Issue.record(Comment(rawValue: diff))
    }
    #expect(plan.contains("    due: 2026-12-10\n"), "the first step is not a week after --today")
    for today in ["2026-12-03", "2026-12-10"] {  // the day init ran, and a week later
      let lint = try TestSupport.mapc(["lint", "--today", today], in: dir)
      #expect(lint.status == 0, "\(today): \(lint.stdout)")
      #expect(lint.stdout.hasSuffix("in 1 of 3 files.\n"), "\(today): \(lint.stdout)")
    }
    // Another day, another plan: the dates move with the day init runs, by the environment too.
    let later = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: later) }
    #expect(try TestSupport.mapc(["init"], in: later, environment: ["SOURCE_DATE_EPOCH": "1798761600"]).status == 0)  // 2027-01-01
    let moved = try String(contentsOf: later.appendingPathComponent(Scaffold.templatePlanPath), encoding: .utf8)
    #expect(moved.contains("    due: 2027-01-08\n"), "\(moved)")
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

  @Test func warnsOutsideAGitRepository() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let outside = try TestSupport.mapc(["init", "plans-repo"], in: dir)
    #expect(outside.status == 0, "\(outside.stderr)")
    #expect(outside.stderr.contains("mapc: warning: plans-repo is not in a git repository"), "\(outside.stderr)")
    #expect(outside.stderr.contains("git init"), "\(outside.stderr)")

    let repo = dir.appendingPathComponent("repo")
    _ = try GitFixture(repo)
    let inside = try TestSupport.mapc(["init"], in: repo)
    #expect(inside.status == 0, "\(inside.stderr)")
    #expect(inside.stderr.isEmpty, "\(inside.stderr)")
    // A folder below a repository's root is in it too.
    let below = try TestSupport.mapc(["init", "deals/emea"], in: repo)
    #expect(below.status == 0 && below.stderr.isEmpty, "\(below.stderr)")
  }

  @Test func snapshotsFolderIsIgnoredByGit() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let fixture = try GitFixture(dir)
    #expect(try TestSupport.mapc(["init"], in: dir).status == 0)
    // What `mapc render --all -o snapshots` writes stays out of git; the .gitignore itself is committed.
    let render = try TestSupport.mapc(["render", "--all", "-o", "snapshots", "--as-of", "2026-11-23"], in: dir)
    #expect(render.status == 0, "\(render.stderr)")
    #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("snapshots/index.html").path))
    let status = try fixture.git(["status", "--porcelain", "--untracked-files=all"])
    #expect(status.contains("?? snapshots/.gitignore"), "\(status)")
    #expect(!status.contains("snapshots/index.html"), "\(status)")
    #expect(!status.contains("snapshots/example-acme-rollout.html"), "\(status)")
    #expect(status.contains("?? plans/example.map.md"), "\(status)")
  }

  @Test func refusesToWriteThroughASymlinkedFolder() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let elsewhere = dir.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    let repo = dir.appendingPathComponent("repo")
    try FileManager.default.createDirectory(at: repo, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("plans").path, withDestinationPath: elsewhere.path)

    let refused = try TestSupport.mapc(["init"], in: repo)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("symbolically linked folders: plans"), "\(refused.stderr)")
    #expect(refused.stderr.contains("--force"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
    #expect(try FileManager.default.contentsOfDirectory(atPath: repo.path) == ["plans"])

    let forced = try TestSupport.mapc(["init", "--force"], in: repo)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).sorted() == ["example.map.md", "first-onboarding.map.md"])
  }

  @Test func refusesToReplaceADanglingSymlink() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    let target = dir.appendingPathComponent("nowhere/mapc.yml")
    try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("mapc.yml").path, withDestinationPath: target.path)

    let refused = try TestSupport.mapc(["init"], in: dir)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("refusing to replace symbolic links: mapc.yml"), "\(refused.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["mapc.yml"])
    #expect(!FileManager.default.fileExists(atPath: target.path))

    // --force replaces the link itself with the file; nothing is written where it pointed.
    let forced = try TestSupport.mapc(["init", "--force"], in: dir)
    #expect(forced.status == 0, "\(forced.stderr)")
    #expect(forced.stdout.contains("overwrote mapc.yml"), "\(forced.stdout)")
    let attributes = try FileManager.default.attributesOfItem(atPath: dir.appendingPathComponent("mapc.yml").path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(!FileManager.default.fileExists(atPath: target.path))
  }

  @Test func failureHalfWayNamesTheFileAndWritesNothing() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: dir) }
    // `plans` is a file, so plans/example.map.md cannot be written, after mapc.yml and the schema could.
    try "not a folder\n".write(to: dir.appendingPathComponent("plans"), atomically: true, encoding: .utf8)
    let failed = try TestSupport.mapc(["init"], in: dir)
    #expect(failed.status == 2)
    #expect(failed.stderr.contains("cannot write plans/example.map.md: plans is not a folder; nothing was written"), "\(failed.stderr)")
    #expect(failed.stdout.isEmpty, "\(failed.stdout)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["plans"])

    // A folder where a file goes is refused before anything is written, even with --force.
    let other = try TestSupport.temporaryDirectory("mapc-init")
    defer { try? FileManager.default.removeItem(at: other) }
    try FileManager.default.createDirectory(at: other.appendingPathComponent(".gitlab-ci.yml"), withIntermediateDirectories: true)
    let folder = try TestSupport.mapc(["init", "--force"], in: other)
    #expect(folder.status == 2)
    #expect(folder.stderr.contains(".gitlab-ci.yml: not a regular file"), "\(folder.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == [".gitlab-ci.yml"])
  }
}
