/// A plan file a command reads: where to read it, how to show it, and its path relative to
/// the configuration root (for per-path settings).
public struct PlanFile: Sendable, Hashable {
  /// The absolute path.
  public var path: String
  /// The path as reports show it: relative to the working directory where possible.
  public var displayPath: String
  /// The path relative to the configuration root, which `plans`, `exclude` and `overrides` match.
  public var relativePath: String

  public init(path: String, displayPath: String, relativePath: String) {
    self.path = path
    self.displayPath = displayPath
    self.relativePath = relativePath
  }
}

/// Works out which plan files a command reads.
public enum PlanFiles {
  /// With no paths: the plans of the repository (the configuration's globs under its root).
  /// A directory recurses to every `*.map.md` file below it; a file is linted as given.
  public static func resolve(_ paths: [String], configuration: Configuration) throws(UsageError) -> [PlanFile] {
    var out: [PlanFile] = []
    var seen = Set<String>()
    func add(_ absolute: String) {
      guard seen.insert(absolute).inserted else { return }
      out.append(
        PlanFile(
          path: absolute, displayPath: Paths.display(absolute),
          relativePath: Paths.relative(absolute, to: configuration.root) ?? absolute))
    }
    if paths.isEmpty {
      for rel in Paths.filesBelow(configuration.root)
      where configuration.includesPlan(atRelativePath: rel)
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
      switch Paths.kind(absolute) {
      case .file:
        add(absolute)
      case .directory:
        let found = Paths.filesBelow(absolute).filter { $0.hasSuffix(".map.md") }
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
