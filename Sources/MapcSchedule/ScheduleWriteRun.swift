import JSONSchema
import MapcModel
import MapcWorkspace

/// One `mapc schedule PLAN --write` run: the plan file, checked, and its dates moved in memory.
/// ``write()`` puts the result on disk; ``diff`` is what `--dry-run` prints.
public struct ScheduleWriteRun: Sendable {
  /// The plan file the run changes.
  public var file: PlanFile
  /// The file as it would be written, with the moves.
  public var edit: ScheduleEdit

  /// Reads the one plan file `path` names and moves its dates by `mode`, writing `reason` as
  /// each moved milestone's `due_reason`. Nothing is written yet.
  ///
  /// A plan mapc cannot check as a plan is refused: one that is not a regular file, whose
  /// bytes, fences or YAML are broken, or that the plan schema (and the workspace's extension
  /// schema) rejects, the errors `mapc lint` reports as MAP001–MAP026; and one whose
  /// milestones depend on each other in a cycle.
  ///
  /// - Throws: ``UsageError`` for all of these, for a path that names no plan or more than one,
  ///   and for an empty reason.
  public init(workspace: Workspace, path: String, mode: ScheduleWriteMode, reason: String) throws(UsageError) {
    guard !reason.allSatisfy(\.isWhitespace) else {
      throw UsageError("`--reason` is empty", help: "say why the dates move; it becomes each moved milestone's `due_reason`")
    }
    let files = try workspace.planFiles([path])
    guard files.count == 1, let file = files.first else {
      throw UsageError(
        "`--write` changes one plan file; `\(path)` names \(files.count)", help: "give the path of one `.map.md` file")
    }
    self.file = file
    let bytes: [UInt8]
    switch FileBytes.read(path: file.path, limit: PlanReader.maximumFileSize) {
    case .success(let b): bytes = b
    case .failure(let failure):
      throw UsageError("\(file.displayPath): \(PlanReader.problem(for: failure).message)", help: "`--write` changes only regular plan files")
    }
    try Self.checkSchemas(PlanDocument(bytes: bytes), file: file, schemas: workspace.schemas)
    do {
      edit = try ScheduleWriter.edit(
        bytes: bytes, calendar: workspace.configuration.calendar, today: workspace.today, mode: mode, reason: reason)
    } catch {
      throw UsageError("\(file.displayPath): \(error.message)", help: error.help)
    }
  }

  /// Refuses a plan with errors of the schema kind: broken bytes, fences or YAML, or a
  /// frontmatter the schemas reject. Moving dates in such a plan could hide or worsen them.
  static func checkSchemas(_ document: PlanDocument, file: PlanFile, schemas: SchemaCatalog) throws(UsageError) {
    let help = "run `mapc lint \(file.displayPath)` and fix its errors first; `--write` changes only valid plans"
    if let problem = document.firstError {
      let at = problem.position.map { "\($0.line):\($0.column): " } ?? ""
      throw UsageError("\(file.displayPath):\(at.isEmpty ? " " : at)\(problem.message)", help: help)
    }
    guard let value = document.frontmatter, let source = document.source else { return }
    for schema in [schemas.plan, schemas.planExtension].compactMap({ $0 }) where !schema.isValid(value) {
      let first = SchemaDiagnostics.diagnostics(
        for: schema.validate(value).errors, in: value, yaml: source.frontmatter, firstLine: source.frontmatterFirstLine,
        documents: schemas.documents
      ).first
      let at = first?.position.map { "\($0.line):\($0.column): " } ?? " "
      throw UsageError("\(file.displayPath):\(at)\(first?.message ?? "the plan does not match its schema")", help: help)
    }
  }

  /// The unified diff of the change, for `--dry-run`; empty when nothing moves.
  public var diff: String { edit.unifiedDiff(path: file.displayPath) }

  /// Writes the changed file in one rename (a reader sees the old file or the new one); does
  /// nothing when no date moves.
  public func write() throws {
    guard !edit.moves.isEmpty else { return }
    try AtomicFile.write(String(decoding: edit.edited, as: UTF8.self), to: file.path)
  }

  /// One line per moved date, after the write: `security-review: 2027-01-08 → 2027-01-15 (+5 business days)`.
  public var report: String {
    if edit.moves.isEmpty { return "\(file.displayPath): no date moves\n" }
    return edit.moves.map { $0.line + "\n" }.joined()
  }
}
