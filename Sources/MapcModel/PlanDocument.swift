import MapcJSON
import MapcYAML

/// A plan file, loaded: the one way from a file's bytes to its frontmatter and typed plan.
///
/// Every command reads plans through this type (lint, history, diff, `lint --base`, render):
/// the bytes are checked and split at the `---` fences (``PlanReader``), the frontmatter is
/// loaded as YAML 1.2, and the typed ``Plan`` is read from it. What went wrong on the way is
/// kept, in order: ``problems`` about the bytes and fences, then the YAML ``diagnostics``.
public struct PlanDocument: Sendable {
  /// The text split into frontmatter and body; nil when the bytes or fences forbid reading on.
  public var source: PlanSource?
  /// The frontmatter as a JSON value; nil without a source, or when the YAML does not load.
  public var frontmatter: JSONValue?
  /// The typed plan; nil unless the frontmatter is a mapping.
  public var plan: Plan?
  /// Problems with the bytes and the fences (a byte order mark, invalid UTF-8...).
  public var problems: [SourceProblem]
  /// Problems with the frontmatter's YAML.
  public var diagnostics: [YAMLDiagnostic]

  /// Loads a plan from a file's bytes. Without `milestoneDetails`, milestones leave their
  /// success criteria and progress logs empty: a long history holds tens of thousands of plan
  /// versions, and the slip analysis reads neither.
  public init(bytes: [UInt8], milestoneDetails: Bool = true) {
    let read = PlanReader.split(bytes: bytes)
    problems = read.problems
    source = read.source
    diagnostics = []
    guard let source = read.source else { return }
    let loaded = YAMLLoader.load(source.frontmatter, firstLine: source.frontmatterFirstLine)
    diagnostics = loaded.diagnostics
    frontmatter = loaded.value
    if let value = loaded.value, value.objectValue != nil {
      plan = Plan(value, milestoneDetails: milestoneDetails)
    }
  }

  /// Loads the plan in `text`, a whole plan file.
  public init(text: String) {
    self.init(bytes: Array(text.utf8))
  }

  /// Reads and loads the file at `path` (at most ``PlanReader/maximumFileSize`` bytes).
  public static func read(path: String, milestoneDetails: Bool = true) -> PlanDocument {
    switch FileBytes.read(path: path, limit: PlanReader.maximumFileSize) {
    case .success(let bytes): return PlanDocument(bytes: bytes, milestoneDetails: milestoneDetails)
    case .failure(let failure): return PlanDocument(unreadable: PlanReader.problem(for: failure))
    }
  }

  /// A document whose file could not be read.
  public init(unreadable problem: SourceProblem) {
    problems = [problem]
    diagnostics = []
  }

  /// The first problem that stops the plan from being used, with its position: a fatal byte or
  /// fence problem, a YAML diagnostic, or a frontmatter that is not a mapping.
  public var firstError: SourceProblem? {
    if let fatal = problems.first(where: \.isFatal) { return fatal }
    guard let source else { return SourceProblem(.unreadable, "the file cannot be read as a plan") }
    if let d = diagnostics.first { return SourceProblem(.yaml, d.message, help: d.help, at: d.position) }
    if plan == nil {
      return SourceProblem(
        .notAMapping, "the frontmatter is not a mapping of keys", at: SourcePosition(line: source.frontmatterFirstLine, column: 1))
    }
    return nil
  }

  /// Where frontmatter values are in the file, built on demand (most plans never need it).
  public func sourceMap() -> YAMLSourceMap? {
    source.map { YAMLSourceMap(yaml: $0.frontmatter, firstLine: $0.frontmatterFirstLine) }
  }
}
