import Foundation
import MapcTestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Issue 12, points 4 to 6, through the binary: plan ids are unique across the repository and
/// two files' data are never merged; nothing outside the repository is read; `-o` replaces
/// only regular files and keeps their mode.
@Suite struct TrustFilesTests {
  // MARK: Fixtures

  /// A plan; `buyer` names everything buyer-specific, so that no word of one buyer's plan
  /// occurs in another's.
  static func plan(id: String, buyer: String, due: String, extra: String = "") -> String {
    """
    ---
    map: 1
    id: \(id)
    title: \(buyer) × Northwind rollout
    buyer: \(buyer) Corp
    seller: Northwind Analytics
    value: Cut the \(buyer) month-end close from 9 days to 3.
    go_live: 2027-03-01
    value_date: 2027-06-01
    stakeholders:
      - { id: dana, name: Dana \(buyer)son, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    stages: [implementation, value]
    milestones:
      - id: kickoff
        title: \(buyer) data migration
        stage: implementation
        owners: [dana, sam]
        due: \(due)
        status: not-started
    \(extra)---
    ## Why now

    \(buyer) closes the books by hand.

    """
  }

  /// The issue's scenario in a git repository: Acme's plan, its date moved 39 days later, then
  /// Globex's plan started from a copy of Acme's whose `id` nobody changed.
  static func copiedPlanRepository() throws -> GitFixture {
    let dir = try TestSupport.temporaryDirectory("mapc-dup-id")
    let git = try GitFixture(dir)
    try git.commit(files: ["acme.map.md": plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "Acme plan")
    try git.commit(
      files: ["acme.map.md": plan(id: "acme-rollout", buyer: "Acme", due: "2027-02-19")], message: "Acme: migration later",
      date: "2026-02-05T09:00:00+00:00")
    try git.commit(
      files: ["globex.map.md": plan(id: "acme-rollout", buyer: "Globex", due: "2027-01-20")], message: "Start Globex's plan",
      date: "2026-03-05T09:00:00+00:00")
    return git
  }

  static func remove(_ dir: URL) { try? FileManager.default.removeItem(at: dir) }

  static func write(_ text: String, to url: URL) throws {
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try text.write(to: url, atomically: false, encoding: .utf8)
  }

  static func mode(_ path: String) -> mode_t? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return info.st_mode
  }

  // MARK: 4. Plan ids are unique across the repository

  @Test func lintReportsAPlanIDUsedByTwoFilesAtEachIDLine() throws {
    let git = try Self.copiedPlanRepository()
    defer { Self.remove(git.directory) }
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: git.directory)
    #expect(run.status == 1, "\(run.stdout)\(run.stderr)")
    #expect(run.stdout.contains("acme.map.md:3:5: error[MAP030]: plan id `acme-rollout` is also the id of globex.map.md"), "\(run.stdout)")
    #expect(run.stdout.contains("globex.map.md:3:5: error[MAP030]: plan id `acme-rollout` is also the id of acme.map.md"), "\(run.stdout)")
    // The JSON report points at the value too.
    let json = try TestSupport.mapc(["lint", "--today", "2026-11-23", "-f", "json"], in: git.directory)
    #expect(json.stdout.contains("\"code\":\"MAP030\"") || json.stdout.contains("\"code\": \"MAP030\""), "\(json.stdout)")
  }

  /// Globex's page holds nothing of Acme's: mapc refuses to draw it while the id is shared.
  @Test func renderRefusesAPlanIDUsedByTwoFiles() throws {
    let git = try Self.copiedPlanRepository()
    defer { Self.remove(git.directory) }
    let one = try TestSupport.mapc(["render", "globex.map.md", "--as-of", "2026-11-23"], in: git.directory)
    #expect(one.status == 2, "\(one.stderr)")
    #expect(!one.stdout.contains("Acme"), "Globex's page shows Acme's data")
    #expect(one.stderr.contains("acme.map.md") && one.stderr.contains("globex.map.md"), "\(one.stderr)")

    let site = git.directory.appendingPathComponent("site")
    let all = try TestSupport.mapc(["render", "--all", "-o", site.path, "--as-of", "2026-11-23"], in: git.directory)
    #expect(all.status == 2, "\(all.stderr)")
    #expect(all.stderr.contains("plan id `acme-rollout`"), "\(all.stderr)")
    let written = (try? FileManager.default.contentsOfDirectory(atPath: site.path)) ?? []
    for name in written {
      let html = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
      #expect(!(html.contains("Globex") && html.contains("Acme")), "\(name) mixes both plans")
    }
    #expect(written.isEmpty, "render --all wrote \(written)")

    let at = try TestSupport.mapc(["render", "globex.map.md", "--at", "HEAD", "--as-of", "2026-11-23"], in: git.directory)
    #expect(at.status == 2, "\(at.stderr)")
    #expect(!at.stdout.contains("Acme"))
  }

  @Test func diffSlipAndLintBaseRefuseAPlanIDUsedByTwoFiles() throws {
    let git = try Self.copiedPlanRepository()
    defer { Self.remove(git.directory) }
    // Globex's date moves in the working tree: a diff must not say "No plan changes".
    try Self.write(
      Self.plan(id: "acme-rollout", buyer: "Globex", due: "2027-02-01"), to: git.directory.appendingPathComponent("globex.map.md"))
    for arguments in [["diff", "HEAD"], ["diff", "HEAD~1", "HEAD"], ["slip"], ["slip", "globex.map.md"], ["lint", "--base", "HEAD~1"]] {
      let run = try TestSupport.mapc(arguments, in: git.directory)
      #expect(run.status == 2, "mapc \(arguments.joined(separator: " ")): \(run.stdout)\(run.stderr)")
      #expect(
        run.stderr.contains("plan id `acme-rollout`") && run.stderr.contains("acme.map.md") && run.stderr.contains("globex.map.md"),
        "mapc \(arguments.joined(separator: " ")): \(run.stderr)")
    }
  }

  /// Once Globex gets its own id, every command works again.
  @Test func distinctIDsAreNotReported() throws {
    let git = try Self.copiedPlanRepository()
    defer { Self.remove(git.directory) }
    try git.commit(
      files: ["globex.map.md": Self.plan(id: "globex-rollout", buyer: "Globex", due: "2027-01-20")], message: "Globex's own id",
      date: "2026-03-06T09:00:00+00:00")
    let lint = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: git.directory)
    #expect(!lint.stdout.contains("MAP030"), "\(lint.stdout)")
    let render = try TestSupport.mapc(["render", "globex.map.md", "--as-of", "2026-11-23"], in: git.directory)
    #expect(render.status == 0, "\(render.stderr)")
    #expect(render.stdout.contains("Globex") && !render.stdout.contains("Acme"))
    #expect(try TestSupport.mapc(["diff", "HEAD"], in: git.directory).status == 0)
    // The revision before the fix still holds both files with one id: comparing with it is refused.
    let old = try TestSupport.mapc(["diff", "HEAD~1"], in: git.directory)
    #expect(old.status == 2 && old.stderr.contains("HEAD~1:globex.map.md"), "\(old.stderr)")
  }

  // MARK: 5. Nothing outside the repository is read

  /// A `mapc.yml` in a shared parent folder (`/tmp`) must not restyle another user's snapshots.
  @Test func configurationAboveTheRepositoryRootIsIgnored() throws {
    let parent = try TestSupport.temporaryDirectory("mapc-parent")
    defer { Self.remove(parent) }
    try Self.write("render:\n  seller: Parent Folder Corp\n", to: parent.appendingPathComponent("mapc.yml"))
    let repo = parent.appendingPathComponent("repo")
    let git = try GitFixture(repo)
    try git.commit(files: ["plans/acme.map.md": Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "plan")
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: repo.appendingPathComponent("plans"))
    #expect(run.status == 0, "\(run.stderr)")
    #expect(!run.stdout.contains("Parent Folder Corp"), "mapc.yml above the repository root was read")

    // The repository's own mapc.yml is still found from a subfolder.
    try Self.write("render:\n  seller: Repository Corp\n", to: repo.appendingPathComponent("mapc.yml"))
    let own = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: repo.appendingPathComponent("plans"))
    #expect(own.status == 0, "\(own.stderr)")
    #expect(own.stdout.contains("Repository Corp"))

    // Outside git, only the working directory's mapc.yml counts.
    let loose = parent.appendingPathComponent("loose")
    try Self.write(Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11"), to: loose.appendingPathComponent("acme.map.md"))
    let outside = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: loose)
    #expect(outside.status == 0, "\(outside.stderr)")
    #expect(!outside.stdout.contains("Parent Folder Corp"), "mapc.yml above the working directory was read outside git")
  }

  enum BrandingFile: String, CaseIterable, Sendable {
    case logoSymlink, logoAbsolute, logoDotDot, cssSymlink, cssAbsolute, cssDotDot, logoSymlinkedFolder
  }

  /// A logo or stylesheet outside the repository (through a symbolic link, an absolute path or
  /// `../`) is refused with exit 2 at its key in mapc.yml, and not a byte of it is embedded.
  @Test(arguments: BrandingFile.allCases)
  func brandingFromOutsideTheRepositoryIsRefused(file: BrandingFile) throws {
    let parent = try TestSupport.temporaryDirectory("mapc-brand")
    defer { Self.remove(parent) }
    let secret = parent.appendingPathComponent("secret")
    try Self.write("<svg xmlns=\"http://www.w3.org/2000/svg\"><text>OUTSIDE-CANARY</text></svg>\n", to: secret.appendingPathComponent("logo.svg"))
    try Self.write("body { color: red } /* OUTSIDE-CANARY */\n", to: secret.appendingPathComponent("brand.css"))
    let repo = parent.appendingPathComponent("repo")
    let git = try GitFixture(repo)
    try git.commit(files: ["acme.map.md": Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "plan")
    let key = file.rawValue.hasPrefix("logo") ? "logo" : "css"
    let target = secret.appendingPathComponent(key == "logo" ? "logo.svg" : "brand.css").path
    let value: String
    switch file {
    case .logoSymlink, .cssSymlink:
      value = key == "logo" ? "brand/logo.svg" : "brand/brand.css"
      try FileManager.default.createDirectory(at: repo.appendingPathComponent("brand"), withIntermediateDirectories: true)
      try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent(value).path, withDestinationPath: target)
    case .logoSymlinkedFolder:
      value = "brand/logo.svg"
      try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("brand").path, withDestinationPath: secret.path)
    case .logoAbsolute, .cssAbsolute:
      value = target
    case .logoDotDot, .cssDotDot:
      value = key == "logo" ? "../secret/logo.svg" : "../secret/brand.css"
    }
    try Self.write("plans: [\"*.map.md\"]\nrender:\n  seller: Northwind\n  \(key): \(value)\n", to: repo.appendingPathComponent("mapc.yml"))
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: repo)
    #expect(run.status == 2, "\(file): \(run.stderr)")
    #expect(run.stdout.isEmpty, "\(file): a snapshot was written")
    #expect(run.stderr.contains("mapc.yml:4:"), "\(file): \(run.stderr)")
    #expect(run.stderr.contains(key), "\(file): \(run.stderr)")
    #expect(!run.stderr.contains("OUTSIDE-CANARY"), "\(file): the refused file's bytes were shown")
  }

  /// A logo of 2 MB would bloat every snapshot mailed: refused, naming the 1 MB limit.
  @Test func aLogoOverOneMegabyteIsRefused() throws {
    let repo = try TestSupport.temporaryDirectory("mapc-biglogo")
    defer { Self.remove(repo) }
    let git = try GitFixture(repo)
    try git.commit(files: ["acme.map.md": Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "plan")
    try Data(repeating: 0x41, count: 2 * 1024 * 1024).write(to: repo.appendingPathComponent("logo.png"))
    try Self.write("render:\n  logo: logo.png\n", to: repo.appendingPathComponent("mapc.yml"))
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23"], in: repo)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stdout.isEmpty)
    #expect(run.stderr.contains("mapc.yml:2:9") && run.stderr.contains("1 MB"), "\(run.stderr)")
  }

  /// An extension schema outside the repository is refused like the logo.
  @Test func anExtensionSchemaOutsideTheRepositoryIsRefused() throws {
    let parent = try TestSupport.temporaryDirectory("mapc-ext")
    defer { Self.remove(parent) }
    try Self.write("{\"type\": \"object\"}\n", to: parent.appendingPathComponent("team.schema.json"))
    let repo = parent.appendingPathComponent("repo")
    let git = try GitFixture(repo)
    try git.commit(files: ["acme.map.md": Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "plan")
    try Self.write("schema:\n  extend: ../team.schema.json\n", to: repo.appendingPathComponent("mapc.yml"))
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23"], in: repo)
    #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
    #expect(run.stderr.contains("mapc.yml:2:11") && run.stderr.contains("outside the repository"), "\(run.stderr)")
  }

  /// A plan named on the command line outside the repository (directly or through a linked
  /// folder) is a finding, and its bytes never reach the output.
  @Test func plansOutsideTheRepositoryAreRefusedWithAFinding() throws {
    let parent = try TestSupport.temporaryDirectory("mapc-outside")
    defer { Self.remove(parent) }
    // An unknown key on the line holding the canary: linting it would show that line.
    let leaky = Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11", extra: "token: OUTSIDE-CANARY\n")
    try Self.write(leaky, to: parent.appendingPathComponent("elsewhere/leak.map.md"))
    let repo = parent.appendingPathComponent("repo")
    let git = try GitFixture(repo)
    try git.commit(files: ["acme.map.md": Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11")], message: "plan")
    try FileManager.default.createSymbolicLink(
      atPath: repo.appendingPathComponent("linked").path, withDestinationPath: parent.appendingPathComponent("elsewhere").path)
    for argument in ["../elsewhere/leak.map.md", parent.appendingPathComponent("elsewhere/leak.map.md").path, "linked/leak.map.md"] {
      let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", argument], in: repo)
      #expect(run.status == 1, "\(argument): \(run.stdout)\(run.stderr)")
      #expect(run.stdout.contains("error[MAP001]") && run.stdout.contains("outside the repository"), "\(argument): \(run.stdout)")
      #expect(!run.stdout.contains("OUTSIDE-CANARY") && !run.stderr.contains("OUTSIDE-CANARY"), "\(argument): bytes shown")
      let render = try TestSupport.mapc(["render", argument, "--as-of", "2026-11-23"], in: repo)
      #expect(render.status != 0 && render.stdout.isEmpty, "\(argument): rendered")
      #expect(!render.stderr.contains("OUTSIDE-CANARY"), "\(argument): bytes shown")
    }
  }

  // MARK: 6. Writes replace only regular files and keep their mode

  static func renderRepository() throws -> URL {
    let dir = try TestSupport.temporaryDirectory("mapc-write")
    try Self.write(Self.plan(id: "acme-rollout", buyer: "Acme", due: "2027-01-11"), to: dir.appendingPathComponent("acme.map.md"))
    return dir
  }

  @Test func outputToAFIFOIsRefusedAndTheFIFOIsLeftAlone() throws {
    let dir = try Self.renderRepository()
    defer { Self.remove(dir) }
    let fifo = dir.appendingPathComponent("out.html").path
    try #require(mkfifo(fifo, 0o600) == 0)
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", fifo], in: dir)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("FIFO"), "\(run.stderr)")
    #expect(Self.mode(fifo).map { $0 & S_IFMT } == S_IFIFO, "the FIFO was replaced")
  }

  /// A symbolic link to a device is refused without being touched: the link stays a link and
  /// the device a device. (The test never writes to /dev/null itself.)
  @Test func outputToASymlinkIsRefusedAndLeftAlone() throws {
    let dir = try Self.renderRepository()
    defer { Self.remove(dir) }
    let link = dir.appendingPathComponent("device.html").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/null")
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", link], in: dir)
    #expect(run.status == 2, "\(run.stderr)")
    #expect(run.stderr.contains("symbolic link"), "\(run.stderr)")
    #expect(Self.mode(link).map { $0 & S_IFMT } == S_IFLNK, "the link was replaced")
    #expect(Self.mode("/dev/null").map { $0 & S_IFMT } == S_IFCHR, "/dev/null is no longer a device")

    let target = dir.appendingPathComponent("target.html")
    try "before\n".write(to: target, atomically: false, encoding: .utf8)
    let fileLink = dir.appendingPathComponent("file-link.html").path
    try FileManager.default.createSymbolicLink(atPath: fileLink, withDestinationPath: target.path)
    let second = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", fileLink], in: dir)
    #expect(second.status == 2, "\(second.stderr)")
    #expect(Self.mode(fileLink).map { $0 & S_IFMT } == S_IFLNK)
    #expect(try String(contentsOf: target, encoding: .utf8) == "before\n")
  }

  @Test func anExistingSnapshotKeepsItsMode() throws {
    let dir = try Self.renderRepository()
    defer { Self.remove(dir) }
    for permissions in [0o600, 0o640] as [mode_t] {
      let out = dir.appendingPathComponent("snapshot-\(permissions).html").path
      try "old\n".write(toFile: out, atomically: false, encoding: .utf8)
      try #require(chmod(out, permissions) == 0)
      let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", out], in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      #expect(Self.mode(out).map { $0 & 0o7777 } == permissions, "mode \(String(permissions, radix: 8)) was not kept")
      #expect(try String(contentsOfFile: out, encoding: .utf8).contains("Acme"))
    }
  }

  /// New internal snapshots are private to their owner; buyer ones follow the umask.
  @Test func newSnapshotsGetModesByAudience() throws {
    let dir = try Self.renderRepository()
    defer { Self.remove(dir) }
    func render(_ audience: String, _ name: String, umask mask: String) throws -> mode_t? {
      let out = dir.appendingPathComponent(name).path
      let command = "umask \(mask) && exec \"$0\" \"$@\""
      let run = try TestSupport.run(
        "/bin/sh", ["-c", command, TestSupport.binary.path, "render", "acme.map.md", "--as-of", "2026-11-23", "--audience", audience, "-o", out],
        in: dir)
      #expect(run.status == 0, "\(run.stderr)")
      return Self.mode(out).map { $0 & 0o7777 }
    }
    #expect(try render("internal", "internal.html", umask: "022") == 0o600)
    #expect(try render("buyer", "buyer.html", umask: "022") == 0o644)
    #expect(try render("buyer", "buyer-027.html", umask: "027") == 0o640)
    #expect(try render("internal", "internal-077.html", umask: "077") == 0o600)
    // --all writes internal pages and the index private too.
    let site = dir.appendingPathComponent("site")
    let all = try TestSupport.mapc(["render", "--all", "-o", site.path, "--as-of", "2026-11-23", "--audience", "internal"], in: dir)
    #expect(all.status == 0, "\(all.stderr)")
    #expect(Self.mode(site.appendingPathComponent("acme-rollout.html").path).map { $0 & 0o7777 } == 0o600)
    #expect(Self.mode(site.appendingPathComponent("index.html").path).map { $0 & 0o7777 } == 0o600)
  }

  @Test func dashOutputIsStandardOutput() throws {
    let dir = try Self.renderRepository()
    defer { Self.remove(dir) }
    let run = try TestSupport.mapc(["render", "acme.map.md", "--as-of", "2026-11-23", "-o", "-"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    #expect(run.stdout.hasPrefix("<!doctype html>") || run.stdout.hasPrefix("<!DOCTYPE html>"), "\(run.stdout.prefix(80))")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path), "wrote a file named -")
  }
}
