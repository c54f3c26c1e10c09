import CGit2

extension Repository {
  /// True when `ancestor` is `descendant` itself or reachable from it through parent links,
  /// as `git merge-base --is-ancestor` answers. In a shallow clone the answer stops at the
  /// cut-off, so a false there may only mean the history is incomplete.
  public func isAncestor(_ ancestor: ObjectID, of descendant: ObjectID) throws(GitError) -> Bool {
    // libgit2 does not count a commit as its own descendant; git does.
    if ancestor == descendant { return true }
    var commit = descendant.oid
    var candidate = ancestor.oid
    let code = git_graph_descendant_of(pointer, &commit, &candidate)
    if code < 0 { throw GitError.last(code, "checking whether \(ancestor) is an ancestor of \(descendant)") }
    return code == 1
  }
}

extension Repository {
  /// The ids of the commits reachable from `tip` but not from `excluded`, as
  /// `git rev-list tip ^excluded` lists them, parents before children: the commits a branch
  /// adds to a base, on every side of its merges.
  public func commitIDs(from tip: ObjectID, excluding excluded: ObjectID) throws(GitError) -> [ObjectID] {
    try commitIDs(from: tip, hiding: excluded, firstParent: false)
  }
}
