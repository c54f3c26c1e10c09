import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that a reader never sees half of one.
public enum AtomicFile {
  /// Writes a temporary file beside `path` and renames it over `path`, creating the folder
  /// when needed. A file replaced keeps its permission bits (a plan readable only by its owner
  /// stays so after `mapc schedule --write`).
  public static func write(_ contents: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temp = folder.appendingPathComponent(".\(url.lastPathComponent).mapc-\(UUID().uuidString)")
    try Data(contents.utf8).write(to: temp)
    var existing = stat()
    if lstat(url.path, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG {
      _ = chmod(temp.path, existing.st_mode & 0o777)
    }
    if rename(temp.path, url.path) != 0 {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temp)
      throw UsageError("cannot write \(path): \(message)")
    }
  }
}
