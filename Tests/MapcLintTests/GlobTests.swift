import MapcWorkspace
import Testing

@testable import MapcLint

@Suite struct GlobTests {
  @Test(arguments: [
    ("**/*.map.md", "a.map.md", true),
    ("**/*.map.md", "plans/acme/a.map.md", true),
    ("**/*.map.md", "plans/a.md", false),
    ("*.map.md", "a.map.md", true),
    ("*.map.md", "plans/a.map.md", false),
    ("broken/**", "broken/x.map.md", true),
    ("broken/**", "broken", true),
    ("plans/[a-c]*.map.md", "plans/acme.map.md", true),
    ("plans/[!a-c]*.map.md", "plans/acme.map.md", false),
    ("plans/?.map.md", "plans/x.map.md", true),
    ("./plans/*.map.md", "plans/x.map.md", true),
  ])
  func matches(pattern: String, path: String, expected: Bool) {
    #expect(Glob(pattern).matches(path) == expected)
  }
}

@Suite struct DidYouMeanTests {
  @Test func suggestsCloseTypos() {
    #expect(DidYouMean.suggestion(for: "stauts", among: ["status", "stage", "due"]) == "status")
    #expect(DidYouMean.suggestion(for: "at risk", among: ["on-track", "at-risk", "off-track"]) == "at-risk")
    #expect(DidYouMean.suggestion(for: "go-live", among: ["go_live", "value_date"]) == "go_live")
    #expect(DidYouMean.suggestion(for: "ontrack", among: ["on-track", "at-risk", "off-track"]) == "on-track")
  }

  @Test func staysQuietWhenNothingIsClose() {
    #expect(DidYouMean.suggestion(for: "banana", among: ["status", "stage", "due"]) == nil)
    #expect(DidYouMean.suggestion(for: "x", among: []) == nil)
  }
}

@Suite struct GitHubEscapingTests {
  @Test func escapesMessagesPercentFirst() {
    #expect(GitHubReporter.escapeData("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b")
  }

  @Test func escapesPropertiesWithColonAndComma() {
    #expect(GitHubReporter.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
  }
}

@Suite struct PathsTests {
  @Test func normalizes() {
    #expect(Paths.normalize("a/./b//c/../d/") == "a/b/d")
    #expect(Paths.normalize("/../x") == "/x")
    #expect(Paths.normalize("") == ".")
    #expect(Paths.parent("/a/b") == "/a")
    #expect(Paths.parent("/a") == "/")
    #expect(Paths.parent("/") == nil)
    #expect(Paths.relative("/r/plans/a.map.md", to: "/r") == "plans/a.map.md")
    #expect(Paths.relative("/other/a.map.md", to: "/r") == nil)
  }
}
