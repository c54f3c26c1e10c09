import MapcExport
import MapcModel
import Testing

/// The CSV and ICS writers on their own: quoting, formula defusing, folding, escaping, UIDs.
@Suite struct WriterTests {
  @Test func sha256MatchesTheStandardVectors() {
    #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    // Two blocks (56 bytes of message need a second block for the length).
    #expect(
      SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
        == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
  }

  @Test func csvQuotesWhatNeedsItAndDefusesOnlyTextInTheGenericProfile() {
    let table = ExportTable(
      columns: ["a", "b,c", "n", "d", "l"],
      rows: [
        [.text("=SUM(A1)"), .text("say \"hi\", then\nleave"), .number(-3), .date(CalendarDate("2027-03-01")!), .list(["@x", "y"])],
        [.text("\tTab"), .text("+1"), .number(0), .empty, .list([])],
      ])
    let generic = table.csv(defusingFormulas: true)
    #expect(
      generic
        == "a,\"b,c\",n,d,l\r\n'=SUM(A1),\"say \"\"hi\"\", then\nleave\",-3,2027-03-01,'@x; y\r\n'\tTab,'+1,0,,\r\n")
    let crm = table.csv(defusingFormulas: false)
    #expect(crm.hasPrefix("a,\"b,c\",n,d,l\r\n=SUM(A1),"))
  }

  @Test func icsFoldsAt75OctetsWithoutSplittingUTF8() {
    var w = ICSWriter()
    let long = String(repeating: "é", count: 60) + String(repeating: "x", count: 100) + "🙂🙂🙂"
    w.text("SUMMARY", long)
    let out = w.render()
    let bytes = Array(out.utf8)
    var lines: [[UInt8]] = [[]]
    var i = 0
    while i < bytes.count {
      if bytes[i] == 13, i + 1 < bytes.count, bytes[i + 1] == 10 {
        lines.append([])
        i += 2
        continue
      }
      #expect(bytes[i] != 10 && bytes[i] != 13, "bare line break")
      lines[lines.count - 1].append(bytes[i])
      i += 1
    }
    #expect(lines.last == [])
    for line in lines.dropLast() {
      #expect(line.count <= 75)
      // Each line is valid UTF-8 on its own: no sequence was split.
      #expect(String(validating: line, as: UTF8.self) != nil)
    }
    #expect(ICSWriter.unfoldedText(out) == long + "\n")
  }

  @Test func icsEscapesText() {
    #expect(ICSWriter.escape("a\\b;c,d\r\ne\nf\rg\u{7}h\ti") == "a\\\\b\\;c\\,d\\ne\\nf\\ng" + "h\ti")
    #expect(ICSWriter.unfoldedText("SUMMARY:a\\\\b\\;c\\,d\\ne\r\n") == "a\\b;c,d\ne\n")
  }

  @Test func icsDatesAndTimes() {
    #expect(ICSWriter.date(CalendarDate("2027-03-01")!) == "20270301")
    #expect(ICSWriter.utcDateTime(0) == "19700101T000000Z")
    #expect(ICSWriter.utcDateTime(1_764_000_000) == "20251124T160000Z")
    #expect(ICSWriter.utcDateTime(-5) == "19700101T000000Z")
    #expect(ICSWriter.utcDateTime(Int64.max) == "99991231T235959Z")
  }

  @Test func uidsAreStableDistinctAndNameNobody() {
    let a = CalendarFeed.uid(plan: "acme-data-platform", key: "security-review")
    #expect(a == CalendarFeed.uid(plan: "acme-data-platform", key: "security-review"))
    #expect(a != CalendarFeed.uid(plan: "acme-data-platform", key: "kickoff"))
    #expect(a != CalendarFeed.uid(plan: "acme-data-platfor", key: "msecurity-review"))
    #expect(!a.contains("acme") && !a.contains("security"))
    #expect(a.count == 36 + 5 && a.hasSuffix("@mapc"))
  }
}
