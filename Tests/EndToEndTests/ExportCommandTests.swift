import Foundation
import MapcTestSupport
import Testing

/// Issue 19: `mapc export` and `mapc calendar` through the binary, read back by the consumers
/// they are for (Python's csv module, the `icalendar` package), with goldens for every object,
/// profile and audience.
@Suite struct ExportCommandTests {
  static let objects = ["plans", "milestones", "moves"]
  static let profiles = ["generic", "salesforce", "hubspot"]
  static let audiences = ["internal", "buyer"]

  /// The columns each export promises (internal audience); the buyer's are these without the
  /// internal-only ones. Written out here, not read from the code under test.
  static let columns: [String: [String]] = [
    "plans.generic": [
      "crm_id", "plan_id", "title", "buyer", "go_live", "go_live_baseline", "go_live_slip_days", "forecast_go_live",
      "forecast_reason", "value_date", "compelling_event_date", "current_stage", "percent_done", "band", "overdue_milestones",
      "stalled_milestones", "next_milestone", "next_milestone_title", "next_milestone_due", "next_milestone_buyer_owners",
      "next_milestone_seller_owners", "total_days_off_schedule", "moves_30_days", "last_change", "last_buyer_activity", "as_of",
    ],
    "plans.salesforce": [
      "Id", "MAPC_Plan_Id__c", "MAPC_Plan_Title__c", "MAPC_Buyer__c", "MAPC_Go_Live__c", "MAPC_Go_Live_Baseline__c",
      "MAPC_Go_Live_Slip_Days__c", "MAPC_Forecast_Go_Live__c", "MAPC_Forecast_Reason__c", "MAPC_Value_Date__c",
      "MAPC_Compelling_Event_Date__c", "MAPC_Current_Stage__c", "MAPC_Percent_Done__c", "MAPC_Band__c",
      "MAPC_Overdue_Milestones__c", "MAPC_Stalled_Milestones__c", "MAPC_Next_Milestone_Id__c", "NextStep",
      "MAPC_Next_Milestone_Due__c", "MAPC_Next_Milestone_Buyer_Owners__c", "MAPC_Next_Milestone_Seller_Owners__c",
      "MAPC_Days_Off_Schedule__c", "MAPC_Moves_30_Days__c", "MAPC_Last_Change__c", "MAPC_Last_Buyer_Activity__c", "MAPC_As_Of__c",
    ],
    "plans.hubspot": [
      "hs_object_id", "mapc_plan_id", "mapc_plan_title", "mapc_buyer", "mapc_go_live", "mapc_go_live_baseline",
      "mapc_go_live_slip_days", "mapc_forecast_go_live", "mapc_forecast_reason", "mapc_value_date", "mapc_compelling_event_date",
      "mapc_current_stage", "mapc_percent_done", "mapc_band", "mapc_overdue_milestones", "mapc_stalled_milestones",
      "mapc_next_milestone_id", "mapc_next_milestone", "mapc_next_milestone_due", "mapc_next_milestone_buyer_owners",
      "mapc_next_milestone_seller_owners", "mapc_days_off_schedule", "mapc_moves_30_days", "mapc_last_change",
      "mapc_last_buyer_activity", "mapc_as_of",
    ],
    "milestones.generic": [
      "key", "plan_id", "milestone_id", "title", "stage", "status", "risk", "due", "baseline", "slip_days", "moves", "done_on",
      "buyer_owners", "seller_owners", "owner_emails", "depends_on", "days_overdue", "crm_id", "internal_note",
    ],
    "milestones.salesforce": [
      "MAPC_External_Id__c", "Subject", "ActivityDate", "Status", "Priority", "WhatId", "Description", "MAPC_Plan_Id__c",
      "MAPC_Milestone_Id__c", "MAPC_Stage__c", "MAPC_Risk__c", "MAPC_Baseline__c", "MAPC_Slip_Days__c", "MAPC_Days_Overdue__c",
      "MAPC_Buyer_Owners__c", "MAPC_Seller_Owners__c",
    ],
    "milestones.hubspot": [
      "hs_task_subject", "hs_timestamp", "hs_task_status", "hs_task_priority", "hs_task_type", "hs_task_body", "mapc_key",
      "mapc_plan_id", "mapc_stage", "mapc_risk", "mapc_baseline", "mapc_slip_days", "mapc_days_overdue",
      "associated_deal_record_id",
    ],
    "moves.generic": [
      "plan_id", "milestone_id", "commit", "author", "date", "from", "to", "delta_days", "subject", "reason", "reason_source",
      "merged_in_commit", "merged_in_date", "merged_in_subject", "crm_id",
    ],
    "moves.salesforce": [
      "MAPC_Move_Id__c", "MAPC_Plan_Id__c", "MAPC_Milestone_Id__c", "MAPC_Commit__c", "MAPC_Author__c", "MAPC_Date__c",
      "MAPC_From__c", "MAPC_To__c", "MAPC_Delta_Days__c", "MAPC_Subject__c", "MAPC_Reason__c", "MAPC_Merged_In__c",
      "MAPC_Opportunity__c",
    ],
    "moves.hubspot": [
      "mapc_move_id", "mapc_plan_id", "mapc_milestone_id", "mapc_commit", "mapc_author", "mapc_date", "mapc_from", "mapc_to",
      "mapc_delta_days", "mapc_subject", "mapc_reason", "mapc_merged_in", "associated_deal_record_id",
    ],
  ]

  /// The internal-only columns, which the buyer's export leaves out: the CRM id, internal notes,
  /// and a move's commit record (id, author, subject), which is the seller's.
  static let internalOnly: Set<String> = [
    "crm_id", "internal_note", "Id", "hs_object_id", "WhatId", "associated_deal_record_id", "MAPC_Opportunity__c",
    "commit", "author", "subject", "merged_in_commit", "merged_in_subject", "MAPC_Commit__c", "MAPC_Author__c",
    "MAPC_Subject__c", "MAPC_Merged_In__c", "mapc_commit", "mapc_author", "mapc_subject", "mapc_merged_in",
  ]

  static func expectedColumns(_ object: String, _ profile: String, _ audience: String) -> [String] {
    let all = columns["\(object).\(profile)"] ?? []
    return audience == "internal" ? all : all.filter { !internalOnly.contains($0) }
  }

  /// The example history (Examples/history/build.py) with a CRM id on the plan, committed.
  static func history() throws -> URL {
    let repo = try SlipCommandTests.history()
    let config = repo.appendingPathComponent("mapc.yml")
    let text = try String(contentsOf: config, encoding: .utf8)
    try (text + "export:\n  crm_id: x-crm.opportunity\n  snapshot_url: https://deals.northwind.example/maps/\n").write(
      to: config, atomically: true, encoding: .utf8)
    let plan = repo.appendingPathComponent("plans/brightwater/data-platform.map.md")
    let planText = try String(contentsOf: plan, encoding: .utf8)
    try planText.replacingOccurrences(of: "\ngo_live: ", with: "\nx-crm:\n  opportunity: 0065g00000ZxYwVAAV\ngo_live: ")
      .write(to: plan, atomically: true, encoding: .utf8)
    let fixture = try GitFixture(repo, initialize: false)
    try fixture.commit(message: "Link the plan to its opportunity", author: .seller, date: "2026-11-21T08:00:00+00:00")
    return repo
  }

  static func python(_ args: [String]) throws -> TestSupport.Run {
    try TestSupport.run(
      "/usr/bin/env", ["python3", TestSupport.packageRoot.appendingPathComponent("Tests/Consumers/check_exports.py").path] + args)
  }

  static func jsonList(_ items: [String]) -> String {
    "[" + items.map { "\"" + $0 + "\"" }.joined(separator: ",") + "]"
  }

  @Test func everyObjectProfileAndAudienceMatchesItsGoldenAndReadsBackWithItsColumns() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    for object in Self.objects {
      for profile in Self.profiles {
        for audience in Self.audiences {
          let name = "\(object).\(profile).\(audience).csv"
          let file = repo.deletingLastPathComponent().appendingPathComponent(name)
          let run = try TestSupport.mapc(
            ["export", "--object", object, "--profile", profile, "--audience", audience, "-o", file.path], in: repo)
          #expect(run.status == 0, "\(name): \(run.stderr)")
          #expect(run.stdout.isEmpty)
          let csv = try String(contentsOf: file, encoding: .utf8)
          if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/export/\(name)", csv) {
            Issue.record(Comment(rawValue: diff))
          }
          let check = try Self.python(["csv", Self.jsonList(Self.expectedColumns(object, profile, audience)), file.path])
          #expect(check.status == 0, "\(name): \(check.stdout)\(check.stderr)")
          if object == "milestones", profile == "salesforce" {
            let sf = try Self.python(["salesforce", file.path])
            #expect(sf.status == 0, "\(name): \(sf.stdout)\(sf.stderr)")
          }
        }
      }
      for audience in Self.audiences {
        let run = try TestSupport.mapc(["export", "--object", object, "--format", "json", "--audience", audience], in: repo)
        #expect(run.status == 0, "\(run.stderr)")
        if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/export/\(object).\(audience).json", run.stdout) {
          Issue.record(Comment(rawValue: diff))
        }
      }
    }
  }

  @Test func theCalendarMatchesItsGoldensAndIcalendarReadsItWithoutErrors() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    var files: [String] = []
    for (name, args) in [("buyer", [String]()), ("internal-done", ["--audience", "internal", "--include", "done"])] {
      let file = repo.deletingLastPathComponent().appendingPathComponent("\(name).ics")
      let run = try TestSupport.mapc(["calendar", "-o", file.path] + args, in: repo)
      #expect(run.status == 0, "\(run.stderr)")
      let ics = try String(contentsOf: file, encoding: .utf8)
      if let diff = TestSupport.golden("Tests/EndToEndTests/Goldens/export/calendar.\(name).ics", ics) {
        Issue.record(Comment(rawValue: diff))
      }
      // Two runs give the same bytes.
      let again = try TestSupport.mapc(["calendar"] + args, in: repo)
      #expect(again.stdout == ics)
      files.append(file.path)
    }
    let check = try Self.python(["ics"] + files)
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    let buyer = try String(contentsOf: URL(fileURLWithPath: files[0]), encoding: .utf8)
    let all = try String(contentsOf: URL(fileURLWithPath: files[1]), encoding: .utf8)
    // Done milestones only with --include done; the snapshot URL from mapc.yml.
    #expect(!buyer.contains("Today's close process and pain points mapped"))
    #expect(Self.unfolded(all).contains("SUMMARY:Today's close process and pain points mapped"))
    #expect(Self.unfolded(buyer).contains("URL:https://deals.northwind.example/maps/brightwater-data-platform.html"))
    #expect(!buyer.contains("ORGANIZER") && !buyer.contains("ATTENDEE"))
    // A commit trailer's reason is the seller's record: the buyer sees only a `due_reason`.
    #expect(!Self.unfolded(buyer).contains("questionnaire grew"))
    #expect(Self.unfolded(try TestSupport.mapc(["calendar", "--audience", "internal"], in: repo).stdout).contains("questionnaire grew"))
    let buyerMoves = try TestSupport.mapc(["export", "--object", "moves", "--audience", "buyer"], in: repo).stdout
    #expect(!buyerMoves.contains("questionnaire grew") && !buyerMoves.contains("Push the security review"))
    #expect(buyerMoves.contains("Brightwater IT needed an extra week to provision sandbox access"), "\(buyerMoves)")
  }

  /// The checker is a real consumer: it refuses a feed with LF line ends and long lines, and a
  /// CSV whose columns differ.
  @Test func theConsumerChecksCanFail() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-check")
    defer { try? FileManager.default.removeItem(at: dir) }
    let bad = dir.appendingPathComponent("bad.ics")
    try "BEGIN:VCALENDAR\nVERSION:2.0\nEND:VCALENDAR\n".write(to: bad, atomically: true, encoding: .utf8)
    #expect(try Self.python(["ics", bad.path]).status != 0)
    let csv = dir.appendingPathComponent("bad.csv")
    try "a,b\r\n1,2\r\n".write(to: csv, atomically: true, encoding: .utf8)
    #expect(try Self.python(["csv", "[\"a\",\"c\"]", csv.path]).status != 0)
    let sf = dir.appendingPathComponent("sf.csv")
    try "MAPC_External_Id__c,Subject,ActivityDate,Status\r\np:m,Kickoff,12/01/2026,Open\r\n".write(
      to: sf, atomically: true, encoding: .utf8)
    #expect(try Self.python(["salesforce", sf.path]).status != 0)
  }

  // MARK: - A plan of our own

  static func plan(kickoffDue: String = "2026-12-01", kickoffTitle: String = "=HYPERLINK(\"http://x\", \"Kickoff\")", crm: Bool = true)
    -> String
  {
    """
    ---
    map: 1
    id: acme-rollout
    title: Acme rollout
    buyer: Acme Corp
    seller: Northwind
    go_live: 2027-03-01
    value_date: 2027-06-01
    compelling_event: { what: Budget lock, date: 2027-01-15 }
    \(crm ? "x-crm:\n  opportunity: 006Dn00000AbCdEIAZ\n" : "")stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: champion, email: dana@acme.example }
      - { id: sam, name: Sam Seller, side: seller, role: account-executive, email: sam@northwind.example }
    stages: [validation, implementation]
    constraints:
      - { kind: blackout, what: Year-end freeze, from: 2026-12-20, to: 2027-01-03 }
    milestones:
      - id: kickoff
        title: '\(kickoffTitle.replacingOccurrences(of: "'", with: "''"))'
        stage: implementation
        owners: [dana, sam]
        due: \(kickoffDue)
        status: not-started
        internal: Escalate to the CISO if unassigned by the first
      - id: pilot
        title: Pilot, with "quotes"; and semicolons
        stage: validation
        owners: [dana]
        due: 2026-11-20
        status: done
        done_on: 2026-11-18
      - id: dropped
        title: Dropped idea
        stage: validation
        owners: [sam]
        due: 2026-11-25
        status: cancelled
    internal:
      amount: 180000
      notes: CISO is skeptical; bring our CTO.
    ---
    Body.

    """
  }

  static let config = "today: 2026-12-10\nexport:\n  crm_id: x-crm.opportunity\n"

  /// `VEVENT`s of an unfolded feed, each as its property lines.
  static func events(_ ics: String) -> [[String]] {
    unfolded(ics).components(separatedBy: "BEGIN:VEVENT\r\n").dropFirst().map {
      $0.components(separatedBy: "END:VEVENT")[0].components(separatedBy: "\r\n").filter { !$0.isEmpty }
    }
  }

  static func unfolded(_ ics: String) -> String { ics.replacingOccurrences(of: "\r\n ", with: "") }

  static func event(_ ics: String, summaryPrefix: String) -> [String]? {
    events(ics).first { $0.contains { $0.hasPrefix("SUMMARY:" + summaryPrefix) } }
  }

  @Test func aMilestoneMovedTwiceHasSequence2AndTheTimeOfItsLastChangeWhateverItsTitleOrFile() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-calendar-sequence")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    try git.commit(
      files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan(kickoffTitle: "Kickoff")], message: "Add the plan",
      date: "2026-10-01T09:00:00+00:00")
    let first = try TestSupport.mapc(["calendar"], in: dir)
    #expect(first.status == 0, "\(first.stderr)")
    let before = try #require(Self.event(first.stdout, summaryPrefix: "Kickoff"))
    #expect(before.contains("SEQUENCE:0"))
    #expect(before.contains("DTSTAMP:20261001T090000Z"))
    try git.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-12-08", kickoffTitle: "Kickoff")], message: "Move kickoff",
      date: "2026-10-15T10:00:00+00:00")
    // The second move comes with a new title and a new file: the UID stays.
    try git.commit(
      files: [
        "plans/acme.map.md": nil,
        "plans/2026/acme-rollout.map.md": Self.plan(kickoffDue: "2026-12-15", kickoffTitle: "Project kickoff with both teams"),
      ], message: "Move kickoff again and rename it", date: "2026-11-02T11:30:00+00:00")
    // A later change to another milestone leaves the kickoff's stamp alone.
    let later = Self.plan(kickoffDue: "2026-12-15", kickoffTitle: "Project kickoff with both teams")
      .replacingOccurrences(of: "title: Dropped idea", with: "title: Dropped idea, for good")
    try git.commit(files: ["plans/2026/acme-rollout.map.md": later], message: "Reword", date: "2026-11-20T16:00:00+00:00")
    let run = try TestSupport.mapc(["calendar", "-o", "feed.ics"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let ics = try String(contentsOf: dir.appendingPathComponent("feed.ics"), encoding: .utf8)
    let after = try #require(Self.event(ics, summaryPrefix: "Project kickoff with both teams"))
    #expect(after.contains("SEQUENCE:2"), "\(after)")
    #expect(after.contains("DTSTAMP:20261102T113000Z"), "\(after)")
    #expect(after.contains("LAST-MODIFIED:20261102T113000Z"), "\(after)")
    #expect(after.contains("DTSTART;VALUE=DATE:20261215") && after.contains("DTEND;VALUE=DATE:20261216"), "\(after)")
    #expect(after.first { $0.hasPrefix("UID:") } == before.first { $0.hasPrefix("UID:") })
    // The go-live has not moved; the plan's last change dates it.
    let goLive = try #require(Self.event(ics, summaryPrefix: "Go-live"))
    #expect(goLive.contains("SEQUENCE:0") && goLive.contains("DTSTAMP:20261120T160000Z"), "\(goLive)")
    // Cancelled never; done only with --include done; the blackout spans its days.
    #expect(Self.event(ics, summaryPrefix: "Dropped idea") == nil)
    #expect(Self.event(ics, summaryPrefix: "Pilot") == nil)
    let blackout = try #require(Self.event(ics, summaryPrefix: "Blackout: Year-end freeze"))
    #expect(blackout.contains("DTSTART;VALUE=DATE:20261220") && blackout.contains("DTEND;VALUE=DATE:20270104"))
    let done = try TestSupport.mapc(["calendar", "--include", "done"], in: dir)
    let pilot = try #require(Self.event(done.stdout, summaryPrefix: "Pilot\\, with \"quotes\"\\; and semicolons"))
    #expect(pilot.contains("DTSTART;VALUE=DATE:20261118"))
    #expect(Self.event(done.stdout, summaryPrefix: "Dropped idea") == nil)
    let check = try Self.python(["ics", dir.appendingPathComponent("feed.ics").path])
    #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
  }

  /// A buyer's feed or export goes to one buyer: plans of several buyers are refused, one
  /// buyer's plans named as paths are not.
  @Test func aBuyersCalendarOrExportOverSeveralBuyersIsRefused() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-one-buyer")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    let other = Self.plan().replacingOccurrences(of: "id: acme-rollout", with: "id: globex-rollout")
      .replacingOccurrences(of: "buyer: Acme Corp", with: "buyer: Globex")
    try git.commit(files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan(), "plans/globex.map.md": other], message: "Two deals")
    for command in [["calendar"], ["export", "--object", "milestones", "--audience", "buyer"]] {
      let run = try TestSupport.mapc(command + ["-o", "out.txt"], in: dir)
      #expect(run.status == 2, "\(command): \(run.stderr)")
      #expect(run.stderr.contains("goes to one buyer, and these plans are for more than one: \"Acme Corp\", \"Globex\""), "\(run.stderr)")
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.txt").path))
      let one = try TestSupport.mapc(command + ["plans/acme.map.md"], in: dir)
      #expect(one.status == 0, "\(command): \(one.stderr)")
      #expect(!one.stdout.contains("Globex"))
    }
    // The team's own feed and export cover every deal.
    #expect(try TestSupport.mapc(["calendar", "--audience", "internal"], in: dir).status == 0)
  }

  /// A commit that changed only internal content does not date anything the buyer gets: the
  /// feed's key dates and the plans row carry the last public change, as the snapshot does.
  @Test func anInternalOnlyCommitDatesNothingTheBuyerGets() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-public-dating")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    try git.commit(
      files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan(kickoffTitle: "Kickoff")], message: "Add the plan",
      date: "2026-10-01T09:00:00+00:00")
    let internalOnly = Self.plan(kickoffTitle: "Kickoff").replacingOccurrences(
      of: "notes: CISO is skeptical; bring our CTO.", with: "notes: CISO is skeptical; discount up to 12%.")
    try git.commit(files: ["plans/acme.map.md": internalOnly], message: "Pricing notes", date: "2026-11-20T16:00:00+00:00")

    let buyer = try TestSupport.mapc(["calendar"], in: dir)
    #expect(buyer.status == 0, "\(buyer.stderr)")
    let goLive = try #require(Self.event(buyer.stdout, summaryPrefix: "Go-live"))
    #expect(goLive.contains("DTSTAMP:20261001T090000Z"), "\(goLive)")
    let team = try TestSupport.mapc(["calendar", "--audience", "internal"], in: dir)
    let teamGoLive = try #require(Self.event(team.stdout, summaryPrefix: "Go-live"))
    #expect(teamGoLive.contains("DTSTAMP:20261120T160000Z"), "\(teamGoLive)")

    let rows = try TestSupport.mapc(["export", "--object", "plans", "--audience", "buyer", "--format", "json"], in: dir)
    #expect(rows.status == 0, "\(rows.stderr)")
    #expect(rows.stdout.contains("2026-10-01") && !rows.stdout.contains("2026-11-20"), "\(rows.stdout)")
  }

  @Test func theBuyerAudienceLeavesOutInternalContentAndTheCanaryStopsBothCommands() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-buyer")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    try git.commit(files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan()], message: "Add the plan")
    let internalNote = "Escalate to the CISO if unassigned by the first"
    let internalRun = try TestSupport.mapc(["export", "--object", "milestones"], in: dir)
    #expect(internalRun.status == 0)
    #expect(internalRun.stdout.contains(internalNote))
    #expect(internalRun.stdout.contains("006Dn00000AbCdEIAZ"))
    for object in Self.objects {
      for format in ["csv", "json"] {
        let run = try TestSupport.mapc(["export", "--object", object, "--format", format, "--audience", "buyer"], in: dir)
        #expect(run.status == 0, "\(run.stderr)")
        for secret in [internalNote, "CISO is skeptical", "180000", "006Dn00000AbCdEIAZ"] {
          #expect(!run.stdout.contains(secret), "\(object) \(format): \(secret)")
        }
      }
    }
    let feed = try TestSupport.mapc(["calendar", "--audience", "buyer", "--include", "done"], in: dir)
    #expect(feed.status == 0)
    #expect(!feed.stdout.contains("CISO"))

    // The canary: content the guard must treat as internal, present in each output.
    for (args, canary, output) in [
      (["export", "--object", "plans", "--audience", "buyer", "-o", "out.csv"], "acme-rollout", "the buyer export"),
      (["export", "--object", "milestones", "--format", "json", "--audience", "buyer", "-o", "out.csv"], "Dana Ruiz", "the buyer export"),
      (["calendar", "-o", "out.csv"], "Acme rollout", "the buyer calendar"),
    ] {
      let leak = try TestSupport.mapc(args, in: dir, environment: ["MAPC_LEAK_GUARD_CANARY": canary])
      #expect(leak.status == 2, "\(args): \(leak.stderr)")
      #expect(leak.stdout.isEmpty)
      #expect(
        leak.stderr.contains("the test canary (MAPC_LEAK_GUARD_CANARY) of plans/acme.map.md found in \(output); nothing was written"),
        "\(leak.stderr)")
      #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path), "\(args)")
      // Without the canary the same command writes its output.
      let clean = try TestSupport.mapc(args, in: dir)
      #expect(clean.status == 0, "\(clean.stderr)")
      #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
      try FileManager.default.removeItem(at: dir.appendingPathComponent("out.csv"))
    }
    // The internal audience is not guarded.
    let internalWithCanary = try TestSupport.mapc(
      ["export", "--object", "plans"], in: dir, environment: ["MAPC_LEAK_GUARD_CANARY": "acme-rollout"])
    #expect(internalWithCanary.status == 0)
  }

  @Test func formulaTriggersAreDefusedInTheGenericProfileOnlyAndNumbersNever() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-formula")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    try git.commit(files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan()], message: "Add the plan")
    try git.commit(
      files: ["plans/acme.map.md": Self.plan(kickoffDue: "2026-11-28")], message: "-Pull kickoff in",
      date: "2026-01-06T09:00:00+00:00")
    let generic = try TestSupport.mapc(["export", "--object", "milestones"], in: dir)
    #expect(generic.stdout.contains(",\"'=HYPERLINK(\"\"http://x\"\", \"\"Kickoff\"\")\","), "\(generic.stdout)")
    // The slip of a milestone pulled in is a number: -3, never '-3.
    #expect(generic.stdout.contains(",2026-11-28,2026-12-01,-3,1,"), "\(generic.stdout)")
    let moves = try TestSupport.mapc(["export", "--object", "moves"], in: dir)
    #expect(moves.stdout.contains(",-3,'-Pull kickoff in,"), "\(moves.stdout)")
    let salesforce = try TestSupport.mapc(["export", "--object", "milestones", "--profile", "salesforce"], in: dir)
    #expect(salesforce.stdout.contains("acme-rollout:kickoff,\"=HYPERLINK("), "\(salesforce.stdout)")
  }

  @Test func aPlanWithoutItsCRMIdGetsAnEmptyCellAndOneWarningAndOutsideGitTheCalendarNeedsADate() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-crm")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("plans"), withIntermediateDirectories: true)
    try Self.config.write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    try Self.plan().write(to: dir.appendingPathComponent("plans/acme.map.md"), atomically: true, encoding: .utf8)
    try Self.plan(crm: false).replacingOccurrences(of: "id: acme-rollout", with: "id: beta-rollout")
      .write(to: dir.appendingPathComponent("plans/beta.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["export", "--object", "plans"], in: dir)
    #expect(run.status == 0, "\(run.stderr)")
    let lines = run.stdout.components(separatedBy: "\r\n")
    #expect(lines[1].hasPrefix("006Dn00000AbCdEIAZ,acme-rollout,"))
    #expect(lines[2].hasPrefix(",beta-rollout,"))
    #expect(
      run.stderr == "mapc: warning: 1 plan has no CRM id at `x-crm.opportunity` (export.crm_id): beta-rollout; its CRM id cells are empty\n",
      "\(run.stderr)")
    // Outside git there is no commit to stamp events with, and mapc never reads the clock.
    let refused = try TestSupport.mapc(["calendar"], in: dir)
    #expect(refused.status == 2)
    #expect(refused.stderr.contains("has no commit to date its events by"), "\(refused.stderr)")
    let dated = try TestSupport.mapc(["calendar", "--as-of", "2026-12-01"], in: dir)
    #expect(dated.status == 0, "\(dated.stderr)")
    #expect(dated.stdout.contains("DTSTAMP:20261201T000000Z"))
    let epoch = try TestSupport.mapc(["calendar"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1764590400"])
    #expect(epoch.stdout.contains("DTSTAMP:20251201T120000Z"), "\(epoch.stderr)")
  }

  @Test func renderAllWithCalendarWritesEachFeedBesideItsPageAndLinksIt() throws {
    let repo = try Self.history()
    defer { try? FileManager.default.removeItem(at: repo.deletingLastPathComponent()) }
    let site = repo.deletingLastPathComponent().appendingPathComponent("site")
    let run = try TestSupport.mapc(["render", "--all", "--calendar", "-o", site.path], in: repo)
    #expect(run.status == 0, "\(run.stderr)")
    let page = try String(contentsOf: site.appendingPathComponent("brightwater-data-platform.html"), encoding: .utf8)
    #expect(page.contains("<a href=\"brightwater-data-platform.ics\" type=\"text/calendar\">Add these dates to your calendar</a>"))
    let ics = try String(contentsOf: site.appendingPathComponent("brightwater-data-platform.ics"), encoding: .utf8)
    // The same feed `mapc calendar` writes for that plan.
    let calendar = try TestSupport.mapc(["calendar", "plans/brightwater/data-platform.map.md"], in: repo)
    #expect(calendar.status == 0, "\(calendar.stderr)")
    #expect(ics == calendar.stdout)
    #expect(try Self.python(["ics", site.appendingPathComponent("brightwater-data-platform.ics").path]).status == 0)
    // Without the flag: no feed, no link.
    let plain = repo.deletingLastPathComponent().appendingPathComponent("plain")
    #expect(try TestSupport.mapc(["render", "--all", "-o", plain.path], in: repo).status == 0)
    #expect(!FileManager.default.fileExists(atPath: plain.appendingPathComponent("brightwater-data-platform.ics").path))
    let plainPage = try String(contentsOf: plain.appendingPathComponent("brightwater-data-platform.html"), encoding: .utf8)
    #expect(!plainPage.contains(".ics"))
    // A leak stops everything: no page, no feed.
    let guarded = repo.deletingLastPathComponent().appendingPathComponent("guarded")
    let leak = try TestSupport.mapc(
      ["render", "--all", "--calendar", "-o", guarded.path], in: repo, environment: ["MAPC_LEAK_GUARD_CANARY": "Brightwater Mutual"])
    #expect(leak.status == 2)
    #expect(!FileManager.default.fileExists(atPath: guarded.appendingPathComponent("brightwater-data-platform.ics").path))
    #expect(!FileManager.default.fileExists(atPath: guarded.appendingPathComponent("brightwater-data-platform.html").path))
    let misuse = try TestSupport.mapc(["render", "plans/brightwater/data-platform.map.md", "--calendar"], in: repo)
    #expect(misuse.status == 2)
    #expect(misuse.stderr.contains("--calendar goes with --all"), "\(misuse.stderr)")
  }

  @Test func usageErrorsExitWith2() throws {
    let dir = try TestSupport.temporaryDirectory("mapc-export-usage")
    defer { try? FileManager.default.removeItem(at: dir) }
    let git = try GitFixture(dir)
    try git.commit(files: ["mapc.yml": Self.config, "plans/acme.map.md": Self.plan()], message: "Add the plan")
    let json = try TestSupport.mapc(["export", "--object", "milestones", "--profile", "hubspot", "--format", "json"], in: dir)
    #expect(json.status == 2)
    #expect(json.stderr.contains("use it with --format csv"), "\(json.stderr)")
    #expect(try TestSupport.mapc(["export"], in: dir).status == 2)
    #expect(try TestSupport.mapc(["export", "--object", "deals"], in: dir).status == 2)
    #expect(try TestSupport.mapc(["calendar", "--include", "cancelled"], in: dir).status == 2)
    // A plan that does not parse stops the export: nothing is written.
    try git.write(["plans/bad.map.md": "---\nid: [unclosed\n---\n"])
    let bad = try TestSupport.mapc(["export", "--object", "milestones", "-o", "out.csv"], in: dir)
    #expect(bad.status == 2)
    #expect(bad.stderr.contains("cannot export plans/bad.map.md"), "\(bad.stderr)")
    #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("out.csv").path))
  }
}
