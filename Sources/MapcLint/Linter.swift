import MapcHistory
import JSONSchema
import MapcJSON
import MapcModel
import MapcTemplates
import MapcWorkspace
import MapcYAML

/// A file to lint: where to read it, how to show it, and its path relative to the
/// configuration root (for per-path settings).
public struct LintTarget: Sendable, Hashable {
  public var path: String
  /// The path as the text report shows it: relative to the working directory where possible.
  public var displayPath: String
  /// The path relative to the configuration root, which per-path settings match.
  public var relativePath: String
  /// The path as machine formats show it: relative to the repository root (the git work
  /// tree, or the folder of `mapc.yml` outside git) whatever the working directory, so CI
  /// annotations attach to the file; absolute for a file outside the repository.
  public var repositoryPath: String
  /// The last commit that touched the file, when mapc runs in a git repository.
  public var lastChange: LastChange?
  /// The plan at the base revision and the changes since, with `mapc lint --base REV`.
  public var base: BaseContext?
  /// Why the file must not be read (outside the repository): a finding, and not a byte read.
  public var refusal: String?

  public init(
    path: String, displayPath: String, relativePath: String, repositoryPath: String? = nil, lastChange: LastChange? = nil,
    base: BaseContext? = nil
  ) {
    self.path = path
    self.displayPath = displayPath
    self.relativePath = relativePath
    self.repositoryPath = repositoryPath ?? displayPath
    self.lastChange = lastChange
    self.base = base
  }

  /// The target for a plan file of the workspace, with its path relative to `repositoryRoot`
  /// (absolute when it lies outside).
  public init(_ file: PlanFile, repositoryRoot: String? = nil) {
    self.init(
      path: file.path, displayPath: file.displayPath, relativePath: file.relativePath,
      repositoryPath: repositoryRoot.map { Paths.relative(file.path, to: $0) ?? file.path })
    refusal = file.refusal
  }
}

/// The findings of a lint run, in report order, and how many files were checked.
public struct LintReport: Sendable {
  public var findings: [Finding]
  public var fileCount: Int
  /// The display paths of the files checked, sorted (files without findings included).
  public var files: [String]

  public init(findings: [Finding], fileCount: Int, files: [String] = []) {
    self.findings = findings.sorted(by: Finding.reportOrder)
    self.fileCount = fileCount
    self.files = files.sorted()
  }

  public func count(_ severity: Severity) -> Int { findings.filter { $0.severity == severity }.count }

  /// 1 when an error was found (or any finding, when `strict`), else 0.
  public func exitCode(strict: Bool) -> Int32 {
    if findings.contains(where: { $0.severity == .error }) { return 1 }
    if strict && !findings.isEmpty { return 1 }
    return 0
  }
}

/// Lints plan files: the bytes, the frontmatter fences, the YAML, and the schemas.
public struct Linter: Sendable {
  public var configuration: Configuration {
    didSet { settings = LintSettings(configuration) }
  }
  /// The severities from ``configuration``.
  public private(set) var settings: LintSettings
  public var schemas: SchemaCatalog
  /// The date time-dependent rules compare against.
  public var today: CalendarDate

  public init(configuration: Configuration, schemas: SchemaCatalog, today: CalendarDate) {
    self.configuration = configuration
    self.settings = LintSettings(configuration)
    self.schemas = schemas
    self.today = today
  }

  /// Lints every target, using all cores, then across them (a plan id used by more than one
  /// file); the report does not depend on scheduling.
  public func lint(_ targets: [LintTarget]) -> LintReport {
    let results = targets.concurrentMap { check($0) }
    let duplicates = duplicatePlanIDFindings(targets: targets, ids: results.map(\.planID)) { i in
      try? FileBytes.read(path: targets[i].path, limit: PlanReader.maximumFileSize).get()
    }
    return LintReport(
      findings: results.flatMap(\.findings) + duplicates, fileCount: targets.count, files: targets.map(\.displayPath))
  }

  /// Lints one file from disk, on its own (no check across files).
  public func lint(_ target: LintTarget) -> [Finding] { check(target).findings }

  /// Lints an example as its check's documentation shows it: with the other plans it names,
  /// as if linted together; the findings on the example's own file.
  public func lint(_ example: Example) -> [Finding] {
    let inputs = [(example.target, example.bytes)] + example.otherPlans.map { other in
      (LintTarget(path: other.path, displayPath: other.path, relativePath: other.path), Array(other.text.utf8))
    }
    let results = inputs.map { target, bytes in
      let document = PlanDocument(bytes: bytes)
      return (findings: lint(document, bytes: bytes, target: target), planID: Self.planID(document, target: target))
    }
    let duplicates = duplicatePlanIDFindings(targets: inputs.map(\.0), ids: results.map(\.planID)) { inputs[$0].1 }
    return (results[0].findings + duplicates).filter { $0.path == example.target.displayPath }
  }

  /// One file's findings, and its plan id for the check across files.
  private func check(_ target: LintTarget) -> (findings: [Finding], planID: String?) {
    if let refusal = target.refusal {
      let problem = SourceProblem(.unreadable, "cannot read file: \(refusal)", help: "lint the plans of this repository from inside it")
      return (configure([finding(for: problem, path: target.displayPath)], target: target, lines: []), nil)
    }
    switch FileBytes.read(path: target.path, limit: PlanReader.maximumFileSize) {
    case .success(let bytes):
      let document = PlanDocument(bytes: bytes)
      return (lint(document, bytes: bytes, target: target), Self.planID(document, target: target))
    case .failure(let failure):
      return (configure([finding(for: PlanReader.problem(for: failure), path: target.displayPath)], target: target, lines: []), nil)
    }
  }

  /// The plan id a file claims in the repository: none for a template, whose id names the
  /// template, not a plan.
  static func planID(_ document: PlanDocument, target: LintTarget) -> String? {
    PlanFiles.isTemplate(target.path) ? nil : document.plan?.id
  }

  private func finding(for problem: SourceProblem, path: String) -> Finding {
    Finding(
      path: path, position: problem.position, check: Self.check(for: problem.kind), message: Finding.Message(problem.message),
      help: problem.help)
  }

  /// Lints a file's bytes.
  public func lint(bytes: [UInt8], target: LintTarget) -> [Finding] {
    lint(PlanDocument(bytes: bytes), bytes: bytes, target: target)
  }

  /// Lints a loaded plan; `bytes` are the file's, for source lines when it has no source.
  /// The plan is checked on its own: no check across files, and the history rules only with
  /// the target's `lastChange` and `base`.
  public func lint(_ document: PlanDocument, bytes: [UInt8], target: LintTarget) -> [Finding] {
    let path = target.displayPath
    var findings = document.problems.map { finding(for: $0, path: path) }
    guard let source = document.source else {
      return configure(findings, target: target, lines: lines(of: bytes))
    }
    for d in document.diagnostics {
      findings.append(
        Finding(path: path, position: d.position, check: Self.check(for: d.kind), message: Finding.Message(d.message), help: d.help))
    }
    if let value = document.frontmatter {
      let map = LazySourceMap(yaml: source.frontmatter, firstLine: source.frontmatterFirstLine)
      // A template is recognised by its name, and checked against its own schema only.
      let isTemplate = PlanFiles.isTemplate(target.path)
      let checked = isTemplate ? [schemas.template] : [schemas.plan, schemas.planExtension].compactMap { $0 }
      for schema in checked where !schema.isValid(value) {
        findings += SchemaDiagnostics.diagnostics(for: schema.validate(value).errors, in: value, map: map, documents: schemas.documents)
          .map { Finding($0, path: path) }
      }
      if let plan = document.plan {
        findings = applyRules(
          to: plan, frontmatter: value, body: source.body, bodyFirstLine: source.bodyFirstLine, findings: findings, map: map,
          target: target, template: isTemplate ? PlanTemplate(document) : nil)
      }
    }
    return configure(findings, target: target, lines: findings.isEmpty ? [] : lines(of: source.text))
  }

  /// Runs the enabled rules, then the plan's own suppressions (`lint.disable`), reporting
  /// those that suppress nothing.
  private func applyRules(
    to plan: Plan, frontmatter value: JSONValue, body: String, bodyFirstLine: Int, findings: [Finding], map: LazySourceMap,
    target: LintTarget, template: PlanTemplate?
  ) -> [Finding] {
    var context = RuleContext(
      plan: plan, body: body, today: today, thresholds: configuration.thresholds,
      lastChange: target.lastChange, base: target.base)
    context.calendar = configuration.calendar
    context.template = template
    var out = findings
    for rule in RuleRegistry.rules
    where rule.scope.covers(template: template != nil) && settings.severity(of: rule.check, at: target.relativePath) != nil {
      for f in rule.init().findings(in: context) {
        if let body = f.bodyPosition {
          let position = SourcePosition(line: bodyFirstLine + body.line - 1, column: body.column)
          out.append(
            Finding(
              path: target.displayPath, position: position, length: f.bodyLength, check: rule.check, message: f.message,
              help: f.help))
          continue
        }
        let (position, length) = map.map.place(f.pointer, key: f.anchor == .key)
        out.append(
          Finding(
            path: target.displayPath, position: position, length: length, check: rule.check, message: f.message, help: f.help,
            pointer: f.pointer))
      }
    }
    for (index, name) in plan.disabledChecks {
      let pointer = JSONPointer(["lint", "disable", String(index)])
      let (position, length) = map.map.place(pointer, key: false)
      guard let check = Check.named(name) else {
        let hint = DidYouMean.suggestion(for: name, among: Check.all.map(\.name)).map { "did you mean `\($0)`? " } ?? ""
        out.append(
          Finding(
            path: target.displayPath, position: position, length: length, check: UnusedSuppressionRule.check,
            message: "`\(name)` is not a check mapc knows", help: hint + "run `mapc rules` to list every check", pointer: pointer))
        continue
      }
      if check == .duplicatePlanID {
        // Two files with one id are never merged, whatever one of them says.
        out.append(
          Finding(
            path: target.displayPath, position: position, length: length, check: UnusedSuppressionRule.check,
            message: "`\(check.name)` cannot be disabled for one plan",
            help: "give each plan its own `id`, or set the check's severity in \(Configuration.fileName)", pointer: pointer))
        continue
      }
      let before = out.count
      out.removeAll { $0.check == check }
      if out.count == before {
        out.append(
          Finding(
            path: target.displayPath, position: position, length: length, check: UnusedSuppressionRule.check,
            message: "`\(check.name)` is disabled for this plan but finds nothing here",
            help: "remove it from `lint.disable`", pointer: pointer))
      }
    }
    return out
  }

  /// Applies configured severities (dropping checks that are off) and attaches source lines.
  private func configure(_ findings: [Finding], target: LintTarget, lines: [Substring]) -> [Finding] {
    findings.compactMap { f in
      guard let severity = settings.severity(of: f.check, at: target.relativePath) else { return nil }
      var f = f
      f.severity = severity
      if let p = f.position, p.line >= 1, p.line <= lines.count {
        let line = lines[p.line - 1]
        f.sourceLine = String(line)
        if f.check == .duplicateKey {
          // Underline the whole key, up to its colon.
          let key = line.dropFirst(p.column - 1).prefix { $0 != ":" }
          f.length = max(1, key.count)
        }
      }
      return f
    }
  }

  private func lines(of bytes: [UInt8]) -> [Substring] {
    lines(of: String(decoding: bytes, as: UTF8.self))
  }

  private func lines(of text: String) -> [Substring] { SourceLines.split(text) }

  static func check(for kind: SourceProblem.Kind) -> Check {
    switch kind {
    case .unreadable: return .unreadableFile
    case .tooLarge: return .fileTooLarge
    case .binary: return .binaryFile
    case .invalidUTF8: return .invalidUTF8
    case .empty: return .emptyFile
    case .byteOrderMark: return .byteOrderMark
    case .missingFrontmatter: return .missingFrontmatter
    case .unterminatedFrontmatter: return .unterminatedFrontmatter
    case .yaml: return .yamlSyntax
    case .notAMapping: return .wrongType
    }
  }

  static func check(for kind: YAMLDiagnostic.Kind) -> Check {
    switch kind {
    case .syntax: return .yamlSyntax
    case .tabIndentation: return .tabIndentation
    case .duplicateKey: return .duplicateKey
    case .multipleDocuments: return .multipleDocuments
    case .aliasLimit, .recursiveAlias: return .aliasLimit
    case .nestingTooDeep: return .nestingTooDeep
    case .unsupportedKey, .unsupportedTag: return .unsupportedYAML
    }
  }
}
