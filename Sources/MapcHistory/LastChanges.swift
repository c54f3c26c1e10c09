import MapcGit

/// The last commit on HEAD's first-parent history that touched each of some files: what the
/// stale-plan rule needs, without reading the files' history in full.
public enum LastChanges {
  /// Walks back from HEAD until every path is found (or the history ends). Paths are relative
  /// to the repository root. A shallow clone or an empty repository gives an empty answer:
  /// lint then simply cannot tell staleness.
  public static func find(_ paths: Set<String>, in repository: Repository) throws(GitError) -> [String: Revision] {
    guard !paths.isEmpty, try !repository.isShallow, try !repository.isEmpty else { return [:] }
    var found: [String: Revision] = [:]
    var info = try repository.commit(try repository.resolveCommit("HEAD"))
    while true {
      let parent = try info.parentIDs.first.map { (p) throws(GitError) in try repository.commit(p) }
      let changed = try repository.changes(
        fromTree: parent?.treeID, toTree: info.treeID, pathFilter: { paths.contains($0) && found[$0] == nil })
      if !changed.isEmpty {
        let revision = try HistoryReader.revision(info)
        for change in changed where found[change.path] == nil { found[change.path] = revision }
        if found.count == paths.count { break }
      }
      guard let parent else { break }
      info = parent
    }
    return found
  }
}
