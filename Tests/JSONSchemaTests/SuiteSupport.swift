import Foundation
import JSONSchema
import MapcJSON

/// Locates the shared conformance material and runs JSON-Schema-Test-Suite files.
enum Suite {
  /// `<package root>/../shared`, found from this file; falls back to /work/shared.
  static let shared: String = {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let candidate = packageRoot.deletingLastPathComponent().appendingPathComponent("shared").path
    if FileManager.default.fileExists(atPath: candidate + "/conformance") { return candidate }
    return "/work/shared"
  }()

  static let suiteRoot = shared + "/conformance/json-schema-test-suite"
  static let testsRoot = suiteRoot + "/tests/draft2020-12"
  static let metaSchemaRoot = shared + "/conformance/metaschema-2020-12"

  /// A registry that serves the suite's remotes at http://localhost:1234/.
  static let registry: SchemaRegistry = {
    var registry = SchemaRegistry()
    registry.addDirectory(suiteRoot + "/remotes", servedAs: "http://localhost:1234/")
    return registry
  }()

  struct Outcome {
    var passed = 0
    var failed: [String] = []
    var skipped = 0
  }

  /// `file.json :: group :: test :: reason` lines from suite-skips.txt.
  static let skips: Set<String> = {
    let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("suite-skips.txt").path
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
    var keys: Set<String> = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
      let parts = line.components(separatedBy: " :: ")
      if parts.count >= 3 { keys.insert(parts[0...2].joined(separator: " :: ")) }
    }
    return keys
  }()

  static func files(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted()
  }

  static func load(_ path: String) -> JSONValue? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    return try? JSONParser.parse(bytes: [UInt8](data))
  }

  /// Runs every group of the test files; `name` is how a file appears in skips and failures.
  static func run(files: [(path: String, name: String)], options: ValidationOptions = .init()) -> Outcome {
    var outcome = Outcome()
    for (path, name) in files {
      guard case .array(let groups)? = load(path) else {
        outcome.failed.append("\(name): cannot read")
        continue
      }
      for group in groups {
        let groupName = group["description"]?.stringValue ?? "?"
        guard let schemaDocument = group["schema"], case .array(let tests)? = group["tests"] else { continue }
        let schema: Result<Schema, SchemaError>
        do {
          schema = .success(try Schema(schemaDocument, registry: registry, options: options))
        } catch {
          schema = .failure(error)
        }
        for test in tests {
          let testName = test["description"]?.stringValue ?? "?"
          let key = "\(name) :: \(groupName) :: \(testName)"
          if skips.contains(key) {
            outcome.skipped += 1
            continue
          }
          guard let data = test["data"], let expected = test["valid"]?.boolValue else { continue }
          switch schema {
          case .failure(let error):
            outcome.failed.append("\(key): schema error \(error)")
          case .success(let compiled):
            let fast = compiled.isValid(data)
            let full = compiled.validate(data)
            if fast == expected && full.isValid == expected && full.errors.isEmpty == expected {
              outcome.passed += 1
            } else {
              outcome.failed.append(
                "\(key): expected \(expected), isValid \(fast), validate \(full.isValid) \(full.errors.map(\.description))")
            }
          }
        }
      }
    }
    return outcome
  }
}
