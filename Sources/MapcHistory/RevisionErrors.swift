import MapcGit
import MapcWorkspace

extension Repository {
  /// Resolves a revision the user typed (a commit, branch or tag). One that does not exist is
  /// a ``UsageError`` that says so, and, in a shallow clone, that older commits may be missing.
  public func resolveRevision(_ revision: String) throws -> ObjectID {
    do {
      return try resolveCommit(revision)
    } catch {
      switch error.kind {
      case .notFound, .invalidRevision, .ambiguous:
        var help = "give a commit, branch or tag that exists in this repository"
        if (try? isShallow) == true {
          help += "; this is a shallow clone, so older commits may be missing: fetch the full history (`fetch-depth: 0`)"
        }
        throw UsageError("unknown revision '\(revision)'", help: help)
      default:
        throw error
      }
    }
  }
}

extension UsageError {
  /// The message for a git error that stops `command` (`mapc slip`, `mapc diff`...) run in
  /// `directory`: not a repository, a shallow clone, no commits yet, or git's own words.
  public init(_ error: GitError, command: String, directory: String) {
    switch error.kind {
    case .notARepository:
      self.init("not a git repository (or any parent): \(directory)", help: "run \(command) inside the plans repository")
    case .emptyRepository, .unbornBranch:
      self.init("the repository has no commits yet, so there is no history to compare", help: "commit the plans first")
    default:
      self.init(error.message)
    }
  }
}
