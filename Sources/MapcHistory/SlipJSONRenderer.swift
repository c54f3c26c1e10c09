import MapcJSON
import MapcModel

/// The machine-readable report. The contract (keep these names):
///
/// `{"plans":[{"id","path","go_live":{"baseline","current","slip_days"},"total_days_off_schedule",
/// "milestones":[{"id","title","baseline","current","slip_days","pushes","moves":[{"commit","author",
/// "date","from","to","delta_days","subject","reason"}]}]}]}`
///
/// Added fields: plan `title`, go-live `pushes`, `pulls`, `moves`; milestone `pulls`, `status`,
/// `done_on`, `owners`, `dropped`; plan `top_milestones`, `top_stakeholders`, `last_change`,
/// `last_commit`, `days_since_last_commit`, `stale`, `skipped_revisions` (a count) and
/// `skipped_commits`; top-level `removed_plans` and `notes`; on a move made on a merged branch,
/// `merged_in` (`{"commit","author","date","subject"}`: the merge that brought it; absent
/// otherwise), while `commit`, `author`, `date`, `subject` and `reason` are those of the branch
/// commit that made the move. Dates are `YYYY-MM-DD`; the date of a move is its commit's author
/// date; `commit` is null for uncommitted changes.
public struct SlipJSONRenderer: Sendable {
  public init() {}

  public func render(_ report: SlipReport) -> String {
    JSONWriter.pretty.string(Self.json(report)) + "\n"
  }

  public static func json(_ report: SlipReport) -> JSONValue {
    var root = JSONObject()
    root["plans"] = .array(report.plans.map(plan))
    root["removed_plans"] = .array(
      report.removedPlans.map { r in
        var o = JSONObject()
        o["id"] = .string(r.id)
        o["title"] = string(r.title)
        o["path"] = .string(r.path)
        o["removed"] = revision(r.removed)
        return .object(o)
      })
    root["notes"] = .array(report.notes.map { .string($0) })
    return .object(root)
  }

  static func plan(_ p: PlanSlip) -> JSONValue {
    var o = JSONObject()
    o["id"] = .string(p.id)
    o["path"] = .string(p.path)
    o["title"] = string(p.title)
    var g = dateSlip(p.goLive)
    g["moves"] = .array(p.goLive.moves.map(move))
    o["go_live"] = .object(g)
    o["total_days_off_schedule"] = int(p.totalDaysOffSchedule)
    o["milestones"] = .array(p.milestones.map(milestone))
    o["top_milestones"] = .array(
      p.topMilestones.map {
        .object(JSONObject([("id", .string($0.id)), ("title", string($0.title)), ("slip_days", int($0.slipDays))]))
      })
    o["top_stakeholders"] = .array(
      p.topStakeholders.map { s in
        .object(
          JSONObject([
            ("id", .string(s.id)), ("name", string(s.name)), ("role", string(s.role)), ("side", string(s.side)),
            ("slip_days", int(s.slipDays)), ("milestones", .array(s.milestones.map { .string($0) })),
          ]))
      })
    o["last_change"] = p.lastChange.map(revision) ?? .null
    o["last_commit"] = p.lastCommit.map(revision) ?? .null
    o["days_since_last_commit"] = p.daysSinceLastCommit.map(int) ?? .null
    o["stale"] = .bool(p.stale)
    o["skipped_revisions"] = int(p.skippedRevisions.count)
    o["skipped_commits"] = .array(p.skippedRevisions.map { $0.commit.map { .string($0) } ?? .null })
    return .object(o)
  }

  static func milestone(_ m: MilestoneSlip) -> JSONValue {
    var o = JSONObject()
    o["id"] = .string(m.id)
    o["title"] = string(m.title)
    o["baseline"] = date(m.baseline)
    o["current"] = date(m.current)
    o["slip_days"] = m.slipDays.map(int) ?? .null
    o["pushes"] = int(m.pushes)
    o["moves"] = .array(m.moves.map(move))
    o["pulls"] = int(m.pulls)
    o["status"] = string(m.status?.rawValue)
    o["done_on"] = date(m.doneOn)
    o["owners"] = .array(m.owners.map { .string($0) })
    o["dropped"] = m.dropped.map(revision) ?? .null
    return .object(o)
  }

  static func dateSlip(_ d: DateSlip) -> JSONObject {
    var o = JSONObject()
    o["baseline"] = date(d.baseline)
    o["current"] = date(d.current)
    o["slip_days"] = d.slipDays.map(int) ?? .null
    o["pushes"] = int(d.pushes)
    o["pulls"] = int(d.pulls)
    return o
  }

  static func move(_ m: DateMove) -> JSONValue {
    var o = JSONObject()
    o["commit"] = string(m.revision.commit)
    o["author"] = .string(m.revision.authorName)
    o["date"] = .string(m.revision.date.description)
    o["from"] = .string(m.from.description)
    o["to"] = .string(m.to.description)
    o["delta_days"] = int(m.deltaDays)
    o["subject"] = .string(m.revision.subject)
    o["reason"] = string(m.reason)
    if let merge = m.mergedIn { o["merged_in"] = revision(merge) }
    return .object(o)
  }

  static func revision(_ r: Revision) -> JSONValue {
    .object(
      JSONObject([
        ("commit", string(r.commit)), ("author", .string(r.authorName)), ("date", .string(r.date.description)),
        ("subject", .string(r.subject)),
      ]))
  }

  static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
  static func date(_ d: CalendarDate?) -> JSONValue { d.map { .string($0.description) } ?? .null }
  static func int(_ n: Int) -> JSONValue { .number(Double(n)) }
}
