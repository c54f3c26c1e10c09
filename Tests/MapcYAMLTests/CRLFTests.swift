import MapcJSON
import MapcYAML
import Testing

@Suite struct CRLFTests {
  static let samples = [
    "a: 1\nb:\n  - x\n  - 'y\n    z'\nc: |\n  l1\n  l2\nd: >\n  f1\n  f2\ne: \"q\n  r\"\n",
    "a: 1\na: 2\nb: !!int x\n",
    "a:\n\tb: 1\n",
    "a: 1\n--- b\n",
    "a: 1\n...\nb: 2\n",
    "x: [1, 2\ny: 3\n",
    "title: a: b\n",
  ]

  @Test(arguments: samples)
  func crlfMatchesLF(_ lf: String) {
    let crlf = lf.replacing("\n", with: "\r\n")
    let a = YAMLLoader.load(lf, firstLine: 3)
    let b = YAMLLoader.load(crlf, firstLine: 3)
    #expect(a.value == b.value)
    #expect(a.diagnostics.map(\.position) == b.diagnostics.map(\.position))
    #expect(a.diagnostics.map(\.kind) == b.diagnostics.map(\.kind))
    #expect(!a.diagnostics.isEmpty || a.value != nil)
  }

  @Test(arguments: samples)
  func crlfSourceMapMatchesLF(_ lf: String) {
    let crlf = lf.replacing("\n", with: "\r\n")
    let a = YAMLSourceMap(yaml: lf, firstLine: 3)
    let b = YAMLSourceMap(yaml: crlf, firstLine: 3)
    for path in ["", "/a", "/b", "/b/0", "/b/1", "/c", "/d", "/e", "/x", "/x/1"] {
      let p = JSONPointer(parsing: path)!
      #expect(a.entry(for: p) == b.entry(for: p), "\(path)")
    }
  }

  @Test func crlfScalarsUseLF() {
    let v = YAMLLoader.load("c: |\r\n  l1\r\n  l2\r\nd: \"a\r\n  b\"\r\n").value
    #expect(v?["c"] == .string("l1\nl2\n"))
    #expect(v?["d"] == .string("a b"))
  }
}
