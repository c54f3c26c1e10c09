#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a set of files (the scaffold of `mapc init`) as one change: every file goes to a
/// temporary file beside its target first, and only when all of them are written are they
/// renamed into place. A failure before that removes the temporaries and the folders it made,
/// so the folder is left as it was; the error names the file that failed.
public enum ScaffoldWriter {
  /// What stands in the way of writing the files, found before anything is written.
  public struct Obstacles: Sendable, Equatable {
    /// Targets that are regular files already (replaced with `--force`).
    public var existing: [String] = []
    /// Targets that are symbolic links, dangling or not (the link is replaced with `--force`).
    public var symlinks: [String] = []
    /// Folders on the way to a target that are symbolic links: the files would land wherever
    /// they point (written through with `--force`).
    public var symlinkedFolders: [String] = []
    /// Targets that are folders or special files: never replaced.
    public var notFiles: [String] = []

    public init() {}

    /// True when nothing stands in the way.
    public var isEmpty: Bool { existing.isEmpty && symlinks.isEmpty && symlinkedFolders.isEmpty && notFiles.isEmpty }
  }

  /// A file that could not be written, and why. Nothing of the set was left behind.
  public struct WriteError: Error, Sendable, Equatable {
    /// The target, relative to the root.
    public var path: String
    public var reason: String
  }

  /// What is at a path, without following a symbolic link there.
  enum Entry: Equatable { case missing, file, directory, symlink, other }

  static func entry(_ path: String) -> Entry {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
  }

  /// Looks at each target (`paths`, relative to `root`) and at the folders between `root` and
  /// it. `root` itself is the user's choice and may be a link.
  public static func obstacles(root: String, paths: [String]) -> Obstacles {
    var found = Obstacles()
    for path in paths {
      let segments = path.split(separator: "/").map(String.init)
      var folder = root
      var relative = ""
      for segment in segments.dropLast() {
        folder = Paths.join(folder, segment)
        relative = relative.isEmpty ? segment : relative + "/" + segment
        let kind = entry(folder)
        if kind == .symlink, !found.symlinkedFolders.contains(relative) { found.symlinkedFolders.append(relative) }
        if kind == .missing { break }
      }
      switch entry(Paths.join(root, path)) {
      case .missing: break
      case .file: found.existing.append(path)
      case .symlink: found.symlinks.append(path)
      case .directory, .other: found.notFiles.append(path)
      }
    }
    return found
  }

  /// Writes `files` (paths relative to `root`, created with the folders they need) all or
  /// nothing, and returns for each whether it replaced an existing entry. A target that is a
  /// symbolic link is replaced by the file, not written through.
  public static func write(root: String, files: [(path: String, contents: String)]) throws(WriteError) -> [Bool] {
    var createdFolders: [String] = []
    var temporaries: [String] = []
    func undo() {
      for temp in temporaries { unlink(temp) }
      // Innermost first; a folder that something else filled meanwhile stays.
      for folder in createdFolders.reversed() { rmdir(folder) }
    }

    for (index, file) in files.enumerated() {
      let target = Paths.join(root, file.path)
      do throws(WriteError) {
        try makeFolders(for: file.path, root: root, created: &createdFolders)
        let temp = (Paths.parent(target) ?? ".") + "/." + (file.path.split(separator: "/").last.map(String.init) ?? "file")
          + ".mapc-init-\(getpid())-\(index)"
        try writeNew(temp, bytes: Array(file.contents.utf8), shown: file.path)
        temporaries.append(temp)
      } catch {
        undo()
        throw error
      }
    }

    var replaced: [Bool] = []
    for (index, file) in files.enumerated() {
      let target = Paths.join(root, file.path)
      let existed = entry(target) != .missing
      if rename(temporaries[index], target) != 0 {
        let reason = String(cString: strerror(errno))
        // Take back the files this run added; ones it replaced (--force) cannot be restored.
        for (done, was) in zip(files.prefix(index), replaced) where !was { unlink(Paths.join(root, done.path)) }
        let overwritten = zip(files.prefix(index), replaced).filter { $0.1 }.map(\.0.path)
        temporaries = Array(temporaries[index...])
        undo()
        let note = overwritten.isEmpty ? "" : " (already replaced: \(overwritten.joined(separator: ", ")))"
        throw WriteError(path: file.path, reason: reason + note)
      }
      replaced.append(existed)
    }
    return replaced
  }

  /// Creates the folders between `root` and `path`'s file, recording the ones it made.
  private static func makeFolders(for path: String, root: String, created: inout [String]) throws(WriteError) {
    // The root and the folders above it too, when `mapc init DIR` names a folder that does not
    // exist yet.
    var chain = [root]
    while let parent = Paths.parent(chain[0]), entry(chain[0]) == .missing { chain.insert(parent, at: 0) }
    var folder = root
    for segment in path.split(separator: "/").dropLast() {
      folder = Paths.join(folder, String(segment))
      chain.append(folder)
    }
    for folder in chain {
      if mkdir(folder, 0o755) == 0 {
        created.append(folder)
        continue
      }
      let error = errno
      if error == EEXIST, Paths.kind(folder) == .directory { continue }
      let reason = error == EEXIST ? "\(Paths.display(folder)) is not a folder" : String(cString: strerror(error))
      throw WriteError(path: path, reason: reason)
    }
  }

  /// Writes `bytes` to a new file at `path` (never an existing one), all of it, to disk.
  private static func writeNew(_ path: String, bytes: [UInt8], shown: String) throws(WriteError) {
    let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw WriteError(path: shown, reason: String(cString: strerror(errno))) }
    var rest = bytes[...]
    while !rest.isEmpty {
      let n = rest.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n < 0 {
        if errno == EINTR { continue }
        let reason = String(cString: strerror(errno))
        close(fd)
        unlink(path)
        throw WriteError(path: shown, reason: reason)
      }
      rest = rest.dropFirst(n)
    }
    let synced = fsync(fd) == 0
    let syncError = errno
    let closed = close(fd) == 0
    if !synced || !closed {
      let reason = String(cString: strerror(synced ? errno : syncError))
      unlink(path)
      throw WriteError(path: shown, reason: reason)
    }
  }
}
