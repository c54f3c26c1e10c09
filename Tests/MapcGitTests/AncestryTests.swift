import Foundation
import MapcGit
import MapcTestSupport
import Testing

@Suite struct AncestryTests {
  @Test func ancestorsAreFoundAlongEveryParent() throws {
    let f = try RepositoryTests.fixture()
    defer { RepositoryTests.cleanup(f) }
    let root = try f.commit(files: ["a.txt": "1\n"], message: "Root")
    try f.git(["checkout", "--quiet", "-b", "side"])
    let side = try f.commit(files: ["b.txt": "1\n"], message: "Side")
    try f.git(["checkout", "--quiet", "main"])
    let main = try f.commit(files: ["a.txt": "2\n"], message: "Main")
    try f.git(["merge", "--quiet", "--no-ff", "--no-edit", "side"])
    let merge = try f.head()
    try f.git(["checkout", "--quiet", "--orphan", "unrelated"])
    let unrelated = try f.commit(files: ["c.txt": "1\n"], message: "Unrelated")

    let repo = try Repository.discover(from: f.directory.path)
    func id(_ hex: String) throws -> ObjectID { try #require(ObjectID(hex: hex)) }
    #expect(try repo.isAncestor(id(root), of: id(root)), "a commit is its own ancestor, as git says")
    #expect(try repo.isAncestor(id(root), of: id(merge)))
    #expect(try repo.isAncestor(id(main), of: id(merge)))
    #expect(try repo.isAncestor(id(side), of: id(merge)), "through the merge's second parent")
    #expect(try !repo.isAncestor(id(merge), of: id(main)))
    #expect(try !repo.isAncestor(id(side), of: id(main)))
    #expect(try !repo.isAncestor(id(root), of: id(unrelated)))
  }

  /// `git rev-list tip ^excluded`, parents first: a branch's commits on both sides of a merge,
  /// and nothing the excluded commit already has.
  @Test func commitsATipAddsToABase() throws {
    let f = try RepositoryTests.fixture()
    defer { RepositoryTests.cleanup(f) }
    try f.commit(files: ["a.txt": "1\n"], message: "Root")
    let base = try f.commit(files: ["a.txt": "2\n"], message: "Base")
    try f.git(["checkout", "--quiet", "-b", "branch"])
    let one = try f.commit(files: ["b.txt": "1\n"], message: "One")
    let two = try f.commit(files: ["b.txt": "2\n"], message: "Two")
    try f.git(["checkout", "--quiet", "main"])
    try f.commit(files: ["c.txt": "1\n"], message: "Main moves on")
    try f.git(["checkout", "--quiet", "--detach", "main"])
    try f.git(["merge", "--quiet", "--no-ff", "--no-edit", "branch"])
    let merge = try f.head()

    let repo = try Repository.discover(from: f.directory.path)
    func id(_ hex: String) throws -> ObjectID { try #require(ObjectID(hex: hex)) }
    let main = try repo.resolveCommit("main")
    #expect(try repo.commitIDs(from: id(merge), excluding: main) == [id(one), id(two), id(merge)])
    #expect(try repo.commitIDs(from: id(two), excluding: id(base)) == [id(one), id(two)])
    #expect(try repo.commitIDs(from: id(base), excluding: id(two)).isEmpty)
    let expected = try f.git(["rev-list", "--topo-order", "--reverse", merge, "^main"]).split(separator: "\n").map(String.init)
    #expect(try repo.commitIDs(from: id(merge), excluding: main).map(\.description) == expected)
  }

  @Test func anUnknownCommitIsAnError() throws {
    let f = try RepositoryTests.fixture()
    defer { RepositoryTests.cleanup(f) }
    let root = try f.commit(files: ["a.txt": "1\n"], message: "Root")
    let repo = try Repository.discover(from: f.directory.path)
    let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    #expect(throws: GitError.self) { try repo.isAncestor(missing, of: #require(ObjectID(hex: root))) }
  }
}
