@testable import MapcRender
import Testing

@Suite struct MarkdownBodyTests {
  @Test func githubFlavouredMarkdown() {
    let html = MarkdownBody(markdown: """
      | Phase | When |
      |---|---|
      | Pilot | Q1 |

      - [ ] sign the order form
      - [x] security review

      See www.example.com and ~~the old date~~.
      """).html(includingInternal: false)
    #expect(html.contains("<table>"))
    #expect(html.contains("<td>Pilot</td>"))
    #expect(html.contains("<span class=\"task\">☐ to do:</span> sign the order form"))
    #expect(html.contains("<span class=\"task done\">✓ done:</span> security review"))
    #expect(html.contains("<a href=\"http://www.example.com\">www.example.com</a>"))
    #expect(html.contains("<del>the old date</del>"))
    #expect(!html.contains("<input"))
  }

  @Test func headingsAreDemotedUnderTheSnapshotSection() {
    let html = MarkdownBody(markdown: "# One\n\n## Two\n\n###### Six\n").html(includingInternal: false)
    #expect(html.contains("<h2>One</h2>"))
    #expect(html.contains("<h3>Two</h3>"))
    #expect(html.contains("<h6>Six</h6>"))
  }

  @Test func rawHTMLIsNotPassedThrough() {
    let html = MarkdownBody(markdown: "<div>x</div>\n\nText <b>bold</b>\n").html(includingInternal: false)
    #expect(!html.contains("<div>"))
    #expect(!html.contains("<b>"))
  }

  @Test func internalSectionsEndAtTheNextHeadingOfTheSameLevel() {
    let body = MarkdownBody(markdown: """
      ## A

      a

      ## B (internal)

      b

      ### B1

      b1

      #### B2 (internal)

      b2

      ## C

      c

      ### D `(internal)`

      d

      ## E
      """)
    let segments = body.segments.map { ($0.isInternal, $0.html.filter { !$0.isNewline }) }
    #expect(segments.map(\.0) == [false, true, false, true, false])
    #expect(segments[1].1.contains("b1") && segments[1].1.contains("b2"))
    #expect(segments[2].1.contains("<p>c</p>"))
    #expect(segments[3].1.contains("<p>d</p>"))
    #expect(!body.html(includingInternal: false).contains("b1"))
    #expect(body.html(includingInternal: true).contains("b1"))
  }

  /// From a review: every way internal text could slip past the section split.
  @Test(arguments: [
    "##### Five (internal)\nA\n\n###### Six\n\nSECRET\n",  // h6 under an internal h5
    "> ## Quote notes (internal)\n> SECRET\n",
    "- ## List notes (internal)\n  SECRET\n",
    "## Notes (internal)\u{200B}\n\nSECRET\n",  // a zero-width space after the marker
    "## Notes （internal）\n\nSECRET\n",  // fullwidth parentheses
    "Setext notes (internal)\n======\n\nSECRET\n",
    "## Notes (internal)\r\rSECRET\r",  // old Mac line endings
    "## Public\n\nSee [the deal][deal].\n\n## Pricing (internal)\n\n[deal]: https://crm.example/SECRET \"SECRET\"\n",
  ])
  func internalTextStaysOut(markdown: String) {
    let body = MarkdownBody(markdown: "Intro.\n\n" + markdown)
    #expect(!body.publicHTML.contains("SECRET"), "\(body.publicHTML)")
    #expect(body.publicHTML.contains("Intro."))
    #expect(body.html(includingInternal: true).contains("SECRET"))
  }

  /// From the trust issue: cmark-gfm reports line 0 for a paragraph before a table, so a cut
  /// by reported block lines let the lines before it through.
  @Test func aParagraphBeforeATableStaysInternal() {
    let body = MarkdownBody(markdown: """
      ## Pricing (internal)

      Floor price 120k.
      SECRET: CFO approved 35% discount.

      Tiers:
      | tier | price |
      | ---- | ----- |
      | gold | 100k  |

      ## Next steps

      Sign the order form.
      """)
    #expect(!body.publicHTML.contains("SECRET"), "\(body.publicHTML)")
    #expect(!body.publicHTML.contains("Floor price"))
    #expect(!body.publicHTML.contains("gold"))
    #expect(body.publicHTML.contains("<p>Sign the order form.</p>"))
    #expect(body.html(includingInternal: true).contains("SECRET"))
  }

  /// The same with a fenced code block: its lines must not leak, and its closing fence must not
  /// turn the rest of the public body into code.
  @Test func aFencedCodeBlockBeforeATableStaysInternal() {
    let body = MarkdownBody(markdown: """
      ## Pricing (internal)

      ```
      SECRET: CFO approved 35% discount.
      ```

      Tiers:
      | tier | price |
      | ---- | ----- |
      | gold | 100k  |

      ## Next steps

      Sign the order form.
      """)
    #expect(!body.publicHTML.contains("SECRET"), "\(body.publicHTML)")
    #expect(!body.publicHTML.contains("<pre>"))
    #expect(body.publicHTML.contains("<p>Sign the order form.</p>"))
  }

  /// A paragraph followed by `---` inside an internal section is a setext heading to Markdown,
  /// but it does not end the section: its text, and what follows up to the next `#` heading,
  /// stay internal (a seller who wrote a rule under a note must not publish the note).
  @Test func anUnderlinedHeadingDoesNotEndAnInternalSection() {
    let body = MarkdownBody(markdown: """
      See [the deal][deal].

      ## Pricing (internal)

      CFO approved a 35% discount floor.
      ---

      [deal]: https://crm.example/SECRET
      Next steps
      ==========

      More internal text.

      ## Timeline

      Public text.
      """)
    for secret in ["35%", "SECRET", "Next steps", "More internal text"] {
      #expect(!body.publicHTML.contains(secret), "\(secret): \(body.publicHTML)")
    }
    #expect(body.publicHTML.contains("Timeline"))
    #expect(body.publicHTML.contains("Public text."))
  }

  /// Public definitions around internal blocks still resolve.
  @Test func publicDefinitionsNextToInternalBlocksStillResolve() {
    let body = MarkdownBody(markdown: """
      See [one][a] and [two][b].

      [a]: https://example.com/one
      > ## Quote notes (internal)
      > SECRET

      [b]: https://example.com/two
      Public heading (internal
      ===

      Text.
      """)
    #expect(!body.publicHTML.contains("SECRET"))
    #expect(body.publicHTML.contains("href=\"https://example.com/one\""), "\(body.publicHTML)")
    #expect(body.publicHTML.contains("href=\"https://example.com/two\""), "\(body.publicHTML)")
  }

  /// A list right before an internal block quote, and indented code right after it: the cut
  /// must not make the code a part of the list.
  @Test func cuttingAnInternalBlockKeepsTheStructureAroundIt() {
    let body = MarkdownBody(markdown: "- item\n> ## Notes (internal)\n> SECRET\n\n    code\n")
    #expect(!body.publicHTML.contains("SECRET"))
    #expect(body.publicHTML == "<ul>\n<li>item</li>\n</ul>\n<pre><code>code\n</code></pre>\n", "\(body.publicHTML)")
  }

  /// An image becomes a link; a link inside its description must not nest inside it.
  @Test(arguments: [
    "![[inner](https://c.example)](https://d.example)\n",
    "[![[inner](https://c.example)](https://d.example)](https://e.example)\n",
    "![![[x](https://a.example)](https://b.example)](https://c.example)\n",
  ])
  func linksNeverNest(markdown: String) {
    let html = MarkdownBody(markdown: markdown).publicHTML
    var depth = 0
    var maxDepth = 0
    var i = html.startIndex
    while i < html.endIndex {
      if html[i...].hasPrefix("<a ") {
        depth += 1
        maxDepth = max(maxDepth, depth)
      } else if html[i...].hasPrefix("</a>") {
        depth -= 1
      }
      i = html.index(after: i)
    }
    #expect(maxDepth <= 1, "\(html)")
    #expect(html.contains("inner") || html.contains("x"))
  }

  @Test func deepNestingDoesNotExhaustTheStack() {
    let body = MarkdownBody(markdown: String(repeating: ">", count: 100_000) + " x\n## Notes (internal)\n\nSECRET\n")
    #expect(!body.publicHTML.contains("SECRET"))
  }

  @Test func anImageInsideALinkBecomesItsAltText() {
    let html = MarkdownBody(markdown: "[![logo](https://x.example/l.png)](https://x.example)\n").publicHTML
    #expect(html == "<p><a href=\"https://x.example\">logo</a></p>\n")
  }
}

@Suite struct WordsTests {
  @Test(arguments: [
    (180_000.0, "180,000"), (1.999, "2"), (-0.999, "-1"), (1234.5, "1,234.50"), (0.004, "0"), (-0.004, "0"),
    (1e19, "1e+19"), (-1e300, "-1e+300"), (9_999_999_999_999.0, "9,999,999,999,999"), (1e13, "10000000000000.0"),
  ])
  func numbers(value: Double, text: String) {
    #expect(Words.number(value) == text)
  }
}

@Suite struct TableLimitTests {
  /// Tables within the limits render as before, untouched.
  @Test func tablesWithinTheLimitsAreUntouched() {
    let header = "|" + String(repeating: " h |", count: TableLimits.maxColumns)
    let rule = "|" + String(repeating: "---|", count: TableLimits.maxColumns)
    let row = "|" + String(repeating: " x |", count: TableLimits.maxColumns)
    let markdown = "Intro:\n" + header + "\n" + rule + "\n" + String(repeating: row + "\n", count: 100)
    let body = MarkdownBody(markdown: markdown)
    #expect(body.leftOutTables.isEmpty)
    #expect(body.publicHTML.contains("<table>"))
    #expect(body.publicHTML.components(separatedBy: "<td>x</td>").count == 64 * 100 + 1)
  }

  /// Lint's view: which table, on which line, and why.
  @Test func tablesOverTheLimitsAreNamedWithTheirLine() {
    let wide = "|" + String(repeating: "a|", count: 65) + "\n|" + String(repeating: "-|", count: 65) + "\n| x |\n"
    let markdown = "# Plan\n\nText.\n\n" + wide + "\n| a | b |\n|---|---|\n| 1 | 2 |\n\nrow:\n\n|a|\n|-|\n" + String(repeating: "|", count: 100) + "\n"
    let found = MarkdownBody.tablesOverLimits(in: markdown)
    #expect(found == [
      LeftOutTable(line: 5, reason: "it has 65 columns, more than the limit of 64"),
      LeftOutTable(line: 17, reason: "a row has 99 cells, more than the limit of 64"),
    ])
    let html = MarkdownBody(markdown: markdown).publicHTML
    #expect(html.contains("<p><em>Table left out: it has 65 columns, more than the limit of 64.</em></p>"))
    #expect(html.contains("<td>1</td>"))
  }

  /// All the tables of a body share one cell budget: the ones that fit are kept.
  @Test func theCellBudgetIsSharedInBodyOrder() {
    let table = "| a | b |\n|---|---|\n" + String(repeating: "| 1 | 2 |\n", count: 29_999) + "\n"
    let body = MarkdownBody(markdown: table + table)
    #expect(body.leftOutTables.count == 1)
    #expect(body.leftOutTables.first?.line == 30_003)
    #expect(body.publicHTML.contains("<table>"))
  }

  /// A table over the limits inside an internal section stays internal, and the section still
  /// ends where it did: cutting a table down changes no block's extent.
  @Test func aTableCutDownKeepsTheSectionsAroundIt() {
    let wide = "|" + String(repeating: "a|", count: 300) + "\n|" + String(repeating: "-|", count: 300) + "\n"
    let markdown = "## Pricing (internal)\n\nTiers:\n" + wide + "| SECRET |\n===\n- - -\nSECRET too\n\n## Public\n\nShown.\n"
    let body = MarkdownBody(markdown: markdown)
    #expect(!body.publicHTML.contains("SECRET"), "\(body.publicHTML)")
    #expect(body.publicHTML.contains("<p>Shown.</p>"))
    #expect(body.html(includingInternal: true).contains("Table left out"))
    #expect(body.html(includingInternal: true).contains("<hr />"))
  }
}
