import MapcWorkspace
import Foundation
import MapcJSON
import MapcTestSupport
import Testing

/// "Today" is reproducible (`--today`, mapc.yml, SOURCE_DATE_EPOCH, in that order), and rules
/// can be configured per path or suppressed per plan.
@Suite struct TodayAndSettingsTests {
  /// A plan whose `kickoff` milestone is open and due 2026-11-20.
  static let plan = """
    ---
    map: 1
    id: acme-rollout
    title: Acme × Northwind rollout
    buyer: Acme Corp
    seller: Northwind Analytics
    value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
    go_live: 2027-03-01
    value_date: 2027-06-01
    stakeholders:
      - { id: dana, name: Dana Ruiz, side: buyer, role: economic-buyer }
      - { id: sam, name: Sam Okafor, side: seller, role: account-executive }
    stages: [implementation, value]
    milestones:
      - id: kickoff
        title: Project kickoff
        stage: implementation
        owners: [dana, sam]
        due: 2026-11-20
        status: in-progress
    ---
    Body.

    """

  func workspace(config: String? = nil, plan: String = plan) throws -> URL {
    let dir = try TestSupport.temporaryDirectory()
    if let config { try config.write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8) }
    try plan.write(to: dir.appendingPathComponent("deal.map.md"), atomically: true, encoding: .utf8)
    return dir
  }

  func codes(_ run: TestSupport.Run) -> [String] {
    run.stdout.split(separator: "\n").compactMap { line in
      guard let r = line.firstRange(of: /\[MAP[0-9]{3}\]/) else { return nil }
      return String(line[r].dropFirst().dropLast())
    }
  }

  @Test func todayFlagDecidesWhatIsOverdue() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    #expect(codes(try TestSupport.mapc(["lint", "--today", "2026-11-22"], in: dir)).contains("MAP123"))
    #expect(!codes(try TestSupport.mapc(["lint", "--today", "2026-11-19"], in: dir)).contains("MAP123"))
    #expect(codes(try TestSupport.mapc(["lint", "--today", "2026-12-01"], in: dir)).contains("MAP124"))
  }

  @Test func sourceDateEpochIsUsedWithoutFlagOrConfig() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    // 2026-11-22T12:00:00Z
    let run = try TestSupport.mapc(["lint"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795348800"])
    #expect(codes(run).contains("MAP123"), "\(run.stdout)")
    let before = try TestSupport.mapc(["lint"], in: dir, environment: ["SOURCE_DATE_EPOCH": "1795046400"])  // 2026-11-19
    #expect(!codes(before).contains("MAP123"))
  }

  @Test func configTodayBeatsSourceDateEpochAndFlagBeatsBoth() throws {
    let dir = try workspace(config: "today: 2026-11-19\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    let env = ["SOURCE_DATE_EPOCH": "1795348800"]
    #expect(!codes(try TestSupport.mapc(["lint"], in: dir, environment: env)).contains("MAP123"))
    #expect(codes(try TestSupport.mapc(["lint", "--today", "2026-11-22"], in: dir, environment: env)).contains("MAP123"))
  }

  @Test func badTodayIsAUsageError() throws {
    let dir = try workspace()
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint", "--today", "2026-02-30"], in: dir)
    #expect(run.status == 2)
    #expect(run.stderr.contains("--today"))
    #expect(try TestSupport.mapc(["lint"], in: dir, environment: ["SOURCE_DATE_EPOCH": "soon"]).status == 2)
  }

  @Test func overridesApplyPerPath() throws {
    let dir = try workspace(config: "today: 2026-11-22\noverrides:\n  - paths: [\"drafts/**\"]\n    rules: { overdue: off }\n")
    defer { try? FileManager.default.removeItem(at: dir) }
    try FileManager.default.createDirectory(at: dir.appendingPathComponent("drafts"), withIntermediateDirectories: true)
    try Self.plan.write(to: dir.appendingPathComponent("drafts/deal.map.md"), atomically: true, encoding: .utf8)
    let run = try TestSupport.mapc(["lint", "--format", "json"], in: dir)
    let overdue = (try JSONParser.parse(run.stdout).arrayValue ?? []).filter { $0["code"] == .string("MAP123") }
    #expect(overdue.map { $0["path"]?.stringValue ?? "" } == ["deal.map.md"], "\(run.stdout)")
  }

  @Test func planCanSuppressARuleAndStaleSuppressionsAreReported() throws {
    let suppressed = Self.plan.replacing("milestones:\n", with: "lint: { disable: [overdue] }\nmilestones:\n")
    let dir = try workspace(config: "today: 2026-11-22\n", plan: suppressed)
    defer { try? FileManager.default.removeItem(at: dir) }
    let run = try TestSupport.mapc(["lint"], in: dir)
    #expect(!codes(run).contains("MAP123"))
    #expect(!codes(run).contains("MAP100"))
    try "today: 2026-11-19\n".write(to: dir.appendingPathComponent("mapc.yml"), atomically: true, encoding: .utf8)
    let stale = try TestSupport.mapc(["lint"], in: dir)
    #expect(stale.stdout.contains("warning[MAP100]: `overdue` is disabled for this plan but finds nothing here"), "\(stale.stdout)")
    #expect(stale.stdout.contains("14 | lint: { disable: [overdue] }"))
  }
}
