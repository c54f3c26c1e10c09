import JSONSchema
import MapcJSON
import MapcModel
import MapcYAML

#if canImport(Glibc)
  import Glibc
#endif

/// The repository configuration, `mapc.yml`, found from the working directory upward.
public struct Configuration: Sendable {
  /// A rule's configured severity, or `off`.
  public enum Setting: Sendable, Hashable {
    case severity(Severity)
    case off
  }

  /// A rule's setting as written under `rules:`: the check's code or name, not yet resolved
  /// (the linter knows the checks), and where it was written, for an error.
  public struct RuleSetting: Sendable, Hashable {
    public var name: String
    public var setting: Setting
    public var position: SourcePosition?

    public init(name: String, setting: Setting, position: SourcePosition? = nil) {
      self.name = name
      self.setting = setting
      self.position = position
    }
  }

  /// Settings for the paths matching some globs.
  public struct Override: Sendable {
    public var paths: [Glob]
    public var rules: [RuleSetting]

    public init(paths: [Glob], rules: [RuleSetting]) {
      self.paths = paths
      self.rules = rules
    }
  }

  /// The file's name; mapc looks for it in the working directory and its parents.
  public static let fileName = "mapc.yml"
  public static let defaultPlanGlobs = ["**/*.map.md"]
  /// Where plan templates are, by default.
  public static let defaultTemplateGlobs = ["templates/**/*.map-template.md"]

  /// The directory plan globs are relative to: where `mapc.yml` is, or the working directory.
  public var root: String
  /// The repository root around ``root`` (the folder holding `.git`; outside git, ``root``):
  /// files named here are read only inside it.
  public var repositoryRoot: String
  /// The configuration file, when there is one.
  public var file: String?
  public var plans: [Glob] = defaultPlanGlobs.map(Glob.init)
  public var exclude: [Glob] = []
  /// Which files are plan templates (`templates`): `mapc lint` checks them, `mapc new --list`
  /// lists them.
  public var templates: [Glob] = defaultTemplateGlobs.map(Glob.init)
  /// A fixed "today" (`YYYY-MM-DD`) for reproducible output.
  public var today: String?
  /// Rule settings in the order written.
  public var rules: [RuleSetting] = []
  public var overrides: [Override] = []
  /// An extra schema every plan must also satisfy (absolute path).
  public var extensionSchema: String?
  /// Days without a commit after which a plan counts as stale.
  public var staleAfterDays: Int?
  public var thresholds = Thresholds()
  /// Branding for `mapc render` (`render` in mapc.yml); paths are absolute.
  public var render = RenderSettings()
  /// The working calendar of every plan (`calendar` in mapc.yml).
  public var calendar: CalendarSettings?
  /// Options for `mapc export` and `mapc calendar` (`export` in mapc.yml).
  public var export = ExportSettings()

  /// Where CRM exports and calendar feeds find what the plan format does not name.
  public struct ExportSettings: Sendable, Equatable {
    /// The key path (`.`-separated) of each plan's CRM record id in its frontmatter, e.g.
    /// `x-crm_opportunity` or `x-acme.salesforce_id`.
    public var crmID: [String]?
    /// The URL the buyer snapshots are published under; a calendar event links to
    /// `<snapshot_url>/<snapshot file>`.
    public var snapshotURL: String?
    /// The calendar name subscribers see (default: the seller's name and "deal plans").
    public var calendarName: String?
    public init() {}
  }
  /// Email domains of the buyers' people (`report.buyer_domains`), lowercased: a commit by an
  /// author at one of them is buyer activity on the plans it touches.
  public var buyerDomains: [String] = []

  /// The seller's branding for HTML snapshots.
  public struct RenderSettings: Sendable, Equatable {
    /// The largest logo or CSS file mapc embeds (1 MB): every snapshot carries it, and a
    /// snapshot is mailed.
    public static let maximumFileSize = 1024 * 1024

    public var seller: String?
    /// The logo file, checked to exist and to be an image type a browser shows inline.
    public var logo: String?
    public var accent: String?
    /// A CSS file appended to the built-in styles.
    public var css: String?
    public init() {}

    /// The `data:` media type for a logo file, by extension.
    public static func logoMediaType(_ path: String) -> String? {
      let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
      switch ext {
      case "png": return "image/png"
      case "jpg", "jpeg": return "image/jpeg"
      case "gif": return "image/gif"
      case "webp": return "image/webp"
      case "svg": return "image/svg+xml"
      default: return nil
      }
    }
  }

  public init(root: String) {
    self.root = root
    repositoryRoot = root
  }

  /// Whether a file is one of the repository's plans: its path relative to ``root`` matches a
  /// `plans` glob and no `exclude` glob, and it is not a template (`*.map-template.md`, which
  /// a broad glob such as `**/*.md` would match).
  public func includesPlan(atRelativePath relativePath: String) -> Bool {
    !PlanFiles.isTemplate(relativePath) && plans.contains { $0.matches(relativePath) }
      && !exclude.contains { $0.matches(relativePath) }
  }

  /// Whether a file is one of the repository's templates: its path relative to ``root`` ends
  /// in `.map-template.md`, matches a `templates` glob and no `exclude` glob.
  public func includesTemplate(atRelativePath relativePath: String) -> Bool {
    relativePath.hasSuffix(PlanFiles.templateSuffix) && templates.contains { $0.matches(relativePath) }
      && !exclude.contains { $0.matches(relativePath) }
  }

  /// ``includesPlan(atRelativePath:)`` for a path relative to a git repository's work tree.
  public func includesPlan(repositoryPath path: String, repositoryRoot: String) -> Bool {
    includesPlan(atRelativePath: Paths.relative(Paths.join(repositoryRoot, path), to: root) ?? path)
  }

  /// The configuration file's text, for source snippets in errors found after loading.
  public var sourceText: String?

  /// Finds `mapc.yml` in `directory` or its parents up to the repository root (the folder that
  /// holds `.git`; outside git, in `directory` only) and loads it; without one, the defaults
  /// apply with `directory` as the root. A `mapc.yml` in a folder above the repository (a
  /// shared `/tmp`) belongs to someone else and is never read.
  public static func discover(from directory: String, schemas: SchemaCatalog) throws(ConfigurationError) -> Configuration {
    let boundary = RepositoryBoundary.around(directory)
    var dir = Paths.absolute(directory)
    while true {
      let candidate = Paths.join(dir, fileName)
      if Paths.isFile(candidate) { return try load(file: candidate, schemas: schemas) }
      guard dir != boundary.root, let parent = Paths.parent(dir) else { break }
      dir = parent
    }
    var config = Configuration(root: Paths.normalize(directory))
    config.repositoryRoot = boundary.root
    return config
  }

  /// Loads and validates the configuration file at `file`.
  public static func load(
    file: String, displayPath: String? = nil, schemas: SchemaCatalog
  ) throws(ConfigurationError) -> Configuration {
    let shown = displayPath ?? Paths.display(file)
    let read = PlanReader.readText(path: file)
    let text: String
    switch read {
    case .failure(let problem):
      throw ConfigurationError(path: shown, position: problem.position, message: problem.message, help: problem.help)
    case .success(let t):
      text = t
    }
    let loaded = YAMLLoader.load(text, firstLine: 1)
    if let d = loaded.diagnostics.first {
      throw ConfigurationError(path: shown, position: d.position, message: d.message, help: d.help, sourceText: text)
    }
    var value = loaded.value ?? .null
    if value == .null { value = .object(JSONObject()) }
    let problems = SchemaDiagnostics.diagnostics(
      for: schemas.config.validate(value).errors, in: value, yaml: text, firstLine: 1, documents: schemas.documents)
    if let first = problems.first {
      throw ConfigurationError(
        path: shown, position: first.position, message: first.message, help: first.help, sourceText: text,
        more: Array(problems.dropFirst()))
    }
    var config = Configuration(root: Paths.parent(Paths.absolute(file)) ?? ".")
    config.repositoryRoot = RepositoryBoundary.around(config.root).root
    config.file = file
    config.sourceText = text
    guard case .object(let o) = value else { return config }
    let map = YAMLSourceMap(yaml: text, firstLine: 1)
    func fail(_ pointer: JSONPointer, _ message: String, help: String? = nil) -> ConfigurationError {
      ConfigurationError(path: shown, position: map.entry(for: pointer)?.value, message: message, help: help, sourceText: text)
    }
    if let plans = o["plans"]?.arrayValue { config.plans = plans.compactMap(\.stringValue).map(Glob.init) }
    if let globs = o["templates"]?.arrayValue { config.templates = globs.compactMap(\.stringValue).map(Glob.init) }
    if let ex = o["exclude"]?.arrayValue { config.exclude = ex.compactMap(\.stringValue).map(Glob.init) }
    config.today = o["today"]?.stringValue
    if let rules = o["rules"]?.objectValue {
      config.rules = parseRules(rules, at: JSONPointer(["rules"]), map: map)
    }
    if let overrides = o["overrides"]?.arrayValue {
      for (i, item) in overrides.enumerated() {
        let paths = item["paths"]?.arrayValue?.compactMap(\.stringValue).map(Glob.init) ?? []
        let rules = parseRules(
          item["rules"]?.objectValue ?? JSONObject(), at: JSONPointer(["overrides", String(i), "rules"]), map: map)
        config.overrides.append(Override(paths: paths, rules: rules))
      }
    }
    // The file a key names, checked to be a regular file inside the repository (and at most
    // `limit` bytes) before anything reads it.
    func containedFile(_ value: String, at pointer: JSONPointer, limit: Int? = nil) throws(ConfigurationError) -> String {
      let key = pointer.tokens.joined(separator: ".")
      let path = Paths.join(config.root, value)
      let help = "give a path relative to \(Configuration.fileName), inside the repository"
      if let refusal = RepositoryBoundary(root: config.repositoryRoot, isGitWorkTree: true).refusal(for: path) {
        throw fail(pointer, "`\(key)` names \(value), which \(refusal)", help: help)
      }
      // Git's own files (credentials in `.git/config`) and plans (their internal content) are
      // never branding or a schema: what these keys name is embedded in or shapes buyer pages.
      let inRepository = Paths.relative(path, to: config.repositoryRoot) ?? path
      if inRepository.split(separator: "/").contains(".git") {
        throw fail(pointer, "`\(key)` names \(value), which is inside .git; mapc never reads git's own files", help: help)
      }
      if path.hasSuffix(".map.md") || config.includesPlan(atRelativePath: Paths.relative(path, to: config.root) ?? path) {
        throw fail(pointer, "`\(key)` names \(value), which is a plan; a plan's internal content must not reach a page", help: help)
      }
      switch RepositoryBoundary.regularFile(path, limit: limit) {
      case .regular: return path
      case .missing:
        let name = pointer.tokens.last == "extend" ? "extension schema" : (pointer.tokens.last ?? "")
        throw fail(pointer, "\(name) file not found: \(value)", help: help)
      case .refused(let problem): throw fail(pointer, "`\(key)` names \(value), which \(problem)", help: help)
      }
    }
    if let ext = o["schema"]?["extend"]?.stringValue {
      config.extensionSchema = try containedFile(ext, at: JSONPointer(["schema", "extend"]))
    }
    if let days = o["slip"]?["stale_after_days"]?.numberValue {
      let checked = try wholeDays(days, 1...maximumDays, at: JSONPointer(["slip", "stale_after_days"]), fail: fail)
      config.staleAfterDays = checked
      config.thresholds.staleAfterDays = checked
    }
    if let render = o["render"] {
      config.render.seller = render["seller"]?.stringValue
      config.render.accent = render["accent"]?.stringValue
      for key in ["logo", "css"] {
        guard let relative = render[key]?.stringValue else { continue }
        let path = try containedFile(relative, at: JSONPointer(["render", key]), limit: RenderSettings.maximumFileSize)
        if key == "logo" {
          guard RenderSettings.logoMediaType(path) != nil else {
            throw fail(JSONPointer(["render", key]), "the logo must be a .png, .jpg, .gif, .webp or .svg file", help: nil)
          }
          config.render.logo = path
        } else {
          guard path.lowercased().hasSuffix(".css") else {
            throw fail(JSONPointer(["render", key]), "the stylesheet must be a .css file", help: nil)
          }
          config.render.css = path
        }
      }
    }
    if let share = o["thresholds"]?["buyer_share"]?.numberValue {
      // The schema's bounds let NaN through (every comparison with it is false).
      guard share.isFinite, (0...1).contains(share) else {
        throw fail(JSONPointer(["thresholds", "buyer_share"]), "buyer_share must be a number from 0 to 1", help: "write a share such as 0.3")
      }
      config.thresholds.buyerShare = share
    }
    if let days = o["thresholds"]?["placeholder_due_days"]?.numberValue {
      config.thresholds.placeholderDueDays = try wholeDays(
        days, 0...maximumDays, at: JSONPointer(["thresholds", "placeholder_due_days"]), fail: fail)
    }
    config.calendar = CalendarSettings(o["calendar"])
    if let export = o["export"] {
      config.export.crmID = export["crm_id"]?.stringValue.map { $0.split(separator: ".", omittingEmptySubsequences: false).map(String.init) }
      config.export.snapshotURL = export["snapshot_url"]?.stringValue
      config.export.calendarName = export["calendar_name"]?.stringValue
    }
    config.buyerDomains = (o["report"]?["buyer_domains"]?.arrayValue ?? []).compactMap { $0.stringValue?.lowercased() }
    return config
  }

  /// The most days a threshold may name (a century): a larger number means nothing more,
  /// and would overflow the date arithmetic it feeds.
  public static let maximumDays = 36_500

  /// A whole number of days within `range`, else a configuration error at the value. The
  /// schema checks this too; this guard keeps the conversion to `Int` from trapping whatever
  /// the schema says.
  private static func wholeDays(
    _ value: Double, _ range: ClosedRange<Int>, at pointer: JSONPointer,
    fail: (JSONPointer, String, String?) -> ConfigurationError
  ) throws(ConfigurationError) -> Int {
    guard value.isFinite, value.rounded(.towardZero) == value, Double(range.lowerBound) <= value,
      value <= Double(range.upperBound)
    else {
      throw fail(pointer, "\(pointer.tokens.last ?? "") must be a whole number of days from \(range.lowerBound) to \(range.upperBound)", nil)
    }
    return Int(value)
  }

  private static func parseRules(_ rules: JSONObject, at pointer: JSONPointer, map: YAMLSourceMap) -> [RuleSetting] {
    var out: [RuleSetting] = []
    for (key, value) in rules {
      let setting: Setting
      switch value.stringValue {
      case "off": setting = .off
      case let s?:
        guard let severity = Severity(rawValue: s) else { continue }
        setting = .severity(severity)
      case nil: continue
      }
      out.append(RuleSetting(name: key, setting: setting, position: map.entry(for: pointer.appending(key))?.value))
    }
    return out
  }
}

/// A configuration that cannot be used: mapc stops with exit code 2.
public struct ConfigurationError: Error, Sendable {
  public var path: String
  public var position: SourcePosition?
  public var message: String
  public var help: String?
  /// The configuration file's text, for a source snippet.
  public var sourceText: String?
  /// Further problems found in the same file.
  public var more: [SchemaDiagnostic] = []

  public init(
    path: String, position: SourcePosition? = nil, message: String, help: String? = nil, sourceText: String? = nil,
    more: [SchemaDiagnostic] = []
  ) {
    self.path = path
    self.position = position
    self.message = message
    self.help = help
    self.sourceText = sourceText
    self.more = more
  }
}
