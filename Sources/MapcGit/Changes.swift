import CGit2
import Foundation

/// One file changed between two trees (or a tree and the working tree).
public struct FileChange: Sendable, Hashable {
  public enum Status: Sendable, Hashable {
    case added
    case modified
    case deleted
  }

  /// The path relative to the repository root, with `/` separators (the new path; for a deletion the old one).
  public var path: String
  /// The old path when it differs from `path` (never, while rename detection is off).
  public var oldPath: String?
  public var status: Status
  /// The new content's blob; nil for a deletion, and for a working-tree file git has not hashed.
  public var newBlob: ObjectID?
  /// The old content's blob; nil for an addition.
  public var oldBlob: ObjectID?

  public init(path: String, oldPath: String? = nil, status: Status, newBlob: ObjectID?, oldBlob: ObjectID?) {
    self.path = path
    self.oldPath = oldPath
    self.status = status
    self.newBlob = newBlob
    self.oldBlob = oldBlob
  }
}

extension Repository {
  /// The files changed from commit `from`'s tree (the empty tree when nil) to commit `to`'s tree,
  /// keeping paths that pass `pathFilter`. Renames appear as a deletion and an addition.
  public func changes(from: ObjectID?, to: ObjectID, pathFilter: (String) -> Bool) throws(GitError) -> [FileChange] {
    let new = try commit(to).treeID
    let old = try from.map { (id) throws(GitError) in try commit(id).treeID }
    return try changes(fromTree: old, toTree: new, pathFilter: pathFilter)
  }

  /// The files changed from tree `old` (the empty tree when nil) to tree `new`, in git's tree
  /// order. Subtrees with equal ids are skipped without being read; file contents are never read.
  public func changes(fromTree old: ObjectID?, toTree new: ObjectID, pathFilter: (String) -> Bool) throws(GitError)
    -> [FileChange]
  {
    if old == new { return [] }
    return try withoutActuallyEscaping(pathFilter) { (filter) throws(GitError) in
      var diff = TreeDiff(repository: self, pathFilter: filter)
      let newTree = (new, try diff.tree(new))
      let oldTree = try old.map { (id) throws(GitError) in (id, try diff.tree(id)) }
      diff.trees[new] = newTree.1
      if let oldTree { diff.trees[oldTree.0] = oldTree.1 }
      try diff.compare(oldTree, newTree, prefix: "")
      recentTrees = diff.trees
      return diff.changes
    }
  }

  /// The same comparison with libgit2's `git_diff_tree_to_tree` (rename detection off): slower,
  /// as it expands every entry of both trees; kept to check ``changes(fromTree:toTree:pathFilter:)``.
  public func libgit2Changes(fromTree old: ObjectID?, toTree new: ObjectID, pathFilter: (String) -> Bool)
    throws(GitError) -> [FileChange]
  {
    if old == new { return [] }
    let newTree = try lookupTree(new)
    let oldTree = try old.map { (id) throws(GitError) in try lookupTree(id) }
    var options = try diffOptions(GIT_DIFF_SKIP_BINARY_CHECK.rawValue | GIT_DIFF_IGNORE_SUBMODULES.rawValue)
    let diff = OwnedDiff(
      try gitCreate("comparing tree \(old?.description ?? "(empty)") with \(new)") {
        git_diff_tree_to_tree(&$0, pointer, oldTree?.pointer, newTree.pointer, &options)
      })
    return collect(diff, pathFilter: pathFilter)
  }

  /// Uncommitted changes (staged, unstaged and untracked files) in the working tree compared
  /// with `commit`'s tree, keeping paths that pass `pathFilter`. New contents are on disk, at
  /// `workdir` + `/` + `path`; read them with ``workingTreeFile(_:)``.
  public func workingTreeChanges(comparedTo commit: ObjectID, pathFilter: (String) -> Bool) throws(GitError)
    -> [FileChange]
  {
    guard workdir != nil else { return [] }
    let tree = try lookupTree(try self.commit(commit).treeID)
    var options = try diffOptions(
      GIT_DIFF_INCLUDE_UNTRACKED.rawValue | GIT_DIFF_RECURSE_UNTRACKED_DIRS.rawValue
        | GIT_DIFF_SKIP_BINARY_CHECK.rawValue | GIT_DIFF_IGNORE_SUBMODULES.rawValue)
    let diff = OwnedDiff(
      try gitCreate("comparing the working tree with \(commit)") {
        git_diff_tree_to_workdir_with_index(&$0, pointer, tree.pointer, &options)
      })
    return collect(diff, pathFilter: pathFilter)
  }

  /// The bytes of a file in the working tree (`path` relative to the root).
  public func workingTreeFile(_ path: String) throws(GitError) -> [UInt8] {
    guard let root = workdir else { throw GitError(.other, "reading \(path): the repository has no working tree") }
    let full = root + "/" + path
    guard let data = FileManager.default.contents(atPath: full) else {
      throw GitError(.notFound, "reading \(path) from the working tree: cannot read \(full)")
    }
    return [UInt8](data)
  }

  private func diffOptions(_ flags: UInt32) throws(GitError) -> git_diff_options {
    var options = git_diff_options()
    let code = git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION))
    if code < 0 { throw GitError.last(code, "preparing diff options") }
    options.flags = flags
    options.context_lines = 0
    return options
  }

  private func collect(_ diff: OwnedDiff, pathFilter: (String) -> Bool) -> [FileChange] {
    let count = git_diff_num_deltas(diff.pointer)
    var changes: [FileChange] = []
    for i in 0..<count {
      guard let delta = git_diff_get_delta(diff.pointer, i)?.pointee else { continue }
      let oldIsFile = Self.isFile(delta.old_file.mode)
      let newIsFile = Self.isFile(delta.new_file.mode)
      let oldID = ObjectID(delta.old_file.id)
      let newID = ObjectID(delta.new_file.id)
      let newValid = delta.new_file.flags & GIT_DIFF_FLAG_VALID_ID.rawValue != 0 && !newID.isZero
      let status: FileChange.Status
      switch delta.status {
      case GIT_DELTA_ADDED, GIT_DELTA_UNTRACKED:
        guard newIsFile else { continue }
        status = .added
      case GIT_DELTA_DELETED:
        guard oldIsFile else { continue }
        status = .deleted
      case GIT_DELTA_MODIFIED, GIT_DELTA_TYPECHANGE:
        switch (oldIsFile, newIsFile) {
        case (true, true): status = .modified
        case (false, true): status = .added
        case (true, false): status = .deleted
        case (false, false): continue
        }
      default:
        continue
      }
      let path = gitString(status == .deleted ? delta.old_file.path : delta.new_file.path)
      guard pathFilter(path) else { continue }
      let oldPath = gitString(delta.old_file.path)
      changes.append(
        FileChange(
          path: path, oldPath: oldPath == path || status != .modified ? nil : oldPath, status: status,
          newBlob: status == .deleted || !newValid ? nil : newID,
          oldBlob: status == .added || oldID.isZero ? nil : oldID))
    }
    return changes
  }

  /// Regular files (executable or not); not links, submodules or trees.
  private static func isFile(_ mode: UInt16) -> Bool {
    let m = UInt32(mode)
    return m == GIT_FILEMODE_BLOB.rawValue || m == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue
  }
}
