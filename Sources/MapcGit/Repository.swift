import CGit2
import Foundation

/// A git repository opened with libgit2. Use it on one thread; it frees itself when released.
public final class Repository {
  let pointer: OpaquePointer
  /// The trees of the last tree comparison (both sides), by id: walking history either way, one
  /// side of the next comparison is a side of this one, so each tree is read once.
  var recentTrees: [ObjectID: OwnedOdbObject] = [:]
  /// The object database, opened on first use by the raw object reads.
  var openedOdb: OwnedOdb?

  private init(pointer: OpaquePointer) { self.pointer = pointer }

  deinit { git_repository_free(pointer) }

  /// Opens the repository containing `path`, searching upward as `git` does.
  public static func discover(from path: String) throws(GitError) -> Repository {
    try Libgit2.ensure()
    var out: OpaquePointer?
    let code = git_repository_open_ext(&out, path, 0, nil)
    if code == GIT_ENOTFOUND.rawValue {
      throw GitError(
        .notARepository, "not a git repository (or any of the parent directories): \(path)", code: code)
    }
    if code < 0 { throw GitError.last(code, "opening the git repository at \(path)") }
    guard let out else { throw GitError(.other, "opening the git repository at \(path): no repository", code: code) }
    return Repository(pointer: out)
  }

  /// The working directory without a trailing `/`, or nil for a bare repository.
  public var workdir: String? {
    guard let dir = git_repository_workdir(pointer) else { return nil }
    var path = String(cString: dir)
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  /// The `.git` directory without a trailing `/`.
  public var gitDirectory: String {
    var path = gitString(git_repository_path(pointer))
    while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
    return path
  }

  /// True for a shallow clone (history cut off at some depth).
  public var isShallow: Bool {
    get throws(GitError) { try flag(git_repository_is_shallow(pointer), "checking whether the repository is shallow") }
  }

  /// True when the repository has no commits: HEAD is unborn and no reference exists.
  /// (libgit2's own test also requires HEAD to name the configured default branch, which
  /// misreads a repository made with `git -c init.defaultBranch=…`.)
  public var isEmpty: Bool {
    get throws(GitError) {
      if try flag(git_repository_is_empty(pointer), "checking whether the repository is empty") { return true }
      guard try isHeadUnborn else { return false }
      return try !hasReferences()
    }
  }

  /// True when any reference exists (branches, tags, notes, remotes).
  private func hasReferences() throws(GitError) -> Bool {
    var iterator: OpaquePointer?
    var code = git_reference_iterator_new(&iterator, pointer)
    if code < 0 { throw GitError.last(code, "listing references") }
    defer { git_reference_iterator_free(iterator) }
    var ref: OpaquePointer?
    code = git_reference_next(&ref, iterator)
    if code == GIT_ITEROVER.rawValue { return false }
    if code < 0 { throw GitError.last(code, "listing references") }
    git_reference_free(ref)
    return true
  }

  /// True when HEAD points directly at a commit rather than at a branch.
  public var isHeadDetached: Bool {
    get throws(GitError) { try flag(git_repository_head_detached(pointer), "checking whether HEAD is detached") }
  }

  /// True when HEAD names a branch that has no commit yet.
  public var isHeadUnborn: Bool {
    get throws(GitError) { try flag(git_repository_head_unborn(pointer), "checking whether HEAD is unborn") }
  }

  private func flag(_ code: Int32, _ doing: String) throws(GitError) -> Bool {
    if code < 0 { throw GitError.last(code, doing) }
    return code == 1
  }

  /// The short name of HEAD's branch ("main"), also for an unborn branch; nil when HEAD is detached.
  public var headBranchName: String? {
    guard let ref = try? gitCreate("reading HEAD", { git_reference_lookup(&$0, pointer, "HEAD") }) else { return nil }
    let head = OwnedReference(ref)
    guard git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC, let target = git_reference_symbolic_target(head.pointer)
    else { return nil }
    let name = String(cString: target)
    return name.hasPrefix("refs/heads/") ? String(name.dropFirst("refs/heads/".count)) : name
  }

  /// The commit a revision names (`HEAD`, a branch, a tag, an id, `main~3`…), peeled to a commit.
  public func resolveCommit(_ revision: String) throws(GitError) -> ObjectID {
    if revision == "HEAD" || revision == "@" {
      if try isHeadUnborn {
        if try isEmpty { throw GitError(.emptyRepository, "the repository is empty: no commits yet") }
        let branch = headBranchName.map { "'\($0)' " } ?? ""
        throw GitError(.unbornBranch, "the current branch \(branch)has no commits yet")
      }
    }
    var out: OpaquePointer?
    let code = git_revparse_single(&out, pointer, revision)
    if code < 0 {
      let kind: GitError.Kind
      switch code {
      case GIT_ENOTFOUND.rawValue: kind = .notFound
      case GIT_EAMBIGUOUS.rawValue: kind = .ambiguous
      case GIT_EUNBORNBRANCH.rawValue: kind = .unbornBranch
      case GIT_EINVALIDSPEC.rawValue: kind = .invalidRevision
      default: kind = GitError.kind(code: code, klass: git_error_last()?.pointee.klass ?? 0)
      }
      throw GitError.last(code, "resolving revision '\(revision)'", kind: kind)
    }
    guard let out else { throw GitError(.notFound, "resolving revision '\(revision)': no object") }
    let object = OwnedObject(out)
    let peeled = try gitCreate("revision '\(revision)' does not name a commit") {
      git_object_peel(&$0, object.pointer, GIT_OBJECT_COMMIT)
    }
    let commit = OwnedObject(peeled)
    guard let id = git_object_id(commit.pointer) else {
      throw GitError(.other, "resolving revision '\(revision)': no object id")
    }
    return ObjectID(id)
  }

  // MARK: Objects

  func lookupCommit(_ id: ObjectID) throws(GitError) -> OwnedCommit {
    var oid = id.oid
    return OwnedCommit(try gitCreate("reading commit \(id)") { git_commit_lookup(&$0, pointer, &oid) })
  }

  func lookupTree(_ id: ObjectID) throws(GitError) -> OwnedTree {
    var oid = id.oid
    return OwnedTree(try gitCreate("reading tree \(id)") { git_tree_lookup(&$0, pointer, &oid) })
  }

  /// The information mapc reads from one commit.
  public func commit(_ id: ObjectID) throws(GitError) -> CommitInfo {
    let commit = try lookupCommit(id)
    return try CommitInfo(commit.pointer, id: id)
  }

  /// A blob's bytes.
  public func blob(_ id: ObjectID) throws(GitError) -> [UInt8] {
    var oid = id.oid
    let blob = OwnedBlob(try gitCreate("reading blob \(id)") { git_blob_lookup(&$0, pointer, &oid) })
    let size = Int(git_blob_rawsize(blob.pointer))
    guard size > 0 else { return [] }
    guard let raw = git_blob_rawcontent(blob.pointer) else {
      throw GitError(.corrupt, "reading blob \(id): no content")
    }
    return Array(UnsafeRawBufferPointer(start: raw, count: size))
  }

  // MARK: History

  /// The first-parent history ending at `tip`, oldest first: a merged branch counts as its merge
  /// commit only.
  public func firstParentHistory(from tip: ObjectID) throws(GitError) -> [CommitInfo] {
    try firstParentCommitIDs(from: tip).map { (id) throws(GitError) in try commit(id) }
  }

  /// The ids of the first-parent history ending at `tip`, oldest first.
  public func firstParentCommitIDs(from tip: ObjectID) throws(GitError) -> [ObjectID] {
    try commitIDs(from: tip, hiding: nil, firstParent: true)
  }

  /// The commits reachable from `tip` and not from `hidden`, parents before children
  /// (topological order, oldest first), along first parents only or every parent.
  func commitIDs(from tip: ObjectID, hiding hidden: ObjectID?, firstParent: Bool) throws(GitError) -> [ObjectID] {
    let walk = OwnedRevwalk(try gitCreate("starting a history walk") { git_revwalk_new(&$0, pointer) })
    var code = git_revwalk_sorting(walk.pointer, GIT_SORT_TOPOLOGICAL.rawValue | GIT_SORT_REVERSE.rawValue)
    if code < 0 { throw GitError.last(code, "sorting the history walk") }
    if firstParent {
      code = git_revwalk_simplify_first_parent(walk.pointer)
      if code < 0 { throw GitError.last(code, "limiting the history walk to first parents") }
    }
    var start = tip.oid
    code = git_revwalk_push(walk.pointer, &start)
    if code < 0 { throw GitError.last(code, "walking history from \(tip)") }
    if let hidden {
      var oid = hidden.oid
      code = git_revwalk_hide(walk.pointer, &oid)
      if code < 0 { throw GitError.last(code, "leaving out the history of \(hidden)") }
    }
    var ids: [ObjectID] = []
    var next = git_oid()
    while true {
      code = git_revwalk_next(&next, walk.pointer)
      if code == GIT_ITEROVER.rawValue { break }
      if code < 0 { throw GitError.last(code, "walking history from \(tip)") }
      ids.append(ObjectID(next))
    }
    return ids
  }
}
