/// A plan file a command reads: where to read it, how to show it, and its path relative to
/// the configuration root (for per-path settings).
public struct PlanFile: Sendable, Hashable {
  /// The absolute path.
  public var path: String
  /// The path as reports show it: relative to the working directory where possible.
  public var displayPath: String
  /// The path relative to the configuration root, which `plans`, `exclude` and `overrides` match.
  public var relativePath: String
  /// Why the file must not be read (it lies outside the repository), for a finding; nil when
  /// it may be read.
  public var refusal: String?

  public init(path: String, displayPath: String, relativePath: String, refusal: String? = nil) {
    self.path = path
    self.displayPath = displayPath
    self.relativePath = relativePath
    self.refusal = refusal
  }
}

/// Works out which plan files a command reads.
public enum PlanFiles {
  /// How a plan template's file name ends: a template is recognised by its name.
  public static let templateSuffix = ".map-template.md"

  /// Whether the file at `path` is a plan template (by its name).
  public static func isTemplate(_ path: String) -> Bool { path.hasSuffix(templateSuffix) }

  /// The templates of the repository: the files under the configuration root that match its
  /// `templates` globs, in path order (the same walk as the plans'). Empty when there are none.
  public static func templates(configuration: Configuration) -> [PlanFile] {
    Paths.filesBelow(configuration.root).filter { configuration.includesTemplate(atRelativePath: $0) }.map { rel in
      let absolute = Paths.join(configuration.root, rel)
      return PlanFile(path: absolute, displayPath: Paths.display(absolute), relativePath: rel)
    }
  }

  /// With no paths: the plans of the repository (the configuration's globs under its root).
  /// A directory recurses to every `*.map.md` file below it; a file is linted as given. With a
  /// `boundary` (the repository root), a path given that resolves outside it is returned with
  /// a ``PlanFile/refusal`` and not read, nor listed when it is a directory. With
  /// `includingTemplates` (`mapc lint`), the repository's templates come too (its `templates`
  /// globs), and a directory also yields its `*.map-template.md` files.
  public static func resolve(
    _ paths: [String], configuration: Configuration, boundary: String? = nil, includingTemplates: Bool = false
  ) throws(UsageError) -> [PlanFile] {
    var out: [PlanFile] = []
    var seen = Set<String>()
    func add(_ absolute: String, refusal: String? = nil) {
      guard seen.insert(absolute).inserted else { return }
      out.append(
        PlanFile(
          path: absolute, displayPath: Paths.display(absolute),
          relativePath: Paths.relative(absolute, to: configuration.root) ?? absolute, refusal: refusal))
    }
    let limits = boundary.map { RepositoryBoundary(root: $0, isGitWorkTree: true) }
    if paths.isEmpty {
      for rel in Paths.filesBelow(configuration.root)
      where configuration.includesPlan(atRelativePath: rel)
        || (includingTemplates && configuration.includesTemplate(atRelativePath: rel))
      {
        add(Paths.join(configuration.root, rel))
      }
      if out.isEmpty {
        throw UsageError(
          "no plan files found under \(Paths.display(configuration.root)) (looked for \(configuration.plans.map(\.pattern).joined(separator: ", ")))",
          help: "name plans `*.map.md`, or set `plans:` in \(Configuration.fileName)")
      }
      return out
    }
    for p in paths {
      let absolute = Paths.absolute(p)
      let kind = Paths.kind(absolute)
      if kind != .missing, let limits, let refusal = limits.refusal(for: absolute, resolvingLast: kind == .directory) {
        add(absolute, refusal: refusal)
        continue
      }
      switch kind {
      case .file:
        add(absolute)
      case .directory:
        let found = Paths.filesBelow(absolute).filter { $0.hasSuffix(".map.md") || (includingTemplates && isTemplate($0)) }
        if found.isEmpty {
          throw UsageError("no plan files (`*.map.md`) found in directory \(p)")
        }
        for rel in found { add(Paths.join(absolute, rel)) }
      case .other:
        add(absolute)  // reading it reports what it is
      case .missing:
        throw UsageError("no such file or directory: \(p)")
      }
    }
    return out
  }
}
