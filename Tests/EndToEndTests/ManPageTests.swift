import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// The man page `Scripts/generate-man.sh` writes to `.build/man/mapc.1` (Scripts/test.sh runs it
/// before the tests): generated from the same definitions as `--help`, it covers every
/// subcommand, and renders without warnings.
@Suite struct ManPageTests {
  static let page = TestSupport.packageRoot.appendingPathComponent(".build/man/mapc.1")

  /// The subcommands of mapc, from ArgumentParser's description of the command tree (what
  /// `--help` and the man page generator read).
  static func subcommands() throws -> [String] {
    let run = try TestSupport.mapc(["--experimental-dump-help"])
    let json = try JSONParser.parse(run.stdout)
    return (json["command"]?["subcommands"]?.arrayValue ?? []).compactMap { $0["commandName"]?.stringValue }
  }

  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: page.path),
      "no man page at .build/man/mapc.1: run bash Scripts/generate-man.sh (bash Scripts/test.sh does)"))
  func manPageCoversEverySubcommand() throws {
    let page = try String(contentsOf: Self.page, encoding: .utf8)
    let subcommands = try Self.subcommands()
    #expect(subcommands.count >= 10, "\(subcommands)")
    #expect(subcommands.contains("schema") && subcommands.contains("init"), "\(subcommands)")
    for name in subcommands {
      #expect(page.contains("\n.It Em \(name)\n"), "the man page has no entry for `mapc \(name)`")
    }
    #expect(page.contains(".Dt MAPC 1\n"))
    // Options come from the same definitions: one of each kind.
    #expect(page.contains(".It Fl -strict\n"))
    #expect(page.contains(".It Fl -force\n"))
    #expect(!page.contains("\n\n"), "a blank line is not mdoc; Scripts/generate-man.sh turns them into .Pp")

    if let groff = CIRecipeTests.tool("groff") {
      let run = try TestSupport.run(groff, ["-mandoc", "-Tutf8", "-ww", "-z", Self.page.path])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)")
    }
  }
}
