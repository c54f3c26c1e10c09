import MapcGit
import MapcModel
import MapcWorkspace

/// One `mapc slip` run: the history read and analysed, for every plan or the plans asked for.
public enum SlipRun {
  /// What to analyse, as the command line asks it.
  public struct Request: Sendable {
    /// Plan files or plan ids; empty for every plan.
    public var plans: [String]
    /// The revision to analyse; nil for the working tree over HEAD.
    public var at: String?
    /// A revision or a date (YYYY-MM-DD) to measure slip against.
    public var baseline: String?
    /// List only the date moves from this date on.
    public var movesSince: CalendarDate?

    public init(plans: [String] = [], at: String? = nil, baseline: String? = nil, movesSince: CalendarDate? = nil) {
      self.plans = plans
      self.at = at
      self.baseline = baseline
      self.movesSince = movesSince
    }
  }

  /// The slip report for `request` in `workspace`.
  ///
  /// - Throws: ``UsageError`` outside a repository, in a shallow clone, for an unknown revision
  ///   or a plan the history does not hold.
  public static func report(_ request: Request, workspace: Workspace) throws -> SlipReport {
    let configuration = workspace.configuration
    let plans = request.plans
    let walked: HistoryWalk
    let reader: HistoryReader
    var following = false
    do {
      reader = try HistoryReader(discoveringFrom: workspace.directory)
    } catch {
      throw UsageError(error, command: "mapc slip", directory: workspace.directory)
    }
    // A revision that does not exist is the user's typo: say so, as `diff` and `render` do.
    if let at = request.at { _ = try reader.repository.resolveRevision(at) }
    do {
      let root = reader.root
      let isPlan: @Sendable (String) -> Bool = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
      // Plans given as files are read along their paths (much faster on a long history) and
      // followed back across moves; plans given by id need the whole history.
      let files = plans.compactMap { arg in Paths.isFile(arg) ? Paths.relative(Paths.absolute(arg), to: root) : nil }
      if !plans.isEmpty, files.count == plans.count {
        following = true
        walked = try reader.walk(following: Set(files), at: request.at, includeWorkingTree: request.at == nil, isPlan: isPlan)
      } else {
        walked = try reader.walk(at: request.at, includeWorkingTree: request.at == nil, isPlan: isPlan)
      }
    } catch {
      throw UsageError(error, command: "mapc slip", directory: workspace.directory)
    }

    var options = SlipOptions(
      since: request.movesSince, today: workspace.today, staleAfterDays: configuration.staleAfterDays ?? 14)
    if let baseline = request.baseline {
      if let d = CalendarDate(baseline) {
        options.baselineDate = d
      } else {
        do {
          let id = try reader.repository.resolveCommit(baseline)
          let hex = id.description
          if walked.revisions.contains(where: { $0.commit == hex }) {
            options.baselineRevision = hex
          } else {
            options.baselineDate = try HistoryReader.revision(try reader.repository.commit(id)).date
          }
        } catch {
          throw UsageError("--baseline: \(error.message)", help: "give a revision (a commit, tag or branch) or a date YYYY-MM-DD")
        }
      }
    }

    // The history is streamed through the analysis: the plans of past steps are not kept.
    var analyzer = SlipAnalyzer(revisions: walked.revisions, options: options)
    // What resolving the plans given needs: the plan each path held last, and every plan id seen.
    var lastPlanAtPath: [String: String?] = [:]
    var planIDs = Set<String>()
    // The plan id each path holds at the analysed state, to refuse two files with one id.
    var idAtPath: [String: String] = [:]
    do {
      try reader.forEachStep(of: walked) { step in
        analyzer.apply(step)
        for path in step.removed { idAtPath[path] = nil }
        for snapshot in step.changed { idAtPath[snapshot.path] = snapshot.plan?.id }
        guard !plans.isEmpty else { return }
        for snapshot in step.changed {
          lastPlanAtPath[snapshot.path] = .some(snapshot.plan?.id)
          if let id = snapshot.plan?.id { planIDs.insert(id) }
        }
      }
    } catch {
      throw UsageError(error, command: "mapc slip", directory: workspace.directory)
    }

    // Plans are followed by id: two files with one id would be analysed as one plan. Following
    // some files reads only their history, so the other files with their ids come from the
    // analysed state itself.
    func shown(_ path: String) -> String { request.at.map { "\($0):\(path)" } ?? Paths.display(Paths.join(reader.root, path)) }
    var entries = idAtPath.map { path, id in PlanIDs.Entry(id: id, path: shown(path)) }
    if following {
      let followedIDs = Set(idAtPath.values)
      if let at = request.at {
        let repository = reader.repository
        let root = reader.root
        let isPlan: @Sendable (String) -> Bool = { (path: String) in configuration.includesPlan(repositoryPath: path, repositoryRoot: root) }
        do throws(GitError) {
          for v in try PlanDiff.plans(in: repository, at: try repository.resolveCommit(at), isPlan: isPlan)
          where idAtPath[v.path] == nil {
            if let id = v.plan.id, followedIDs.contains(id) { entries.append(PlanIDs.Entry(id: id, path: shown(v.path))) }
          }
        } catch {
          throw UsageError(error, command: "mapc slip", directory: workspace.directory)
        }
      } else {
        let followed = Set(idAtPath.keys.map { Paths.join(reader.root, $0) })
        let others = ((try? PlanFiles.resolve([], configuration: configuration)) ?? []).filter { !followed.contains($0.path) }
        entries += PlanIDs.entries(of: others, matching: followedIDs)
      }
    }
    try PlanIDs.requireUnique(entries)

    var only: Set<String>?
    if !plans.isEmpty {
      var ids = Set<String>()
      for arg in plans {
        let repoRelative = Paths.relative(Paths.absolute(arg), to: reader.root)
        let byPath: String? = repoRelative.flatMap { lastPlanAtPath[$0] } ?? nil
        guard let id = byPath ?? (planIDs.contains(arg) ? arg : nil) else {
          throw UsageError("no plan in the history matches '\(arg)'", help: "give a plan file or a plan id")
        }
        ids.insert(id)
      }
      only = ids
    }
    return analyzer.report(only: only)
  }
}
