import Foundation
import MapcTestSupport
import Testing

@testable import MapcLint

/// The registry is written by hand; these tests make sure it holds every rule in the sources.
@Suite struct RuleRegistryTests {
  /// The names of the types declared in `source` (a Swift file) as conforming to `Rule`:
  /// `struct X: Rule`, `struct X: Sendable, Rule`, `extension X: Rule`, over several lines.
  static func ruleTypes(in source: String) -> [String] {
    // Line comments could mention a conformance; drop them first.
    let code = source.split(separator: "\n", omittingEmptySubsequences: false)
      .map { (line: Substring) -> String in String(line.firstRange(of: "//").map { line[..<$0.lowerBound] } ?? line) }
      .joined(separator: "\n")
    let declaration = /\b(?:struct|class|enum|actor|extension)\s+([A-Za-z_][A-Za-z0-9_]*)\s*:([^{]*)\{/
    return code.matches(of: declaration).compactMap { match in
      let inherited = match.output.2.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
      return inherited.contains("Rule") || inherited.contains("MapcLint.Rule") ? String(match.output.1) : nil
    }
  }

  /// Every type conforming to `Rule` under `Sources/`, with the file it is declared in.
  static func declaredRules() throws -> [String: String] {
    let root = TestSupport.packageRoot.appendingPathComponent("Sources")
    var out: [String: String] = [:]
    let files = try #require(FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    for case let url as URL in files where url.pathExtension == "swift" {
      for name in ruleTypes(in: try String(contentsOf: url, encoding: .utf8)) {
        out[name] = String(url.path.dropFirst(TestSupport.packageRoot.path.count + 1))
      }
    }
    return out
  }

  @Test func everyRuleInTheSourcesIsRegistered() throws {
    let declared = try Self.declaredRules()
    let registered = Set(RuleRegistry.rules.map { String(describing: $0) })
    #expect(declared.count >= 35, "found only \(declared.count) rules in Sources/: is the scan broken?")
    for (name, file) in declared.sorted(by: { $0.key < $1.key }) where !registered.contains(name) {
      Issue.record("\(name) (\(file)) conforms to Rule but is missing from RuleRegistry.rules, so it never runs")
    }
    for name in registered.subtracting(declared.keys) {
      Issue.record("\(name) is registered but the scan of Sources/ did not find its declaration")
    }
  }

  @Test func registryListsEachRuleOnceInCodeOrder() {
    let codes = RuleRegistry.rules.map { $0.check.code }
    #expect(Set(RuleRegistry.rules.map { String(describing: $0) }).count == codes.count, "a rule is registered twice")
    #expect(codes == codes.sorted(), "RuleRegistry.rules is not in code order: \(codes)")
  }

  @Test func theScanFindsConformancesInEveryForm() {
    let source = """
      public struct A: Rule {
      struct B: Sendable,
        Rule
      {
      extension C: Equatable, MapcLint.Rule {}
      struct D: Rules {}
      struct E: RuleLike, Sendable {}
      // struct F: Rule {}
      enum G: String, Rule {
      """
    #expect(Self.ruleTypes(in: source) == ["A", "B", "C", "G"])
  }
}
