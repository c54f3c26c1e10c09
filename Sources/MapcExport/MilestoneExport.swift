import MapcHistory
import MapcModel
import MapcPortfolio

/// `mapc export --object milestones`: one row per milestone, keyed `plan_id:milestone_id`, in
/// plan id order and then plan order. Cancelled milestones are rows too (their status says so);
/// milestones without an id are not (nothing could key them).
public enum MilestoneExport {
  /// The columns of the generic profile, in order; `internal_note` and `crm_id` only for the
  /// internal audience.
  public static func genericColumns(_ audience: ExportAudience) -> [String] {
    var columns = [
      "key", "plan_id", "milestone_id", "title", "stage", "status", "risk", "due", "baseline", "slip_days", "moves",
      "done_on", "buyer_owners", "seller_owners", "owner_emails", "depends_on", "days_overdue",
    ]
    if audience == .internal { columns += ["crm_id", "internal_note"] }
    return columns
  }

  /// The milestones of `source` for `profile` and `audience`.
  public static func table(_ source: ExportSource, profile: ExportProfile, audience: ExportAudience) -> ExportTable {
    var facts: [Facts] = []
    for plan in source.plans {
      // A repeated milestone id (a lint error) would repeat a key: the first one is exported.
      var seen = Set<String>()
      for m in plan.plan.milestones {
        guard let id = m.id, !id.isEmpty, seen.insert(id).inserted, let fact = plan.fact(of: id) else { continue }
        facts.append(Facts(plan: plan, milestone: m, id: id, fact: fact))
      }
    }
    switch profile {
    case .generic: return generic(facts, audience: audience)
    case .salesforce: return salesforce(facts, audience: audience)
    case .hubspot: return hubspot(facts, audience: audience)
    }
  }

  /// What every profile shows of one milestone.
  struct Facts {
    var plan: ExportPlan
    var milestone: Milestone
    var id: String
    /// The portfolio's numbers: baseline, slip, days overdue, moves.
    var fact: MilestoneFact

    var key: String { "\(plan.id):\(id)" }
    var title: String { milestone.title ?? id }

    /// Owners on one side, by name (a role placeholder by its role, an undeclared owner by id).
    func owners(_ side: Stakeholder.Side?) -> [String] {
      milestone.owners.compactMap { owner in
        let s = plan.plan.stakeholder(owner)
        guard s?.side == side || (side == .seller && s?.side == .partner) else { return nil }
        return Self.name(of: s, id: owner)
      }
    }

    var otherOwners: [String] {
      milestone.owners.filter { plan.plan.stakeholder($0)?.side == nil }
    }

    static func name(of s: Stakeholder?, id: String) -> String {
      if let name = s?.name, !name.isEmpty { return name }
      if let role = s?.role, !role.isEmpty { return role }
      return id
    }

    var emails: [String] {
      milestone.owners.compactMap { plan.plan.stakeholder($0)?.email }.filter { !$0.isEmpty }
    }

    /// Calendar days past due for an open milestone due before today; nil otherwise.
    var daysOverdue: Int? { fact.daysOverdue }
    var moveCount: Int { fact.moveCount }
    var baseline: CalendarDate? { fact.baseline }
    var slipDays: Int? { fact.slipDays }
  }

  static func generic(_ facts: [Facts], audience: ExportAudience) -> ExportTable {
    var table = ExportTable(columns: genericColumns(audience))
    for f in facts {
      let m = f.milestone
      var row: [ExportValue] = [
        .text(f.key), .text(f.plan.id), .text(f.id), .text(f.title), .text(m.stage), .text(m.status?.rawValue),
        .text(m.risk?.rawValue), .date(m.due), .date(f.baseline), .number(f.slipDays),
        .number(f.moveCount), .date(m.doneOn), .list(f.owners(.buyer)), .list(f.owners(.seller) + f.otherOwners),
        .list(f.emails), .list(m.dependsOn), .number(f.daysOverdue),
      ]
      if audience == .internal { row += [.text(f.plan.crmID), .text(m.internalNote)] }
      table.rows.append(row)
    }
    return table
  }

  /// Data Loader upserts of Tasks on `MAPC_External_Id__c`, related to the opportunity (`WhatId`).
  public static func salesforceColumns(_ audience: ExportAudience) -> [String] {
    var columns = [
      "MAPC_External_Id__c", "Subject", "ActivityDate", "Status", "Priority", "Description", "MAPC_Plan_Id__c",
      "MAPC_Milestone_Id__c", "MAPC_Stage__c", "MAPC_Risk__c", "MAPC_Baseline__c", "MAPC_Slip_Days__c",
      "MAPC_Days_Overdue__c", "MAPC_Buyer_Owners__c", "MAPC_Seller_Owners__c",
    ]
    if audience == .internal { columns.insert("WhatId", at: 5) }
    return columns
  }

  static func salesforce(_ facts: [Facts], audience: ExportAudience) -> ExportTable {
    var table = ExportTable(columns: salesforceColumns(audience))
    for f in facts {
      let m = f.milestone
      var row: [ExportValue] = [
        .text(f.key), .text(CRMValues.truncated(f.title, to: CRMValues.salesforceSubjectLength)), .date(m.due),
        .text(CRMValues.salesforceStatus(m.status)), .text(CRMValues.salesforcePriority(m.risk)), .text(description(f)),
        .text(f.plan.id), .text(f.id), .text(m.stage), .text(m.risk?.rawValue), .date(f.baseline),
        .number(f.slipDays), .number(f.daysOverdue), .list(f.owners(.buyer)),
        .list(f.owners(.seller) + f.otherOwners),
      ]
      if audience == .internal { row.insert(.text(f.plan.crmID), at: 5) }
      table.rows.append(row)
    }
    return table
  }

  /// HubSpot task import properties. HubSpot creates a task per row on every import: it does
  /// not update tasks (see the README).
  public static func hubspotColumns(_ audience: ExportAudience) -> [String] {
    var columns = [
      "hs_task_subject", "hs_timestamp", "hs_task_status", "hs_task_priority", "hs_task_type", "hs_task_body", "mapc_key",
      "mapc_plan_id", "mapc_stage", "mapc_risk", "mapc_baseline", "mapc_slip_days", "mapc_days_overdue",
    ]
    if audience == .internal { columns.append("associated_deal_record_id") }
    return columns
  }

  static func hubspot(_ facts: [Facts], audience: ExportAudience) -> ExportTable {
    var table = ExportTable(columns: hubspotColumns(audience))
    for f in facts {
      let m = f.milestone
      var row: [ExportValue] = [
        .text(f.title), .date(m.due), .text(CRMValues.hubspotStatus(m.status)), .text(CRMValues.hubspotPriority(m.risk)),
        .text("TODO"), .text(description(f)), .text(f.key), .text(f.plan.id), .text(m.stage), .text(m.risk?.rawValue),
        .date(f.baseline), .number(f.slipDays), .number(f.daysOverdue),
      ]
      if audience == .internal { row.append(.text(f.plan.crmID)) }
      table.rows.append(row)
    }
    return table
  }

  /// The task's notes: plan, stage, owners by side, dependencies.
  static func description(_ f: Facts) -> String {
    var lines = ["Plan: \(f.plan.plan.title ?? f.plan.id)"]
    if let stage = f.milestone.stage { lines.append("Stage: \(stage)") }
    let buyer = f.owners(.buyer)
    let seller = f.owners(.seller) + f.otherOwners
    if !buyer.isEmpty { lines.append("Buyer owners: \(buyer.joined(separator: ", "))") }
    if !seller.isEmpty { lines.append("Seller owners: \(seller.joined(separator: ", "))") }
    if !f.milestone.dependsOn.isEmpty { lines.append("Depends on: \(f.milestone.dependsOn.joined(separator: ", "))") }
    if let s = f.slipDays, s != 0 { lines.append("Slip: \(s > 0 ? "+" : "")\(s) days since baseline") }
    return lines.joined(separator: "\n")
  }
}
