/// What `mapc export` writes: one row per plan, per milestone or per date move.
public enum ExportObject: String, Sendable, CaseIterable {
  case plans, milestones, moves
}

/// The output formats of `mapc export`.
public enum ExportFormat: String, Sendable, CaseIterable {
  case csv, json
}

/// Who an export or a calendar is for.
public enum ExportAudience: String, Sendable, CaseIterable {
  /// The selling team: every column.
  case `internal`
  /// The buyer: internal fields (the CRM id, internal notes, band and forecast wording) left
  /// out, behind the leak guard.
  case buyer
}

/// Column names and cell formats for one importer.
///
/// - `generic`: mapc's own snake_case names, ISO dates, formula triggers defused (`'`).
/// - `salesforce`: Data Loader upserts. Milestones are Tasks (`Subject`, `ActivityDate` as
///   `yyyy-MM-dd`, `Status` in the standard picklist, `Priority`, `WhatId` = the opportunity,
///   the external id `MAPC_External_Id__c` = `plan_id:milestone_id`); plans are Opportunity
///   updates by `Id` (the CRM id) with `MAPC_…__c` custom fields and the standard `NextStep`;
///   moves are rows of a custom object keyed `MAPC_Move_Id__c`.
/// - `hubspot`: HubSpot import property names: tasks (`hs_task_subject`, `hs_timestamp`,
///   `hs_task_status`, …), deals updated by `hs_object_id` (the record id) with `mapc_…`
///   custom properties. HubSpot task imports create tasks; they do not update them.
public enum ExportProfile: String, Sendable, CaseIterable {
  case generic, salesforce, hubspot

  /// Only the generic profile defuses formula triggers: a CRM stores the `'` as data.
  public var defusesFormulas: Bool { self == .generic }
}
