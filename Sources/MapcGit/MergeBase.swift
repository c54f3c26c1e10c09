import CGit2

extension Repository {
  /// The best common ancestor of two commits, as `git merge-base` answers (with several, the one
  /// libgit2 picks); nil when they share no history.
  public func mergeBase(_ one: ObjectID, _ two: ObjectID) throws(GitError) -> ObjectID? {
    var out = git_oid()
    var a = one.oid
    var b = two.oid
    let code = git_merge_base(&out, pointer, &a, &b)
    if code == GIT_ENOTFOUND.rawValue { return nil }
    if code < 0 { throw GitError.last(code, "finding the merge base of \(one) and \(two)") }
    return ObjectID(out)
  }
}
