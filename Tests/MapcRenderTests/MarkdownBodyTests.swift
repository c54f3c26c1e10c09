import MapcRender
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
}
