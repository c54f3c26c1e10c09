import MapcJSON
import MapcModel
import MapcTestSupport
import MapcYAML
import Testing

@testable import MapcSchedule

/// `ScheduleWriter`: which dates move, and that nothing but the date scalars and the
/// `due_reason` values change. Today is 2026-11-23; the weekend is Saturday and Sunday.
@Suite struct ScheduleWriterTests {
  static let today = CalendarDate("2026-11-23")!

  /// Comments, three ways of quoting a date, flow and block milestones, a done, a pinned and a
  /// cancelled milestone, an existing `due_reason`, the go-live and value-date milestones.
  static let plan = """
    ---
    map: 1
    id: acme-rollout   # the deal
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3.
    go_live: 2027-03-01
    value_date: "2027-06-01"
    calendar: { holidays: [2026-12-25, 2027-01-01, 2027-02-15] }
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
    stages: [validation, final-agreements, implementation, value]
    milestones:
      - id: technical-validation
        title: Technical validation
        stage: validation
        owners: [dana]
        due: 2026-11-20
        status: done
        done_on: 2026-11-19
      - id: security-review   # the long one
        title: Security sign-off
        stage: final-agreements
        owners: [dana]
        due: "2026-12-18"   # agreed with Dana
        status: in-progress
        lead: 15
        depends_on: [technical-validation]
      - id: legal-review
        title: 'Legal review'
        stage: final-agreements
        owners: [dana]
        due: '2026-12-18'
        due_reason: |
          Legal asked for
          two more weeks
        status: not-started
        lead: 10
        depends_on: [technical-validation]
      - { id: signature, title: Signature, stage: final-agreements, owners: [dana], due: 2027-01-08, status: not-started, lead: 3, pinned: true, depends_on: [security-review, legal-review] }
      - { id: kickoff, title: Kickoff, stage: implementation, owners: [dana], due: 2027-01-15, status: not-started, lead: 5, depends_on: [signature] }
      - { id: dropped, title: Dropped, stage: implementation, owners: [dana], due: 2027-01-20, status: cancelled }
      - due: 2027-03-01
        id: go-live
        title: Go-live
        stage: implementation
        owners: [dana]
        status: not-started
        lead: 20
        depends_on: [kickoff]
        marks: go_live
      - { id: roi-review, title: First ROI review, stage: value, owners: [dana], due: 2027-06-01, status: not-started, lead: 40, depends_on: [go-live], marks: value_date }
    ---
    ## Why now

    due: 2027-03-01 is in the body too, and stays.

    """

  static func edit(_ text: String, _ mode: ScheduleWriteMode, reason: String = "Buyer asked for a week") throws -> ScheduleEdit {
    try ScheduleWriter.edit(bytes: Array(text.utf8), calendar: nil, today: today, mode: mode, reason: reason)
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  static func d(_ s: String) -> CalendarDate { CalendarDate(s)! }

  // MARK: - Which dates move

  @Test func shiftMovesGoLiveAndEveryOpenUnpinnedMilestoneByTheSameBusinessDays() throws {
    let e = try Self.edit(Self.plan, .shift(goLive: Self.d("2027-03-08")))
    #expect(
      e.moves.map(\.line) == [
        "go_live: 2027-03-01 → 2027-03-08 (+5 business days)",
        "value_date: 2027-06-01 → 2027-06-08 (+5 business days)",
        // Christmas is a holiday: five business days after 2026-12-18 is 2026-12-28.
        "security-review: 2026-12-18 → 2026-12-28 (+5 business days)",
        "legal-review: 2026-12-18 → 2026-12-28 (+5 business days)",
        "kickoff: 2027-01-15 → 2027-01-22 (+5 business days)",
        "go-live: 2027-03-01 → 2027-03-08 (+5 business days)",
        "roi-review: 2027-06-01 → 2027-06-08 (+5 business days)",
      ])
    // Done, pinned and cancelled milestones stay.
    let after = try #require(PlanDocument(bytes: e.edited).plan)
    #expect(after.milestones.map { $0.due?.description ?? "" } == [
      "2026-11-20", "2026-12-28", "2026-12-28", "2027-01-08", "2027-01-22", "2027-01-20", "2027-03-08", "2027-06-08",
    ])
    #expect(after.goLive == Self.d("2027-03-08"))
    #expect(after.valueDate == Self.d("2027-06-08"))
    #expect(after.milestones.map(\.dueReason) == [
      nil, "Buyer asked for a week", "Buyer asked for a week", nil, "Buyer asked for a week", nil, "Buyer asked for a week",
      "Buyer asked for a week",
    ])
  }

  @Test func shiftBackCountsBusinessDaysBackwards() throws {
    // 2027-03-01 back to 2027-02-22 is -5 business days (2027-02-15 is a holiday, but not between).
    let e = try Self.edit(Self.plan, .shift(goLive: Self.d("2027-02-22")))
    #expect(e.moves.first?.line == "go_live: 2027-03-01 → 2027-02-22 (-5 business days)")
    #expect(e.moves.contains { $0.line == "kickoff: 2027-01-15 → 2027-01-08 (-5 business days)" })
  }

  @Test func shiftWithOnlyAMarkedGoLiveMilestoneMovesItAndLeavesNoPlanDate() throws {
    let text = Self.plan.replacing("go_live: 2027-03-01\n", with: "").replacing("value_date: \"2027-06-01\"\n", with: "")
    let e = try Self.edit(text, .shift(goLive: Self.d("2027-03-08")))
    #expect(e.moves.map(\.name) == ["security-review", "legal-review", "kickoff", "go-live", "roi-review"])
    let after = try #require(PlanDocument(bytes: e.edited).plan)
    #expect(after.goLive == nil)
    #expect(after.milestones.first { $0.marks == .goLive }?.due == Self.d("2027-03-08"))
  }

  @Test func shiftToTheSameDateMovesNothing() throws {
    let e = try Self.edit(Self.plan, .shift(goLive: Self.d("2027-03-01")))
    #expect(e.moves.isEmpty)
    #expect(e.edited == e.original)
    #expect(e.unifiedDiff(path: "p.map.md").isEmpty)
  }

  @Test func alapMovesOpenUnpinnedMilestonesToTheirLateDatesAndRespectsPinnedOnes() throws {
    let e = try Self.edit(Self.plan, .alap)
    // The signature is pinned on 2027-01-08 with lead 3: its dependencies are late on
    // 2027-01-05 (2027-01-01 is a holiday), not on the 2027-01-19 the signature's own late
    // date would give. The kickoff's late date is 20 business days before go-live (2027-02-15
    // is a holiday). The ROI review has no late date; go-live is already on it.
    #expect(
      e.moves.map(\.line) == [
        "security-review: 2026-12-18 → 2027-01-05 (+10 business days)",
        "legal-review: 2026-12-18 → 2027-01-05 (+10 business days)",
        "kickoff: 2027-01-15 → 2027-01-29 (+10 business days)",
      ])
  }

  @Test func alapMovesAMilestoneEarlierWhenItsLateDateIsBeforeItsDue() throws {
    let text = Self.plan.replacing("due: 2027-01-15, status: not-started, lead: 5", with: "due: 2027-02-10, status: not-started, lead: 5")
    let e = try Self.edit(text, .alap)
    #expect(e.moves.contains { $0.line == "kickoff: 2027-02-10 → 2027-01-29 (-8 business days)" })
  }

  // MARK: - Only the scalars change

  /// The text with every `YYYY-MM-DD` replaced by `DATE` and every `due_reason` removed (its
  /// line in a block mapping, its `, due_reason: …` in a flow mapping): what must be equal,
  /// byte for byte, before and after a write.
  static func skeleton(_ bytes: [UInt8]) -> [UInt8] {
    var lines: [[UInt8]] = []
    var current: [UInt8] = []
    var skippingBlock: Int?  // the indentation of a `due_reason: |` whose lines are skipped
    func flush() {
      let indent = current.prefix { $0 == 0x20 }.count
      let content = Array(current.dropFirst(indent))
      if let block = skippingBlock, indent > block, !content.isEmpty, content != [0x0D] {
        current = []
        return
      }
      skippingBlock = nil
      if content.starts(with: Array("due_reason:".utf8)) {
        if content.starts(with: Array("due_reason: |".utf8)) { skippingBlock = indent }
        current = []
        return
      }
      lines.append(current)
      current = []
    }
    for b in bytes {
      current.append(b)
      if b == 0x0A { flush() }
    }
    if !current.isEmpty { flush() }
    var out = Array(lines.joined())
    // `, due_reason: "…"` inside flow mappings.
    let marker = Array(", due_reason: \"".utf8)
    var i = 0
    var stripped: [UInt8] = []
    while i < out.count {
      if out[i...].starts(with: marker) {
        var j = i + marker.count
        while j < out.count, out[j] != 0x22 { j += out[j] == 0x5C ? 2 : 1 }
        i = j + 1
        continue
      }
      stripped.append(out[i])
      i += 1
    }
    out = stripped
    // Dates.
    var result: [UInt8] = []
    i = 0
    let digit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
    while i < out.count {
      if i + 10 <= out.count, (0..<10).allSatisfy({ k in k == 4 || k == 7 ? out[i + k] == 0x2D : digit(out[i + k]) }) {
        result += Array("DATE".utf8)
        i += 10
        continue
      }
      result.append(out[i])
      i += 1
    }
    return result
  }

  @Test(arguments: ["\n", "\r\n"])
  func everyByteOutsideTheDatesAndReasonsStaysAsItWas(ending: String) throws {
    let text = Self.plan.replacing("\n", with: ending)
    for mode in [ScheduleWriteMode.shift(goLive: Self.d("2027-03-08")), .alap] {
      let e = try Self.edit(text, mode)
      #expect(!e.moves.isEmpty)
      #expect(Self.skeleton(e.edited) == Self.skeleton(e.original), "\(mode)")
      #expect(e.edited.count(where: { $0 == 0x0D }) == (ending == "\r\n" ? e.edited.count(where: { $0 == 0x0A }) : 0))
    }
  }

  @Test func theSkeletonCheckCanFail() {
    // The check above must notice a changed quote, comment or line ending.
    let a = Array("  due: \"2026-12-18\"   # agreed\n".utf8)
    #expect(Self.skeleton(a) != Self.skeleton(Array("  due: '2026-12-18'   # agreed\n".utf8)))
    #expect(Self.skeleton(a) != Self.skeleton(Array("  due: \"2026-12-18\"  # agreed\n".utf8)))
    #expect(Self.skeleton(a) != Self.skeleton(Array("  due: \"2026-12-18\"   # agreed\r\n".utf8)))
    #expect(Self.skeleton(a) == Self.skeleton(Array("  due: \"2027-01-05\"   # agreed\n    due_reason: \"x\"\n".utf8)))
  }

  @Test func theWrittenLinesKeepQuotingCommentsAndIndentation() throws {
    let e = try Self.edit(Self.plan, .shift(goLive: Self.d("2027-03-08")), reason: "Buyer asked for a week")
    let out = Self.text(e.edited)
    #expect(out.contains("    due: \"2026-12-28\"   # agreed with Dana\n    due_reason: \"Buyer asked for a week\"\n    status: in-progress\n"))
    // The block scalar is replaced by one double-quoted line; the next key is untouched.
    #expect(out.contains("    due: '2026-12-28'\n    due_reason: \"Buyer asked for a week\"\n    status: not-started\n"))
    #expect(out.contains("due: 2027-01-22, due_reason: \"Buyer asked for a week\", status: not-started, lead: 5"))
    // The go-live milestone starts with `due` on the `- ` line: the reason lines up with `due`.
    #expect(out.contains("  - due: 2027-03-08\n    due_reason: \"Buyer asked for a week\"\n    id: go-live\n"))
    #expect(out.contains("value_date: \"2027-06-08\"\n"))
    #expect(out.contains("id: acme-rollout   # the deal\n"))
    #expect(out.hasSuffix("## Why now\n\ndue: 2027-03-01 is in the body too, and stays.\n"))
  }

  @Test func anInsertedReasonLineTakesTheLineEndingOfItsDueLine() throws {
    // Mixed line endings: only the security review's `due` line ends in CRLF.
    let text = Self.plan.replacing("    due: \"2026-12-18\"   # agreed with Dana\n", with: "    due: \"2026-12-18\"   # agreed with Dana\r\n")
    let e = try Self.edit(text, .alap)
    let out = Self.text(e.edited)
    #expect(out.contains("    due: \"2027-01-05\"   # agreed with Dana\r\n    due_reason: \"Buyer asked for a week\"\r\n    status: in-progress\n"))
  }

  @Test func aByteOrderMarkStays() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(Self.plan.utf8)
    let e = try ScheduleWriter.edit(bytes: bytes, calendar: nil, today: Self.today, mode: .alap, reason: "r")
    #expect(e.edited.starts(with: [0xEF, 0xBB, 0xBF, 0x2D, 0x2D, 0x2D]))
    #expect(Self.skeleton(e.edited) == Self.skeleton(bytes))
  }

  @Test(arguments: [
    "plain", "with \"quotes\" and \\backslash", "two\nlines", "tab\there", "émoji 🚀 and ünïcode", "bell \u{07} and del \u{7F}",
    "line\u{2028}separator and next\u{85}line", "  leading and trailing  ", "# not a comment", "- not: a list", "'single'",
  ])
  func theReasonIsQuotedSoYAMLReadsItBack(reason: String) throws {
    let e = try Self.edit(Self.plan, .alap, reason: reason)
    let after = try #require(PlanDocument(bytes: e.edited).plan)
    #expect(after.milestones.first { $0.id == "kickoff" }?.dueReason == reason)
    #expect(after.milestones.first { $0.id == "legal-review" }?.dueReason == reason)
    #expect(after.milestones.first { $0.id == "security-review" }?.dueReason == reason)
    let quoted = YAMLText.doubleQuoted(reason)
    #expect(!quoted.contains("\n") && !quoted.contains("\r"))
    #expect(YAMLLoader.load("k: \(quoted)\n", firstLine: 1).value?["k"]?.stringValue == reason)
  }

  // MARK: - Refusals

  @Test func aShiftWithoutGoLiveIsRefused() throws {
    let text = Self.plan.replacing("go_live: 2027-03-01\n", with: "").replacing("    marks: go_live\n", with: "")
    #expect(throws: ScheduleWriteError.self) { try Self.edit(text, .shift(goLive: Self.d("2027-03-08"))) }
  }

  @Test func aPinnedOrDoneGoLiveMilestoneDoesNotMove() throws {
    let pinned = Self.plan.replacing("    marks: go_live\n", with: "    marks: go_live\n    pinned: true\n")
    let error = #expect(throws: ScheduleWriteError.self) { try Self.edit(pinned, .shift(goLive: Self.d("2027-03-08"))) }
    #expect(error?.message == "the go-live milestone `go-live` is pinned; it cannot move")
    // alap never moves it either, and moves the rest.
    #expect(try Self.edit(pinned, .alap).moves.allSatisfy { $0.name != "go-live" })
  }

  @Test func aDependencyCycleIsRefused() throws {
    let text = Self.plan.replacing("depends_on: [kickoff]", with: "depends_on: [kickoff, roi-review]")
    let error = #expect(throws: ScheduleWriteError.self) { try Self.edit(text, .alap) }
    #expect(error?.message == "dependency cycle: go-live → roi-review → go-live")
  }

  @Test(arguments: [
    ("due: 2027-01-15, status", "due: &k 2027-01-15, status"),
    ("due: 2027-01-15, status", "due: !!str 2027-01-15, status"),
  ])
  func aDateWithAnAnchorOrTagIsRefused(from: String, to: String) throws {
    let error = #expect(throws: ScheduleWriteError.self) { try Self.edit(Self.plan.replacing(from, with: to), .alap) }
    #expect(error?.message.hasPrefix("the date of `kickoff` is written as") == true)
  }

  @Test func anAliasedDateIsRefused() throws {
    let text = Self.plan.replacing("due: 2027-01-15, status", with: "due: &k 2027-01-15, status")
      .replacing("due: 2027-01-20, status: cancelled", with: "due: *k, status: cancelled")
    #expect(throws: ScheduleWriteError.self) { try Self.edit(text, .shift(goLive: Self.d("2027-03-08"))) }
  }
}

// MARK: - The diff

@Suite struct UnifiedDiffTests {
  static func diff(_ old: String, _ edits: [(Range<Int>, String)]) -> String {
    var e = SourceEdits()
    for (r, t) in edits { e.replace(r, with: t) }
    return UnifiedDiff.render(original: Array(old.utf8), edits: e.sorted ?? [], path: "p")
  }

  @Test func oneChangedLineWithContext() {
    let old = (1...10).map { "line \($0)\n" }.joined()
    // "line 5" starts at byte 28; replace the "5".
    #expect(
      Self.diff(old, [(33..<34, "five")]) == """
        --- a/p
        +++ b/p
        @@ -2,7 +2,7 @@
         line 2
         line 3
         line 4
        -line 5
        +line five
         line 6
         line 7
         line 8

        """)
  }

  @Test func anInsertedLineShiftsLaterHunksAndFarChangesGetTheirOwnHunk() {
    let old = (1...20).map { "l\($0)\n" }.joined()
    // Insert a line before l3 (byte 6), change l18 (byte 51..54 is "l18\n").
    let start18 = old.utf8.count - "l18\nl19\nl20\n".utf8.count
    #expect(
      Self.diff(old, [(6..<6, "new\n"), (start18 + 1..<start18 + 3, "XVIII")]) == """
        --- a/p
        +++ b/p
        @@ -1,5 +1,6 @@
         l1
         l2
        +new
         l3
         l4
         l5
        @@ -15,6 +16,6 @@
         l15
         l16
         l17
        -l18
        +lXVIII
         l19
         l20

        """)
  }

  @Test func aLastLineWithoutNewlineIsMarked() {
    #expect(
      Self.diff("a\nb", [(2..<3, "c")]) == """
        --- a/p
        +++ b/p
        @@ -1,2 +1,2 @@
         a
        -b
        \\ No newline at end of file
        +c
        \\ No newline at end of file

        """)
  }

  @Test func overlappingEditsAreRejected() {
    var e = SourceEdits()
    e.replace(0..<3, with: "x")
    e.replace(2..<4, with: "y")
    #expect(e.sorted == nil)
  }
}

// MARK: - Bounded work

@Suite struct ScheduleWriterBoundsTests {
  @Test func positionsOnLongLinesWithWideCharactersAreFoundExactly() {
    // Line 2 is long and mixes 1- to 4-byte characters; every column maps to the byte a
    // naive walk finds.
    let long = String(repeating: "aé€🚀", count: 300)
    let text = "first\n" + long + "\r\nlast\n"
    let bytes = Array(text.utf8)
    let lines = ByteLines(bytes)
    var naive = 6
    for (i, scalar) in long.unicodeScalars.enumerated() {
      #expect(lines.offset(of: SourcePosition(line: 2, column: i + 1)) == naive)
      naive += String(scalar).utf8.count
    }
    #expect(lines.offset(of: SourcePosition(line: 2, column: long.unicodeScalars.count + 1)) == naive)
    #expect(lines.offset(of: SourcePosition(line: 3, column: 1)) == naive + 2)
    #expect(lines.offset(of: SourcePosition(line: 3, column: 9)) == nil)
    #expect(lines.offset(of: SourcePosition(line: 4, column: 1)) == nil)
  }

  @Test func aPlanWithAllItsMilestonesOnOneLineIsEditedInLinearTime() throws {
    // 5,000 flow milestones on one 500 kB line: finding each date by walking the line from its
    // start took minutes; with checkpoints it takes as long as reading the plan a few times.
    let n = 5_000
    let milestones = (0..<n).map { "{ id: m\($0), title: Tâche \($0), due: 2027-01-15, status: not-started }" }
    let text = "---\nid: big\ngo_live: 2027-03-01\nmilestones: [" + milestones.joined(separator: ", ") + "]\n---\nBody\n"
    var edit: ScheduleEdit?
    let seconds = try TestSupport.seconds {
      edit = try ScheduleWriter.edit(
        bytes: Array(text.utf8), calendar: nil, today: CalendarDate("2026-11-23")!, mode: .shift(goLive: CalendarDate("2027-03-08")!),
        reason: "r")
    }
    let read = TestSupport.seconds { _ = PlanDocument(text: text) }
    #expect(edit?.moves.count == n + 1)
    #expect(seconds < 30, "\(seconds) s (one read of the plan: \(read) s)")
  }
}
