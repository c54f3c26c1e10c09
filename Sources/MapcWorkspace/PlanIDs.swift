import MapcModel

/// Plan ids are unique across the repository: a plan is followed by its `id` (across moves, in
/// history, slip, diff and render), so two files with one id would mix two deals' data. Lint
/// reports such files (MAP030); every command that reads plans by id refuses them.
public enum PlanIDs {
  /// A plan file's id and the path to name it by.
  public struct Entry: Sendable, Hashable {
    public var id: String
    public var path: String

    public init(id: String, path: String) {
      self.id = id
      self.path = path
    }
  }

  /// An id used by more than one file, with those files in path order.
  public struct Duplicate: Sendable, Hashable {
    public var id: String
    public var paths: [String]
  }

  /// The ids used by more than one file, in id order.
  public static func duplicates(_ entries: [Entry]) -> [Duplicate] {
    var byID: [String: [String]] = [:]
    for e in entries { byID[e.id, default: []].append(e.path) }
    return byID.filter { $0.value.count > 1 }.sorted { $0.key < $1.key }.map { Duplicate(id: $0.key, paths: $0.value.sorted()) }
  }

  /// Stops with the first id used by more than one file in `entries`.
  ///
  /// - Throws: ``UsageError`` naming the id and its files.
  public static func requireUnique(_ entries: [Entry]) throws(UsageError) {
    guard let first = duplicates(entries).first else { return }
    throw UsageError(
      "plan id `\(first.id)` is used by more than one file: \(list(first.paths)); mapc never merges two files' data",
      help: "give each plan its own `id` (`mapc lint` reports MAP030 at each)")
  }

  /// The entries of the plans in the working-tree files `files` whose id is one of `ids`, read
  /// on all cores; files that do not load as a plan with an id have none. A file is parsed only
  /// when its bytes hold one of the ids, or a backslash (a YAML escape could spell an id
  /// otherwise): checking one plan against a repository of thousands then costs a byte scan
  /// of each file, not a YAML parse.
  public static func entries(of files: [PlanFile], matching ids: Set<String>) -> [Entry] {
    let needles = ids.map { Array($0.utf8) }.filter { !$0.isEmpty }
    return files.concurrentMap { file -> Entry? in
      guard file.refusal == nil, case .success(let bytes) = FileBytes.read(path: file.path, limit: PlanReader.maximumFileSize)
      else { return nil }
      guard bytes.contains(UInt8(ascii: "\\")) || needles.contains(where: { contains(bytes, $0) }) else { return nil }
      guard let id = PlanDocument(bytes: bytes, milestoneDetails: false).plan?.id, ids.contains(id) else { return nil }
      return Entry(id: id, path: file.displayPath)
    }.compactMap { $0 }
  }

  /// Whether `needle` occurs in `haystack`: Knuth–Morris–Pratt, linear in both.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard needle.count <= haystack.count else { return false }
    var failure = [Int](repeating: 0, count: needle.count)
    var k = 0
    for i in 1..<max(1, needle.count) {
      while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
      if needle[i] == needle[k] { k += 1 }
      failure[i] = k
    }
    var matched = 0
    for byte in haystack {
      while matched > 0 && byte != needle[matched] { matched = failure[matched - 1] }
      if byte == needle[matched] { matched += 1 }
      if matched == needle.count { return true }
    }
    return false
  }

  /// Paths for a message: at most `limit` named, then how many more.
  public static func list(_ paths: [String], limit: Int = 5) -> String {
    let named = paths.prefix(limit)
    var text = named.dropLast().joined(separator: ", ")
    if paths.count > limit {
      text += (text.isEmpty ? "" : ", ") + (named.last ?? "") + " and \(paths.count - limit) more"
    } else if let last = named.last {
      text += (text.isEmpty ? "" : " and ") + last
    }
    return text
  }
}
