import MapcJSON
import MapcModel

/// The machine-readable plan diff. The contract (keep these names):
///
/// ```
/// {"base": "REV", "head": "REV" | "working tree", "audience": "internal" | "buyer",
///  "plans": [{"id", "title", "status": "added" | "removed" | "modified",
///             "base_path", "head_path", "moved": bool, "summary",
///             "changes": [{"kind", "milestone", "stakeholder", "label", "from", "to",
///                          "delta_days", "baseline", "slip_days", "reason", "added", "removed",
///                          "internal", "pointer", "change"}]}],
///  "notes": [string]}
/// ```
///
/// `kind` is one of `go_live`, `value_date`, `milestone_added`, `milestone_removed`,
/// `milestone_renamed`, `due_moved`, `status_changed`, `risk_changed`, `owners_changed`,
/// `stakeholder_added`, `stakeholder_removed`, `stakeholder_named`, `success_criteria_changed`,
/// `internal_changed`. In a change, only the keys that apply are present: `milestone` /
/// `stakeholder` (ids) and `label` (title or name) for what it concerns; `from` / `to` (dates
/// `YYYY-MM-DD`, statuses, risks, titles, names, owners as a comma list); `delta_days` (to − from)
/// for date changes; `baseline` and `slip_days` (to − baseline) for a due-date move when the
/// history could be read; `reason` for a moved date (go-live, a due date): the reason of the move
/// that set the new date, as `mapc slip` gives it (with `--audience buyer`, only a `due_reason`);
/// `added` / `removed` (owners, success criteria); `internal: true`,
/// `pointer` (JSON pointer into the frontmatter) and `change` (`added`, `removed`, `changed`)
/// for internal-only content. `base_path` is null for an added plan, `head_path` for a removed one.
public struct PlanDiffJSONRenderer: Sendable {
  public init() {}

  public func render(_ report: PlanDiffReport) -> String {
    JSONWriter.pretty.string(Self.json(report)) + "\n"
  }

  public static func json(_ report: PlanDiffReport) -> JSONValue {
    var root = JSONObject()
    root["base"] = .string(report.base)
    root["head"] = .string(report.head)
    root["audience"] = .string(report.audience.rawValue)
    root["plans"] = .array(
      report.plans.map { p in
        var o = JSONObject()
        o["id"] = .string(p.id)
        o["title"] = p.title.map { .string($0) } ?? .null
        o["status"] = .string(p.status.rawValue)
        o["base_path"] = p.basePath.map { .string($0) } ?? .null
        o["head_path"] = p.headPath.map { .string($0) } ?? .null
        o["moved"] = .bool(p.moved)
        o["summary"] = .string(PlanDiffFormatting.summary(p))
        o["changes"] = .array(p.entries.map(entry))
        return .object(o)
      })
    root["notes"] = .array(report.notes.map { .string($0) })
    return .object(root)
  }

  static func entry(_ e: DiffEntry) -> JSONValue {
    var o = JSONObject()
    o["kind"] = .string(e.kind.rawValue)
    if let v = e.milestone { o["milestone"] = .string(v) }
    if let v = e.stakeholder { o["stakeholder"] = .string(v) }
    if let v = e.label { o["label"] = .string(v) }
    if let v = e.from { o["from"] = .string(v) }
    if let v = e.to { o["to"] = .string(v) }
    if let v = e.deltaDays { o["delta_days"] = .number(Double(v)) }
    if let v = e.baseline { o["baseline"] = .string(v.description) }
    if let v = e.slipDays { o["slip_days"] = .number(Double(v)) }
    if let v = e.reason { o["reason"] = .string(v) }
    if !e.added.isEmpty || !e.removed.isEmpty {
      o["added"] = .array(e.added.map { .string($0) })
      o["removed"] = .array(e.removed.map { .string($0) })
    }
    if e.isInternal {
      o["internal"] = .bool(true)
      if let v = e.pointer { o["pointer"] = .string(v) }
      if let v = e.change { o["change"] = .string(v) }
    }
    return .object(o)
  }
}
