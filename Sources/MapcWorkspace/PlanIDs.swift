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

  /// The entries of the plans in the working-tree files `files`, read on all cores; files that
  /// do not load as a plan with an id have none.
  public static func entries(of files: [PlanFile]) -> [Entry] {
    files.concurrentMap { file -> Entry? in
      guard file.refusal == nil, let id = PlanDocument.read(path: file.path, milestoneDetails: false).plan?.id else { return nil }
      return Entry(id: id, path: file.displayPath)
    }.compactMap { $0 }
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
