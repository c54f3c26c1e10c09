import MapcJSON
import MapcTestSupport
import MapcYAML
import Testing

/// Issue 13, row 9: aliases are bounded by the bytes they expand to, not only by their node
/// count. Before the fix, one 400 KB anchor aliased 100 times loaded as 40 MB of text (a 40 MB
/// HTML snapshot), far under the 10,000-node bound.
@Suite struct AliasBytesTests {
  static let big = String(repeating: "x", count: 400_000)

  @Test(arguments: [
    // A scalar anchor, aliased 100 times: the third alias passes 1,000,000 bytes.
    ("notes: &big \(big)\nlog:\n" + String(repeating: "  - *big\n", count: 100), 5, 5),
    // The same text inside a mapping anchor, aliased in a flow sequence.
    ("notes: &big {text: \(big)}\nlog: [*big, *big, *big, *big]\n", 2, 19),
    // Keys are bytes too (a long key must be explicit: a simple key is at most 1024 characters).
    ("k: &k\n  ? \(big)\n  : 1\nlog: [*k, *k, *k]\n", 4, 15),
  ])
  func largeAliasesAreRefusedAtTheAlias(yaml: String, line: Int, column: Int) throws {
    var result = YAMLLoader.load("")
    let seconds = TestSupport.seconds { result = YAMLLoader.load(yaml) }
    #expect(seconds < 5)
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(result.diagnostics.map(\.kind) == [.aliasLimit])
    #expect(d.message == "aliases expand to more than 1,000,000 bytes of text")
    #expect(d.position == SourcePosition(line: line, column: column))
  }

  @Test func smallAliasesUsedOftenAreFine() {
    var yaml = "owners: &o [dana, sam, lee]\nmilestones:\n"
    for i in 0..<1_000 { yaml += "  - {id: m\(i), owners: *o}\n" }
    let result = YAMLLoader.load(yaml)
    #expect(result.diagnostics.isEmpty)
    #expect(result.value?["milestones"]?.arrayValue?[999]["owners"]?.arrayValue?[2] == .string("lee"))
  }

  @Test func theByteLimitIsConfigurable() {
    let yaml = "a: &a [abcd, efgh]\nb: [*a, *a]\n"
    #expect(YAMLLoader.load(yaml, limits: YAMLLimits(maximumAliasBytes: 16)).value != nil)
    #expect(YAMLLoader.load(yaml, limits: YAMLLimits(maximumAliasBytes: 15)).diagnostics.map(\.kind) == [.aliasLimit])
  }
}
