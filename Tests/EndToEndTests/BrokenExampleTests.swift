import Foundation
import MapcTestSupport
import Testing

/// Every broken example, linted by the built binary, matches its expected diagnostics in
/// `Examples/broken/expected/`.
@Suite struct BrokenExampleTests {
  static let broken: [String] = {
    let dir = TestSupport.packageRoot.appendingPathComponent("Examples/broken")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
    return names.filter { $0.hasSuffix(".map.md") }.sorted()
  }()

  @Test func thereAreBrokenExamples() {
    #expect(Self.broken.count >= 15)
  }

  @Test(arguments: broken)
  func brokenExampleMatchesExpectedDiagnostics(name: String) throws {
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "Examples/broken/\(name)"])
    let stem = name.replacing(".map.md", with: "")
    let golden = "Examples/broken/expected/\(stem).txt"
    let actual = run.stdout + "exit code: \(run.status)\n"
    if let diff = TestSupport.golden(golden, actual) { Issue.record(Comment(rawValue: diff)) }
    #expect(run.stderr.isEmpty, "\(run.stderr)")
    #expect(run.status == 0 || run.status == 1)
  }

  @Test(arguments: ["json", "github", "sarif", "junit", "gitlab"])
  func formatsMatchGoldenFiles(format: String) throws {
    let run = try TestSupport.mapc(["lint", "--today", "2026-11-23", "--format", format, "Examples/broken"])
    #expect(run.status == 1)
    if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/broken.\(format)", run.stdout) {
      Issue.record(Comment(rawValue: diff))
    }
  }
}
