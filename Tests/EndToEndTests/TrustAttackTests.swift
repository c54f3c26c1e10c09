import Foundation
import MapcTestSupport
import Testing

/// Breaks a hostile review found after issue 12's fixes: branding that names git's own files or
/// a plan, an empty `.git` folder in a shared parent taken for a repository, and a `--all` page
/// named after another deal.
@Suite struct TrustAttackTests {
  static func folder(_ files: [String: String]) throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-attack")
    for (path, text) in files {
      let url = dir.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return dir
  }

  static let plan = TrustFilesTests.plan(id: "acme", buyer: "Acme", due: "2027-01-11")

  @Test(arguments: [".git/config", "acme.map.md", "notes.txt"])
  func brandingNeverNamesGitFilesPlansOrOtherFiles(css: String) throws {
    let dir = try Self.folder([
      "acme.map.md": Self.plan, "notes.txt": "SECRET-NOTES-CANARY\n", "mapc.yml": "render: { css: \(css) }\n",
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    try GitFixture(dir).git(["config", "http.extraheader", "AUTHORIZATION: basic SECRET-TOKEN-CANARY"])
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 2, "\(css): \(run.stderr)")
    #expect(run.stderr.contains("mapc.yml:1:"), "\(run.stderr)")
    #expect(!run.stdout.contains("CANARY") && !run.stderr.contains("CANARY"))
  }

  @Test func anEmptyGitFolderInASharedParentIsNoRepository() throws {
    let dir = try Self.folder([
      "mapc.yml": "render: { seller: EVILBRAND }\n", "victim/acme.map.md": Self.plan,
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent(".git"), withIntermediateDirectories: true)
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: dir.appendingPathComponent("victim"))
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("EVILBRAND"))
  }

  @Test func allNeverNamesAPageAfterAnotherPlan() throws {
    let dir = try Self.folder([
      "index.map.md": TrustFilesTests.plan(id: "index", buyer: "Initech", due: "2027-01-11"),
      "index-2.map.md": TrustFilesTests.plan(id: "index-2", buyer: "Globex", due: "2027-01-11"),
    ])
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["render", "--all", "-o", "out", "--as-of", "2026-11-23"], in: dir)
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("plan id `index` is reserved for the index page"))
    let page = try String(contentsOf: dir.appendingPathComponent("out/index-2.html"), encoding: .utf8)
    #expect(page.contains("Globex") && !page.contains("Initech"))
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out/index-2-2.html").path))
  }
}
