import MapcGit
import MapcModel
import MapcWorkspace

/// What `mapc lint --base REV` compares: each plan's version at REV, whether a commit HEAD adds
/// to REV has a `Slip-Reason:` trailer, the milestones deleted and re-added along those commits
/// (the working tree counting as the last state), and, when HEAD (or, for a test merge of a
/// branch into REV, the branch) does not descend from REV, the milestones whose baseline the
/// two histories disagree on.
public enum BaseComparison {
  /// The base context of each plan in `plans` (the working tree's files, with their bytes),
  /// in the same order.
  ///
  /// - Throws: ``UsageError`` for an unknown revision, a shallow clone or a directory outside
  ///   a repository; `GitError` when the history cannot be read.
  public static func contexts(
    revision: String, plans: [PlanDocument], directory: String, configuration: Configuration
  ) throws -> [BaseContext] {
    let reader: HistoryReader
    do {
      reader = try HistoryReader(discoveringFrom: directory)
    } catch {
      guard error.kind == .notARepository else { throw error }
      throw UsageError("not a git repository (or any parent): \(directory)", help: "`--base` needs the plans' git history")
    }
    let repository = reader.repository
    let root = reader.root
    // The change rules read every commit from the base to HEAD and both histories; in a
    // shallow clone they would be cut off, and libgit2 fails at the cut.
    if try repository.isShallow {
      throw UsageError(
        "`--base` needs the full history, and this repository is a shallow clone",
        help: "fetch the full history with `git fetch --unshallow` (in GitHub Actions, `fetch-depth: 0` on "
          + "actions/checkout; in GitLab CI, `GIT_DEPTH: 0`)")
    }
    let isPlan = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
    let baseID = try repository.resolveRevision(revision)
    func byID(_ versions: [PlanVersion]) -> [String: PlanVersion] {
      var out: [String: PlanVersion] = [:]
      for v in versions.sorted(by: { $0.path < $1.path }) { if let id = v.plan.id, out[id] == nil { out[id] = v } }
      return out
    }
    let baseVersions = try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan)
    // byID would keep one of two files with one id and compare the other's plan with it.
    try PlanIDs.requireUnique(baseVersions.compactMap { v in v.plan.id.map { PlanIDs.Entry(id: $0, path: "\(revision):\(v.path)") } })
    let basePlans = byID(baseVersions)

    // The commits of the change: those HEAD adds to the base, on every side of a merge. Any
    // of them may carry the reason for a move. Deletions and re-additions are followed along
    // the change's own line, oldest first: from HEAD, each commit's first parent within the
    // change, else its next parent within it. So a test merge of the branch into the base
    // (GitHub's refs/pull/N/merge: first parent the base) is read through the branch.
    var range: [ObjectID] = []
    var slipReasons = false
    var rewritten: [String: [String: BaselineDisagreement]] = [:]
    var rewrittenIn = "HEAD"
    if try !repository.isHeadUnborn {
      let headID = try repository.resolveCommit("HEAD")
      let change = try repository.commitIDs(from: headID, excluding: baseID)
      var parents: [ObjectID: [ObjectID]] = [:]
      for id in change {
        let info = try repository.commit(id)
        parents[id] = info.parentIDs
        if info.trailer("Slip-Reason") != nil { slipReasons = true }
      }
      var line: [ObjectID] = []
      var next: ObjectID? = parents[headID] == nil ? nil : headID
      while let id = next, let up = parents[id] {
        line.append(id)
        next = up.first { parents[$0] != nil }
      }
      range = line.reversed()

      // A test merge descends from the base whatever its branch did; the branch's history is
      // the one to compare with the base's.
      var tip = headID
      if line.count > 1, let first = parents[headID]?.first, parents[first] == nil {
        tip = line[1]
        rewrittenIn = "HEAD^2"
      }
      rewritten = try BaselineOrigins.disagreements(
        reader: reader, base: baseID, head: tip, includeWorkingTree: tip == headID, isPlan: isPlan)
    }
    var states: [(name: String, plans: [String: PlanVersion])] = []
    for id in range {
      states.append((String(id.description.prefix(7)), byID(try PlanDiff.plans(in: repository, at: id, isPlan: isPlan))))
    }

    return plans.map { document in
      guard let now = document.plan, let planID = now.id else {
        return BaseContext(revision: revision, frontmatter: nil, slipReasons: slipReasons)
      }
      let old = basePlans[planID]
      var readded: [String: String] = [:]
      if let old {
        let tracked = Set(old.plan.milestones.compactMap(\.id)).intersection(now.milestones.compactMap(\.id))
        var gone = Set<String>()
        for (name, plans) in states + [("working tree", [planID: PlanVersion(path: "", plan: now, frontmatter: .null)])] {
          guard let plan = plans[planID]?.plan else { continue }
          let present = Set(plan.milestones.compactMap(\.id))
          for id in tracked {
            if !present.contains(id) {
              gone.insert(id)
            } else if gone.remove(id) != nil {
              readded[id] = name
            }
          }
        }
      }
      var edited: [String: BaseContext.RewrittenBaseline] = [:]
      for (id, d) in rewritten[planID] ?? [:] {
        edited[id] = BaseContext.RewrittenBaseline(
          base: d.base.date, commit: String((d.base.commit ?? "").prefix(7)), head: d.head.date, headName: rewrittenIn)
      }
      return BaseContext(
        revision: revision, frontmatter: old?.frontmatter, slipReasons: slipReasons, readdedMilestones: readded,
        rewrittenBaselines: edited)
    }
  }
}
