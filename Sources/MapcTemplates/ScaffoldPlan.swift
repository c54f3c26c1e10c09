import MapcModel
import MapcSchedule
import MapcWorkspace

extension Scaffold {
  /// What `mapc init` adds to ``Scaffold/files`` on `today`: the onboarding template and the
  /// plan made from it by `mapc new`'s code, with go-live seven working weeks after today (the
  /// template needs six), so the first steps are due in the coming days and the plan does not
  /// go stale the week after `init`.
  ///
  /// - Throws: ``UsageError`` only if the carried template could not make a plan (a defect).
  public static func datedFiles(today: CalendarDate) throws(UsageError) -> [(path: String, contents: String)] {
    guard let template = PlanTemplate(PlanDocument(text: onboardingTemplate)),
      let goLive = WorkingCalendar().workday(from: today, 35)
    else { throw UsageError("internal error: the scaffold's template does not load") }
    let request = NewPlanRequest(id: "first-onboarding", buyer: "Acme Manufacturing", seller: "Northwind", goLive: goLive, today: today)
    let plan = try NewPlan.make(from: template, templatePath: templatePath, request)
    return [(templatePath, onboardingTemplate), (templatePlanPath, plan.text)]
  }
}
