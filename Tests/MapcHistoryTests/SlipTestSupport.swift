import MapcHistory
import MapcJSON
import MapcModel

/// Builders for synthetic histories: plans as JSON frontmatter, fixed revisions.
enum SlipFixture {
  /// A deterministic 40-hex-digit commit id for `n`.
  static func commitID(_ n: Int) -> String {
    var x = UInt32(truncatingIfNeeded: (n &* 2_654_435_761) ^ 0x5bd1_e995)
    var out = ""
    for _ in 0..<5 {
      let h = String(x, radix: 16)
      out += String(repeating: "0", count: 8 - h.count) + h
      x = x &* 1_664_525 &+ 1_013_904_223
    }
    return out
  }

  static func date(_ s: String) -> CalendarDate { CalendarDate(s)! }

  /// A revision authored at noon UTC on `date`.
  static func rev(
    _ n: Int, _ date: String, author: String = "Sam Seller", subject: String? = nil, reason: String? = nil,
    workingTree: Bool = false
  ) -> Revision {
    Revision(
      commit: workingTree ? nil : commitID(n), authorName: author,
      authorEmail: author.lowercased().replacingOccurrences(of: " ", with: ".") + "@example.com",
      time: Int64(Self.date(date).daysSince1970) * 86_400 + 12 * 3_600, timeOffsetMinutes: 0,
      subject: subject ?? "Update plan (\(n))", slipReason: reason)
  }

  static func milestone(
    _ id: String, _ due: String?, title: String? = nil, owners: [String] = ["sam"], status: String = "not-started",
    doneOn: String? = nil, reason: String? = nil
  ) -> JSONValue {
    var o = JSONObject()
    o["id"] = .string(id)
    o["title"] = .string(title ?? "Title of \(id)")
    o["owners"] = .array(owners.map { .string($0) })
    if let due { o["due"] = .string(due) }
    o["status"] = .string(status)
    if let doneOn { o["done_on"] = .string(doneOn) }
    if let reason { o["due_reason"] = .string(reason) }
    return .object(o)
  }

  static func stakeholder(_ id: String, name: String?, role: String, side: String = "buyer") -> JSONValue {
    var o = JSONObject()
    o["id"] = .string(id)
    if let name { o["name"] = .string(name) }
    o["side"] = .string(side)
    o["role"] = .string(role)
    return .object(o)
  }

  static let defaultStakeholders: [JSONValue] = [
    stakeholder("dana", name: "Dana Ruiz", role: "economic-buyer"),
    stakeholder("sec", name: nil, role: "security-reviewer"),
    stakeholder("sam", name: "Sam Lee", role: "ae", side: "seller"),
  ]

  static func plan(
    _ id: String = "acme", title: String? = nil, goLive: String? = "2027-03-01", stakeholders: [JSONValue] = defaultStakeholders,
    _ milestones: [JSONValue]
  ) -> Plan {
    var o = JSONObject()
    o["map"] = .number(1)
    o["id"] = .string(id)
    o["title"] = .string(title ?? "Plan \(id)")
    if let goLive { o["go_live"] = .string(goLive) }
    o["stakeholders"] = .array(stakeholders)
    o["milestones"] = .array(milestones)
    return Plan(.object(o))
  }

  static func plan(_ milestones: [JSONValue]) -> Plan { plan("acme", milestones) }

  static func snap(_ path: String, _ plan: Plan?) -> PlanSnapshot { PlanSnapshot(path: path, plan: plan, frontmatter: nil) }

  static func step(_ revision: Revision, _ changed: [PlanSnapshot], removed: [String] = []) -> HistoryStep {
    HistoryStep(revision: revision, changed: changed, removed: removed)
  }

  static func options(
    today: String = "2026-12-01", baselineRevision: String? = nil, baselineDate: String? = nil, since: String? = nil,
    staleAfterDays: Int = 14
  ) -> SlipOptions {
    SlipOptions(
      baselineRevision: baselineRevision, baselineDate: baselineDate.map(date), since: since.map(date), today: date(today),
      staleAfterDays: staleAfterDays)
  }
}
