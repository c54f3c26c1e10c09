import MapcWorkspace
import Foundation
import MapcJSON
import MapcTestSupport
import MapcYAML
import Testing

@testable import MapcLint

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// The JUnit and GitLab Code Quality reporters: XML escaping, well-formed output, and stable,
/// unique fingerprints.
@Suite struct ReportFormatTests {
  static let unknownProperty = Check.named("MAP021")!
  static let invalidFormat = Check.named("MAP024")!

  static func finding(
    _ path: String = "plans/acme.map.md", line: Int? = 3, check: Check = unknownProperty, message: String = "`foo` is unknown",
    pointer: [String]? = ["foo"], severity: Severity? = nil, help: String? = "remove it"
  ) -> Finding {
    Finding(
      path: path, position: line.map { SourcePosition(line: $0, column: 1) }, severity: severity, check: check,
      message: message, help: help, pointer: pointer.map { JSONPointer($0) })
  }

  // MARK: JUnit

  @Test func xmlEscapingCoversMarkupAndQuotes() {
    #expect(JUnitReporter.escape("a & b < c > d \" e ' f") == "a &amp; b &lt; c &gt; d &quot; e &apos; f")
    #expect(JUnitReporter.escapeText("x & <y>") == "x &amp; &lt;y&gt;")
    // Escapes are not escaped twice, and `]]>` cannot close anything.
    #expect(JUnitReporter.escape("&amp;") == "&amp;amp;")
    #expect(JUnitReporter.escapeText("]]>") == "]]&gt;")
  }

  @Test func xmlEscapingKeepsLineBreaksThroughAttributes() {
    #expect(JUnitReporter.escape("a\nb\tc\r\nd") == "a&#10;b&#9;c&#13;&#10;d")
    // Element content keeps LF and tab as they are; CR needs a reference to survive parsing.
    #expect(JUnitReporter.escapeText("a\nb\tc\r\nd") == "a\nb\tc&#13;\nd")
  }

  @Test func xmlEscapingReplacesCharactersXML10Forbids() {
    for value: UInt32 in [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1F, 0xFFFE, 0xFFFF] {
      let s = "a" + String(Unicode.Scalar(value)!) + "b"
      #expect(JUnitReporter.escape(s) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
      #expect(JUnitReporter.escapeText(s) == "a\u{FFFD}b", "U+\(String(value, radix: 16))")
    }
    // Allowed: the rest of the BMP outside surrogates, and the astral planes.
    #expect(JUnitReporter.escape("é × 🚀 \u{7F} \u{FFFD}") == "é × 🚀 \u{7F} \u{FFFD}")
  }

  @Test func junitHasOneTestCasePerEnabledCheckPerFile() {
    let report = LintReport(
      findings: [Self.finding(), Self.finding(line: 5, message: "`bar` is unknown", pointer: ["bar"])], fileCount: 2,
      files: ["plans/clean.map.md", "plans/acme.map.md"])
    let xml = JUnitReporter().render(report)
    let n = Check.all.count
    // `failures` counts <failure> elements (as junitparser does): one test case, two failures.
    #expect(xml.contains("<testsuites name=\"mapc lint\" tests=\"\(2 * n)\" failures=\"2\" errors=\"0\" time=\"0\">"))
    #expect(xml.contains("<testsuite name=\"plans/clean.map.md\" tests=\"\(n)\" failures=\"0\""))
    #expect(xml.contains("<testsuite name=\"plans/acme.map.md\" tests=\"\(n)\" failures=\"2\""))
    #expect(xml.components(separatedBy: "<failure ").count - 1 == 2)
    #expect(xml.contains("<failure message=\"`foo` is unknown\" type=\"error\">plans/acme.map.md:3:1: error[MAP021]: `foo` is unknown\nhelp: remove it</failure>"))
    // Suites sorted by path: acme before clean.
    let acme = xml.range(of: "plans/acme.map.md")!.lowerBound
    let clean = xml.range(of: "plans/clean.map.md")!.lowerBound
    #expect(acme < clean)

    // A disabled check is no test case; one with findings stays.
    let some = JUnitReporter { check, _ in check == Self.invalidFormat }.render(report)
    #expect(some.contains("<testsuites name=\"mapc lint\" tests=\"3\" failures=\"2\""))
    #expect(some.contains("name=\"MAP021 unknown-property\""))
    #expect(!some.contains("name=\"MAP001 unreadable-file\""))
  }

  @Test func junitOutputIsDeterministic() {
    let report = LintReport(findings: [Self.finding()], fileCount: 1, files: ["plans/acme.map.md"])
    #expect(JUnitReporter().render(report) == JUnitReporter().render(report))
    #expect(!JUnitReporter().render(report).contains("timestamp"))
  }

  @Test func junitIsWellFormedXMLWithHostileText() throws {
    let nasty = "a & b <c> \"d\" 'e' ]]> \u{0}\u{1}\u{8}\u{B}\u{1F}\u{FFFE} line\r\nnext\ttab 🚀"
    let report = LintReport(
      findings: [
        Self.finding("plans/<&\"'>.map.md", message: nasty, help: nasty),
        Self.finding("plans/<&\"'>.map.md", line: nil, check: Self.invalidFormat, message: "second", pointer: nil, severity: .note),
      ],
      fileCount: 1, files: ["plans/<&\"'>.map.md"])
    let xml = JUnitReporter().render(report)
    let parsed = try Self.parse(xml)
    #expect(parsed.suites == ["plans/<&\"'>.map.md"])
    let expectedMessage = "a & b <c> \"d\" 'e' ]]> \u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD} line\r\nnext\ttab 🚀"
    #expect(parsed.failureMessages == [expectedMessage, "second"])
    #expect(parsed.failureTypes == ["error", "note"])
    #expect(parsed.failureBodies.first?.hasSuffix("help: " + expectedMessage) == true)
    #expect(parsed.testCases == Check.all.count)
    // The parser does reject what is not well-formed.
    #expect(throws: ParseError.self) { try Self.parse("<a b=\"&\">\u{1}</a>") }
  }

  struct ParsedJUnit {
    var suites: [String] = []
    var testCases = 0
    var failureMessages: [String] = []
    var failureTypes: [String] = []
    var failureBodies: [String] = []
  }

  /// Parses JUnit XML with Foundation's XMLParser (libxml2): fails on any well-formedness error.
  static func parse(_ xml: String) throws -> ParsedJUnit {
    final class Delegate: NSObject, XMLParserDelegate {
      var result = ParsedJUnit()
      var text: String?
      func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) {
        switch name {
        case "testsuite": result.suites.append(attributes["name"] ?? "")
        case "testcase": result.testCases += 1
        case "failure":
          result.failureMessages.append(attributes["message"] ?? "")
          result.failureTypes.append(attributes["type"] ?? "")
          text = ""
        default: break
        }
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
      func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "failure", let t = text { result.failureBodies.append(t) }
        text = nil
      }
    }
    let parser = XMLParser(data: Data(xml.utf8))
    let delegate = Delegate()
    parser.delegate = delegate
    guard parser.parse() else {
      throw ParseError(description: "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown error")")
    }
    return delegate.result
  }

  struct ParseError: Error, CustomStringConvertible { var description: String }

  // MARK: GitLab Code Quality

  @Test func fingerprintsAreStableAcrossRuns() {
    let findings = [Self.finding(), Self.finding(line: 9, check: Self.invalidFormat, message: "bad date", pointer: ["due"])]
    let first = GitLabReporter.fingerprints(findings)
    #expect(first == GitLabReporter.fingerprints(findings))
    #expect(first.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    // A known value, so that a change to the hash (which would reopen every issue) is noticed.
    #expect(GitLabReporter.hex(GitLabReporter.fnv1a64("")) == "cbf29ce484222325")
    #expect(GitLabReporter.hex(GitLabReporter.fnv1a64("a")) == "af63dc4c8601ec8c")
  }

  @Test func fingerprintIgnoresTheLineWhenThePointerIsTheSame() {
    let before = GitLabReporter.fingerprints([Self.finding(line: 3)])
    let after = GitLabReporter.fingerprints([Self.finding(line: 12)])
    #expect(before == after)
    // Without a pointer, the message identifies the finding, still not the line.
    let a = GitLabReporter.fingerprints([Self.finding(line: 3, pointer: nil)])
    let b = GitLabReporter.fingerprints([Self.finding(line: 4, pointer: nil)])
    #expect(a == b)
  }

  @Test func fingerprintDependsOnPathCodeAndPointer() {
    let base = GitLabReporter.fingerprints([Self.finding()])
    #expect(base != GitLabReporter.fingerprints([Self.finding("plans/other.map.md")]))
    #expect(base != GitLabReporter.fingerprints([Self.finding(check: Self.invalidFormat)]))
    #expect(base != GitLabReporter.fingerprints([Self.finding(pointer: ["bar"])]))
  }

  @Test func duplicateFindingsGetDistinctFingerprints() {
    let same = Array(repeating: Self.finding(), count: 3)
    let prints = GitLabReporter.fingerprints(same)
    #expect(Set(prints).count == 3)
    // The first occurrence keeps the fingerprint of a lone finding.
    #expect(prints[0] == GitLabReporter.fingerprints([Self.finding()])[0])
  }

  @Test func gitlabReportShape() throws {
    let report = LintReport(
      findings: [Self.finding(), Self.finding(line: nil, check: Self.invalidFormat, pointer: nil, severity: .warning)],
      fileCount: 1)
    let json = GitLabReporter().render(report)
    guard case .array(let issues) = try JSONParser.parse(json) else {
      Issue.record("not an array")
      return
    }
    #expect(issues.count == 2)
    let keys = issues.compactMap { $0.objectValue.map { Set($0.memberNames) } }
    #expect(keys.allSatisfy { $0 == ["description", "check_name", "fingerprint", "severity", "location"] })
    #expect(json.contains("\"check_name\": \"MAP021\""))
    #expect(json.contains("\"severity\": \"major\""))
    #expect(json.contains("\"severity\": \"minor\""))
    #expect(json.contains("\"begin\": 1"))
    #expect(GitLabReporter.severity(.note) == "info")
  }
}
