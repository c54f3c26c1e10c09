import MapcModel
import MapcPortfolio

/// `mapc export --object plans`: one row per plan, in plan id order, with the portfolio's
/// numbers (``PlanStatus``, the brief's "Portfolio" definitions) at *today*.
///
/// Salesforce: an Opportunity update keyed by `Id` (the CRM id), the numbers in `MAPC_…__c`
/// custom fields and the next milestone in the standard `NextStep`. HubSpot: a deal update keyed
/// by `hs_object_id` (the record id), the numbers in `mapc_…` custom properties. For the buyer,
/// the CRM id is left out (and the deal amount never enters: ``PlanStatus/forBuyer()``).
public enum PlanExport {
  /// One column: its name in each profile, whether it is for the selling team only, its value.
  struct Column: Sendable {
    var generic: String
    var salesforce: String
    var hubspot: String
    var internalOnly = false
    var value: @Sendable (ExportPlan, PlanStatus, CalendarDate) -> ExportValue

    func name(_ profile: ExportProfile) -> String {
      switch profile {
      case .generic: return generic
      case .salesforce: return salesforce
      case .hubspot: return hubspot
      }
    }
  }

  static func owners(_ refs: [OwnerRef]) -> ExportValue { .list(refs.map(\.displayName)) }

  static let columns: [Column] = [
    Column(generic: "crm_id", salesforce: "Id", hubspot: "hs_object_id", internalOnly: true) { p, _, _ in .text(p.crmID) },
    Column(generic: "plan_id", salesforce: "MAPC_Plan_Id__c", hubspot: "mapc_plan_id") { _, s, _ in .text(s.id) },
    Column(generic: "title", salesforce: "MAPC_Plan_Title__c", hubspot: "mapc_plan_title") { _, s, _ in .text(s.title) },
    Column(generic: "buyer", salesforce: "MAPC_Buyer__c", hubspot: "mapc_buyer") { _, s, _ in .text(s.buyer) },
    Column(generic: "go_live", salesforce: "MAPC_Go_Live__c", hubspot: "mapc_go_live") { _, s, _ in .date(s.goLive) },
    Column(generic: "go_live_baseline", salesforce: "MAPC_Go_Live_Baseline__c", hubspot: "mapc_go_live_baseline") { _, s, _ in
      .date(s.goLiveBaseline)
    },
    Column(generic: "go_live_slip_days", salesforce: "MAPC_Go_Live_Slip_Days__c", hubspot: "mapc_go_live_slip_days") { _, s, _ in
      .number(s.goLiveSlipDays)
    },
    Column(generic: "forecast_go_live", salesforce: "MAPC_Forecast_Go_Live__c", hubspot: "mapc_forecast_go_live") { _, s, _ in
      .date(s.forecast.goLive)
    },
    Column(generic: "forecast_reason", salesforce: "MAPC_Forecast_Reason__c", hubspot: "mapc_forecast_reason") { _, s, _ in
      .text(s.forecast.reason)
    },
    Column(generic: "value_date", salesforce: "MAPC_Value_Date__c", hubspot: "mapc_value_date") { _, s, _ in .date(s.valueDate) },
    Column(generic: "compelling_event_date", salesforce: "MAPC_Compelling_Event_Date__c", hubspot: "mapc_compelling_event_date") {
      _, s, _ in .date(s.compellingEvent)
    },
    Column(generic: "current_stage", salesforce: "MAPC_Current_Stage__c", hubspot: "mapc_current_stage") { _, s, _ in
      .text(s.currentStage)
    },
    Column(generic: "percent_done", salesforce: "MAPC_Percent_Done__c", hubspot: "mapc_percent_done") { _, s, _ in
      .number(s.percentDone)
    },
    Column(generic: "band", salesforce: "MAPC_Band__c", hubspot: "mapc_band") { _, s, _ in .text(s.band.rawValue) },
    Column(generic: "overdue_milestones", salesforce: "MAPC_Overdue_Milestones__c", hubspot: "mapc_overdue_milestones") {
      _, s, _ in .number(s.overdueCount)
    },
    Column(generic: "stalled_milestones", salesforce: "MAPC_Stalled_Milestones__c", hubspot: "mapc_stalled_milestones") {
      _, s, _ in .number(s.stalledCount)
    },
    Column(generic: "next_milestone", salesforce: "MAPC_Next_Milestone_Id__c", hubspot: "mapc_next_milestone_id") { _, s, _ in
      .text(s.nextMilestone?.id)
    },
    Column(generic: "next_milestone_title", salesforce: "NextStep", hubspot: "mapc_next_milestone") { _, s, _ in
      .text(s.nextMilestone.map { CRMValues.truncated($0.title ?? $0.id, to: CRMValues.salesforceNextStepLength) })
    },
    Column(generic: "next_milestone_due", salesforce: "MAPC_Next_Milestone_Due__c", hubspot: "mapc_next_milestone_due") {
      _, s, _ in .date(s.nextMilestone?.due)
    },
    Column(
      generic: "next_milestone_buyer_owners", salesforce: "MAPC_Next_Milestone_Buyer_Owners__c",
      hubspot: "mapc_next_milestone_buyer_owners"
    ) { _, s, _ in s.nextMilestone.map { owners($0.buyerOwners) } ?? .empty },
    Column(
      generic: "next_milestone_seller_owners", salesforce: "MAPC_Next_Milestone_Seller_Owners__c",
      hubspot: "mapc_next_milestone_seller_owners"
    ) { _, s, _ in s.nextMilestone.map { owners($0.sellerOwners + $0.otherOwners) } ?? .empty },
    Column(generic: "total_days_off_schedule", salesforce: "MAPC_Days_Off_Schedule__c", hubspot: "mapc_days_off_schedule") {
      _, s, _ in .number(s.totalDaysOffSchedule)
    },
    Column(generic: "moves_30_days", salesforce: "MAPC_Moves_30_Days__c", hubspot: "mapc_moves_30_days") { _, s, _ in
      .number(s.recentMoves)
    },
    Column(generic: "last_change", salesforce: "MAPC_Last_Change__c", hubspot: "mapc_last_change") { _, s, _ in
      .date(s.lastChange?.date)
    },
    Column(generic: "last_buyer_activity", salesforce: "MAPC_Last_Buyer_Activity__c", hubspot: "mapc_last_buyer_activity") {
      _, s, _ in .date(s.lastBuyerActivity?.date)
    },
    Column(generic: "as_of", salesforce: "MAPC_As_Of__c", hubspot: "mapc_as_of") { _, _, today in .date(today) },
  ]

  /// The column names of `profile` for `audience`, in order.
  public static func columnNames(_ profile: ExportProfile, audience: ExportAudience) -> [String] {
    columns.filter { audience == .internal || !$0.internalOnly }.map { $0.name(profile) }
  }

  /// The plans of `source` for `profile` and `audience`, one row each.
  public static func table(_ source: ExportSource, profile: ExportProfile, audience: ExportAudience) throws -> ExportTable {
    let shown = columns.filter { audience == .internal || !$0.internalOnly }
    var table = ExportTable(columns: shown.map { $0.name(profile) })
    for plan in source.plans {
      let status = audience == .buyer ? plan.status.forBuyer() : plan.status
      table.rows.append(shown.map { $0.value(plan, status, source.today) })
    }
    return table
  }
}
