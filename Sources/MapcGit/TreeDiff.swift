import CGit2
import Foundation

/// A tree-to-tree comparison over raw tree objects: it walks both sorted entry lists side by
/// side, skips an entry whose bytes (mode, name and id) are the same on both sides with one
/// `memcmp`, and descends only into subtrees whose ids differ, so an unchanged folder costs one
/// comparison. Neither libgit2's parsed trees nor `git_diff_tree_to_tree` (which expands every
/// entry of both trees) is built.
struct TreeDiff {
  let repository: Repository
  let pathFilter: (String) -> Bool
  var changes: [FileChange] = []
  /// The trees read on both sides, kept for the next comparison: walking history either way,
  /// one side of the next comparison is a side of this one.
  var trees: [ObjectID: OwnedOdbObject] = [:]

  init(repository: Repository, pathFilter: @escaping (String) -> Bool) {
    self.repository = repository
    self.pathFilter = pathFilter
  }

  /// One entry of a raw tree: `<octal mode> <name>\0<20-byte id>`, by offsets into the tree.
  private struct Entry {
    var mode: UInt32
    var nameStart: Int
    var nameLength: Int
    /// Where the id starts; the entry ends 20 bytes later.
    var idStart: Int
    var end: Int { idStart + 20 }
    var isTree: Bool { mode == Repository.treeMode }
    var isFile: Bool { Repository.isFileMode(mode) }
  }

  /// The entry starting at `offset`, or an error for a truncated or malformed tree.
  private static func entry(_ raw: UnsafeRawBufferPointer, at offset: Int, in id: ObjectID) throws(GitError) -> Entry {
    guard let base = raw.baseAddress, offset < raw.count,
      let nul = memchr(base + offset, 0, raw.count - offset)
    else { throw GitError(.corrupt, "tree \(id) is truncated") }
    let nulOffset = base.distance(to: UnsafeRawPointer(nul))
    guard nulOffset + 21 <= raw.count else { throw GitError(.corrupt, "tree \(id) is truncated") }
    var mode: UInt32 = 0
    var i = offset
    while i < nulOffset, raw[i] != 0x20 {
      let digit = raw[i] &- 0x30
      guard digit < 8 else { throw GitError(.corrupt, "tree \(id) has an entry with a bad mode") }
      mode = mode &* 8 &+ UInt32(digit)
      i += 1
    }
    guard i < nulOffset, i > offset else { throw GitError(.corrupt, "tree \(id) has an entry with a bad mode") }
    return Entry(mode: mode, nameStart: i + 1, nameLength: nulOffset - i - 1, idStart: nulOffset + 1)
  }

  /// The length of the entry starting at `offset` (up to its id's end), or nil when truncated.
  private static func entryLength(_ raw: UnsafeRawBufferPointer, at offset: Int) -> Int? {
    guard let base = raw.baseAddress, let nul = memchr(base + offset, 0, raw.count - offset) else { return nil }
    let end = base.distance(to: UnsafeRawPointer(nul)) + 21
    return end <= raw.count ? end - offset : nil
  }

  /// git's tree order: names compared bytewise, a tree's name as if it ended with `/`.
  private static func order(
    _ a: Entry, in x: UnsafeRawBufferPointer, _ b: Entry, in y: UnsafeRawBufferPointer
  ) -> Int32 {
    let common = min(a.nameLength, b.nameLength)
    if common > 0, let xa = x.baseAddress, let yb = y.baseAddress {
      let c = memcmp(xa + a.nameStart, yb + b.nameStart, common)
      if c != 0 { return c }
    }
    let ca: UInt8 = a.nameLength > common ? x[a.nameStart + common] : (a.isTree ? 0x2F : 0)
    let cb: UInt8 = b.nameLength > common ? y[b.nameStart + common] : (b.isTree ? 0x2F : 0)
    return Int32(ca) - Int32(cb)
  }

  private static func path(_ prefix: String, _ entry: Entry, in raw: UnsafeRawBufferPointer) -> String {
    let bytes = UnsafeRawBufferPointer(rebasing: raw[entry.nameStart..<(entry.nameStart + entry.nameLength)])
    let name = String(decoding: bytes, as: UTF8.self)
    return prefix.isEmpty ? name : prefix + "/" + name
  }

  private static func id(_ entry: Entry, in raw: UnsafeRawBufferPointer) -> ObjectID {
    // The entry parser checked that the 20 bytes are inside the tree.
    raw.baseAddress.map { ObjectID(raw: $0 + entry.idStart) } ?? ObjectID(bytes: [])
  }

  /// A tree by id, with its raw object.
  typealias Tree = (id: ObjectID, tree: OwnedOdbObject)

  mutating func compare(_ old: Tree?, _ new: Tree?, prefix: String) throws(GitError) {
    let empty = UnsafeRawBufferPointer(start: nil, count: 0)
    let x = old.map { Repository.content($0.tree) } ?? empty
    let y = new.map { Repository.content($0.tree) } ?? empty
    let oldID = old?.id ?? ObjectID(bytes: [])
    let newID = new?.id ?? ObjectID(bytes: [])
    try withExtendedLifetime((old?.tree, new?.tree)) { () throws(GitError) in
      var i = 0
      var j = 0
      while i < x.count || j < y.count {
        if i < x.count, j < y.count, let length = Self.entryLength(x, at: i), j + length <= y.count,
          let xa = x.baseAddress, let yb = y.baseAddress, memcmp(xa + i, yb + j, length) == 0
        {
          // The same mode, name and id: nothing below changed.
          i += length
          j += length
          continue
        }
        let a = i < x.count ? try Self.entry(x, at: i, in: oldID) : nil
        let b = j < y.count ? try Self.entry(y, at: j, in: newID) : nil
        if let a, let b {
          let order = Self.order(a, in: x, b, in: y)
          if order == 0 {
            i = a.end
            j = b.end
            let ida = Self.id(a, in: x)
            let idb = Self.id(b, in: y)
            if ida == idb && a.mode == b.mode { continue }
            if a.isTree && b.isTree {
              try descend(old: ida, new: idb, prefix: Self.path(prefix, a, in: x))
            } else if a.isFile && b.isFile {
              let p = Self.path(prefix, b, in: y)
              if pathFilter(p) { changes.append(FileChange(path: p, status: .modified, newBlob: idb, oldBlob: ida)) }
            } else {
              try removed(a, in: x, prefix: prefix)
              try added(b, in: y, prefix: prefix)
            }
          } else if order < 0 {
            i = a.end
            try removed(a, in: x, prefix: prefix)
          } else {
            j = b.end
            try added(b, in: y, prefix: prefix)
          }
        } else if let a {
          i = a.end
          try removed(a, in: x, prefix: prefix)
        } else if let b {
          j = b.end
          try added(b, in: y, prefix: prefix)
        }
      }
    }
  }

  private mutating func descend(old: ObjectID?, new: ObjectID?, prefix: String) throws(GitError) {
    let oldTree = try old.map { (id) throws(GitError) in (id, try tree(id)) }
    let newTree = try new.map { (id) throws(GitError) in (id, try tree(id)) }
    if let oldTree { trees[oldTree.0] = oldTree.1 }
    if let newTree { trees[newTree.0] = newTree.1 }
    try compare(oldTree, newTree, prefix: prefix)
  }

  func tree(_ id: ObjectID) throws(GitError) -> OwnedOdbObject {
    if let tree = repository.recentTrees[id] { return tree }
    return try repository.readObject(id, GIT_OBJECT_TREE)
  }

  private mutating func removed(_ a: Entry, in x: UnsafeRawBufferPointer, prefix: String) throws(GitError) {
    if a.isTree {
      try descend(old: Self.id(a, in: x), new: nil, prefix: Self.path(prefix, a, in: x))
    } else if a.isFile {
      let p = Self.path(prefix, a, in: x)
      if pathFilter(p) {
        changes.append(FileChange(path: p, status: .deleted, newBlob: nil, oldBlob: Self.id(a, in: x)))
      }
    }
  }

  private mutating func added(_ b: Entry, in y: UnsafeRawBufferPointer, prefix: String) throws(GitError) {
    if b.isTree {
      try descend(old: nil, new: Self.id(b, in: y), prefix: Self.path(prefix, b, in: y))
    } else if b.isFile {
      let p = Self.path(prefix, b, in: y)
      if pathFilter(p) {
        changes.append(FileChange(path: p, status: .added, newBlob: Self.id(b, in: y), oldBlob: nil))
      }
    }
  }
}
