import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that a reader never sees half of one, and only over what mapc may replace.
public enum AtomicFile {
  /// Who may read a file mapc creates: ``shared`` follows the umask (0644 with the usual 022);
  /// ``private`` is for the owner alone (0600), for internal-audience output.
  public enum Permissions: Sendable, Hashable {
    case shared, `private`

    var mode: mode_t { self == .shared ? 0o666 : 0o600 }
  }

  /// Writes `contents` to a new temporary file beside `path` (created exclusively, flushed to
  /// disk), then renames it over `path`, creating the folder when needed. Only a regular file
  /// (or nothing) is replaced: a symbolic link, FIFO, device, socket or folder at `path` is
  /// refused and left as it is. An existing file keeps its permission bits; a new one gets
  /// `permissions`, within the umask.
  ///
  /// - Throws: ``UsageError`` naming the path and the reason.
  public static func write(_ contents: String, to path: String, permissions: Permissions = .shared) throws(UsageError) {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      throw UsageError("cannot create the folder \(folder.path): \(error.localizedDescription)")
    }
    let existingMode = try replaceableMode(path)

    let temp = folder.appendingPathComponent(".\(url.lastPathComponent).mapc-\(UUID().uuidString)").path
    // O_EXCL with O_NOFOLLOW: the name is new, and nothing put there in the meantime (a link
    // to elsewhere) is written through. A new file's mode goes through the umask here.
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, existingMode ?? permissions.mode)
    guard fd >= 0 else { throw UsageError("cannot write \(path): \(errnoText())") }
    var failure: String?
    let bytes = Array(contents.utf8)
    var written = 0
    while written < bytes.count {
      let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + written }, bytes.count - written) }
      if n < 0 {
        if errno == EINTR { continue }
        failure = errnoText()
        break
      }
      written += n
    }
    // The existing file's mode exactly, whatever the umask took from it.
    if failure == nil, let existingMode, fchmod(fd, existingMode) != 0 { failure = errnoText() }
    if failure == nil, fsync(fd) != 0 { failure = errnoText() }
    if close(fd) != 0, failure == nil { failure = errnoText() }
    if failure == nil, rename(temp, path) != 0 { failure = errnoText() }
    if let failure {
      unlink(temp)
      throw UsageError("cannot write \(path): \(failure)")
    }
    // The rename itself is durable once the folder is flushed.
    let dir = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if dir >= 0 {
      _ = fsync(dir)
      close(dir)
    }
  }

  /// Checks that ``write(_:to:permissions:)`` may replace `path`, before anything is written:
  /// a command that writes several files checks them all first.
  ///
  /// - Throws: ``UsageError`` when something other than a regular file is there.
  public static func checkReplaceable(_ path: String) throws(UsageError) {
    _ = try replaceableMode(path)
  }

  /// The permission bits of the regular file at `path`, nil when there is none.
  private static func replaceableMode(_ path: String) throws(UsageError) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else {
      if errno == ENOENT { return nil }
      throw UsageError("cannot write \(path): \(errnoText())")
    }
    if let kind = refusedKind(info.st_mode) {
      throw UsageError(
        "cannot write \(path): it is \(kind); mapc replaces only regular files",
        help: "name a regular file or a new one, or write to standard output (`-o -`, or no `-o`)")
    }
    return info.st_mode & 0o777
  }

  /// What a file of `mode` is, when mapc must not replace it.
  static func refusedKind(_ mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: return nil
    case S_IFLNK: return "a symbolic link"
    case S_IFIFO: return "a FIFO"
    case S_IFCHR, S_IFBLK: return "a device"
    case S_IFSOCK: return "a socket"
    case S_IFDIR: return "a folder"
    default: return "not a regular file"
    }
  }

  private static func errnoText(_ code: Int32 = errno) -> String {
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s)
  }
}
