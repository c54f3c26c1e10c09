import CGit2
import Foundation

// Reads of raw objects from the object database, without libgit2's parsed commits and trees:
// following a file or the first-parent chain through a long history needs a few bytes of each
// commit and tree, and parsing them whole (or copying them) costs more than reading them.

/// A commit of a first-parent history, as the history walk needs it: no message, no author.
public struct ChainCommit: Sendable, Hashable {
  /// The commit.
  public var id: ObjectID
  /// Its root tree.
  public var treeID: ObjectID
  /// The first parent; nil for a root commit.
  public var firstParent: ObjectID?

  /// A commit of the chain, as read from its header.
  public init(id: ObjectID, treeID: ObjectID, firstParent: ObjectID?) {
    self.id = id
    self.treeID = treeID
    self.firstParent = firstParent
  }
}

extension Repository {
  func objectDatabase() throws(GitError) -> OwnedOdb {
    if let openedOdb { return openedOdb }
    let odb = OwnedOdb(try gitCreate("opening the object database") { git_repository_odb(&$0, pointer) })
    openedOdb = odb
    return odb
  }

  /// Reads an object and lends its raw content to `body`: the bytes are freed when `body` returns.
  func withRawObject<R>(
    _ id: ObjectID, _ type: git_object_t, _ body: (UnsafeRawBufferPointer) throws(GitError) -> R
  ) throws(GitError) -> R {
    let object = try readObject(id, type)
    return try withExtendedLifetime(object) { () throws(GitError) -> R in
      try body(Self.content(object))
    }
  }

  func readObject(_ id: ObjectID, _ type: git_object_t) throws(GitError) -> OwnedOdbObject {
    let odb = try objectDatabase()
    var oid = id.oid
    let object = OwnedOdbObject(try gitCreate("reading object \(id)") { git_odb_read(&$0, odb.pointer, &oid) })
    guard git_odb_object_type(object.pointer) == type else {
      throw GitError(.corrupt, "object \(id) is not a \(String(cString: git_object_type2string(type)))")
    }
    return object
  }

  /// The object's bytes; valid while `object` lives.
  static func content(_ object: OwnedOdbObject) -> UnsafeRawBufferPointer {
    let size = git_odb_object_size(object.pointer)
    guard size > 0, let data = git_odb_object_data(object.pointer) else {
      return UnsafeRawBufferPointer(start: nil, count: 0)
    }
    return UnsafeRawBufferPointer(start: data, count: size)
  }

  /// The first-parent history ending at `tip`, oldest first, read from the commits' headers
  /// alone (same order as ``firstParentCommitIDs(from:)``).
  /// With `stop`, the chain begins at that commit when the walk meets it (the commits before
  /// it are not read).
  public func firstParentChain(from tip: ObjectID, stoppingAt stop: ObjectID? = nil) throws(GitError) -> [ChainCommit] {
    var chain: [ChainCommit] = []
    try walkFirstParents(from: tip, stoppingAt: stop) { chain.append($0) }
    chain.reverse()
    return chain
  }

  /// Walks the first-parent history back from `tip`, newest first, handing each commit to
  /// `body` as soon as its header is read; with `stop`, that commit is the last handed over.
  public func walkFirstParents(from tip: ObjectID, stoppingAt stop: ObjectID? = nil, _ body: (ChainCommit) -> Void)
    throws(GitError)
  {
    var seen = Set<ObjectID>()
    var next: ObjectID? = tip
    while let id = next {
      guard seen.insert(id).inserted else { throw GitError(.corrupt, "commit \(id) is its own ancestor") }
      let commit = try withRawObject(id, GIT_OBJECT_COMMIT) { (raw) throws(GitError) in try Self.chainCommit(id, raw) }
      body(commit)
      next = id == stop ? nil : commit.firstParent
    }
  }

  /// Parses the header lines `tree <hex>` and the first `parent <hex>` of a raw commit.
  static func chainCommit(_ id: ObjectID, _ raw: UnsafeRawBufferPointer) throws(GitError) -> ChainCommit {
    let tree = Array("tree ".utf8)
    let parent = Array("parent ".utf8)
    func field(_ key: [UInt8], at offset: Int) -> ObjectID? {
      let end = offset + key.count + 40
      guard end < raw.count, raw[end] == UInt8(ascii: "\n") else { return nil }
      for (i, byte) in key.enumerated() where raw[offset + i] != byte { return nil }
      return ObjectID(hex: UnsafeRawBufferPointer(rebasing: raw[(offset + key.count)..<end]))
    }
    guard let treeID = field(tree, at: 0) else { throw GitError(.corrupt, "commit \(id) has no tree") }
    return ChainCommit(id: id, treeID: treeID, firstParent: field(parent, at: tree.count + 41))
  }

  /// Finds the entry `name` in a raw tree object: a sequence of `<octal mode> <name>\0<20-byte id>`
  /// in git's order, so the scan stops at the first name that sorts after `name`, as git's does.
  static func entry(named name: [UInt8], inTree raw: UnsafeRawBufferPointer) -> (mode: UInt32, id: ObjectID)? {
    guard let base = raw.baseAddress else { return nil }
    let n = raw.count
    return name.withUnsafeBytes { (target) -> (mode: UInt32, id: ObjectID)? in
      guard let wanted = target.baseAddress else { return nil }
      var i = 0
      while i < n {
        var mode: UInt32 = 0
        while i < n, raw[i] != 0x20 {
          let digit = raw[i] &- 0x30
          // Not an octal mode: a malformed tree, in which nothing is found.
          guard digit < 8 else { return nil }
          mode = mode &* 8 &+ UInt32(digit)
          i += 1
        }
        i += 1
        guard i < n, let nul = memchr(base + i, 0, n - i) else { return nil }
        let nameStart = i
        let length = base.distance(to: UnsafeRawPointer(nul)) - nameStart
        i = nameStart + length + 1
        guard i + 20 <= n else { return nil }
        let order = memcmp(base + nameStart, wanted, min(length, target.count))
        if order == 0 && length == target.count { return (mode, ObjectID(raw: base + i)) }
        if order > 0 { return nil }
        i += 20
      }
      return nil
    }
  }

  static func isFileMode(_ mode: UInt32) -> Bool { mode & 0o170000 == 0o100000 }
  static let treeMode: UInt32 = 0o40000

  /// The blob ids of the files at `paths` in a tree (absent paths, and paths that name a
  /// folder, are left out). Looks each path up by name in the raw tree objects, without
  /// building libgit2's parsed trees: what makes following one file through a long history cheap.
  public func blobIDs(at paths: [String], inTree treeID: ObjectID) throws(GitError) -> [String: ObjectID] {
    var lookup = PathLookup(repository: self, paths: paths)
    return try lookup.blobIDs(inTree: treeID)
  }
}

/// Follows some files through one tree after another (a history, oldest first): each path is
/// looked up by name in the raw trees along it, and a tree whose id the previous lookup already
/// went through is not read again, since everything below it is the same. Following one file
/// through a history then reads what `git log -- FILE` reads, once per commit rather than twice.
public struct PathLookup {
  private let repository: Repository
  private let paths: [(path: String, components: [[UInt8]])]
  /// Per path, the trees the last lookup went through, root first, and the blob it found.
  private var last: [(trees: [ObjectID], blob: ObjectID?)]

  /// Paths are relative to the repository root, with `/` separators.
  public init(repository: Repository, paths: [String]) {
    self.repository = repository
    self.paths = paths.map { ($0, $0.split(separator: "/", omittingEmptySubsequences: true).map { Array($0.utf8) }) }
    last = Array(repeating: ([], nil), count: paths.count)
  }

  /// The blob ids of the paths that name a file in the tree `root`.
  public mutating func blobIDs(inTree root: ObjectID) throws(GitError) -> [String: ObjectID] {
    var out: [String: ObjectID] = [:]
    for (path, blob) in zip(paths, try blobs(inTree: root)) {
      if let blob { out[path.path] = blob }
    }
    return out
  }

  /// The blob of each path in the tree `root`, in the order the paths were given; nil where a
  /// path names no file.
  public mutating func blobs(inTree root: ObjectID) throws(GitError) -> [ObjectID?] {
    var out: [ObjectID?] = []
    out.reserveCapacity(paths.count)
    // Several paths in one folder read its tree once.
    var held: [ObjectID: OwnedOdbObject] = [:]
    for (k, path) in paths.enumerated() {
      var trees: [ObjectID] = []
      var blob: ObjectID?
      var current = root
      var level = 0
      let previous = last[k]
      while level < path.components.count {
        if level < previous.trees.count, previous.trees[level] == current {
          trees.append(contentsOf: previous.trees[level...])
          blob = previous.blob
          break
        }
        trees.append(current)
        let object: OwnedOdbObject
        if let kept = held[current] {
          object = kept
        } else {
          object = try repository.readObject(current, GIT_OBJECT_TREE)
          if paths.count > 1 { held[current] = object }
        }
        let found = withExtendedLifetime(object) {
          Repository.entry(named: path.components[level], inTree: Repository.content(object))
        }
        guard let (mode, id) = found else { break }
        if level == path.components.count - 1 {
          if Repository.isFileMode(mode) { blob = id }
          break
        }
        guard mode == Repository.treeMode else { break }
        current = id
        level += 1
      }
      last[k] = (trees, blob)
      out.append(blob)
    }
    return out
  }
}
