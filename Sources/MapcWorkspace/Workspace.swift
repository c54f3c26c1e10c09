import MapcModel

/// The repository a command works in: its configuration (`mapc.yml`), the schemas plans are
/// checked against, and the date "today" is. Every command that reads plans opens one.
public struct Workspace: Sendable {
  /// The working directory the command runs in, absolute.
  public var directory: String
  public var configuration: Configuration
  /// The carried schemas, with the team's extension schema when `mapc.yml` names one.
  public var schemas: SchemaCatalog
  /// The date time-dependent rules and reports compare against.
  public var today: CalendarDate
  /// The folder plans are read from: the git work tree around ``directory``, or outside git
  /// the configuration's root. A plan given on the command line outside it is refused.
  public var repositoryRoot: String

  public init(
    directory: String, configuration: Configuration, schemas: SchemaCatalog, today: CalendarDate, repositoryRoot: String? = nil
  ) {
    self.directory = directory
    self.configuration = configuration
    self.schemas = schemas
    self.today = today
    if let repositoryRoot {
      self.repositoryRoot = repositoryRoot
    } else {
      let boundary = RepositoryBoundary.around(directory)
      self.repositoryRoot = boundary.isGitWorkTree ? boundary.root : configuration.root
    }
  }

  /// Opens the workspace around `directory`: `configFile` or the `mapc.yml` found from
  /// `directory` upward to the repository root, its extension schema, and today (`today`, else `today` in mapc.yml,
  /// else `SOURCE_DATE_EPOCH` in `environment`, else the system clock in UTC).
  ///
  /// - Throws: ``ConfigurationError`` for a configuration or extension schema that cannot be
  ///   used, ``UsageError`` for a configuration file that does not exist or a bad
  ///   `SOURCE_DATE_EPOCH`.
  public static func open(
    directory: String, configFile: String? = nil, today: CalendarDate? = nil, environment: [String: String]
  ) throws -> Workspace {
    var schemas = try SchemaCatalog()
    let configuration: Configuration
    if let configFile {
      guard Paths.isFile(configFile) else { throw UsageError("configuration file not found: \(configFile)") }
      configuration = try Configuration.load(file: Paths.absolute(configFile), schemas: schemas)
    } else {
      configuration = try Configuration.discover(from: directory, schemas: schemas)
    }
    if let ext = configuration.extensionSchema {
      try schemas.loadExtension(path: ext, displayPath: Paths.display(ext))
    }
    let date = try Today.resolve(flag: today, configuration: configuration, environment: environment)
    return Workspace(directory: Paths.normalize(directory), configuration: configuration, schemas: schemas, today: date)
  }

  /// The plan files `paths` name (files, or directories searched for `*.map.md`), or with no
  /// paths every plan of the repository. A path outside ``repositoryRoot`` comes with its
  /// ``PlanFile/refusal``: read it not.
  public func planFiles(_ paths: [String] = [], includingTemplates: Bool = false) throws(UsageError) -> [PlanFile] {
    try PlanFiles.resolve(paths, configuration: configuration, boundary: repositoryRoot, includingTemplates: includingTemplates)
  }
}
