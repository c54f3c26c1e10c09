import CGit2
import Foundation

/// A tree-to-tree comparison written over libgit2's tree entries: it walks both sorted entry
/// lists side by side and descends only into subtrees whose ids differ, so an unchanged folder
/// costs one id comparison. (libgit2's `git_diff_tree_to_tree` expands every entry of both trees.)
struct TreeDiff {
  let repository: Repository
  let pathFilter: (String) -> Bool
  var changes: [FileChange] = []
  /// The new side's trees, kept for the next comparison.
  var newTrees: [ObjectID: OwnedTree] = [:]

  init(repository: Repository, pathFilter: @escaping (String) -> Bool) {
    self.repository = repository
    self.pathFilter = pathFilter
  }

  private struct Entry {
    let name: UnsafePointer<CChar>
    let length: Int
    let id: git_oid
    let mode: UInt32
    var isTree: Bool { mode == GIT_FILEMODE_TREE.rawValue }
    var isFile: Bool { mode == GIT_FILEMODE_BLOB.rawValue || mode == GIT_FILEMODE_BLOB_EXECUTABLE.rawValue }
  }

  private static func entry(_ tree: OwnedTree, _ index: Int) throws(GitError) -> Entry {
    guard let e = git_tree_entry_byindex(tree.pointer, index), let name = git_tree_entry_name(e),
      let id = git_tree_entry_id(e)
    else { throw GitError(.corrupt, "reading entry \(index) of a tree") }
    return Entry(name: name, length: strlen(name), id: id.pointee, mode: git_tree_entry_filemode(e).rawValue)
  }

  /// git's tree order: names compared bytewise, a tree's name as if it ended with `/`.
  private static func compare(_ a: Entry, _ b: Entry) -> Int32 {
    let common = min(a.length, b.length)
    let c = memcmp(a.name, b.name, common)
    if c != 0 { return c }
    let ca: UInt8 = a.length > common ? UInt8(bitPattern: a.name[common]) : (a.isTree ? 0x2F : 0)
    let cb: UInt8 = b.length > common ? UInt8(bitPattern: b.name[common]) : (b.isTree ? 0x2F : 0)
    return Int32(ca) - Int32(cb)
  }

  private static func path(_ prefix: String, _ entry: Entry) -> String {
    let name = String(decoding: UnsafeRawBufferPointer(start: entry.name, count: entry.length), as: UTF8.self)
    return prefix.isEmpty ? name : prefix + "/" + name
  }

  private static func same(_ a: git_oid, _ b: git_oid) -> Bool {
    withUnsafePointer(to: a) { x in withUnsafePointer(to: b) { y in git_oid_equal(x, y) != 0 } }
  }

  mutating func compare(_ old: OwnedTree?, _ new: OwnedTree?, prefix: String) throws(GitError) {
    let oldCount = old.map { git_tree_entrycount($0.pointer) } ?? 0
    let newCount = new.map { git_tree_entrycount($0.pointer) } ?? 0
    var i = 0
    var j = 0
    while i < oldCount || j < newCount {
      let a: Entry? = try i < oldCount ? old.map { (t) throws(GitError) in try Self.entry(t, i) } : nil
      let b: Entry? = try j < newCount ? new.map { (t) throws(GitError) in try Self.entry(t, j) } : nil
      if let a, let b {
        let order = Self.compare(a, b)
        if order == 0 {
          i += 1
          j += 1
          if Self.same(a.id, b.id) && a.mode == b.mode { continue }
          if a.isTree && b.isTree {
            try descend(old: a, new: b, prefix: Self.path(prefix, a))
          } else if a.isFile && b.isFile {
            let p = Self.path(prefix, b)
            if pathFilter(p) {
              changes.append(FileChange(path: p, status: .modified, newBlob: ObjectID(b.id), oldBlob: ObjectID(a.id)))
            }
          } else {
            try removed(a, prefix: prefix)
            try added(b, prefix: prefix)
          }
        } else if order < 0 {
          i += 1
          try removed(a, prefix: prefix)
        } else {
          j += 1
          try added(b, prefix: prefix)
        }
      } else if let a {
        i += 1
        try removed(a, prefix: prefix)
      } else if let b {
        j += 1
        try added(b, prefix: prefix)
      }
    }
  }

  private mutating func descend(old: Entry?, new: Entry?, prefix: String) throws(GitError) {
    let oldTree = try old.map { (e) throws(GitError) in try tree(ObjectID(e.id)) }
    let newTree = try new.map { (e) throws(GitError) in try tree(ObjectID(e.id)) }
    if let new, let newTree { newTrees[ObjectID(new.id)] = newTree }
    try compare(oldTree, newTree, prefix: prefix)
  }

  func tree(_ id: ObjectID) throws(GitError) -> OwnedTree {
    if let tree = repository.recentTrees[id] { return tree }
    return try repository.lookupTree(id)
  }

  private mutating func removed(_ a: Entry, prefix: String) throws(GitError) {
    if a.isTree {
      try descend(old: a, new: nil, prefix: Self.path(prefix, a))
    } else if a.isFile {
      let p = Self.path(prefix, a)
      if pathFilter(p) { changes.append(FileChange(path: p, status: .deleted, newBlob: nil, oldBlob: ObjectID(a.id))) }
    }
  }

  private mutating func added(_ b: Entry, prefix: String) throws(GitError) {
    if b.isTree {
      try descend(old: nil, new: b, prefix: Self.path(prefix, b))
    } else if b.isFile {
      let p = Self.path(prefix, b)
      if pathFilter(p) { changes.append(FileChange(path: p, status: .added, newBlob: ObjectID(b.id), oldBlob: nil)) }
    }
  }
}
