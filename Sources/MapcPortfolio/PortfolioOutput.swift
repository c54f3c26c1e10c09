import MapcModel
import MapcWorkspace

extension PortfolioSummary {
  /// The summary in a text format (`html` is MapcRender's `PortfolioPage`; here it gives the
  /// JSON, so a caller that forgot to route it still prints nothing internal-only by accident).
  public func render(_ format: PortfolioFormat) -> String {
    switch format {
    case .text: return PortfolioTextRenderer().render(self)
    case .markdown: return PortfolioMarkdownRenderer().render(self)
    case .csv: return PortfolioCSVRenderer().render(self)
    case .json, .html: return PortfolioJSONRenderer().render(self)
    }
  }

  /// The same summary drawn from the plans' public content alone (the buyer audience), when
  /// the run built it (``PortfolioRun/Request/buyerGuard``).
  public var fromPublicContent: PortfolioSummary? {
    guard let publicPlans = report.publicPlans else { return nil }
    var visible = report
    visible.plans = publicPlans
    return PortfolioSummary(visible, audience: audience, view: view, placeholderDueDays: placeholderDueDays)
  }

  /// Passes a buyer output through the leak guard of the run's plans: `render` draws the same
  /// output from a summary, and is asked for the public-content rendering only on a hit.
  /// An internal output passes as it is.
  ///
  /// - Throws: ``UsageError`` when internal content occurs in the output (nothing may be
  ///   written then), or when the run built no guard for a buyer output.
  public func guarded(
    _ output: String, format: PortfolioFormat, render: (PortfolioSummary) -> String
  ) throws(UsageError) -> String {
    guard audience == .buyer else { return output }
    guard let guarding = report.leakGuard, let visible = fromPublicContent else {
      throw UsageError("internal error: a buyer report without its leak guard; nothing was written")
    }
    let syntax: LeakGuard.Format
    switch format {
    case .text, .csv: syntax = .text
    case .markdown: syntax = .markdown
    case .json: syntax = .json
    case .html: syntax = .html
    }
    do {
      try guarding.check(output, format: syntax, name: "the buyer report (\(format.rawValue))") { render(visible) }
    } catch {
      throw UsageError(error)
    }
    return output
  }
}
