import MapcGit
import MapcModel
import MapcWorkspace

/// What `mapc lint --base REV` compares: each plan's version at the merge base of REV and HEAD
/// (what a pull request changes: a branch behind REV is not blamed for REV's own changes), the
/// due-date moves the commits HEAD adds to REV made, each with its reason (``MoveReason``, the
/// same as `mapc slip` gives), the milestones deleted and re-added along those commits (the
/// working tree counting as the last state), and, when HEAD (or, for a test merge of a branch
/// into REV, the branch) does not descend from REV, the milestones whose baseline the two
/// histories disagree on.
public enum BaseComparison {
  /// The base context of each plan in `plans` (the working tree's files, with their bytes),
  /// in the same order.
  ///
  /// - Throws: ``UsageError`` for an unknown revision, a shallow clone or a directory outside
  ///   a repository; `GitError` when the history cannot be read.
  public static func contexts(
    revision: String, plans: [PlanDocument], directory: String, configuration: Configuration
  ) throws -> [BaseContext] {
    var notes: [String] = []
    return try contexts(revision: revision, plans: plans, directory: directory, configuration: configuration, notes: &notes)
  }

  /// ``contexts(revision:plans:directory:configuration:)``, adding to `notes` what the user
  /// should know: the date moves of the change could not be read (a commit with a forged
  /// date), so MAP200 compares the plans alone.
  ///
  /// A plan the merge base does not hold but REV does is compared with its version at REV:
  /// a branch whose history was edited (its commits replace REV's) shares no commit with REV
  /// for that plan, and every plan would otherwise look new, hiding every change.
  public static func contexts(
    revision: String, plans: [PlanDocument], directory: String, configuration: Configuration, notes: inout [String]
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
    let isPlan: @Sendable (String) -> Bool = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
    let baseID = try repository.resolveRevision(revision)
    func short(_ id: ObjectID) -> String { String(id.description.prefix(7)) }
    func byID(_ versions: [PlanVersion]) -> [String: PlanVersion] {
      var out: [String: PlanVersion] = [:]
      for v in versions.sorted(by: { $0.path < $1.path }) { if let id = v.plan.id, out[id] == nil { out[id] = v } }
      return out
    }

    // The commits of the change: those HEAD adds to the base, on every side of a merge. Any
    // of them may carry the reason for a move. Deletions and re-additions are followed along
    // the change's own line, oldest first: from HEAD, each commit's first parent within the
    // change, else its next parent within it. So a test merge of the branch into the base
    // (GitHub's refs/pull/N/merge: first parent the base) is read through the branch.
    var range: [ObjectID] = []
    var compared = baseID
    var comparedWith = "\(revision) at \(short(baseID))"
    var moves: [String: [String: [BaseContext.Move]]]?
    var rewritten: [String: [String: BaselineDisagreement]] = [:]
    var rewrittenIn = "HEAD"
    if try !repository.isHeadUnborn {
      let headID = try repository.resolveCommit("HEAD")
      if let mergeBase = try repository.mergeBase(baseID, headID) {
        compared = mergeBase
        if mergeBase != baseID { comparedWith = "\(short(mergeBase)), the merge base of \(revision) and HEAD" }
      } else {
        comparedWith += " (no history in common with HEAD)"
      }
      let change = try repository.commitIDs(from: headID, excluding: baseID)
      var parents: [ObjectID: [ObjectID]] = [:]
      for id in change { parents[id] = try repository.commit(id).parentIDs }
      do {
        moves = try changeMoves(reader: reader, head: headID, change: parents, isPlan: isPlan)
      } catch {
        notes.append(
          "the date moves since `\(revision)` cannot be read (\(error.message)); unexplained date moves (MAP200) are "
            + "judged by the plans' `due_reason` alone")
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
    let baseVersions = try PlanDiff.plans(in: repository, at: compared, isPlan: isPlan)
    // byID would keep one of two files with one id and compare the other's plan with it.
    try PlanIDs.requireUnique(baseVersions.compactMap { v in v.plan.id.map { PlanIDs.Entry(id: $0, path: "\(revision):\(v.path)") } })
    let basePlans = byID(baseVersions)
    let tipPlans = compared == baseID ? basePlans : byID(try PlanDiff.plans(in: repository, at: baseID, isPlan: isPlan))
    var states: [(name: String, plans: [String: PlanVersion])] = []
    for id in range {
      states.append((String(id.description.prefix(7)), byID(try PlanDiff.plans(in: repository, at: id, isPlan: isPlan))))
    }

    return plans.map { document in
      guard let now = document.plan, let planID = now.id else {
        return BaseContext(revision: revision, comparedWith: comparedWith, frontmatter: nil)
      }
      var old = basePlans[planID]
      var compared = comparedWith
      if old == nil, let atTip = tipPlans[planID] {
        old = atTip
        compared = "\(revision) at \(short(baseID))"
      }
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
        revision: revision, comparedWith: compared, frontmatter: old?.frontmatter,
        moves: moves.map { $0[planID] ?? [:] }, readdedMilestones: readded, rewrittenBaselines: edited)
    }
  }

  /// The due-date moves made by the commits of the change (`change`: the commits HEAD adds to
  /// the base, with their parents) and by the working tree, per plan id and milestone id.
  ///
  /// HEAD's first-parent history is read from its first commit outside the change (its plans
  /// are the starting state) with the slip analysis, so each move has the commit and the reason
  /// `mapc slip` gives it: a merge's moves are attributed to its branch's commits. Moves whose
  /// commit is not the change's (main's, brought in by merging main into the branch) are left
  /// out. The work is bounded by the change, not by the whole history.
  static func changeMoves(
    reader: HistoryReader, head: ObjectID, change: [ObjectID: [ObjectID]], isPlan: @Sendable (String) -> Bool
  ) throws(GitError) -> [String: [String: [BaseContext.Move]]] {
    var boundary: ObjectID? = head
    while let b = boundary, let up = change[b] { boundary = up.first }
    let walked = try reader.walk(
      at: "HEAD", includeWorkingTree: true, workingTreeTime: .headCommit, stoppingAt: boundary, isPlan: isPlan)
    var analyzer = SlipAnalyzer(revisions: walked.revisions, options: SlipOptions(today: CalendarDate(daysSince1970: 0)))
    try reader.forEachStep(of: walked) { analyzer.apply($0) }
    let ids = Set(change.keys.map(\.description))
    var out: [String: [String: [BaseContext.Move]]] = [:]
    for plan in analyzer.report().plans {
      var byMilestone: [String: [BaseContext.Move]] = [:]
      for m in plan.milestones {
        let own = m.moves.filter { $0.revision.commit.map(ids.contains) ?? true }
        if own.isEmpty { continue }
        byMilestone[m.id] = own.map {
          BaseContext.Move(from: $0.from, to: $0.to, commit: $0.revision.commit.map { String($0.prefix(7)) }, reason: $0.reason)
        }
      }
      out[plan.id] = byMilestone
    }
    return out
  }
}
