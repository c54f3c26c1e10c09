import Foundation
import MapcGit
import MapcTestSupport
import Testing

@Suite struct RepositoryTests {
  /// A fresh fixture repository; the caller removes `fixture.directory` when done.
  static func fixture() throws -> GitFixture {
    try GitFixture(TestSupport.temporaryDirectory("mapc-git").appendingPathComponent("repo"))
  }

  static func cleanup(_ fixture: GitFixture) {
    try? FileManager.default.removeItem(at: fixture.directory.deletingLastPathComponent())
  }

  @Test func objectIDRoundTripsHex() throws {
    let hex = "0123456789abcdef0123456789abcdef01234567"
    let id = try #require(ObjectID(hex: hex))
    #expect(id.description == hex)
    #expect(ObjectID(hex: hex.uppercased()) == id)
    #expect(ObjectID(hex: "xyz") == nil)
    #expect(id.bytes.count == 20)
  }

  @Test func notARepository() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-git-none")
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect {
      _ = try Repository.discover(from: dir.path)
    } throws: { ($0 as? GitError)?.kind == .notARepository && ($0 as? GitError)?.message.contains("not a git repository") == true }
  }

  @Test func discoversFromSubdirectory() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["plans/a.map.md": "a\n"], message: "Add a")
    let repo = try Repository.discover(from: f.directory.appendingPathComponent("plans").path)
    let workdir = try #require(repo.workdir)
    #expect(URL(fileURLWithPath: workdir).resolvingSymlinksInPath().path == f.directory.resolvingSymlinksInPath().path)
    #expect(try repo.isShallow == false)
    #expect(try repo.isEmpty == false)
    #expect(try repo.isHeadDetached == false)
    #expect(repo.headBranchName == "main")
  }

  @Test func emptyRepository() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let repo = try Repository.discover(from: f.directory.path)
    #expect(try repo.isEmpty)
    #expect(repo.headBranchName == "main")
    #expect(throws: GitError.self) { _ = try repo.resolveCommit("HEAD") }
    do {
      _ = try repo.resolveCommit("HEAD")
    } catch {
      #expect(error.kind == .emptyRepository)
      #expect(error.message.contains("no commits yet"))
    }
  }

  @Test func unbornBranch() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.txt": "a\n"], message: "First")
    try f.git(["checkout", "--quiet", "--orphan", "fresh"])
    let repo = try Repository.discover(from: f.directory.path)
    do {
      _ = try repo.resolveCommit("HEAD")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .unbornBranch)
      #expect(error.message.contains("fresh"))
    }
  }

  @Test func unknownAndInvalidRevisions() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.txt": "a\n"], message: "First")
    let repo = try Repository.discover(from: f.directory.path)
    do {
      _ = try repo.resolveCommit("no-such-branch")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .notFound)
      #expect(error.message.contains("no-such-branch"))
      #expect(error.code < 0)
    }
    do {
      _ = try repo.resolveCommit("HEAD^{tree}")
      Issue.record("expected an error")
    } catch {
      #expect(error.kind != .other || error.message.contains("commit"))
    }
    // A tag peels to its commit.
    try f.git(["tag", "-a", "v1", "-m", "v1"])
    #expect(try repo.resolveCommit("v1") == repo.resolveCommit("HEAD"))
  }

  @Test func firstParentHistoryCountsAMergeAsOneChange() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c1 = try f.commit(files: ["plans/a.map.md": "1\n"], message: "One", date: "2026-01-01T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "-b", "topic"])
    let inner1 = try f.commit(files: ["plans/a.map.md": "2\n"], message: "Inner 1", date: "2026-01-02T10:00:00+00:00")
    let inner2 = try f.commit(files: ["plans/a.map.md": "3\n"], message: "Inner 2", date: "2026-01-03T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "main"])
    let c2 = try f.commit(files: ["plans/b.map.md": "b\n"], message: "Two", date: "2026-01-04T10:00:00+00:00")
    try f.git(["merge", "--quiet", "--no-ff", "-m", "Merge topic", "topic"], date: "2026-01-05T10:00:00+00:00")
    let merge = try f.head()

    let repo = try Repository.discover(from: f.directory.path)
    let history = try repo.firstParentHistory(from: repo.resolveCommit("HEAD"))
    #expect(history.map(\.id.description) == [c1, c2, merge])
    #expect(!history.map(\.id.description).contains(inner1))
    #expect(!history.map(\.id.description).contains(inner2))
    #expect(history[2].parentIDs.count == 2)
    #expect(history[0].parentIDs.isEmpty)
    #expect(history[1].subject == "Two")
    #expect(history[1].time == 1_767_520_800)

    // Read from the commits' headers alone, the chain is the same, with trees and first parents.
    let chain = try repo.firstParentChain(from: repo.resolveCommit("HEAD"))
    #expect(chain.map(\.id) == history.map(\.id))
    #expect(chain.map(\.treeID) == history.map(\.treeID))
    #expect(chain.map(\.firstParent) == history.map(\.parentIDs.first))
    #expect(try repo.firstParentCommitIDs(from: repo.resolveCommit("HEAD")) == chain.map(\.id))

    // The merge's change, compared with its first parent, is the whole branch's change.
    let changes = try repo.changes(from: history[1].id, to: history[2].id) { $0.hasSuffix(".map.md") }
    #expect(changes.map(\.path) == ["plans/a.map.md"])
    #expect(changes.first?.status == .modified)
    let blob = try #require(changes.first?.newBlob)
    #expect(try repo.blob(blob) == Array("3\n".utf8))
  }

  @Test func rootCommitDiffsAgainstTheEmptyTreeAndFilters() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c1 = try f.commit(
      files: ["plans/a.map.md": "a\n", "plans/deep/b.map.md": "b\n", "README.md": "r\n"], message: "Start")
    let repo = try Repository.discover(from: f.directory.path)
    let changes = try repo.changes(from: nil, to: #require(ObjectID(hex: c1))) { $0.hasSuffix(".map.md") }
    #expect(changes.map(\.path) == ["plans/a.map.md", "plans/deep/b.map.md"])
    #expect(changes.allSatisfy { $0.status == .added && $0.oldBlob == nil && $0.newBlob != nil })
    let all = try repo.changes(from: nil, to: #require(ObjectID(hex: c1))) { _ in true }
    #expect(all.count == 3)
  }

  @Test func renamesAppearAsDeleteAndAdd() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let text = String(repeating: "a line of a plan that is long enough to be similar\n", count: 20)
    let c1 = try f.commit(files: ["plans/old.map.md": text], message: "Add")
    try f.git(["mv", "plans/old.map.md", "plans/new.map.md"])
    let c2 = try f.commit(message: "Rename")
    let repo = try Repository.discover(from: f.directory.path)
    let changes = try repo.changes(from: ObjectID(hex: c1), to: #require(ObjectID(hex: c2))) { _ in true }
    #expect(changes.count == 2)
    let added = try #require(changes.first { $0.status == .added })
    let deleted = try #require(changes.first { $0.status == .deleted })
    #expect(added.path == "plans/new.map.md")
    #expect(deleted.path == "plans/old.map.md")
    #expect(deleted.newBlob == nil)
    #expect(added.newBlob == deleted.oldBlob)
    #expect(added.oldPath == nil && deleted.oldPath == nil)
  }

  @Test func trailersAndSubject() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let message = """
      Push security review by two weeks

      The SOC 2 report arrives late.

      Slip-Reason: vendor audit delayed
        until March
      Co-authored-by: Dana Buyer <dana@acme.example>

      """
    let c = try f.commit(files: ["a.txt": "a\n"], message: message, author: .buyer, date: "2026-02-03T10:00:00+01:00")
    let repo = try Repository.discover(from: f.directory.path)
    let info = try repo.commit(#require(ObjectID(hex: c)))
    #expect(info.subject == "Push security review by two weeks")
    #expect(
      info.trailers == [
        Trailer(key: "Slip-Reason", value: "vendor audit delayed until March"),
        Trailer(key: "Co-authored-by", value: "Dana Buyer <dana@acme.example>"),
      ])
    #expect(info.trailer("slip-reason") == "vendor audit delayed until March")
    #expect(info.authorName == "Dana Buyer")
    #expect(info.authorEmail == "dana@acme.example")
    #expect(info.offsetMinutes == 60)
    #expect(info.time == 1_770_109_200)
  }

  @Test func trailerParsing() {
    #expect(Trailer.parse("Subject only") == [])
    #expect(Trailer.parse("Subject: with colon") == [])
    #expect(Trailer.parse("Subject\n\nBody text here.\n") == [])
    #expect(Trailer.parse("Subject\n\nBody\nKey: v\n") == [])
    #expect(Trailer.parse("Subject\n\nKey: v\nOther-Key:w\n\n") == [Trailer(key: "Key", value: "v"), Trailer(key: "Other-Key", value: "w")])
    #expect(Trailer.parse("Subject\r\n\r\nKey: v\r\n") == [Trailer(key: "Key", value: "v")])
  }

  @Test func latin1MessageIsDecoded() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.write(["a.txt": "a\n"])
    let c = try f.commit(
      messageBytes: Array("Report d".utf8) + [0xE9] + Array("cal\u{E9}".utf8.prefix(3)) + Array("\n".utf8),
      date: "2026-01-05T09:00:00+00:00", options: ["-c", "i18n.commitEncoding=latin1"])
    let repo = try Repository.discover(from: f.directory.path)
    let info = try repo.commit(#require(ObjectID(hex: c)))
    #expect(info.subject == "Report d\u{E9}cal")
  }

  @Test func invalidUTF8MessageIsDecodedLeniently() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    // `git commit` re-encodes a non-UTF-8 message, so write the commit object by hand.
    try f.commit(files: ["a.txt": "a\n"], message: "First")
    let c = try f.rawCommit(messageBytes: Array("Caf".utf8) + [0xE9, 0x0A])
    let repo = try Repository.discover(from: f.directory.path)
    let info = try repo.commit(#require(ObjectID(hex: c)))
    #expect(info.subject == "Caf\u{FFFD}")
  }

  @Test func shallowCloneIsDetected() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.txt": "1\n"], message: "One", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.txt": "2\n"], message: "Two", date: "2026-01-02T10:00:00+00:00")
    let clone = f.directory.deletingLastPathComponent().appendingPathComponent("clone")
    try f.git(["clone", "--quiet", "--depth", "1", "file://" + f.directory.path, clone.path])
    let repo = try Repository.discover(from: clone.path)
    #expect(try repo.isShallow)
    let full = try Repository.discover(from: f.directory.path)
    #expect(try full.isShallow == false)
  }

  @Test func detachedHeadResolves() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c1 = try f.commit(files: ["a.txt": "1\n"], message: "One", date: "2026-01-01T10:00:00+00:00")
    try f.commit(files: ["a.txt": "2\n"], message: "Two", date: "2026-01-02T10:00:00+00:00")
    try f.git(["checkout", "--quiet", "--detach", c1])
    let repo = try Repository.discover(from: f.directory.path)
    #expect(try repo.isHeadDetached)
    #expect(repo.headBranchName == nil)
    #expect(try repo.resolveCommit("HEAD").description == c1)
    #expect(try repo.firstParentHistory(from: repo.resolveCommit("HEAD")).count == 1)
  }

  @Test func corruptBlobGivesATypedError() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c = try f.commit(files: ["plans/a.map.md": "---\nid: a\n---\n"], message: "Add")
    let blobHex = try f.git(["rev-parse", "HEAD:plans/a.map.md"]).trimmingCharacters(in: .whitespacesAndNewlines)
    try corrupt(object: blobHex, in: f)
    let repo = try Repository.discover(from: f.directory.path)
    let changes = try repo.changes(from: nil, to: #require(ObjectID(hex: c))) { _ in true }
    let blob = try #require(changes.first?.newBlob)
    #expect(blob.description == blobHex)
    do {
      _ = try repo.blob(blob)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .corrupt || error.kind == .notFound, "\(error)")
      #expect(error.message.contains(blobHex))
    }
  }

  @Test func corruptCommitGivesATypedError() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    try f.commit(files: ["a.txt": "1\n"], message: "One", date: "2026-01-01T10:00:00+00:00")
    let c2 = try f.commit(files: ["a.txt": "2\n"], message: "Two", date: "2026-01-02T10:00:00+00:00")
    try corrupt(object: c2, in: f)
    let repo = try Repository.discover(from: f.directory.path)
    do {
      let tip = try repo.resolveCommit("HEAD")
      _ = try repo.firstParentHistory(from: tip)
      Issue.record("expected an error")
    } catch {
      #expect(error.kind == .corrupt || error.kind == .notFound, "\(error)")
    }
  }

  @Test func workingTreeChanges() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let c = try f.commit(
      files: ["plans/a.map.md": "a\n", "plans/b.map.md": "b\n", "notes.txt": "n\n"], message: "Start")
    let repo = try Repository.discover(from: f.directory.path)
    let head = try #require(ObjectID(hex: c))
    #expect(try repo.workingTreeChanges(comparedTo: head) { $0.hasSuffix(".map.md") }.isEmpty)

    try f.write([
      "plans/a.map.md": "a2\n", "plans/b.map.md": nil, "plans/new/c.map.md": "c\n", "notes.txt": "n2\n",
    ])
    let changes = try repo.workingTreeChanges(comparedTo: head) { $0.hasSuffix(".map.md") }
    let byPath = Dictionary(uniqueKeysWithValues: changes.map { ($0.path, $0.status) })
    #expect(byPath == ["plans/a.map.md": .modified, "plans/b.map.md": .deleted, "plans/new/c.map.md": .added])
    #expect(try repo.workingTreeFile("plans/new/c.map.md") == Array("c\n".utf8))

    // Staged changes count too.
    try f.git(["add", "plans/new/c.map.md"])
    let staged = try repo.workingTreeChanges(comparedTo: head) { $0.hasSuffix(".map.md") }
    #expect(staged.count == 3)
  }

  @Test func treeWalkAgreesWithLibgit2Diff() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    var commits: [String] = []
    commits.append(try f.commit(
      files: ["a": "1\n", "a.b": "1\n", "a-b/x.map.md": "1\n", "b/c/d.map.md": "1\n", "b/e.map.md": "1\n", "z": "1\n"],
      message: "1"))
    commits.append(try f.commit(files: ["a-b/x.map.md": "2\n", "b/c/new.map.md": "n\n", "z": nil], message: "2"))
    // A file becomes a folder, a folder becomes a file.
    commits.append(try f.commit(files: ["a": nil, "a/inner.map.md": "i\n", "b/c/d.map.md": nil, "b/c/new.map.md": nil], message: "3"))
    try f.write(["b/c": nil])
    commits.append(try f.commit(files: ["b/c": "now a file\n", "b/e.map.md": "2\n", "a.b": nil], message: "4"))
    let repo = try Repository.discover(from: f.directory.path)
    var previous: ObjectID?
    for hex in commits {
      let tree = try repo.commit(#require(ObjectID(hex: hex))).treeID
      for filter in [{ (_: String) in true }, { (p: String) in p.hasSuffix(".map.md") }] {
        let mine = try repo.changes(fromTree: previous, toTree: tree, pathFilter: filter)
        let theirs = try repo.libgit2Changes(fromTree: previous, toTree: tree, pathFilter: filter)
        #expect(Set(mine) == Set(theirs), "commit \(hex)")
        #expect(mine.count == theirs.count)
      }
      previous = tree
    }
  }

  /// Raw trees are parsed by mapc itself: a malformed one is a typed error, never a crash or a
  /// read past its end.
  @Test func malformedTreeIsACorruptError() throws {
    let f = try Self.fixture()
    defer { Self.cleanup(f) }
    let good = try f.commit(files: ["plans/a.map.md": "a\n"], message: "good")
    let repo = try Repository.discover(from: f.directory.path)
    let goodTree = try repo.commit(#require(ObjectID(hex: good))).treeID
    let contents: [[UInt8]] = [
      Array("100644 a.map.md".utf8),  // no NUL, no id
      Array("100644 a.map.md\0".utf8) + [1, 2, 3],  // a truncated id
      Array("1x0644 a.map.md\0".utf8) + Array(repeating: 7, count: 20),  // not an octal mode
      Array("a.map.md\0".utf8) + Array(repeating: 7, count: 20),  // no mode
    ]
    for (i, bytes) in contents.enumerated() {
      let file = f.directory.appendingPathComponent("bad-\(i)")
      try Data(bytes).write(to: file)
      let hex = try f.git(["hash-object", "-w", "-t", "tree", "--literally", file.path])
        .trimmingCharacters(in: .whitespacesAndNewlines)
      let bad = try #require(ObjectID(hex: hex))
      for (old, new) in [(nil, bad), (goodTree, bad), (bad, goodTree)] as [(ObjectID?, ObjectID)] {
        do {
          _ = try repo.changes(fromTree: old, toTree: new) { _ in true }
          Issue.record("content \(i): expected an error")
        } catch {
          #expect(error.kind == .corrupt, "content \(i): \(error)")
        }
      }
      // A lookup by path finds nothing in it, without reading past its end.
      #expect(try repo.blobIDs(at: ["a.map.md", "b"], inTree: bad).isEmpty, "content \(i)")
    }
  }

  /// Overwrites a loose object's file with garbage.
  func corrupt(object hex: String, in f: GitFixture) throws {
    let path = f.directory.appendingPathComponent(".git/objects/\(hex.prefix(2))/\(hex.dropFirst(2))").path
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    try Data("this is not a zlib stream at all".utf8).write(to: URL(fileURLWithPath: path))
  }
}
