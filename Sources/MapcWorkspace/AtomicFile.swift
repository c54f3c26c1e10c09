import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes files so that a reader never sees half of one.
public enum AtomicFile {
  /// Writes a temporary file beside `path` and renames it over `path`, creating the folder
  /// when needed.
  public static func write(_ contents: String, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent()
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let temp = folder.appendingPathComponent(".\(url.lastPathComponent).mapc-\(UUID().uuidString)")
    try Data(contents.utf8).write(to: temp)
    if rename(temp.path, url.path) != 0 {
      let message = String(cString: strerror(errno))
      try? FileManager.default.removeItem(at: temp)
      throw UsageError("cannot write \(path): \(message)")
    }
  }
}
