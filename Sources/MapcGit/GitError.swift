import CGit2

/// A failure from libgit2 or from mapc's use of it, with what mapc was doing.
public struct GitError: Error, Sendable, Hashable, CustomStringConvertible {
  public enum Kind: Sendable, Hashable {
    case notARepository
    case emptyRepository
    case shallow
    case unbornBranch
    case notFound
    case ambiguous
    case corrupt
    case invalidRevision
    case other
  }

  public var kind: Kind
  /// What mapc was doing, then libgit2's own message (from `git_error_last()`) when there is one.
  public var message: String
  /// libgit2's return code (a negative `git_error_code`), or 0 when mapc found the fault itself.
  public var code: Int32

  public init(_ kind: Kind, _ message: String, code: Int32 = 0) {
    self.kind = kind
    self.message = message
    self.code = code
  }

  public var description: String { message }

  /// The error for a failed libgit2 call: `code` is its negative return value, `doing` what mapc
  /// was doing ("reading blob 1a2b…"). `kind` forces the kind, else it follows the code and class.
  static func last(_ code: Int32, _ doing: String, kind forced: Kind? = nil) -> GitError {
    var detail = ""
    var klass: Int32 = 0
    if let last = git_error_last() {
      klass = last.pointee.klass
      if let message = last.pointee.message {
        detail = String(cString: message)
      }
    }
    let kind = forced ?? Self.kind(code: code, klass: klass)
    let message = detail.isEmpty ? doing : "\(doing): \(detail)"
    return GitError(kind, message, code: code)
  }

  static func kind(code: Int32, klass: Int32) -> Kind {
    switch code {
    case GIT_ENOTFOUND.rawValue: return .notFound
    case GIT_EAMBIGUOUS.rawValue: return .ambiguous
    case GIT_EUNBORNBRANCH.rawValue: return .unbornBranch
    case GIT_EINVALIDSPEC.rawValue: return .invalidRevision
    case GIT_EMISMATCH.rawValue: return .corrupt
    default: break
    }
    let corruptClasses: [git_error_t] = [GIT_ERROR_ZLIB, GIT_ERROR_ODB, GIT_ERROR_OBJECT]
    if corruptClasses.contains(where: { Int32($0.rawValue) == klass }) { return .corrupt }
    return .other
  }
}

/// libgit2 is initialised once per process (the call is reference-counted and thread-safe);
/// every entry point that touches libgit2 reads this first.
///
/// Two settings differ from libgit2's defaults, both as git itself reads objects: no SHA-1
/// check of every object read (with it, hashing every tree and blob was most of the time of a
/// long history walk), and no object cache: mapc reads each commit, tree and blob of a walk once
/// (and keeps the trees the next comparison needs itself), so the cache only held memory.
enum Libgit2 {
  static let initialized: Bool = {
    guard git_libgit2_init() >= 0 else { return false }
    return mapc_git_set_strict_hash_verification(0) >= 0 && mapc_git_enable_caching(0) >= 0
  }()

  static func ensure() throws(GitError) {
    if !initialized { throw GitError.last(-1, "initialising libgit2") }
  }
}
