import MapcJSON
import MapcYAML
import Testing

@Suite struct AliasAndLimitTests {
  @Test func aliasesExpand() {
    let yaml = "base: &b {x: 1, y: [a, b]}\ncopy: *b\nname: &n 42\nn2: *n\n*n : scalar-key\n"
    let result = YAMLLoader.load(yaml)
    #expect(result.diagnostics.isEmpty)
    let v = result.value
    #expect(v?["copy"] == v?["base"])
    #expect(v?["copy"]?["y"] == .array([.string("a"), .string("b")]))
    #expect(v?["n2"] == .number(42))
    #expect(v?["42"] == .string("scalar-key"))
  }

  @Test func laterAnchorWins() {
    let v = YAMLLoader.load("a: &x 1\nb: &x 2\nc: *x\n").value
    #expect(v?["c"] == .number(2))
  }

  /// Stopping at the limit is what bounds time and memory: the document below expands to
  /// 9^10 nodes, so a loader without the limit would not finish this test at all.
  @Test func billionLaughsIsBounded() throws {
    var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(i): &a\(i) [\(refs)]\n"
    }
    let r = YAMLLoader.load(yaml)
    #expect(r.value == nil)
    #expect(r.diagnostics.map(\.kind) == [.aliasLimit])
    #expect(r.diagnostics.first?.position.line == 5)
  }

  @Test func aliasLimitIsConfigurable() {
    let yaml = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
    #expect(YAMLLoader.load(yaml, limits: YAMLLimits(maximumAliasExpansion: 8)).value != nil)
    #expect(YAMLLoader.load(yaml, limits: YAMLLimits(maximumAliasExpansion: 7)).diagnostics.map(\.kind) == [.aliasLimit])
  }

  @Test func recursiveAlias() throws {
    let result = YAMLLoader.load("a: &r\n  b: *r\n")
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .recursiveAlias)
    #expect(d.position == SourcePosition(line: 2, column: 6))
  }

  @Test func undefinedAlias() throws {
    let result = YAMLLoader.load("a: *nowhere\n")
    #expect(result.value == nil)
    #expect(result.diagnostics.map(\.kind) == [.syntax])
    #expect(result.diagnostics.first?.position == SourcePosition(line: 1, column: 4))
  }

  private func nested(_ depth: Int) -> String {
    String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
  }

  @Test func depthLimit() throws {
    #expect(YAMLLoader.load(nested(100)).value != nil)
    let result = YAMLLoader.load(nested(101), firstLine: 5)
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .nestingTooDeep)
    #expect(d.position == SourcePosition(line: 5, column: 101))
  }

  @Test func blockDepthLimit() {
    var yaml = ""
    for level in 0..<101 { yaml += String(repeating: "  ", count: level) + "k:\n" }
    #expect(YAMLLoader.load(yaml).diagnostics.map(\.kind) == [.nestingTooDeep])
  }

  @Test func hugeNestingDoesNotCrash() {
    let result = YAMLLoader.load(String(repeating: "[", count: 100_000))
    #expect(result.value == nil)
    #expect(result.diagnostics.map(\.kind) == [.nestingTooDeep])
    // The source map must survive it too, in bounded memory: it maps the first 100 levels.
    let flow = YAMLSourceMap(yaml: String(repeating: "[", count: 100_000))
    #expect(flow.count <= 100)
    let block = YAMLSourceMap(yaml: String(repeating: "- ", count: 50_000) + "x")
    #expect(block.count <= 100)
    #expect(block.nearestEntry(for: JSONPointer(Array(repeating: "0", count: 500)))?.pointer.tokens.count == 99)
  }
}
