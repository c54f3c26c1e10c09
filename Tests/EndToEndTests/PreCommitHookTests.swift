import Foundation
import MapcTestSupport
import MapcWorkspace
import Testing

/// The pre-commit hook of `.pre-commit-hooks.yaml`, run by pre-commit itself as a user's
/// repository would use it (`repo:` this repository's manifest, committed in a hooks
/// repository), with the built mapc on PATH: a broken plan blocks the commit, a clean one passes.
/// `bash Scripts/test.sh` installs pre-commit; without it the test is skipped, saying so.
@Suite struct PreCommitHookTests {
  static let preCommit = CIRecipeTests.tool("pre-commit")

  @Test(
    .enabled(
      if: preCommit != nil,
      "pre-commit is not installed, so the hook is not tested (`python3 -m pip install pre-commit`; bash Scripts/test.sh tries)"))
  func brokenPlanBlocksTheCommitAndACleanOnePasses() throws {
    let preCommit = try #require(Self.preCommit)
    let dir = try TestSupport.temporaryDirectory("mapc-pre-commit")
    defer { try? FileManager.default.removeItem(at: dir) }

    // The hooks repository: this repository's manifest, committed.
    let hooks = try GitFixture(dir.appendingPathComponent("hooks"))
    let rev = try hooks.commit(files: [".pre-commit-hooks.yaml": try TestSupport.read(".pre-commit-hooks.yaml")], message: "Hooks")

    let repo = try GitFixture(dir.appendingPathComponent("plans"))
    #expect(try TestSupport.mapc(["init"], in: repo.directory).status == 0)
    try """
    repos:
      - repo: \(hooks.directory.path)
        rev: \(rev)
        hooks:
          - id: mapc-lint

    """.write(to: repo.directory.appendingPathComponent(".pre-commit-config.yaml"), atomically: true, encoding: .utf8)

    var environment = GitFixture.environment()
    environment["PATH"] = TestSupport.binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    environment["PRE_COMMIT_HOME"] = dir.appendingPathComponent("cache").path
    environment["SOURCE_DATE_EPOCH"] = "1795392000"  // 2026-11-23, as the other CI tests
    func run(_ executable: String, _ arguments: [String]) throws -> TestSupport.Run {
      try TestSupport.run(executable, arguments, in: repo.directory, environment: environment)
    }
    func commit(_ message: String) throws -> TestSupport.Run {
      _ = try run("/usr/bin/env", ["git", "add", "--all"])
      // git gives a hook's standard output to its standard error.
      var result = try run("/usr/bin/env", ["git", "-c", "commit.gpgsign=false", "commit", "--quiet", "-m", message])
      result.stdout += result.stderr
      return result
    }
    func commits() throws -> String {
      try run("/usr/bin/env", ["git", "rev-list", "--count", "--all"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    let install = try run(preCommit, ["install"])
    #expect(install.status == 0, "\(install.stdout)\(install.stderr)")

    let first = try commit("Scaffold with mapc init")
    #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
    #expect(first.stdout.contains("mapc lint") && first.stdout.contains("Passed"), "\(first.stdout)")
    #expect(try commits() == "1")

    // A typo in a plan: the hook fails, mapc's finding is shown and nothing is committed.
    let plan = repo.directory.appendingPathComponent("plans/example.map.md")
    let broken = Scaffold.examplePlan.replacing("    status: not-started\n    depends_on: [go-live]\n", with: "    stauts: not-started\n    depends_on: [go-live]\n")
    #expect(broken != Scaffold.examplePlan)
    try broken.write(to: plan, atomically: true, encoding: .utf8)
    let blocked = try commit("Typo")
    #expect(blocked.status != 0)
    #expect(blocked.stdout.contains("Failed"), "\(blocked.stdout)")
    #expect(blocked.stdout.contains("error[MAP021]: unknown property `stauts`"), "\(blocked.stdout)")
    #expect(try commits() == "1")

    // Fixed: the commit goes through.
    try Scaffold.examplePlan.replacing("due: 2028-04-30\n", with: "due: 2028-05-02\n").write(to: plan, atomically: true, encoding: .utf8)
    let fixed = try commit("Value review two days later")
    #expect(fixed.status == 0, "\(fixed.stdout)\(fixed.stderr)")
    #expect(try commits() == "2")

    // A change to mapc.yml runs the hook too: a broken configuration blocks the commit.
    try "plans: 5\n".write(to: repo.directory.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let config = try commit("Break the configuration")
    #expect(config.status != 0)
    #expect(config.stdout.contains("mapc: configuration error"), "\(config.stdout)")
    #expect(try commits() == "2")
    _ = try run("/usr/bin/env", ["git", "checkout", "HEAD", "--", "mapc.yml"])

    // A commit that touches no plan does not run mapc.
    try "Northwind's plans.\n".write(to: repo.directory.appendingPathComponent("README.md"), atomically: true, encoding: .utf8)
    let other = try commit("Readme")
    #expect(other.status == 0, "\(other.stdout)\(other.stderr)")
    #expect(other.stdout.contains("(no files to check)Skipped"), "\(other.stdout)")
    #expect(try commits() == "3")
  }
}
