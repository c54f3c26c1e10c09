import MapcModel

/// A pull-request comment: one summary line per plan
/// ("**acme** — go-live +14 days; 2 milestones moved; 1 added"), then the full list of changes
/// in a collapsible `<details>` block. Free text goes through ``InertText/markdown(_:)``: it
/// cannot break the markup, mention anyone or start a workflow command.
public struct PlanDiffMarkdownRenderer: Sendable {
  public init() {}

  public func render(_ report: PlanDiffReport) -> String {
    let e = InertText.markdown
    var out = "## Plan changes\n\n"
    out += "\(InertText.markdownCode(report.base)) → \(InertText.markdownCode(report.head))"
    if report.audience == .buyer { out += " · buyer audience: internal-only changes left out" }
    out += "\n\n"
    if report.plans.isEmpty { out += "No plan changes.\n" }
    for plan in report.plans {
      out += "**\(e(plan.id))** — \(e(PlanDiffFormatting.summary(plan)))\n\n"
      // A <summary> is raw HTML, where backslash escapes would show: entities only.
      out += "<details><summary>\(InertText.markdownHTML(plan.title ?? plan.id))</summary>\n\n"
      out += "- \(e(PlanDiffFormatting.heading(plan)))\n"
      for entry in plan.entries {
        let line = e(PlanDiffFormatting.describe(entry))
        out += entry.isInternal ? "- 🔒 \(line)\n" : "- \(line)\n"
      }
      out += "\n</details>\n\n"
    }
    for note in report.notes { out += "> **Note:** \(e(note))\n" }
    return out
  }
}
