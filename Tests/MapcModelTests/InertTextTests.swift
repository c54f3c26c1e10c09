import MapcModel
import Testing

/// The one helper every text and Markdown renderer makes plan text inert with.
@Suite struct InertTextTests {
  @Test(arguments: [
    ("a\u{1B}[2Jb", "a\\u{1B}[2Jb"),
    ("\u{1B}]8;;https://evil\u{1B}\\x", "\\u{1B}]8;;https://evil\\u{1B}\\x"),
    ("\u{9B}31m", "\\u{9B}31m"),
    ("del\u{7F}", "del\\u{7F}"),
    ("\u{202E}evil\u{202C}", "\\u{202E}evil\\u{202C}"),
    ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
    ("a\tb", "a\tb"),
    ("bad\n::error file=evil::X", "bad\\u{A}::error file=evil::X"),
    ("a\r\nb", "a\\u{D}\\u{A}b"),
    ("::error::x", "\\u{3A}:error::x"),
    ("  \u{A0}::warning::x", "  \u{A0}\\u{3A}:warning::x"),
    ("a::b", "a::b"),
    ("x ##[error]y", "x \\u{23}#[error]y"),
    ("Ünïcödé — ok", "Ünïcödé — ok"),
  ])
  func text(input: String, expected: String) {
    #expect(InertText.text(input) == expected)
  }

  @Test func lineFoldsLineBreaksAndTabs() {
    #expect(InertText.line("a\nb\r\nc\td") == "a b c d")
    #expect(InertText.line("\n::error::x") == " \\u{3A}:error::x")
    #expect(InertText.line("x\u{1B}y") == "x\\u{1B}y")
  }

  @Test(arguments: [
    ("@org/team please", "<code>@org/team</code> please"),
    ("cc @dana.", "cc <code>@dana</code>."),
    ("dana@acme.example", "dana@acme.example"),
    ("a | b", "a \\| b"),
    ("`x`", "\\`x\\`"),
    ("</details> <!-- x -->", "&lt;/details&gt; &lt;!-- x --&gt;"),
    ("*a* _b_ [c] ~d~ \\", "\\*a\\* \\_b\\_ \\[c\\] \\~d\\~ \\\\"),
    ("::error file=evil::X", "\\::error file=evil::X"),
    ("x ##[error]y", "x #\\#\\[error\\]y"),
    ("# not a heading", "\\# not a heading"),
    ("PR #7", "PR #7"),
    ("a\nb", "a b"),
    ("\u{1B}[31m", "\\\\u{1B}\\[31m"),
  ])
  func markdown(input: String, expected: String) {
    #expect(InertText.markdown(input) == expected)
  }

  @Test func markdownInRawHTMLUsesEntitiesOnly() {
    #expect(InertText.markdownHTML("SSO_rollout *now* | ok") == "SSO_rollout *now* | ok")
    #expect(InertText.markdownHTML("</summary> <!-- & @org/team") == "&lt;/summary&gt; &lt;!-- &amp; <code>@org/team</code>")
    #expect(InertText.markdownHTML("::error x ##[warning]y") == "&#58;:error x #&#35;[warning]y")
    #expect(InertText.markdownHTML("a\n\u{1B}b") == "a \\u{1B}b")
  }

  @Test func markdownCodeSpans() {
    #expect(InertText.markdownCode("kickoff") == "`kickoff`")
    #expect(InertText.markdownCode("a`b|c") == "`a'b/c`")
    #expect(InertText.markdownCode("x ##[error]\u{1B}") == "`x \\u{23}#[error]\\u{1B}`")
  }

  /// No output of the helpers holds a control character or starts a workflow command, for
  /// every control character in every position.
  @Test func everyControlCharacterIsEscaped() {
    let controls = (0...0x9F).filter { $0 < 0x20 || $0 >= 0x7F } + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    for value in controls {
      let u = Unicode.Scalar(UInt32(value))!
      let s = "a\(Character(u))b"
      for out in [InertText.line(s), InertText.markdown(s), InertText.markdownCode(s), InertText.markdownHTML(s)] {
        #expect(!out.unicodeScalars.contains { InertText.isControl($0) }, "U+\(String(value, radix: 16)): \(out)")
      }
      let text = InertText.text(s)
      #expect(!text.unicodeScalars.contains { InertText.isControl($0) && $0 != "\t" }, "U+\(String(value, radix: 16))")
    }
  }
}
