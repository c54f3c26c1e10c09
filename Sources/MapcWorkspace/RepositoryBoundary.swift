import MapcModel

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The folder mapc reads from: the git work tree around a directory (the nearest folder,
/// upward, that holds `.git`, a folder or a worktree's file), or outside git the directory
/// itself. Configuration discovery stops at its root, and files named in `mapc.yml` or on the
/// command line are read only when they resolve inside it, so a `mapc.yml` in a shared parent
/// folder, a `../` path or a symbolic link never brings in a file from elsewhere.
public struct RepositoryBoundary: Sendable, Hashable {
  /// The root: absolute, lexically normalised.
  public var root: String
  /// Whether ``root`` holds `.git`; false outside git, where the root is the directory itself.
  public var isGitWorkTree: Bool

  public init(root: String, isGitWorkTree: Bool) {
    self.root = Paths.normalize(root)
    self.isGitWorkTree = isGitWorkTree
  }

  /// The boundary around `directory`.
  public static func around(_ directory: String) -> RepositoryBoundary {
    let start = Paths.absolute(directory)
    var dir = start
    while true {
      if isGitMarker(Paths.join(dir, ".git")) { return RepositoryBoundary(root: dir, isGitWorkTree: true) }
      guard let parent = Paths.parent(dir) else { break }
      dir = parent
    }
    return RepositoryBoundary(root: start, isGitWorkTree: false)
  }

  /// Whether `path` is what git takes for a repository: a `.git` folder holding `HEAD`, or a
  /// worktree's `.git` file whose `gitdir:` folder holds `HEAD`. An empty `.git` folder in a
  /// shared parent (`/tmp/.git`) is not one, so it cannot pull that folder's mapc.yml in.
  static func isGitMarker(_ path: String) -> Bool {
    var info = stat()
    guard lstat(path, &info) == 0 else { return false }
    switch info.st_mode & S_IFMT {
    case S_IFDIR:
      return regularFile(Paths.join(path, "HEAD"), limit: 4096) == .regular
    case S_IFREG:
      guard case .success(let bytes) = FileBytes.read(path: path, limit: 4096) else { return false }
      let text = String(decoding: bytes, as: UTF8.self)
      guard text.hasPrefix("gitdir: ") else { return false }
      let target = String(text.dropFirst(8).prefix { $0 != "\n" && $0 != "\r" })
      let folder = target.hasPrefix("/") ? target : Paths.join(Paths.parent(path) ?? ".", target)
      return regularFile(Paths.join(folder, "HEAD"), limit: 4096) == .regular
    default:
      return false
    }
  }

  /// Why the file at `path` may not be read, or nil when it lies inside ``root``. The path is
  /// checked as written (absolute, or `..` leading out) and as the system resolves it: a
  /// symbolic link among its folders that leads out of the root refuses it too. The last
  /// component is resolved only with `resolvingLast` (a folder to list): mapc opens files
  /// without following a link there.
  public func refusal(for path: String, resolvingLast: Bool = false) -> String? {
    let absolute = Paths.absolute(path)
    let outside = "is outside the repository (\(Paths.display(root))); mapc reads only files inside it"
    guard absolute != root, Paths.relative(absolute, to: root) != nil else {
      return absolute == root ? nil : outside
    }
    // A folder that does not exist holds nothing to read; the reader reports the missing file.
    guard let folder = resolvingLast ? absolute : Paths.parent(absolute), let realFolder = Self.resolve(folder) else {
      return nil
    }
    let realRoot = Self.resolve(root) ?? root
    if realFolder == realRoot || Paths.relative(realFolder, to: realRoot) != nil { return nil }
    return "leads outside the repository (\(Paths.display(root))) through a symbolic link; mapc reads only files inside it"
  }

  /// `path` with every symbolic link resolved, or nil when it does not exist.
  static func resolve(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}

extension RepositoryBoundary {
  /// What is at a path a file is to be read from.
  public enum FileCheck: Sendable, Hashable {
    case regular
    case missing
    /// Something mapc does not read, and why (`is a symbolic link; ...`).
    case refused(String)
  }

  /// Whether `path` itself (not what a link there points to) is a regular file of at most
  /// `limit` bytes, without opening it.
  public static func regularFile(_ path: String, limit: Int? = nil) -> FileCheck {
    var info = stat()
    guard lstat(path, &info) == 0 else { return errno == ENOENT || errno == ENOTDIR ? .missing : .refused("cannot be read") }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFLNK: return .refused("is a symbolic link; mapc reads only regular files inside the repository")
    case S_IFDIR: return .refused("is a folder, not a file")
    case S_IFIFO: return .refused("is not a regular file (a FIFO); mapc reads only regular files")
    case S_IFCHR, S_IFBLK: return .refused("is not a regular file (a device); mapc reads only regular files")
    default: return .refused("is not a regular file; mapc reads only regular files")
    }
    if let limit, Int(info.st_size) > limit {
      return .refused("is \(info.st_size) bytes, over the limit of \(Self.megabytes(limit))")
    }
    return .regular
  }

  /// `bytes` as a size for messages: "1 MB".
  static func megabytes(_ bytes: Int) -> String {
    bytes % (1024 * 1024) == 0 ? "\(bytes / (1024 * 1024)) MB" : "\(bytes) bytes"
  }
}
