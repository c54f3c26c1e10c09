import CGit2
import Foundation

// Owners of libgit2 objects: each holds one pointer, frees it in `deinit`, and never lets it
// out of this module. They are used on one thread, like the `Repository` that made them.

final class OwnedCommit {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_commit_free(pointer) }
}

final class OwnedTree {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_tree_free(pointer) }
}

final class OwnedBlob {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_blob_free(pointer) }
}

final class OwnedObject {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_object_free(pointer) }
}

final class OwnedReference {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_reference_free(pointer) }
}

final class OwnedDiff {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_diff_free(pointer) }
}

final class OwnedRevwalk {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_revwalk_free(pointer) }
}

final class OwnedOdb {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_odb_free(pointer) }
}

final class OwnedOdbObject {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_odb_object_free(pointer) }
}

final class OwnedIndex {
  let pointer: OpaquePointer
  init(_ pointer: OpaquePointer) { self.pointer = pointer }
  deinit { git_index_free(pointer) }
}

/// Runs a libgit2 call that returns an object through an out-pointer, checking its return code.
func gitCreate(_ doing: @autoclosure () -> String, _ body: (inout OpaquePointer?) -> Int32) throws(GitError) -> OpaquePointer {
  var out: OpaquePointer?
  let code = body(&out)
  if code < 0 { throw GitError.last(code, doing()) }
  guard let pointer = out else { throw GitError(.other, "\(doing()): libgit2 returned no object", code: code) }
  return pointer
}

/// The bytes of a NUL-terminated C string from libgit2 ([] for NULL).
func gitBytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
  guard let pointer else { return [] }
  return Array(UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)))
}

/// A C string from libgit2 decoded as UTF-8 (invalid sequences become U+FFFD), or "" for NULL.
func gitString(_ pointer: UnsafePointer<CChar>?) -> String {
  guard let pointer else { return "" }
  return String(decoding: UnsafeRawBufferPointer(start: pointer, count: strlen(pointer)), as: UTF8.self)
}
