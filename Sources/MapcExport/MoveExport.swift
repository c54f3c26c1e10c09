import MapcHistory
import MapcModel

/// `mapc export --object moves`: one row per date move, what `mapc slip --format csv` lists
/// (the go-live's moves under the milestone name `go_live`, then each milestone's, in plan
/// order), with the merge that brought a move made on a merged branch. Plans in id order; a
/// plan's moves in history order. Outside git there are no moves: the table has its header only.
public enum MoveExport {
  public static func genericColumns(_ audience: ExportAudience) -> [String] {
    var columns = [
      "plan_id", "milestone_id", "commit", "author", "date", "from", "to", "delta_days", "subject", "reason", "reason_source",
      "merged_in_commit", "merged_in_date", "merged_in_subject",
    ]
    if audience == .internal { columns.append("crm_id") }
    return columns
  }

  struct Facts {
    var plan: ExportPlan
    var milestone: String
    var move: DateMove

    /// A key for upserts: the same move keeps it on every export.
    var key: String { "\(plan.id):\(milestone):\(move.revision.commit ?? "uncommitted")" }
  }

  public static func table(_ source: ExportSource, profile: ExportProfile, audience: ExportAudience) -> ExportTable {
    var facts: [Facts] = []
    for plan in source.plans {
      guard let slip = plan.slip else { continue }
      for move in slip.goLive.moves { facts.append(Facts(plan: plan, milestone: "go_live", move: move)) }
      for m in slip.milestones {
        for move in m.moves { facts.append(Facts(plan: plan, milestone: m.id, move: move)) }
      }
    }
    let columns: [String]
    switch profile {
    case .generic: columns = genericColumns(audience)
    case .salesforce:
      columns =
        [
          "MAPC_Move_Id__c", "MAPC_Plan_Id__c", "MAPC_Milestone_Id__c", "MAPC_Commit__c", "MAPC_Author__c", "MAPC_Date__c",
          "MAPC_From__c", "MAPC_To__c", "MAPC_Delta_Days__c", "MAPC_Subject__c", "MAPC_Reason__c", "MAPC_Merged_In__c",
        ] + (audience == .internal ? ["MAPC_Opportunity__c"] : [])
    case .hubspot:
      columns =
        [
          "mapc_move_id", "mapc_plan_id", "mapc_milestone_id", "mapc_commit", "mapc_author", "mapc_date", "mapc_from", "mapc_to",
          "mapc_delta_days", "mapc_subject", "mapc_reason", "mapc_merged_in",
        ] + (audience == .internal ? ["associated_deal_record_id"] : [])
    }
    var table = ExportTable(columns: columns)
    for f in facts {
      let m = f.move
      let r = m.revision
      var row: [ExportValue]
      switch profile {
      case .generic:
        row = [
          .text(f.plan.id), .text(f.milestone), .text(r.commit), .text(r.authorName), .date(r.date), .date(m.from), .date(m.to),
          .number(m.deltaDays), .text(r.subject), .text(m.reason), .text(m.reasonSource?.rawValue),
          .text(m.mergedIn?.commit), .date(m.mergedIn?.date), .text(m.mergedIn?.subject),
        ]
      case .salesforce, .hubspot:
        row = [
          .text(f.key), .text(f.plan.id), .text(f.milestone), .text(r.commit), .text(r.authorName), .date(r.date), .date(m.from),
          .date(m.to), .number(m.deltaDays), .text(r.subject), .text(m.reason), .text(m.mergedIn?.commit),
        ]
      }
      if audience == .internal { row.append(.text(f.plan.crmID)) }
      table.rows.append(row)
    }
    return table
  }
}
