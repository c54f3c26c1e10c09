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

  /// Following files from commit to commit, a lookup skips the trees it already went through;
  /// what it finds must still be what git finds at each commit.
  @Test func pathLookupAcrossCommitsMatchesGit() throws {
    let f = try GitFixture(TestSupport.temporaryDirectory("mapc-lookup").appendingPathComponent("repo"))
    defer { try? FileManager.default.removeItem(at: f.directory.deletingLastPathComponent()) }
    var commits: [String] = []
    commits.append(try f.commit(files: ["plans/a.map.md": "a1\n", "plans/x/b.map.md": "b1\n", "r.md": "r\n"], message: "1"))
    commits.append(try f.commit(files: ["r.md": "r2\n"], message: "2: plans unchanged"))
    commits.append(try f.commit(files: ["plans/x/b.map.md": "b2\n"], message: "3: one folder changed"))
    commits.append(try f.commit(files: ["plans/a.map.md": nil], message: "4: a deleted"))
    commits.append(try f.commit(files: ["plans/a.map.md": "a1\n", "plans/x/b.map.md": nil, "plans/x/c": "c\n"], message: "5"))
    // A file becomes a folder.
    commits.append(try f.commit(files: ["plans/a.map.md": nil, "plans/a.map.md/inner": "i\n"], message: "6"))
    let repo = try Repository.discover(from: f.directory.path)
    let paths = ["plans/a.map.md", "plans/x/b.map.md", "plans/x/c", "missing/file"]
    var lookup = PathLookup(repository: repo, paths: paths)
    // Forward, then backward, then forward again: the lookup keeps no order of its own.
    let order = Array(commits.indices) + Array(commits.indices.reversed()) + Array(commits.indices)
    for i in order {
      let tree = try repo.commit(try #require(ObjectID(hex: commits[i]))).treeID
      let found = try lookup.blobIDs(inTree: tree)
      for path in paths {
        let result = try f.git(["ls-tree", commits[i], path]).trimmingCharacters(in: .whitespacesAndNewlines)
        let expected = result.hasPrefix("100644 blob ") ? String(result.dropFirst(12).prefix(40)) : nil
        #expect(found[path]?.description == expected, "commit \(i + 1), \(path)")
      }
    }
  }
}
