import MapcJSON
import MapcYAML
import Testing

@Suite struct DiagnosticTests {
  @Test func duplicateKeyKeepsFirstValue() throws {
    let yaml = "id: plan\nmilestones:\n  - id: a\n    due: 2026-01-01\n    title: T\n    due: 2026-02-02\n"
    let result = YAMLLoader.load(yaml, firstLine: 2)
    let d = try #require(result.diagnostics.first)
    #expect(result.diagnostics.count == 1)
    #expect(d.kind == .duplicateKey)
    #expect(d.message == "duplicate key 'due' (first defined on line 5)")
    #expect(d.position == SourcePosition(line: 7, column: 5))
    #expect(result.value?.value(at: JSONPointer(parsing: "/milestones/0/due")!) == .string("2026-01-01"))
    #expect(result.value?.value(at: JSONPointer(parsing: "/milestones/0/title")!) == .string("T"))
  }

  @Test func duplicateKeyByResolvedText() {
    let result = YAMLLoader.load("a: 1\n'a': 2\n{x: 1, x: [2]}: 3\n")
    #expect(result.diagnostics.map(\.kind) == [.duplicateKey, .unsupportedKey, .duplicateKey])
  }

  @Test func tabIndentationIsLocated() throws {
    let result = YAMLLoader.load("title: x\nowners:\n\t- dana\n", firstLine: 2)
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .tabIndentation)
    #expect(d.position == SourcePosition(line: 4, column: 1))
    #expect(d.message == "tab character used for indentation; YAML indents with spaces only")
    #expect(d.help != nil)
  }

  @Test func tabAfterSpacesIsLocated() throws {
    let result = YAMLLoader.load("a:\n  b: 1\n \tc: 2\n")
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .tabIndentation)
    #expect(d.position == SourcePosition(line: 3, column: 2))
  }

  @Test func tabsInsideValuesAreFine() {
    let result = YAMLLoader.load("a: \"x\ty\"\nb: 'p\tq'\nc: |\n  l\tm\nd:\tv\ne: [1,\t2]\n")
    #expect(result.diagnostics.isEmpty)
    #expect(result.value?["a"] == .string("x\ty"))
    #expect(result.value?["c"] == .string("l\tm\n"))
    #expect(result.value?["d"] == .string("v"))
  }

  @Test func secondDocumentAfterMarker() throws {
    let result = YAMLLoader.load("a: 1\n--- b: 2\n", firstLine: 2)
    #expect(result.value == .object(JSONObject([("a", .number(1))])))
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .multipleDocuments)
    #expect(d.position == SourcePosition(line: 3, column: 1))
    #expect(d.message == "found 2 YAML documents in the frontmatter; a plan has exactly one")
  }

  @Test func secondDocumentAfterDocumentEnd() throws {
    let result = YAMLLoader.load("a: 1\n...\nb: 2\n")
    #expect(result.value == .object(JSONObject([("a", .number(1))])))
    #expect(result.diagnostics.map(\.kind) == [.multipleDocuments])
    #expect(result.diagnostics.first?.position == SourcePosition(line: 3, column: 1))
    // A closing `...` with nothing after it is one document.
    #expect(YAMLLoader.load("a: 1\n...\n# done\n").diagnostics.isEmpty)
  }

  @Test func syntaxErrorPosition() throws {
    let result = YAMLLoader.load("title: Phase 2: rollout\n", firstLine: 10)
    #expect(result.value == nil)
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .syntax)
    #expect(d.position == SourcePosition(line: 10, column: 15))
    #expect(d.message.hasPrefix("mapping values are not allowed here"))
  }

  @Test func syntaxErrorWithContext() throws {
    let result = YAMLLoader.load("a:\n  b: 1\n c: 2\n")
    let d = try #require(result.diagnostics.first)
    #expect(d.kind == .syntax)
    #expect(d.position == SourcePosition(line: 3, column: 2))
    #expect(d.message.contains("while parsing a block mapping at line 1"), "\(d.message)")
  }

  @Test func unterminatedQuote() throws {
    let d = try #require(YAMLLoader.load("a: \"open\nb: 2\n").diagnostics.first)
    #expect(d.kind == .syntax)
    #expect(d.message.contains("quoted"))
  }

  @Test func nonScalarKeys() {
    let result = YAMLLoader.load("? [a, b]\n: 1\nc: 2\n")
    #expect(result.value == nil)
    #expect(result.diagnostics.map(\.kind) == [.unsupportedKey])
    #expect(result.diagnostics.first?.position == SourcePosition(line: 1, column: 3))
    #expect(YAMLLoader.load("{[1]: x}").diagnostics.map(\.kind) == [.unsupportedKey])
  }

  @Test func diagnosticsInSourceOrder() {
    let result = YAMLLoader.load("a: 1\nb: !x y\na: 2\nc: !!int q\n")
    #expect(result.diagnostics.map(\.kind) == [.unsupportedTag, .duplicateKey, .unsupportedTag])
    #expect(result.diagnostics.map(\.position.line) == [2, 3, 4])
  }

  @Test func firstLineOffset() {
    let a = YAMLLoader.load("a: 1\na: 2\n").diagnostics.first?.position
    let b = YAMLLoader.load("a: 1\na: 2\n", firstLine: 42).diagnostics.first?.position
    #expect(a == SourcePosition(line: 2, column: 1))
    #expect(b == SourcePosition(line: 43, column: 1))
  }

  @Test func columnsCountScalars() {
    let d = YAMLLoader.load("é: ü\né: x\nkey: «ab»: c\n").diagnostics
    #expect(d.map(\.position) == [SourcePosition(line: 2, column: 1), SourcePosition(line: 3, column: 10)])
  }

  @Test func controlCharactersAreReported() throws {
    let d = try #require(YAMLLoader.load("a: 1\nb: x\u{07}y\n").diagnostics.first)
    #expect(d.kind == .syntax)
    #expect(d.position == SourcePosition(line: 2, column: 5))
  }
}
