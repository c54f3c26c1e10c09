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

  @Test func anUnknownCommitIsAnError() throws {
    let f = try RepositoryTests.fixture()
    defer { RepositoryTests.cleanup(f) }
    let root = try f.commit(files: ["a.txt": "1\n"], message: "Root")
    let repo = try Repository.discover(from: f.directory.path)
    let missing = try #require(ObjectID(hex: String(repeating: "ab", count: 20)))
    #expect(throws: GitError.self) { try repo.isAncestor(missing, of: #require(ObjectID(hex: root))) }
  }
}
