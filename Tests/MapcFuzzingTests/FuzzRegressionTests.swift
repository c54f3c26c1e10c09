import Foundation
import MapcFuzzing
import Testing

/// Replays, without libFuzzer, every input the fuzz targets have crashed on (minimised, under
/// `Tests/FuzzRegressions/<target>/`) and the seed corpus (the plans under `Examples/`) through
/// the same entry points the fuzzer drives. A defect traps, failing the test run.
@Suite struct FuzzRegressionTests {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// The files under `folder` (recursively), sorted, hidden files and READMEs left out.
  static func files(under folder: String, suffix: String = "") -> [URL] {
    let root = repository.appendingPathComponent(folder)
    guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
    return walker.compactMap { $0 as? URL }
      .filter { (try? $0.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true }
      .filter { !$0.lastPathComponent.hasPrefix(".") && $0.lastPathComponent != "README.md" && $0.path.hasSuffix(suffix) }
      .sorted { $0.path < $1.path }
  }

  @Test(arguments: ["lint", "render", "yaml", "schema"])
  func replaysRegressionsAndSeeds(target name: String) throws {
    let target = try #require(FuzzTargets.all[name], "no fuzz target \(name)")
    let seeds = Self.files(under: "Examples", suffix: ".md")
    #expect(seeds.count >= 3, "the seed corpus under Examples/ is missing")
    let inputs = Self.files(under: "Tests/FuzzRegressions/\(name)") + seeds
    for input in inputs {
      let defect = target(Array(try Data(contentsOf: input)))
      #expect(defect == nil, "\(input.lastPathComponent): \(defect ?? "")")
    }
  }

  @Test func everyTargetHasARegressionFolder() {
    for name in FuzzTargets.all.keys {
      var isDirectory: ObjCBool = false
      let path = Self.repository.appendingPathComponent("Tests/FuzzRegressions/\(name)").path
      #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue, "\(path)")
    }
  }
}
