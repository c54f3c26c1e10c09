#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Path handling with POSIX calls: joining, normalising, listing, and the display form
/// (relative to the working directory) used in every report.
public enum Paths {
  public static func currentDirectory() -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return "." }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  public static func join(_ a: String, _ b: String) -> String {
    if b.hasPrefix("/") { return normalize(b) }
    if a.isEmpty || a == "." { return normalize(b) }
    return normalize(a + "/" + b)
  }

  public static func absolute(_ path: String) -> String {
    path.hasPrefix("/") ? normalize(path) : join(currentDirectory(), path)
  }

  /// Removes `.` segments, resolves `..` lexically, and drops repeated and trailing slashes.
  public static func normalize(_ path: String) -> String {
    let isAbsolute = path.hasPrefix("/")
    var out: [Substring] = []
    for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
      if seg == "." { continue }
      if seg == "..", let last = out.last, last != ".." {
        out.removeLast()
        continue
      }
      if seg == "..", isAbsolute { continue }
      out.append(seg)
    }
    let joined = out.joined(separator: "/")
    if isAbsolute { return "/" + joined }
    return joined.isEmpty ? "." : joined
  }

  public static func parent(_ path: String) -> String? {
    let p = normalize(path)
    if p == "/" || p == "." { return nil }
    guard let slash = p.lastIndex(of: "/") else { return "." }
    return slash == p.startIndex ? "/" : String(p[..<slash])
  }

  /// `path` relative to `base` when it lies below it, else nil.
  public static func relative(_ path: String, to base: String) -> String? {
    let p = absolute(path)
    let b = absolute(base)
    if p == b { return "." }
    let prefix = b == "/" ? "/" : b + "/"
    return p.hasPrefix(prefix) ? String(p.dropFirst(prefix.count)) : nil
  }

  /// The form shown in reports: relative to the working directory when below it.
  public static func display(_ path: String) -> String {
    if !path.hasPrefix("/") { return normalize(path) }
    return relative(path, to: currentDirectory()) ?? path
  }

  public enum Kind { case file, directory, other, missing }

  public static func kind(_ path: String) -> Kind {
    var info = stat()
    guard stat(path, &info) == 0 else { return .missing }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    default: return .other
    }
  }

  public static func isFile(_ path: String) -> Bool { kind(path) == .file }

  /// Every file below `directory` that is not a directory (regular files, and links, FIFOs and
  /// the like, which reading refuses with a message), as paths relative to it, sorted. Hidden
  /// directories (`.git`), build folders and `node_modules` are skipped; links to directories
  /// are not followed.
  public static func filesBelow(_ directory: String) -> [String] {
    var out: [String] = []
    walk(directory, prefix: "", into: &out, depth: 0)
    return out.sorted()
  }

  private static func walk(_ dir: String, prefix: String, into out: inout [String], depth: Int) {
    guard depth < 64, let handle = opendir(dir) else { return }
    defer { closedir(handle) }
    var entries: [(String, UInt8)] = []
    while let entry = readdir(handle) {
      let name = withUnsafePointer(to: entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      entries.append((name, entry.pointee.d_type))
    }
    for (name, type) in entries {
      let full = dir == "/" ? "/" + name : dir + "/" + name
      let rel = prefix.isEmpty ? name : prefix + "/" + name
      var isDir = type == UInt8(DT_DIR)
      if type == UInt8(DT_UNKNOWN) {
        var info = stat()
        isDir = lstat(full, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
      }
      if isDir {
        if name.hasPrefix(".") || name == "node_modules" { continue }
        walk(full, prefix: rel, into: &out, depth: depth + 1)
      } else {
        // A FIFO, socket, device or link that a plan glob matches is listed too: reading it
        // then says what it is, where leaving it out would lose a plan without a word. A link
        // to a directory is not followed.
        out.append(rel)
      }
    }
  }
}
