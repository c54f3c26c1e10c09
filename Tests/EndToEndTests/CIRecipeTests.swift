import Foundation
import MapcJSON
import MapcTestSupport
import MapcWorkspace
import Testing

/// The GitHub Action (`action.yml`) and the CI recipes `mapc init` writes (`Examples/ci/`): valid
/// for their CI provider (check-jsonschema's built-in schemas), every shell block clean under
/// shellcheck, one list of system packages, and every `mapc` line and the action's own shell
/// steps run against a fixture repository. `bash Scripts/test.sh` installs check-jsonschema,
/// PyYAML and shellcheck.
@Suite struct CIRecipeTests {
  static let action = "action.yml"
  static let workflow = "Examples/ci/.github/workflows/mapc.yml"
  static let gitlab = "Examples/ci/.gitlab-ci.yml"

  /// A program on PATH, or nil.
  static func tool(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for dir in path.split(separator: ":") {
      let candidate = "\(dir)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  static func requireTool(_ name: String, install: String) throws -> String {
    guard let found = tool(name) else {
      Issue.record("\(name) is not installed; `bash Scripts/test.sh` installs it (\(install))")
      throw CancellationError()
    }
    return found
  }

  /// A shell block of a CI file, as Tests/CI/run_blocks.py extracts it.
  struct Block {
    var file: String
    var name: String
    var shell: String
    var env: [String: String]
    var script: String
  }

  static func blocks(_ files: [String]) throws -> [Block] {
    let python = try requireTool("python3", install: "apt-get install python3")
    let run = try TestSupport.run(python, ["Tests/CI/run_blocks.py"] + files)
    #expect(run.status == 0, "run_blocks.py: \(run.stderr) (PyYAML: pip install pyyaml)")
    let json = try JSONParser.parse(run.stdout)
    return (json.arrayValue ?? []).map { item in
      var env: [String: String] = [:]
      for member in item["env"]?.objectValue ?? JSONObject() {
        env[member.key] = member.value.stringValue ?? member.value.description
      }
      return Block(
        file: item["file"]?.stringValue ?? "", name: item["name"]?.stringValue ?? "", shell: item["shell"]?.stringValue ?? "",
        env: env, script: item["script"]?.stringValue ?? "")
    }
  }

  @Test func recipesValidateAgainstTheProvidersSchemas() throws {
    let checker = try Self.requireTool("check-jsonschema", install: "pip install check-jsonschema")
    for (file, schema) in [
      (Self.action, "vendor.github-actions"), (Self.workflow, "vendor.github-workflows"), (Self.gitlab, "vendor.gitlab-ci"),
    ] {
      let run = try TestSupport.run(checker, ["--builtin-schema", schema, file])
      #expect(run.status == 0, "\(file) against \(schema): \(run.stdout)\(run.stderr)")
    }
    // A file that breaks the schema fails, so the check above can fail.
    let dir = try TestSupport.temporaryDirectory("mapc-ci-schema")
    defer { try? FileManager.default.removeItem(at: dir) }
    let broken = dir.appendingPathComponent("action.yml")
    try TestSupport.read(Self.action).replacing("using: composite", with: "using: compost").write(
      to: broken, atomically: true, encoding: .utf8)
    #expect(try TestSupport.run(checker, ["--builtin-schema", "vendor.github-actions", broken.path]).status != 0)
  }

  @Test func everyShellBlockPassesShellcheck() throws {
    let shellcheck = try Self.requireTool("shellcheck", install: "apt-get install shellcheck")
    let blocks = try Self.blocks([Self.action, Self.workflow, Self.gitlab])
    #expect(blocks.filter { $0.file == Self.action }.count == 7, "\(blocks.map(\.name))")
    #expect(blocks.filter { $0.file == Self.gitlab }.count == 1)
    let dir = try TestSupport.temporaryDirectory("mapc-shellcheck")
    defer { try? FileManager.default.removeItem(at: dir) }
    for (index, block) in blocks.enumerated() {
      // Expressions reach scripts through `env:` only: `${{ }}` inside a script is pasted into
      // the shell text before it runs (script injection), and shellcheck cannot read it.
      #expect(!block.script.contains("${{"), "\(block.file) \(block.name): an expression inside the script")
      let file = dir.appendingPathComponent("block-\(index).sh")
      try block.script.write(to: file, atomically: true, encoding: .utf8)
      let run = try TestSupport.run(shellcheck, ["--shell", block.shell == "sh" ? "sh" : "bash", "--severity", "style", file.path])
      #expect(run.status == 0, "\(block.file) \(block.name):\n\(run.stdout)\(run.stderr)")
    }
    // shellcheck does find a mistake in such a block.
    let bad = dir.appendingPathComponent("bad.sh")
    try "mapc diff $MAPC_BASE --format markdown > $MAPC_DIFF\n".write(to: bad, atomically: true, encoding: .utf8)
    #expect(try TestSupport.run(shellcheck, ["--shell", "bash", bad.path]).status != 0)
  }

  /// The packages of `Scripts/system-packages.txt`, comments and blank lines left out.
  static func systemPackages() throws -> [String] {
    try TestSupport.read("Scripts/system-packages.txt").split(separator: "\n").compactMap { line in
      let word = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0].trimmingCharacters(in: .whitespaces)
      return word.isEmpty ? nil : word
    }
  }

  @Test func oneListOfSystemPackages() throws {
    let list = try Self.systemPackages()
    #expect(list == Scaffold.systemPackages)
    #expect(Set(list).isSuperset(of: ["libyaml-dev", "libgit2-dev", "libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]))
    // bootstrap.sh reads the list and names none of its packages itself.
    let bootstrap = try TestSupport.read("Scripts/bootstrap.sh")
    #expect(bootstrap.contains("system-packages.txt"))
    for package in list { #expect(!bootstrap.contains(package), "bootstrap.sh names \(package) itself") }
    // The action installs through bootstrap.sh, so with the same list.
    let action = try TestSupport.read(Self.action)
    #expect(action.contains("bash \"$GITHUB_ACTION_PATH/Scripts/bootstrap.sh\""))
    // The GitLab job cannot read this repository's files: it names them, the same ones.
    let gitlab = try TestSupport.read(Self.gitlab)
    let install = try #require(gitlab.split(separator: "\n").first { $0.contains("apt-get install") })
    let words = install.split(separator: " ").map(String.init)
    let installed = words.drop { $0 != "install" }.dropFirst().filter { !$0.hasPrefix("-") }
    #expect(installed == list, "\(install)")
    // The README's set-up paragraph too.
    let readme = try TestSupport.read("README.md").replacing("\n", with: " ")
    #expect(readme.contains("apt-get install -y \(list.joined(separator: " "))"), "README's package list")
  }

  @Test func actionVersionStepKeysTheCacheOnVersionOSAndSources() throws {
    let blocks = try Self.blocks([Self.action])
    let step = try #require(blocks.first { $0.name == "action: mapc version" })
    let dir = try TestSupport.temporaryDirectory("mapc-action-key")
    defer { try? FileManager.default.removeItem(at: dir) }
    func key(_ root: URL) throws -> [String: String] {
      let output = dir.appendingPathComponent("output-\(UUID().uuidString)")
      let run = try TestSupport.run(
        "/bin/bash", ["-eo", "pipefail", "-c", step.script],
        environment: [
          "GITHUB_ACTION_PATH": root.path, "GITHUB_OUTPUT": output.path, "RUNNER_TEMP": "/runner/temp", "RUNNER_OS": "Linux",
          "RUNNER_ARCH": "X64", "ImageOS": "ubuntu24",
        ])
      #expect(run.status == 0, "\(run.stderr)")
      var values: [String: String] = [:]
      for line in try String(contentsOf: output, encoding: .utf8).split(separator: "\n") {
        let parts = line.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2 { values[parts[0]] = parts[1] }
      }
      return values
    }
    let here = try key(TestSupport.packageRoot)
    let k = try #require(here["key"])
    #expect(k.hasPrefix("mapc-\(MapcVersion.current)-ubuntu24-X64-"), "\(k)")
    #expect(k.count == "mapc-\(MapcVersion.current)-ubuntu24-X64-".count + 16, "\(k)")
    #expect(here["bin"]?.hasPrefix("/runner/temp/mapc-\(MapcVersion.current)-") == true)
    #expect(try key(TestSupport.packageRoot) == here, "the key is stable")
    // A copy whose sources differ by one byte gets another key.
    let copy = dir.appendingPathComponent("copy")
    for path in ["Package.swift", "Sources", "Schemas"] {
      try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: TestSupport.packageRoot.appendingPathComponent(path), to: copy.appendingPathComponent(path))
    }
    #expect(try key(copy) == here, "the key does not depend on where the action lives")
    let file = copy.appendingPathComponent("Sources/MapcWorkspace/Scaffold.swift")
    try (try String(contentsOf: file, encoding: .utf8) + "\n").write(to: file, atomically: true, encoding: .utf8)
    let changed = try key(copy)
    #expect(changed["key"] != here["key"])
  }

  /// A fixture repository as the workflows see it: `main` scaffolded by `mapc init`, a `head`
  /// branch that moves a due date by 14 days and drops success criteria (a warning, so every
  /// lint format has something to report while exiting 0), checked out.
  static func fixture(_ dir: URL) throws -> GitFixture {
    let fixture = try GitFixture(dir)
    let files = Dictionary(uniqueKeysWithValues: Scaffold.files.map { ($0.path, Optional($0.contents)) })
    try fixture.commit(files: files, message: "Scaffold with mapc init")
    try fixture.git(["checkout", "--quiet", "-b", "head"])
    let plan = Scaffold.examplePlan
    let moved = plan.replacing("    due: 2027-12-15\n", with: "    due: 2027-12-29\n")
      .replacing("    success_criteria:\n      - Pilot results meet the day-one target agreed in discovery\n", with: "")
    #expect(moved != plan)
    try fixture.commit(
      files: ["plans/example.map.md": moved], message: "Integration two weeks later", date: "2026-01-12T09:00:00+00:00")
    // What actions/checkout with fetch-depth: 0 leaves: the base branch as a remote-tracking ref.
    try fixture.git(["update-ref", "refs/remotes/origin/main", "main"])
    return fixture
  }

  /// The environment the action's and the GitLab job's steps see, with mapc on PATH and a fixed
  /// "today" (2026-11-23), as a CI job can set it, for the time-dependent rules.
  static func stepEnvironment(_ out: URL, base: String) -> [String: String] {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return [
      "PATH": TestSupport.binary.deletingLastPathComponent().path + ":" + path, "SOURCE_DATE_EPOCH": "1795392000",
      "MAPC_BASE": base, "MAPC_SARIF": out.appendingPathComponent("mapc.sarif").path,
      "MAPC_DIFF": out.appendingPathComponent("mapc-diff.md").path, "MAPC_STRICT": "false",
      "GITHUB_OUTPUT": out.appendingPathComponent("github-output").path,
      "GITHUB_STEP_SUMMARY": out.appendingPathComponent("step-summary.md").path,
      "CI_MERGE_REQUEST_DIFF_BASE_SHA": base,
    ]
  }

  /// Every line that runs mapc: lines that start with `mapc ` once a YAML list dash is taken off.
  static func mapcLines(_ text: String) -> [String] {
    text.split(separator: "\n").compactMap { raw -> String? in
      var line = raw.trimmingCharacters(in: .whitespaces)
      if line.hasPrefix("- ") { line = String(line.dropFirst(2)) }
      return line.hasPrefix("mapc ") ? line : nil
    }
  }

  @Test func everyMapcLineRunsAgainstAFixtureRepository() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ci")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = dir.appendingPathComponent("repo")
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    _ = try Self.fixture(repo)
    let action = Self.mapcLines(try TestSupport.read(Self.action))
    let gitlab = Self.mapcLines(try TestSupport.read(Self.gitlab))
    #expect(Self.mapcLines(try TestSupport.read(Self.workflow)).isEmpty, "the workflow runs mapc through the action")
    #expect(action.count == 5, "\(action)")
    #expect(gitlab.count == 4, "\(gitlab)")
    var seen = Set<String>()
    var withBase = Set<String>()
    for line in action + gitlab {
      // Run as the shell runs it, with the exit code of mapc itself (not `|| true`).
      let command = line.components(separatedBy: " || ")[0]
      let outputs = ["mapc.sarif", "mapc-diff.md"].map { out.appendingPathComponent($0) }
        + ["mapc-diff.md", "gl-code-quality-report.json"].map { repo.appendingPathComponent($0) }
      for file in outputs { try? FileManager.default.removeItem(at: file) }
      let run = try TestSupport.run(
        "/bin/bash", ["-eo", "pipefail", "-c", "strict=()\nbase=main\n" + command], in: repo,
        environment: Self.stepEnvironment(out, base: "main"))
      #expect(run.status == 0, "\(line): \(run.stderr)")
      let written = outputs.filter { FileManager.default.fileExists(atPath: $0.path) }
      #expect(written.count == (line.contains(">") ? 1 : 0), "\(line): wrote \(written)")
      let output = try written.first.map { try String(contentsOf: $0, encoding: .utf8) } ?? run.stdout
      #expect(!output.isEmpty, "\(line): no output")
      let words = command.split(separator: " ").map(String.init)
      let format = words.firstIndex(of: "--format").map { words[$0 + 1] } ?? "text"
      seen.insert("\(words[1]) \(format)")
      if command.contains("--base \"$MAPC_BASE\"") || command.contains("--base \"$base\"") { withBase.insert("\(words[1]) \(format)") }
      switch (words[1], format) {
      case ("--version", _):
        #expect(output == "\(MapcVersion.current)\n")
      case ("lint", "github"):
        let lines = output.split(separator: "\n")
        #expect(lines.allSatisfy { $0.hasPrefix("::") }, "\(output)")
        #expect(output.contains("::warning file=plans/example.map.md"), "\(output)")
      case ("lint", "sarif"):
        let json = try JSONParser.parse(output)
        #expect(json["version"]?.stringValue == "2.1.0")
        #expect(json["runs"]?.arrayValue?.first?["results"]?.arrayValue?.isEmpty == false, "\(output)")
      case ("lint", "gitlab"):
        let issues = try #require(try JSONParser.parse(output).arrayValue)
        #expect(issues.contains { $0["check_name"]?.stringValue == "MAP171" }, "\(output)")
      case ("lint", "text"):
        #expect(output.contains("plans/example.map.md:"), "\(output)")
      case ("diff", "markdown"):
        #expect(output.contains("**example-acme-rollout** — "), "\(output)")
        #expect(output.contains("2027-12-15 → 2027-12-29 (+14 days"), "\(output)")
      default:
        Issue.record("unexpected mapc command in a CI recipe: \(line)")
      }
    }
    #expect(seen == ["--version text", "lint github", "lint sarif", "lint gitlab", "lint text", "diff markdown"])
    // In a pull or merge request every lint checks the change against its base.
    #expect(withBase == ["lint github", "lint sarif", "lint gitlab", "lint text"])
  }

  /// Runs one of the action's shell steps as the runner does (`bash -e -o pipefail`), in `repo`.
  static func runStep(_ name: String, in repo: URL, out: URL, base: String, extra: [String: String] = [:]) throws -> TestSupport.Run {
    let step = try #require(try blocks([action]).first { $0.name == "action: \(name)" })
    var env = stepEnvironment(out, base: base)
    for (k, v) in extra { env[k] = v }
    return try TestSupport.run("/bin/bash", ["--noprofile", "--norc", "-eo", "pipefail", "-c", step.script], in: repo, environment: env)
  }

  static func outputs(_ out: URL) -> String {
    (try? String(contentsOf: out.appendingPathComponent("github-output"), encoding: .utf8)) ?? ""
  }

  @Test func diffStepCommentsOnlyWhenPlansChanged() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ci-diff")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = dir.appendingPathComponent("repo")
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let fixture = try Self.fixture(repo)

    let changed = try Self.runStep("Plan changes", in: repo, out: out, base: "main")
    #expect(changed.status == 0, "\(changed.stderr)")
    #expect(Self.outputs(out) == "changed=true\n")
    let summary = try String(contentsOf: out.appendingPathComponent("step-summary.md"), encoding: .utf8)
    #expect(summary.contains("2027-12-15 → 2027-12-29"), "\(summary)")

    // A pull request that touches no plan: no comment (the old one is removed), no summary.
    try FileManager.default.removeItem(at: out)
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    try fixture.commit(files: ["README.md": "Plans of Northwind.\n"], message: "Readme", date: "2026-01-13T09:00:00+00:00")
    let head = try fixture.git(["rev-parse", "HEAD~1"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let unchanged = try Self.runStep("Plan changes", in: repo, out: out, base: head)
    #expect(unchanged.status == 0, "\(unchanged.stderr)")
    #expect(Self.outputs(out) == "changed=false\n")
    #expect(try String(contentsOf: out.appendingPathComponent("mapc-diff.md"), encoding: .utf8).contains("No plan changes."))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("step-summary.md").path))

    // The comment steps follow the output.
    let action = try TestSupport.read(Self.action)
    #expect(action.contains("if: steps.diff.outputs.changed == 'true'\n      uses: marocchino/sticky-pull-request-comment@v2"))
    #expect(action.contains("if: steps.diff.outputs.changed == 'false'\n      uses: marocchino/sticky-pull-request-comment@v2\n      with:\n        header: mapc-diff\n        delete: true"))
  }

  @Test func lintStepsGateOnErrorsAndKeepTheSARIF() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-ci-lint")
    defer { try? FileManager.default.removeItem(at: dir) }
    let repo = dir.appendingPathComponent("repo")
    let out = dir.appendingPathComponent("out")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    let fixture = try Self.fixture(repo)

    // Warnings only: both pass; --strict fails the lint step.
    #expect(try Self.runStep("Lint plans (SARIF)", in: repo, out: out, base: "main").status == 0)
    let clean = try Self.runStep("Lint plans", in: repo, out: out, base: "main")
    #expect(clean.status == 0, "\(clean.stderr)")
    #expect(clean.stdout.contains("::warning file=plans/example.map.md"), "\(clean.stdout)")
    #expect(try Self.runStep("Lint plans", in: repo, out: out, base: "main", extra: ["MAPC_STRICT": "true"]).status == 1)
    // Outside a pull request (no base), lint still runs.
    #expect(try Self.runStep("Lint plans", in: repo, out: out, base: "").status == 0)

    // An error: the SARIF step still succeeds (the upload shows the findings), lint fails.
    let broken = Scaffold.examplePlan.replacing("    status: not-started\n    depends_on: [go-live]\n", with: "    stauts: not-started\n    depends_on: [go-live]\n")
    #expect(broken != Scaffold.examplePlan)
    try fixture.commit(files: ["plans/example.map.md": broken], message: "Typo", date: "2026-01-13T09:00:00+00:00")
    let sarif = try Self.runStep("Lint plans (SARIF)", in: repo, out: out, base: "main")
    #expect(sarif.status == 0, "\(sarif.stderr)")
    #expect(try String(contentsOf: out.appendingPathComponent("mapc.sarif"), encoding: .utf8).contains("MAP021"))
    let failing = try Self.runStep("Lint plans", in: repo, out: out, base: "main")
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("::error file=plans/example.map.md"), "\(failing.stdout)")
    // A usage error (exit 2) fails the SARIF step too.
    #expect(try Self.runStep("Lint plans (SARIF)", in: repo, out: out, base: "no-such-revision").status != 0)
  }
}
