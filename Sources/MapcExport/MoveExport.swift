import MapcHistory
import MapcModel

/// `mapc export --object moves`: one row per date move, what `mapc slip --format csv` lists
/// (the go-live's moves under the milestone name `go_live`, then each milestone's, in plan
/// order), with the merge that brought a move made on a merged branch. Plans in id order; a
/// plan's moves in history order. Outside git there are no moves: the table has its header only.
///
/// For the buyer, the commit's record stays the seller's (as in `render` and `diff`): no commit
/// id, author or subject, and a reason only when it is the plan's own `due_reason`, never a
/// commit trailer.
public enum MoveExport {
  /// A column: its name in each profile, whether the buyer sees it, its value.
  struct Column: Sendable {
    var generic: String?
    var crm: (salesforce: String, hubspot: String)?
    var buyer: Bool
    var value: @Sendable (Facts, ExportAudience) -> ExportValue
  }

  static let columns: [Column] = [
    Column(generic: nil, crm: ("MAPC_Move_Id__c", "mapc_move_id"), buyer: true) { f, _ in .text(f.key) },
    Column(generic: "plan_id", crm: ("MAPC_Plan_Id__c", "mapc_plan_id"), buyer: true) { f, _ in .text(f.plan.id) },
    Column(generic: "milestone_id", crm: ("MAPC_Milestone_Id__c", "mapc_milestone_id"), buyer: true) { f, _ in .text(f.milestone) },
    Column(generic: "commit", crm: ("MAPC_Commit__c", "mapc_commit"), buyer: false) { f, _ in .text(f.move.revision.commit) },
    Column(generic: "author", crm: ("MAPC_Author__c", "mapc_author"), buyer: false) { f, _ in .text(f.move.revision.authorName) },
    Column(generic: "date", crm: ("MAPC_Date__c", "mapc_date"), buyer: true) { f, _ in .date(f.move.revision.date) },
    Column(generic: "from", crm: ("MAPC_From__c", "mapc_from"), buyer: true) { f, _ in .date(f.move.from) },
    Column(generic: "to", crm: ("MAPC_To__c", "mapc_to"), buyer: true) { f, _ in .date(f.move.to) },
    Column(generic: "delta_days", crm: ("MAPC_Delta_Days__c", "mapc_delta_days"), buyer: true) { f, _ in .number(f.move.deltaDays) },
    Column(generic: "subject", crm: ("MAPC_Subject__c", "mapc_subject"), buyer: false) { f, _ in .text(f.move.revision.subject) },
    Column(generic: "reason", crm: ("MAPC_Reason__c", "mapc_reason"), buyer: true) { f, audience in .text(reason(f.move, audience)) },
    Column(generic: "reason_source", crm: nil, buyer: true) { f, audience in
      .text(reason(f.move, audience) == nil ? nil : f.move.reasonSource?.rawValue)
    },
    Column(generic: "merged_in_commit", crm: ("MAPC_Merged_In__c", "mapc_merged_in"), buyer: false) { f, _ in
      .text(f.move.mergedIn?.commit)
    },
    Column(generic: "merged_in_date", crm: nil, buyer: true) { f, _ in .date(f.move.mergedIn?.date) },
    Column(generic: "merged_in_subject", crm: nil, buyer: false) { f, _ in .text(f.move.mergedIn?.subject) },
    Column(generic: "crm_id", crm: ("MAPC_Opportunity__c", "associated_deal_record_id"), buyer: false) { f, _ in .text(f.plan.crmID) },
  ]

  /// The move's reason as `audience` may see it: the buyer only a `due_reason`.
  static func reason(_ move: DateMove, _ audience: ExportAudience) -> String? {
    audience == .buyer && move.reasonSource != .dueReason ? nil : move.reason
  }

  static func name(_ column: Column, _ profile: ExportProfile) -> String? {
    switch profile {
    case .generic: return column.generic
    case .salesforce: return column.crm?.salesforce
    case .hubspot: return column.crm?.hubspot
    }
  }

  /// The column names of `profile` for `audience`, in order.
  public static func columnNames(_ profile: ExportProfile, audience: ExportAudience) -> [String] {
    columns.filter { audience == .internal || $0.buyer }.compactMap { name($0, profile) }
  }

  struct Facts {
    var plan: ExportPlan
    var milestone: String
    var move: DateMove

    /// A key for upserts: the same move keeps it on every export.
    var key: String { "\(plan.id):\(milestone):\(move.revision.commit ?? "uncommitted")" }
  }

  /// The moves of `source` for `profile` and `audience`.
  public static func table(_ source: ExportSource, profile: ExportProfile, audience: ExportAudience) -> ExportTable {
    let shown = columns.filter { (audience == .internal || $0.buyer) && name($0, profile) != nil }
    var table = ExportTable(columns: shown.compactMap { name($0, profile) })
    for plan in source.plans {
      guard let slip = plan.slip else { continue }
      var facts = slip.goLive.moves.map { Facts(plan: plan, milestone: "go_live", move: $0) }
      for m in slip.milestones {
        for move in m.moves { facts.append(Facts(plan: plan, milestone: m.id, move: move)) }
      }
      for f in facts { table.rows.append(shown.map { $0.value(f, audience) }) }
    }
    return table
  }
}
