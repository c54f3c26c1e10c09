import Foundation
import MapcGit
import MapcTestSupport
import Testing

/// Looking files up by path in raw tree objects agrees with git itself.
@Suite struct BlobLookupTests {
  @Test func blobIDsMatchGitRevParse() throws {
    let f = try GitFixture(TestSupport.temporaryDirectory("mapc-lookup").appendingPathComponent("repo"))
    defer { try? FileManager.default.removeItem(at: f.directory.deletingLastPathComponent()) }
    let head = try f.commit(
      files: [
        "plans/a.map.md": "a\n", "plans/acme/b.map.md": "b\n", "plans/acme-c.map.md": "c\n", "readme.md": "r\n",
        "plans/z/deep/d.map.md": "d\n",
      ], message: "files")
    let repo = try Repository.discover(from: f.directory.path)
    let tree = try repo.commit(try #require(ObjectID(hex: head))).treeID
    let paths = ["plans/a.map.md", "plans/acme/b.map.md", "plans/acme-c.map.md", "plans/z/deep/d.map.md", "readme.md",
                 "plans/missing.map.md", "plans/acme", "nope/x.map.md"]
    let found = try repo.blobIDs(at: paths, inTree: tree)
    for path in paths.prefix(5) {
      let expected = try f.git(["rev-parse", "HEAD:\(path)"]).trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(found[path]?.description == expected, "\(path)")
    }
    #expect(found["plans/missing.map.md"] == nil)
    #expect(found["plans/acme"] == nil, "a folder is not a file")
    #expect(found["nope/x.map.md"] == nil)
  }
}
