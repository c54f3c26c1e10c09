import MapcHistory
import MapcJSON
import MapcModel
import MapcWorkspace

// What stands between a snapshot and the buyer: the leak guard behind every buyer page and index.

extension MarkdownBody {
  /// The text of each run of internal blocks (an internal section, or a quote or list holding
  /// one), as the leak guard reads it.
  public var internalSectionTexts: [String] {
    segments.filter(\.isInternal).map { LeakGuard.text(ofHTML: $0.html) }
  }

  /// The text of the public blocks as the whole body's parse classifies them, and their markup
  /// as written and decoded (a public link's target is public, whoever also names it in an
  /// internal section). Not ``publicHTML``: the guard must not take its public content from
  /// the very cut it checks.
  public var publicBlockText: String {
    segments.filter { !$0.isInternal }.map { LeakGuard.text(ofHTML: $0.html) + "\n" + $0.html + "\n" + LeakGuard.decodedHTML($0.html) }
      .joined(separator: "\n")
  }
}

extension Snapshot {
  /// The leak guard of this snapshot: its plan's internal content (frontmatter and body
  /// sections) against its public content; `environment` may plant the test canary.
  public func leakGuard(environment: [String: String] = [:]) -> LeakGuard {
    var guarding = LeakGuard()
    guarding.add(plan, frontmatter: frontmatter, name: path)
    let body = MarkdownBody(markdown: body)
    guarding.addInternalBody(body.internalSectionTexts, plan: path)
    guarding.addPublic(body.publicBlockText)
    guarding.addTestCanary(from: environment, plan: path)
    return guarding
  }

  /// The same snapshot with nothing internal in it: the public frontmatter, no body. What a page
  /// of it shows, mapc would show without any internal content; the leak guard uses it to rule
  /// out text that only looks like a note (a date, a word of mapc's own).
  public var withoutInternalContent: Snapshot {
    var copy = self
    copy.frontmatter = PublicContent.frontmatter(frontmatter)
    copy.plan = Plan(copy.frontmatter)
    copy.body = ""
    return copy
  }

  /// Checks the buyer page `html` of this snapshot with `guarding`.
  func checkBuyerPage(_ html: String, with guarding: LeakGuard) throws(UsageError) {
    do {
      try guarding.check(html, format: .html, name: "the buyer snapshot") { SnapshotPage(withoutInternalContent).render() }
    } catch {
      throw UsageError(error)
    }
  }
}

extension IndexPage {
  /// Checks the buyer index with `guarding` (the guards of all its plans, merged).
  func checkBuyerIndex(_ html: String, with guarding: LeakGuard) throws(UsageError) {
    var publicIndex = self
    publicIndex.entries = entries.map { IndexPage.Entry(file: $0.file, snapshot: $0.snapshot.withoutInternalContent) }
    do {
      try guarding.check(html, format: .html, name: "the buyer index") { publicIndex.render() }
    } catch {
      throw UsageError(error)
    }
  }
}

extension SnapshotBuilder {
  /// The leak guard of `snapshot`, with the base versions of its plan when the page lists
  /// changes since a revision (their internal content is involved too).
  func leakGuard(for snapshot: Snapshot, environment: [String: String]) -> LeakGuard {
    var guarding = snapshot.leakGuard(environment: environment)
    if let since, let id = snapshot.plan.id {
      for version in since.plans where version.plan.id == id {
        guarding.add(version.plan, frontmatter: version.frontmatter, name: "\(since.name):\(version.path)")
      }
    }
    return guarding
  }
}
