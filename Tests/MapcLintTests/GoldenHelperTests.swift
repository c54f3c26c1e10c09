import Foundation
import MapcTestSupport
import Testing

/// The golden-file helper every golden test uses: rewriting a golden file never passes.
@Suite struct GoldenHelperTests {
  @Test func rewritingAGoldenFileFailsTheRun() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-golden")
    defer { try? FileManager.default.removeItem(at: dir) }
    let url = dir.appendingPathComponent("out.txt")
    try "old\n".write(to: url, atomically: true, encoding: .utf8)

    // Without update: a difference is reported and the file is left alone.
    let diff = TestSupport.golden(at: url, named: "out.txt", "new\n", update: false)
    #expect(diff?.contains("out.txt:1: expected\n  old\nfound\n  new") == true, "\(diff ?? "nil")")
    #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")

    // With update: the file is rewritten, and the run still fails, saying so.
    let rewritten = TestSupport.golden(at: url, named: "out.txt", "new\n", update: true)
    #expect(rewritten?.hasPrefix("golden rewritten: review the diff") == true, "\(rewritten ?? "nil")")
    #expect(try String(contentsOf: url, encoding: .utf8) == "new\n")

    // The next run, with or without update, passes without touching the file.
    #expect(TestSupport.golden(at: url, named: "out.txt", "new\n", update: true) == nil)
    #expect(TestSupport.golden(at: url, named: "out.txt", "new\n", update: false) == nil)

    // A missing golden file is created with update, and that run fails too.
    let missing = dir.appendingPathComponent("sub/missing.txt")
    #expect(TestSupport.golden(at: missing, named: "sub/missing.txt", "x", update: false)?.hasPrefix("missing golden file") == true)
    #expect(TestSupport.golden(at: missing, named: "sub/missing.txt", "x", update: true)?.hasPrefix("golden rewritten") == true)
    #expect(try String(contentsOf: missing, encoding: .utf8) == "x")
  }
}
