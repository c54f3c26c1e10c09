import MapcHistory
import MapcJSON
import MapcModel

/// The history a buyer's page is drawn from: only the commits that changed what the buyer sees.
enum BuyerHistory {
  /// The fingerprints of a plan version: its public content is the frontmatter without internal
  /// values (``PublicContent``) and the body as a buyer snapshot shows it.
  static let fingerprint: PublicFingerprint = { document in
    guard let frontmatter = document.frontmatter, let source = document.source else { return nil }
    // The frontmatter is hashed once when it holds nothing internal (most versions).
    var front = StableHash()
    front.combine(frontmatter)
    var publicFront = front
    if PublicContent.holdsInternal(frontmatter) {
      publicFront = StableHash()
      publicFront.combine(PublicContent.frontmatter(frontmatter))
    }
    var visible = publicFront
    visible.combine(MarkdownBody(markdown: source.body).publicHTML)
    var whole = front
    whole.combine(source.body)
    return PlanFingerprint(publicContent: visible.value, wholeContent: whole.value)
  }

  /// `steps` without the plan versions that changed only internal content (same public
  /// fingerprint as the plan's previous version, by id, and a different whole one), and
  /// without the steps left empty. A version that changed nothing (a move) stays, as before; a
  /// version without a fingerprint (it did not parse) counts as a change.
  static func publicChanges(_ steps: [HistoryStep]) -> [HistoryStep] {
    var last: [String: PlanFingerprint] = [:]
    var out: [HistoryStep] = []
    for var step in steps {
      step.changed = step.changed.filter { version in
        guard let id = version.plan?.id, let fingerprint = version.publicFingerprint else { return true }
        defer { last[id] = fingerprint }
        guard let previous = last[id] else { return true }
        return previous.publicContent != fingerprint.publicContent || previous.wholeContent == fingerprint.wholeContent
      }
      if !step.changed.isEmpty || !step.removed.isEmpty { out.append(step) }
    }
    return out
  }

  /// The last commit in `steps` that changed plan `id`, and whether the working tree changes it.
  static func lastChange(of id: String, in steps: [HistoryStep]) -> (commit: Revision?, uncommitted: Bool) {
    var commit: Revision?
    var uncommitted = false
    for step in steps where step.changed.contains(where: { $0.plan?.id == id }) {
      if step.revision.isWorkingTree { uncommitted = true } else { commit = step.revision }
    }
    return (commit, uncommitted)
  }
}
