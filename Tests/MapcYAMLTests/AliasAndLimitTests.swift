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

  @Test func billionLaughsIsBoundedAndFast() throws {
    var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for i in 1...9 {
      let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(i): &a\(i) [\(refs)]\n"
    }
    let clock = ContinuousClock()
    var result: YAMLLoadResult?
    let elapsed = clock.measure { result = YAMLLoader.load(yaml) }
    let r = try #require(result)
    #expect(r.value == nil)
    #expect(r.diagnostics.map(\.kind) == [.aliasLimit])
    #expect(r.diagnostics.first?.position.line == 5)
    #expect(elapsed < .milliseconds(50), "\(elapsed)")
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
    let clock = ContinuousClock()
    var result: YAMLLoadResult?
    let elapsed = clock.measure { result = YAMLLoader.load(String(repeating: "[", count: 100_000)) }
    #expect(result?.value == nil)
    #expect(result?.diagnostics.map(\.kind) == [.nestingTooDeep])
    #expect(elapsed < .seconds(1))
    // The source map must survive it too.
    _ = YAMLSourceMap(yaml: String(repeating: "[", count: 100_000))
    _ = YAMLSourceMap(yaml: String(repeating: "- ", count: 50_000) + "x")
  }
}
