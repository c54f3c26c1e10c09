import JSONSchema
import MapcJSON
import MapcLint
import MapcModel
import MapcRender
import MapcWorkspace
import MapcYAML

/// The fuzz targets' entry points: each drives one stage of mapc from raw bytes, without git or
/// the file system, and returns the defect it found, if any (the library never traps: the
/// libFuzzer harnesses in `Fuzz/` turn a defect into the crash libFuzzer reports; see
/// `Scripts/fuzz.sh`); the test suite replays the seed corpus and every minimised crash under
/// `Tests/FuzzRegressions/` through the same functions, so a found crash stays fixed.
public enum FuzzTargets {
  /// The targets by name, as `Scripts/fuzz.sh` and `Tests/FuzzRegressions/<name>/` spell them.
  public static let all: [String: @Sendable ([UInt8]) -> String?] = [
    "lint": lint, "render": render, "yaml": yaml, "schema": schema,
  ]

  /// The compiled carried schemas, once per process: compiling them per input would dominate
  /// the run. They live until exit, which LeakSanitizer reports as a leak (a false alarm).
  static let catalog: SchemaCatalog? = try? SchemaCatalog()

  /// A fixed date, so every run of an input does the same work.
  static let today = CalendarDate(daysSince1970: 20605)  // 2026-06-01

  /// (a) The whole lint pipeline of one plan: fences, YAML, the typed plan, the schemas, every
  /// rule, then the findings in every output format.
  public static func lint(_ bytes: [UInt8]) -> String? {
    guard let catalog else { return "the carried schemas do not compile" }
    let linter = Linter(configuration: Configuration(root: "/fuzz"), schemas: catalog, today: today)
    let target = LintTarget(path: "/fuzz/plan.map.md", displayPath: "plan.map.md", relativePath: "plan.map.md")
    let report = LintReport(findings: linter.lint(bytes: bytes, target: target), fileCount: 1, files: ["plan.map.md"])
    for format in OutputFormat.allCases {
      _ = format.reporter(settings: linter.settings, targets: [target]).render(report)
    }
    return nil
  }

  /// (b) The buyer render of one plan, checked by the leak guard as `mapc render` checks it:
  /// internal content in the buyer page is the defect.
  public static func render(_ bytes: [UInt8]) -> String? {
    let document = PlanDocument(bytes: bytes)
    guard document.firstError == nil, let source = document.source, let json = document.frontmatter, let plan = document.plan
    else { return nil }
    let snapshot = Snapshot(
      plan: plan, frontmatter: json, body: source.body, audience: .buyer, asOf: today, path: "plan.map.md")
    let html = SnapshotPage(snapshot).render()
    do {
      try snapshot.leakGuard().check(html, format: .html, name: "the buyer snapshot") {
        SnapshotPage(snapshot.withoutInternalContent).render()
      }
    } catch {
      return "leak guard: \(error.message)"
    }
    return nil
  }

  /// (c) The YAML loader alone, on the bytes as one document.
  public static func yaml(_ bytes: [UInt8]) -> String? {
    _ = bytes.withUnsafeBytes { YAMLLoader.load(utf8: $0) }
    return nil
  }

  /// (d) The JSON Schema validator: the bytes as a JSON instance (or, when they are not JSON,
  /// as YAML) against the plan schema, both the full result and the fast yes/no, which must agree.
  public static func schema(_ bytes: [UInt8]) -> String? {
    guard let catalog else { return "the carried schemas do not compile" }
    let instance: JSONValue
    if let json = try? JSONParser.parse(bytes: bytes) {
      instance = json
    } else if let value = bytes.withUnsafeBytes({ YAMLLoader.load(utf8: $0).value }) {
      instance = value
    } else {
      return nil
    }
    let result = catalog.plan.validate(instance)
    let valid = catalog.plan.isValid(instance)
    if valid != result.isValid || valid != result.errors.isEmpty {
      return "validate and isValid disagree: isValid \(valid), \(result.errors.count) errors"
    }
    return nil
  }
}
