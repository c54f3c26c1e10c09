#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads whole files with plain POSIX calls: no Foundation on the hot path of a lint run.
public enum FileBytes {
  public enum Failure: Error, Sendable, Equatable {
    case tooLarge(size: Int)
    case system(String)
  }

  /// Reads the file at `path`, refusing files larger than `limit` bytes before reading them.
  public static func read(path: String, limit: Int) -> Swift.Result<[UInt8], Failure> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(.system(errnoText())) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.system(errnoText())) }
    if (info.st_mode & S_IFMT) == S_IFDIR { return .failure(.system("is a directory")) }
    let size = Int(info.st_size)
    if size > limit { return .failure(.tooLarge(size: size)) }
    var bytes = [UInt8](repeating: 0, count: size)
    var filled = 0
    while true {
      if filled == bytes.count {
        // The file may have grown since fstat; read on, still within the limit.
        if bytes.count >= limit + 1 { return .failure(.tooLarge(size: bytes.count)) }
        bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, min(bytes.count, limit + 1 - bytes.count))))
      }
      let n = bytes.withUnsafeMutableBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return Glibc.read(fd, base + filled, buffer.count - filled)
      }
      if n < 0 {
        if errno == EINTR { continue }
        return .failure(.system(errnoText()))
      }
      if n == 0 { break }
      filled += n
    }
    bytes.removeSubrange(filled...)
    if filled > limit { return .failure(.tooLarge(size: filled)) }
    return .success(bytes)
  }

  static func errnoText() -> String {
    guard let s = strerror(errno) else { return "error \(errno)" }
    return String(cString: s).lowercased()
  }
}
