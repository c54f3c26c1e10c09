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
    /// A FIFO, device, socket or symbolic link: mapc reads only regular files. The text says
    /// which (`not a regular file (a FIFO)`, `is a symbolic link`).
    case notRegularFile(String)
  }

  /// Reads the regular file at `path`, refusing files larger than `limit` bytes before
  /// reading them. Anything else is refused without reading a byte of it: a symbolic link
  /// (which could point out of the repository, at `/etc/passwd`), a FIFO or a device (which
  /// could block or never end), a directory.
  public static func read(path: String, limit: Int) -> Swift.Result<[UInt8], Failure> {
    // O_NOFOLLOW: a symbolic link in the last component fails with ELOOP instead of being
    // followed. O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting.
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard fd >= 0 else {
      let code = errno
      var link = stat()
      if code == ELOOP, lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK {
        return .failure(.notRegularFile("is a symbolic link; mapc reads only regular files inside the repository"))
      }
      return .failure(.system(errnoText(code)))
    }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.system(errnoText())) }
    switch info.st_mode & S_IFMT {
    case S_IFREG: break
    case S_IFDIR: return .failure(.system("is a directory"))
    case S_IFIFO: return .failure(.notRegularFile("not a regular file (a FIFO); mapc reads only regular files"))
    case S_IFCHR, S_IFBLK: return .failure(.notRegularFile("not a regular file (a device); mapc reads only regular files"))
    case S_IFSOCK: return .failure(.notRegularFile("not a regular file (a socket); mapc reads only regular files"))
    default: return .failure(.notRegularFile("not a regular file; mapc reads only regular files"))
    }
    // A regular file never blocks; reads stay as they were.
    let flags = fcntl(fd, F_GETFL)
    if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
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

  static func errnoText(_ code: Int32 = errno) -> String {
    guard let s = strerror(code) else { return "error \(code)" }
    return String(cString: s).lowercased()
  }
}
