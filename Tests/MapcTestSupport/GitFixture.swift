import Foundation

/// Builds git repositories for tests with the `git` command, with fixed authors and dates so
/// commit ids and outputs are the same on every run. Global and system git configuration is
/// ignored (no signing, no hooks, no templates from the machine).
public struct GitFixture: Sendable {
  public struct Author: Sendable, Hashable {
    public var name: String
    public var email: String
    public init(_ name: String, _ email: String) {
      self.name = name
      self.email = email
    }
    public static let seller = Author("Sam Seller", "sam@northwind.example")
    public static let buyer = Author("Dana Buyer", "dana@acme.example")
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The working directory of the repository.
  public let directory: URL

  /// A fixture in `directory`; with `initialize`, runs `git init` there (branch `main`).
  public init(_ directory: URL, initialize: Bool = true) throws {
    self.directory = directory
    if initialize {
      try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
      try git(["init", "--quiet"])
    }
  }

  /// The environment for every git call: fixed identity and dates, no outside configuration.
  public static func environment(author: Author = .seller, date: String = "2026-01-05T09:00:00+00:00") -> [String: String] {
    [
      "GIT_AUTHOR_NAME": author.name, "GIT_AUTHOR_EMAIL": author.email, "GIT_AUTHOR_DATE": date,
      "GIT_COMMITTER_NAME": author.name, "GIT_COMMITTER_EMAIL": author.email, "GIT_COMMITTER_DATE": date,
      "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_TERMINAL_PROMPT": "0",
      "TZ": "UTC", "LC_ALL": "C",
    ]
  }

  static let baseOptions = [
    "-c", "user.name=Fixture", "-c", "user.email=fixture@example.invalid", "-c", "commit.gpgsign=false",
    "-c", "tag.gpgsign=false", "-c", "init.defaultBranch=main", "-c", "core.autocrlf=false",
  ]

  /// Runs `git ARGS` in the repository (or in `directory`), failing on a non-zero exit.
  @discardableResult
  public func git(
    _ arguments: [String], author: Author = .seller, date: String = "2026-01-05T09:00:00+00:00",
    in other: URL? = nil, options: [String] = []
  ) throws -> String {
    let run = try TestSupport.run(
      "/usr/bin/env", ["git"] + Self.baseOptions + options + arguments, in: other ?? directory,
      environment: Self.environment(author: author, date: date))
    guard run.status == 0 else {
      throw Failure(description: "git \(arguments.joined(separator: " ")) failed (\(run.status)): \(run.stderr)")
    }
    return run.stdout
  }

  /// Writes (or, for nil, deletes) `files` (paths relative to the root), stages everything and
  /// commits with `message`; returns the new commit's id.
  @discardableResult
  public func commit(
    files: [String: String?] = [:], message: String, author: Author = .seller,
    date: String = "2026-01-05T09:00:00+00:00", options: [String] = []
  ) throws -> String {
    try write(files)
    return try commit(messageBytes: Array(message.utf8), author: author, date: date, options: options)
  }

  /// Commits the staged and unstaged changes with a message given as raw bytes (`git commit -F`).
  @discardableResult
  public func commit(messageBytes: [UInt8], author: Author = .seller, date: String, options: [String] = [])
    throws -> String
  {
    try git(["add", "--all"])
    let file = directory.appendingPathComponent(".git/MAPC_FIXTURE_MESSAGE")
    try Data(messageBytes).write(to: file)
    try git(
      ["commit", "--quiet", "--allow-empty", "--no-verify", "--cleanup=verbatim", "-F", file.path], author: author,
      date: date, options: options)
    return try head()
  }

  /// Writes (or, for nil, deletes) files in the working tree without committing.
  public func write(_ files: [String: String?]) throws {
    for (path, content) in files.sorted(by: { $0.key < $1.key }) {
      let url = directory.appendingPathComponent(path)
      if let content {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(content.utf8).write(to: url)
      } else if FileManager.default.fileExists(atPath: url.path) {
        try FileManager.default.removeItem(at: url)
      }
    }
  }

  /// Stages everything and writes a commit object by hand with the index's tree, HEAD as parent and `messageBytes` as its
  /// message, exactly (`git commit` would re-encode a message that is not UTF-8), and moves the
  /// current branch to it. Returns its id. `when`, if given, is the author and committer date
  /// exactly as written in the object (`9223372036854775807 +0100`): the object is then
  /// written with `--literally`, so git's own checks do not refuse a forged date.
  @discardableResult
  public func rawCommit(
    messageBytes: [UInt8], author: Author = .seller, time: Int64 = 1_767_603_600, when: String? = nil
  ) throws -> String {
    try git(["add", "--all"])
    let tree = try git(["write-tree"]).trimmingCharacters(in: .whitespacesAndNewlines)
    let parent = try head()
    let who = "\(author.name) <\(author.email)> \(when ?? "\(time) +0000")"
    let header = "tree \(tree)\nparent \(parent)\nauthor \(who)\ncommitter \(who)\n\n"
    let file = directory.appendingPathComponent(".git/MAPC_FIXTURE_COMMIT")
    try Data(Array(header.utf8) + messageBytes).write(to: file)
    let literally = when == nil ? [] : ["--literally"]
    let id = try git(["hash-object", "-t", "commit", "-w"] + literally + [file.path]).trimmingCharacters(
      in: .whitespacesAndNewlines)
    try git(["update-ref", "HEAD", id])
    return id
  }

  /// The id of HEAD.
  public func head() throws -> String {
    try git(["rev-parse", "HEAD"]).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
