import CGit2

/// What mapc reads from a commit. Text is decoded leniently: a message in a declared Latin-1
/// encoding is decoded as Latin-1; anything else as UTF-8 with invalid bytes as U+FFFD.
public struct CommitInfo: Sendable, Hashable {
  public var id: ObjectID
  public var treeID: ObjectID
  public var parentIDs: [ObjectID]
  public var authorName: String
  public var authorEmail: String
  /// Author time, seconds since 1970 (UTC).
  public var time: Int64
  /// The author's offset from UTC in minutes.
  public var offsetMinutes: Int
  /// The full message.
  public var message: String

  public init(
    id: ObjectID, treeID: ObjectID, parentIDs: [ObjectID], authorName: String, authorEmail: String, time: Int64,
    offsetMinutes: Int, message: String
  ) {
    self.id = id
    self.treeID = treeID
    self.parentIDs = parentIDs
    self.authorName = authorName
    self.authorEmail = authorEmail
    self.time = time
    self.offsetMinutes = offsetMinutes
    self.message = message
  }

  init(_ commit: OpaquePointer, id: ObjectID) throws(GitError) {
    guard let tree = git_commit_tree_id(commit) else { throw GitError(.corrupt, "commit \(id) has no tree") }
    let count = git_commit_parentcount(commit)
    var parents: [ObjectID] = []
    parents.reserveCapacity(Int(count))
    for i in 0..<count {
      guard let parent = git_commit_parent_id(commit, i) else {
        throw GitError(.corrupt, "commit \(id): cannot read parent \(i)")
      }
      parents.append(ObjectID(parent))
    }
    let encoding = gitString(git_commit_message_encoding(commit))
    var name = ""
    var email = ""
    var time: Int64 = 0
    var offset = 0
    if let author = git_commit_author(commit) {
      name = Self.decode(gitBytes(author.pointee.name), encoding: encoding)
      email = Self.decode(gitBytes(author.pointee.email), encoding: encoding)
      time = Int64(author.pointee.when.time)
      offset = Int(author.pointee.when.offset)
    }
    self.init(
      id: id, treeID: ObjectID(tree), parentIDs: parents, authorName: name, authorEmail: email, time: time,
      offsetMinutes: offset, message: Self.decode(gitBytes(git_commit_message(commit)), encoding: encoding))
  }

  /// Decodes bytes in a commit's declared encoding: Latin-1 when declared, else lenient UTF-8.
  static func decode(_ bytes: [UInt8], encoding: String) -> String {
    switch encoding.lowercased() {
    case "latin1", "latin-1", "iso-8859-1", "iso8859-1", "l1":
      if let utf8 = String(validating: bytes, as: UTF8.self), bytes.allSatisfy({ $0 < 0x80 }) { return utf8 }
      var scalars = String.UnicodeScalarView()
      for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
      return String(scalars)
    default:
      return String(decoding: bytes, as: UTF8.self)
    }
  }

  /// The first line of the message.
  public var subject: String {
    let text = message.drop(while: \.isNewline)
    return String(text.prefix { !$0.isNewline })
  }

  /// The trailers (`Key: value` lines) of the message's last paragraph, in order.
  public var trailers: [Trailer] { Trailer.parse(message) }

  /// The value of the last trailer with this key (compared case-insensitively).
  public func trailer(_ key: String) -> String? {
    trailers.last { $0.key.lowercased() == key.lowercased() }?.value
  }
}

/// A `Key: value` line at the end of a commit message (`Slip-Reason: vendor delay`).
public struct Trailer: Sendable, Hashable {
  public var key: String
  public var value: String

  public init(key: String, value: String) {
    self.key = key
    self.value = value
  }

  /// The trailers of a message: its last paragraph, when every line in it is a `Key: value`
  /// trailer (key of letters, digits and `-`) or a continuation line starting with whitespace.
  /// Comment lines (`#`) are ignored. The subject line is never a trailer block.
  public static func parse(_ message: String) -> [Trailer] {
    // "\r\n" is one Character in Swift, so split on any newline character.
    var lines = message.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    lines.removeAll { $0.hasPrefix("#") }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    guard let blank = lines.lastIndex(where: { $0.allSatisfy(\.isWhitespace) }) else { return [] }
    var trailers: [Trailer] = []
    for line in lines[(blank + 1)...] {
      if let first = line.first, first == " " || first == "\t" {
        guard !trailers.isEmpty else { return [] }
        let more = line.trimmingWhitespace()
        trailers[trailers.count - 1].value += trailers[trailers.count - 1].value.isEmpty ? more : " " + more
        continue
      }
      guard let colon = line.firstIndex(of: ":") else { return [] }
      let key = line[..<colon].trimmingTrailingWhitespace()
      guard !key.isEmpty, key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return [] }
      trailers.append(Trailer(key: String(key), value: line[line.index(after: colon)...].trimmingWhitespace()))
    }
    return trailers
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }

  fileprivate func trimmingTrailingWhitespace() -> Substring {
    var s = self
    while let last = s.last, last.isWhitespace { s.removeLast() }
    return s
  }
}
