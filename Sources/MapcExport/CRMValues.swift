import MapcModel

/// The values CRM importers accept, each mapped from the plan format in one place.
public enum CRMValues {
  /// Salesforce's standard Task `Status` picklist, in its order.
  public static let salesforceTaskStatuses = ["Not Started", "In Progress", "Completed", "Waiting on someone else", "Deferred"]
  /// Salesforce's standard Task `Priority` picklist.
  public static let salesforceTaskPriorities = ["High", "Normal", "Low"]
  /// HubSpot's task status values (`hs_task_status`).
  public static let hubspotTaskStatuses = ["NOT_STARTED", "IN_PROGRESS", "WAITING", "COMPLETED", "DEFERRED"]
  /// HubSpot's task priorities (`hs_task_priority`).
  public static let hubspotTaskPriorities = ["LOW", "MEDIUM", "HIGH"]
  /// Salesforce's longest Task `Subject`: Data Loader refuses a longer one.
  public static let salesforceSubjectLength = 255
  /// Salesforce's longest Opportunity `NextStep`.
  public static let salesforceNextStepLength = 255

  /// A milestone status as a Salesforce Task `Status`: blocked waits on someone else, a
  /// cancelled milestone is deferred, no status is not started.
  public static func salesforceStatus(_ status: Milestone.Status?) -> String {
    switch status {
    case .notStarted, nil: return "Not Started"
    case .inProgress: return "In Progress"
    case .done: return "Completed"
    case .blocked: return "Waiting on someone else"
    case .cancelled: return "Deferred"
    }
  }

  /// A milestone status as a HubSpot `hs_task_status`.
  public static func hubspotStatus(_ status: Milestone.Status?) -> String {
    switch status {
    case .notStarted, nil: return "NOT_STARTED"
    case .inProgress: return "IN_PROGRESS"
    case .done: return "COMPLETED"
    case .blocked: return "WAITING"
    case .cancelled: return "DEFERRED"
    }
  }

  /// A milestone's risk as a Salesforce Task `Priority`: a milestone off or at risk is High.
  public static func salesforcePriority(_ risk: Milestone.Risk?) -> String {
    switch risk {
    case .offTrack, .atRisk: return "High"
    case .onTrack, nil: return "Normal"
    }
  }

  /// A milestone's risk as a HubSpot `hs_task_priority`.
  public static func hubspotPriority(_ risk: Milestone.Risk?) -> String {
    switch risk {
    case .offTrack: return "HIGH"
    case .atRisk: return "MEDIUM"
    case .onTrack, nil: return "LOW"
    }
  }

  /// `s` cut to at most `limit` characters (a CRM field's length), never inside a character.
  public static func truncated(_ s: String, to limit: Int) -> String {
    guard s.count > limit else { return s }
    return String(s.prefix(max(0, limit - 1))) + "…"
  }
}
