import Foundation

/// Shared helpers for mapc's tests: where things are, temporary directories, running the
/// built binary, and golden files.
public enum TestSupport {
  /// The package root, found from this file's path.
  public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// `../shared` beside the package (CI clones the repository with shared/ beside it).
  public static let sharedDirectory: URL = {
    let beside = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    if FileManager.default.fileExists(atPath: beside.path) { return beside }
    return URL(fileURLWithPath: "/work/shared")
  }()

  public static func read(_ relativePath: String) throws -> String {
    try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
  }

  /// A fresh temporary directory, removed by the caller's `defer`.
  public static func temporaryDirectory(_ name: String = "mapc-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// The built `mapc` binary, next to the test bundle in the build products folder.
  public static var binary: URL {
    let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for dir in [bundle, bundle.deletingLastPathComponent(), packageRoot.appendingPathComponent(".build/debug")] {
      let candidate = dir.appendingPathComponent("mapc")
      if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    return packageRoot.appendingPathComponent(".build/debug/mapc")
  }

  /// The result of running a process.
  public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
  }

  /// Runs the built `mapc` with `arguments` in `directory`.
  public static func mapc(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
    try run(binary.path, arguments, in: directory, environment: environment)
  }

  public static func run(_ executable: String, _ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = directory ?? packageRoot
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    // Read both pipes before waiting, so a large output cannot block the child.
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
      stderr: String(decoding: errData, as: UTF8.self))
  }

  /// Compares `actual` with the golden file at `relativePath` (from the package root).
  /// Returns nil when they match, else a description of the first difference.
  ///
  /// With `UPDATE_GOLDENS=1` in the environment, a golden file that differs (or is missing) is
  /// rewritten, and the comparison still fails, saying so: a run that rewrites a golden file
  /// never passes, so CI cannot go green by rewriting what it checks. Run again to see it pass.
  public static func golden(_ relativePath: String, _ actual: String) -> String? {
    golden(
      at: packageRoot.appendingPathComponent(relativePath), named: relativePath, actual,
      update: ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1")
  }

  /// ``golden(_:_:)`` for the file at `url`, shown as `relativePath`, rewriting it when `update`.
  public static func golden(at url: URL, named relativePath: String, _ actual: String, update: Bool) -> String? {
    let expected = try? String(contentsOf: url, encoding: .utf8)
    if expected == actual { return nil }
    if update {
      do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "could not rewrite golden file \(relativePath): \(error)"
      }
      return "golden rewritten: review the diff of \(relativePath) (this run fails; run the tests again without UPDATE_GOLDENS)"
    }
    guard let expected else {
      return "missing golden file \(relativePath); run the tests with UPDATE_GOLDENS=1 to create it"
    }
    let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    for i in 0..<max(e.count, a.count) {
      let el = i < e.count ? String(e[i]) : "<end>"
      let al = i < a.count ? String(a[i]) : "<end>"
      if el != al { return "\(relativePath):\(i + 1): expected\n  \(el)\nfound\n  \(al)\n(UPDATE_GOLDENS=1 rewrites golden files)" }
    }
    return "\(relativePath) differs"
  }
}
