import Dispatch
import Foundation
import MapcGit
import MapcJSON
import MapcModel
import MapcYAML

/// Plan history read from git: one ``HistoryStep`` per first-parent commit that changed a plan
/// file, oldest first, and a last step for uncommitted changes in the working tree.
public struct History: Sendable {
  public var steps: [HistoryStep]
  /// How many commits the first-parent walk visited (with and without plan changes).
  public var commitsScanned: Int
  /// The analysed commit (nil only when there is none).
  public var head: Revision?
  /// How many distinct plan contents (blobs) were parsed.
  public var blobsParsed: Int
}

/// A plan history walked but not parsed yet: which commits changed which plan files, and to
/// which contents (blob ids). ``HistoryReader/forEachStep(of:keepFrontmatter:parallel:_:)``
/// then parses each distinct content once and hands the steps over one at a time, so that a
/// long history never holds every version of every plan at once.
public struct HistoryWalk: Sendable {
  /// The revision of each step, in order (the working-tree step last, when there is one).
  public var revisions: [Revision]
  /// How many commits the first-parent walk visited (with and without plan changes).
  public var commitsScanned: Int
  /// The analysed commit (nil only when there is none).
  public var head: Revision?
  /// How many distinct plan contents (blobs) the steps hold.
  public var distinctBlobs: Int

  struct Pending: Sendable {
    var commit: ObjectID
    var revision: Revision
    var changed: [(path: String, blob: ObjectID)]
    var removed: [String]
    /// A merge's parents (the first parent first); empty for any other commit.
    var mergeParents: [ObjectID] = []
  }

  var pending: [Pending]
  /// The uncommitted changes, already parsed (a few files at most).
  var workingTree: HistoryStep?

  init(pending: [Pending], workingTree: HistoryStep?, commitsScanned: Int, head: Revision?) {
    self.pending = pending
    self.workingTree = workingTree
    self.commitsScanned = commitsScanned
    self.head = head
    revisions = pending.map(\.revision) + (workingTree.map { [$0.revision] } ?? [])
    var seen = Set<ObjectID>()
    for step in pending { for change in step.changed { seen.insert(change.blob) } }
    distinctBlobs = seen.count
  }
}

/// Where the time of the working-tree step comes from.
public enum WorkingTreeTime: Sendable, Hashable {
  /// The newest modification time among the changed files that still exist; the analysed
  /// commit's author time when every changed file was deleted. (Default.)
  case newestModification
  /// The analysed commit's author time: reproducible from the repository alone.
  case headCommit
  /// A given time, seconds since 1970 (UTC) (for tests and `--today`).
  case fixed(Int64)
}

/// Reads plan history from the git repository around a path.
public struct HistoryReader {
  /// The repository; use the reader on one thread.
  public let repository: Repository
  /// The working directory (for a bare repository, its git directory).
  public let root: String

  public init(discoveringFrom path: String) throws(GitError) {
    repository = try Repository.discover(from: path)
    root = repository.workdir ?? repository.gitDirectory
  }

  /// The plan-changing steps of `revision`'s first-parent history (HEAD when nil), oldest first.
  /// With `includeWorkingTree`, when analysing HEAD and plan files differ from it in the working
  /// tree (including untracked plans), a last step with `commit == nil` holds those changes.
  public func history(
    at revision: String? = nil, includeWorkingTree: Bool = true,
    isPlan: @Sendable (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> [HistoryStep] {
    try read(at: revision, includeWorkingTree: includeWorkingTree, isPlan: isPlan).steps
  }

  /// ``history(at:includeWorkingTree:isPlan:)`` with counts; `workingTreeTime` sets the time of
  /// the working-tree step.
  /// Snapshots carry their frontmatter JSON only with `keepFrontmatter`: the slip analysis
  /// needs the typed plan alone, and on a long history the JSON doubles the memory.
  /// This holds every step in memory; ``walk(at:includeWorkingTree:workingTreeTime:onlyPaths:parallel:isPlan:)``
  /// with ``forEachStep(of:keepFrontmatter:parallel:_:)`` streams them.
  /// With `publicFingerprint`, each plan version also carries the fingerprint of its public
  /// content (``PlanSnapshot/publicFingerprint``).
  public func read(
    at revision: String? = nil, includeWorkingTree: Bool = true, workingTreeTime: WorkingTreeTime = .newestModification,
    keepFrontmatter: Bool = false, onlyPaths: Set<String>? = nil, parallel: Bool = true,
    publicFingerprint: PublicFingerprint? = nil, isPlan: @Sendable (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> History {
    let walked = try walk(
      at: revision, includeWorkingTree: includeWorkingTree, workingTreeTime: workingTreeTime, onlyPaths: onlyPaths,
      parallel: parallel, isPlan: isPlan)
    return try collect(walked, keepFrontmatter: keepFrontmatter, parallel: parallel, publicFingerprint: publicFingerprint)
  }

  private func collect(_ walked: HistoryWalk, keepFrontmatter: Bool, parallel: Bool, publicFingerprint: PublicFingerprint?)
    throws(GitError) -> History
  {
    var steps: [HistoryStep] = []
    steps.reserveCapacity(walked.revisions.count)
    let parsed = try forEachStep(of: walked, keepFrontmatter: keepFrontmatter, parallel: parallel, publicFingerprint: publicFingerprint) {
      steps.append($0)
    }
    return History(steps: steps, commitsScanned: walked.commitsScanned, head: walked.head, blobsParsed: parsed)
  }

  /// Walks `revision`'s first-parent history (HEAD when nil) and finds the commits that changed
  /// plan files, without parsing any plan: see ``read(at:includeWorkingTree:workingTreeTime:keepFrontmatter:onlyPaths:parallel:isPlan:)``.
  /// With `onlyPaths`, only those files are followed, looked up by path in each commit's tree.
  /// With `stoppingAt`, the walk begins at that commit when it meets it: its plans form the
  /// first step, as if added there (what `lint --base` reads from the merge base on).
  public func walk(
    at revision: String? = nil, includeWorkingTree: Bool = true, workingTreeTime: WorkingTreeTime = .newestModification,
    onlyPaths: Set<String>? = nil, stoppingAt stop: ObjectID? = nil, parallel: Bool = true,
    isPlan: @Sendable (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> HistoryWalk {
    if try repository.isShallow {
      throw GitError(
        .shallow,
        "the repository is a shallow clone, so its history is incomplete; fetch the full history with "
          + "`git fetch --unshallow` (in GitHub Actions, set `fetch-depth: 0` on actions/checkout)")
    }
    let rev = revision ?? "HEAD"
    let tip = try repository.resolveCommit(rev)
    var pending: [HistoryWalk.Pending] = []
    let commitsScanned: Int
    if let onlyPaths {
      // Following given files: look them up by path in each tree, as `git log -- FILE` does,
      // skipping subtrees whose ids did not change, and read a commit's author and message only
      // when it changed one of the files.
      let paths = onlyPaths.sorted()
      let followed: (chain: [ChainCommit], blobs: [[ObjectID?]])
      if parallel, ProcessInfo.processInfo.activeProcessorCount >= 2 {
        followed = try Self.followPipelined(tip, paths, stoppingAt: stop, in: repository)
      } else {
        let chain = try repository.firstParentChain(from: tip, stoppingAt: stop)
        var lookup = PathLookup(repository: repository, paths: paths)
        var blobs: [[ObjectID?]] = []
        blobs.reserveCapacity(chain.count)
        for commit in chain { blobs.append(try lookup.blobs(inTree: commit.treeID)) }
        followed = (chain, blobs)
      }
      let (chain, blobs) = followed
      var before = [ObjectID?](repeating: nil, count: paths.count)
      for (i, commit) in chain.enumerated() {
        let now = blobs[i]
        defer { before = now }
        if now == before && i != chain.count - 1 { continue }
        let changes = Self.changes(from: Self.byPath(paths, before), to: Self.byPath(paths, now))
        if changes.isEmpty && i != chain.count - 1 { continue }
        pending.append(try Self.pending(commit.id, try repository.commit(commit.id), changes))
      }
      commitsScanned = chain.count
    } else {
      let chain = try repository.firstParentChain(from: tip, stoppingAt: stop)
      if parallel, let walked = try Self.walkInParallel(chain, gitDirectory: repository.gitDirectory, isPlan: isPlan) {
        pending = walked
      } else {
        pending = try Self.walk(chain, chain.indices, in: repository, isPlan: isPlan)
      }
      commitsScanned = chain.count
    }
    // The tip's entry holds the head revision even when it changed no plan.
    var head: Revision?
    if let last = pending.last, last.commit == tip {
      head = last.revision
      if last.changed.isEmpty && last.removed.isEmpty { pending.removeLast() }
    }

    // The working tree, when analysing HEAD.
    var workingTree: HistoryStep?
    if includeWorkingTree, rev == "HEAD" || rev == "@", repository.workdir != nil, let head {
      workingTree = try workingTreeStep(tip: tip, head: head, time: workingTreeTime, isPlan: isPlan)
    }
    return HistoryWalk(pending: pending, workingTree: workingTree, commitsScanned: commitsScanned, head: head)
  }

  static func byPath(_ paths: [String], _ blobs: [ObjectID?]) -> [String: ObjectID] {
    var out: [String: ObjectID] = [:]
    for (path, blob) in zip(paths, blobs) { if let blob { out[path] = blob } }
    return out
  }

  /// Follows `paths` through the first-parent history ending at `tip` on two threads: this one
  /// reads the commits (newest first), while a second, with its own repository, looks the paths
  /// up in each commit's tree as soon as the commit is read; once every commit is read, this
  /// thread takes the lookups left from the oldest end. The chain comes back oldest first, with
  /// the blobs of the paths at each commit.
  static func followPipelined(_ tip: ObjectID, _ paths: [String], stoppingAt stop: ObjectID? = nil, in repository: Repository)
    throws(GitError)
    -> (chain: [ChainCommit], blobs: [[ObjectID?]])
  {
    let queue = ChainQueue()
    let helper = LockedValue<Result<[(index: Int, blobs: [ObjectID?])], GitError>?>(nil)
    let done = DispatchGroup()
    let gitDirectory = repository.gitDirectory
    done.enter()
    DispatchQueue.global().async {
      defer { done.leave() }
      do throws(GitError) {
        let repo = try Repository.discover(from: gitDirectory)
        var lookup = PathLookup(repository: repo, paths: paths)
        var found: [(index: Int, blobs: [ObjectID?])] = []
        while let batch = queue.takeNewest() {
          for (i, commit) in batch { found.append((i, try lookup.blobs(inTree: commit.treeID))) }
        }
        helper.value = .success(found)
      } catch {
        queue.cancel()
        helper.value = .failure(error)
      }
    }
    var newestFirst: [ChainCommit] = []
    var batch: [ChainCommit] = []
    var found: [(index: Int, blobs: [ObjectID?])] = []
    do throws(GitError) {
      try repository.walkFirstParents(from: tip, stoppingAt: stop) { commit in
        newestFirst.append(commit)
        batch.append(commit)
        // Handed over in small batches: a lock per commit would cost more than it gains.
        if batch.count == 64 {
          queue.push(batch)
          batch.removeAll(keepingCapacity: true)
        }
      }
      queue.push(batch)
      queue.finish()
      var lookup = PathLookup(repository: repository, paths: paths)
      while let batch = queue.takeOldest() {
        for (i, commit) in batch { found.append((i, try lookup.blobs(inTree: commit.treeID))) }
      }
    } catch {
      queue.cancel()
      done.wait()
      throw error
    }
    done.wait()
    guard let result = helper.value else { throw GitError(.other, "following files: the lookups did not finish") }
    var blobs = [[ObjectID?]?](repeating: nil, count: newestFirst.count)
    for (i, b) in try result.get() + found where i < blobs.count { blobs[i] = b }
    let complete = blobs.compactMap { $0 }
    guard complete.count == newestFirst.count else { throw GitError(.other, "following files: some lookups did not run") }
    return (newestFirst.reversed(), complete.reversed())
  }

  static func pending(_ id: ObjectID, _ info: CommitInfo, _ changes: [FileChange]) throws(GitError) -> HistoryWalk.Pending {
    var step = HistoryWalk.Pending(
      commit: id, revision: try Self.revision(info), changed: [], removed: [],
      mergeParents: info.parentIDs.count > 1 ? info.parentIDs : [])
    for change in changes {
      switch change.status {
      case .deleted: step.removed.append(change.path)
      case .added, .modified:
        guard let blob = change.newBlob else { continue }
        step.changed.append((change.path, blob))
      }
    }
    return step
  }

  /// Diffs the commits of `chain` at `indices` with their first parents (the previous entry),
  /// keeping those that changed a plan, and the last commit of the chain in any case.
  static func walk(_ chain: [ChainCommit], _ indices: Range<Int>, in repository: Repository, isPlan: @Sendable (String) -> Bool)
    throws(GitError) -> [HistoryWalk.Pending]
  {
    // The same few paths come back in commit after commit; the filter may be slow (globs).
    var verdicts: [String: Bool] = [:]
    func filter(_ path: String) -> Bool {
      if let known = verdicts[path] { return known }
      let verdict = isPlan(path)
      verdicts[path] = verdict
      return verdict
    }
    var out: [HistoryWalk.Pending] = []
    for i in indices {
      let commit = chain[i]
      let parentTree = i > 0 ? chain[i - 1].treeID : nil
      let changes = try repository.changes(fromTree: parentTree, toTree: commit.treeID, pathFilter: filter)
      if changes.isEmpty && i != chain.count - 1 { continue }
      out.append(try pending(commit.id, try repository.commit(commit.id), changes))
    }
    return out
  }

  /// The walk on all cores for a long history: each worker diffs a contiguous run of commits
  /// with their first parents, with its own repository. Nil when the history is too short to gain.
  static func walkInParallel(
    _ chain: [ChainCommit], gitDirectory: String, isPlan: @Sendable (String) -> Bool
  ) throws(GitError) -> [HistoryWalk.Pending]? {
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, chain.count / 2_000)
    guard workers >= 2 else { return nil }
    let runs = (0..<workers).concurrentMap { worker -> Result<[HistoryWalk.Pending], GitError> in
      Result { () throws(GitError) in
        let repo = try Repository.discover(from: gitDirectory)
        let range = (chain.count * worker / workers)..<(chain.count * (worker + 1) / workers)
        return try walk(chain, range, in: repo, isPlan: isPlan)
      }
    }
    var out: [HistoryWalk.Pending] = []
    for run in runs { out += try run.get() }
    return out
  }

  // MARK: Steps

  /// How many distinct blobs one batch parses: enough to keep the workers busy, few enough that
  /// only two batches of parsed plans (the one being analysed, the next being parsed) are alive.
  static let batchSize = 1_024

  /// Parses the walked steps' plan files and hands each step to `body`, in order, on this
  /// thread. Each distinct content (blob) is read and parsed once, in batches on all cores while
  /// `body` runs, and dropped after the last step that holds it, so memory stays bounded
  /// however long the history is. Returns how many blobs were parsed.
  @discardableResult
  /// With `publicFingerprint`, each plan version also carries the fingerprint of its public
  /// content, computed on the workers as each blob is parsed.
  public func forEachStep(
    of walked: HistoryWalk, keepFrontmatter: Bool = false, parallel: Bool = true, publicFingerprint: PublicFingerprint? = nil,
    _ body: (HistoryStep) -> Void
  ) throws(GitError) -> Int {
    let pending = walked.pending
    // The last step that holds each blob: it is dropped after that step.
    var lastUse: [ObjectID: Int] = [:]
    lastUse.reserveCapacity(walked.distinctBlobs)
    for (s, step) in pending.enumerated() { for change in step.changed { lastUse[change.blob] = s } }

    let workers = parallel ? min(ProcessInfo.processInfo.activeProcessorCount, walked.distinctBlobs / 64) : 1
    let parser = try BlobParser(
      workers: workers, repository: repository, gitDirectory: repository.gitDirectory, keepFrontmatter: keepFrontmatter,
      publicFingerprint: publicFingerprint)

    var scheduled = Set<ObjectID>()
    var next = 0
    /// The next batch: the following steps whose blobs not parsed yet number `batchSize`.
    func nextBatch() -> (steps: Range<Int>, blobs: [ObjectID])? {
      guard next < pending.count else { return nil }
      let start = next
      var blobs: [ObjectID] = []
      while next < pending.count && blobs.count < Self.batchSize {
        for change in pending[next].changed where scheduled.insert(change.blob).inserted { blobs.append(change.blob) }
        next += 1
      }
      return (start..<next, blobs)
    }

    var parsed: [ObjectID: Parsed] = [:]
    var parsedCount = 0
    // Only merges that changed a plan are traced back into their branches.
    var attributor = MergeAttributor(repository: repository)
    var batch = nextBatch()
    var job = batch.map { parser.start($0.blobs) }
    while let current = batch, let running = job {
      let results = try running.wait()
      for (id, result) in zip(current.blobs, results) { parsed[id] = result }
      parsedCount += results.count
      batch = nextBatch()
      job = batch.map { parser.start($0.blobs) }
      for s in current.steps {
        let step = pending[s]
        let changed = step.changed.map { change in
          let result = parsed[change.blob] ?? Parsed(plan: nil, frontmatter: nil)
          return PlanSnapshot(
            path: change.path, plan: result.plan, frontmatter: result.frontmatter, publicFingerprint: result.publicFingerprint)
        }
        var attributions: [MoveAttribution] = []
        if let firstParent = step.mergeParents.first, !changed.isEmpty {
          let tree = try repository.commit(firstParent).treeID
          for snapshot in changed {
            guard let plan = snapshot.plan else { continue }
            let old = try repository.blobIDs(at: [snapshot.path], inTree: tree)[snapshot.path].map {
              (blob) throws(GitError) in Self.parse(try repository.blob(blob), keepFrontmatter: false).plan
            }
            attributions += try attributor.attributions(
              merge: step.commit, parents: step.mergeParents, path: snapshot.path, old: old ?? nil, new: plan)
          }
        }
        body(HistoryStep(revision: step.revision, changed: changed, removed: step.removed, attributions: attributions))
        for change in step.changed where lastUse[change.blob] == s { parsed[change.blob] = nil }
      }
    }
    if var step = walked.workingTree {
      // The working tree was parsed by the walk (a few files); their fingerprints are taken here.
      if let publicFingerprint {
        for (i, snapshot) in step.changed.enumerated() {
          let document = PlanDocument(bytes: try repository.workingTreeFile(snapshot.path), milestoneDetails: false)
          step.changed[i].publicFingerprint = publicFingerprint(document)
        }
      }
      body(step)
    }
    return parsedCount
  }

  private func workingTreeStep(tip: ObjectID, head: Revision, time: WorkingTreeTime, isPlan: @Sendable (String) -> Bool)
    throws(GitError) -> HistoryStep?
  {
    let changes = try repository.workingTreeChanges(comparedTo: tip, pathFilter: isPlan)
    if changes.isEmpty { return nil }
    var changed: [PlanSnapshot] = []
    var removed: [String] = []
    var newest: Int64?
    for change in changes {
      switch change.status {
      case .deleted:
        removed.append(change.path)
      case .added, .modified:
        let bytes = try repository.workingTreeFile(change.path)
        let result = Self.parse(bytes)
        changed.append(PlanSnapshot(path: change.path, plan: result.plan, frontmatter: result.frontmatter))
        let full = root + "/" + change.path
        if let date = (try? FileManager.default.attributesOfItem(atPath: full))?[.modificationDate] as? Date,
          let seconds = Int64(exactly: date.timeIntervalSince1970.rounded(.down)), Revision.supportedTimes.contains(seconds)
        {
          // A file time outside the supported range (set by hand) is not a date to show.
          newest = max(newest ?? seconds, seconds)
        }
      }
    }
    let seconds: Int64
    switch time {
    case .newestModification: seconds = newest ?? head.time
    case .headCommit: seconds = head.time
    case .fixed(let value): seconds = max(Revision.supportedTimes.lowerBound, min(Revision.supportedTimes.upperBound, value))
    }
    let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    let revision = Revision(
      commit: nil, authorName: "(working tree)", authorEmail: "", time: seconds, timeOffsetMinutes: offset,
      subject: "Uncommitted changes", slipReason: nil)
    return HistoryStep(revision: revision, changed: changed, removed: removed)
  }

  /// The revision of a commit.
  /// - Throws: ``GitError`` (`.corrupt`) when the author date is outside the years 1 to 9999
  ///   (``Revision/supportedTimes``): only a forged commit has one, and a date moved by it
  ///   could not be dated or compared.
  public static func revision(_ info: CommitInfo) throws(GitError) -> Revision {
    let revision = Revision(
      commit: info.id.description, authorName: info.authorName, authorEmail: info.authorEmail, time: info.time,
      timeOffsetMinutes: info.offsetMinutes, subject: info.subject, slipReason: info.trailer("Slip-Reason"),
      slipReasons: info.trailers.filter { $0.key.lowercased() == "slip-reason" }.map(\.value))
    guard revision.hasSupportedTime else {
      let minutes = info.offsetMinutes.magnitude
      let zone = (info.offsetMinutes < 0 ? "-" : "+") + String(minutes / 60 * 100 + minutes % 60).leftPadded(to: 4)
      throw GitError(
        .corrupt,
        "commit \(info.id) has the author date \(info.time) \(zone), outside the years 1 to 9999 that mapc reads; "
          + "the commit was made with a forged or broken clock (rewrite it, e.g. with `git commit --amend --reset-author`)")
    }
    return revision
  }

  /// The changes between two path → blob maps, in path order.
  static func changes(from before: [String: ObjectID], to now: [String: ObjectID]) -> [FileChange] {
    var out: [FileChange] = []
    for path in Set(before.keys).union(now.keys).sorted() {
      switch (before[path], now[path]) {
      case (nil, let new?): out.append(FileChange(path: path, status: .added, newBlob: new, oldBlob: nil))
      case (let old?, nil): out.append(FileChange(path: path, status: .deleted, newBlob: nil, oldBlob: old))
      case (let old?, let new?) where old != new:
        out.append(FileChange(path: path, status: .modified, newBlob: new, oldBlob: old))
      default: break
      }
    }
    return out
  }

  // MARK: Parsing

  struct Parsed: Sendable {
    var plan: Plan?
    var frontmatter: JSONValue?
    var publicFingerprint: PlanFingerprint?
  }

  /// A plan file's bytes to its typed plan and frontmatter; both nil when there is no readable
  /// frontmatter or the YAML does not load, the plan nil when the frontmatter is not a mapping.
  static func parse(_ bytes: [UInt8], keepFrontmatter: Bool = true, publicFingerprint: PublicFingerprint? = nil) -> Parsed {
    // A long history holds tens of thousands of plan versions; what the slip analysis does
    // not read (success criteria, progress logs) would only fill memory.
    let document = PlanDocument(bytes: bytes, milestoneDetails: keepFrontmatter)
    return Parsed(
      plan: document.plan, frontmatter: keepFrontmatter ? document.frontmatter : nil,
      publicFingerprint: publicFingerprint.flatMap { $0(document) })
  }

  /// The history of the plans in some files, read along their paths (fast on a long history)
  /// and followed back across moves: where a path first appears, a plan file with the same id
  /// deleted in the same commit is its earlier path, read too.
  public func read(
    following paths: Set<String>, at revision: String? = nil, includeWorkingTree: Bool = true,
    publicFingerprint: PublicFingerprint? = nil, isPlan: @Sendable (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> History {
    let walked = try walk(following: paths, at: revision, includeWorkingTree: includeWorkingTree, isPlan: isPlan)
    return try collect(walked, keepFrontmatter: false, parallel: true, publicFingerprint: publicFingerprint)
  }

  /// ``read(following:at:includeWorkingTree:isPlan:)`` without parsing the steps: see
  /// ``forEachStep(of:keepFrontmatter:parallel:_:)``.
  public func walk(
    following paths: Set<String>, at revision: String? = nil, includeWorkingTree: Bool = true,
    isPlan: @Sendable (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> HistoryWalk {
    var followed = paths
    var walked = try walk(at: revision, includeWorkingTree: includeWorkingTree, onlyPaths: followed, isPlan: isPlan)
    for _ in 0..<16 {
      var seen = Set<String>()
      var earlier = Set<String>()
      for step in walked.pending {
        for change in step.changed where seen.insert(change.path).inserted {
          guard let planID = Self.parse(try repository.blob(change.blob), keepFrontmatter: false).plan?.id else { continue }
          let info = try repository.commit(step.commit)
          let parentTree = try info.parentIDs.first.map { (p) throws(GitError) in try repository.commit(p).treeID }
          for change in try repository.changes(fromTree: parentTree, toTree: info.treeID, pathFilter: isPlan)
          where change.status == .deleted && !followed.contains(change.path) {
            guard let old = change.oldBlob else { continue }
            if Self.parse(try repository.blob(old), keepFrontmatter: false).plan?.id == planID { earlier.insert(change.path) }
          }
        }
      }
      if earlier.isEmpty { return walked }
      followed.formUnion(earlier)
      walked = try walk(at: revision, includeWorkingTree: includeWorkingTree, onlyPaths: followed, isPlan: isPlan)
    }
    return walked
  }
}

/// Reads and parses blobs: on the calling thread with the reader's repository when one worker
/// is asked for, else split among the workers, each with its own repository opened at
/// `gitDirectory` and kept for every batch (a repository is used by one thread at a time:
/// worker `w` of a batch is the only user of repository `w`, and batches do not overlap).
/// Unchecked because a `Repository` owns a libgit2 pointer and is not `Sendable`: the hand-over
/// rule above is what makes sharing the parser safe, and no checked form can state it.
private final class BlobParser: @unchecked Sendable {
  private let repositories: [Repository]
  private let keepFrontmatter: Bool
  private let publicFingerprint: PublicFingerprint?

  init(workers: Int, repository: Repository, gitDirectory: String, keepFrontmatter: Bool, publicFingerprint: PublicFingerprint?)
    throws(GitError)
  {
    var repositories = [repository]
    if workers >= 2 {
      repositories = []
      for _ in 0..<workers { repositories.append(try Repository.discover(from: gitDirectory)) }
    }
    self.repositories = repositories
    self.keepFrontmatter = keepFrontmatter
    self.publicFingerprint = publicFingerprint
  }

  /// A batch being parsed.
  final class Job: Sendable {
    private let group = DispatchGroup()
    private let outcome = LockedValue<Result<[HistoryReader.Parsed], GitError>>(.success([]))

    init(_ work: @escaping @Sendable () throws(GitError) -> [HistoryReader.Parsed], inBackground: Bool) {
      guard inBackground else {
        run(work)
        return
      }
      group.enter()
      DispatchQueue.global().async {
        self.run(work)
        self.group.leave()
      }
    }

    private func run(_ work: () throws(GitError) -> [HistoryReader.Parsed]) {
      do throws(GitError) {
        outcome.value = .success(try work())
      } catch {
        outcome.value = .failure(error)
      }
    }

    /// The parsed blobs, in the order asked for, once the batch is done.
    func wait() throws(GitError) -> [HistoryReader.Parsed] {
      group.wait()
      return try outcome.value.get()
    }
  }

  /// Starts parsing `ids`: in the background on the workers while the caller goes on, or,
  /// with one worker, right away on the calling thread.
  func start(_ ids: [ObjectID]) -> Job {
    Job({ () throws(GitError) in try self.parse(ids) }, inBackground: repositories.count >= 2)
  }

  private func parse(_ ids: [ObjectID]) throws(GitError) -> [HistoryReader.Parsed] {
    let workers = repositories.count
    if workers < 2 {
      var out: [HistoryReader.Parsed] = []
      out.reserveCapacity(ids.count)
      for id in ids {
        out.append(HistoryReader.parse(try repositories[0].blob(id), keepFrontmatter: keepFrontmatter, publicFingerprint: publicFingerprint))
      }
      return out
    }
    // Worker w parses ids w, w + workers, w + 2 × workers...: each with its own repository.
    let strides = (0..<workers).concurrentMap { worker -> Result<[HistoryReader.Parsed], GitError> in
      Result { () throws(GitError) in
        var parsed: [HistoryReader.Parsed] = []
        for i in stride(from: worker, to: ids.count, by: workers) {
          parsed.append(
            HistoryReader.parse(
              try self.repositories[worker].blob(ids[i]), keepFrontmatter: self.keepFrontmatter,
              publicFingerprint: self.publicFingerprint))
        }
        return parsed
      }
    }
    var byWorker: [[HistoryReader.Parsed]] = []
    for s in strides { byWorker.append(try s.get()) }
    var out: [HistoryReader.Parsed] = []
    out.reserveCapacity(ids.count)
    for i in ids.indices { out.append(byWorker[i % workers][i / workers]) }
    return out
  }
}

/// Commits handed from the thread that reads them (newest first) to the thread that looks paths
/// up in their trees, which takes them from the newest end; once all are read, the reading
/// thread takes what is left from the oldest end. Indices count from the newest commit.
/// Unchecked because the waiting needs a condition variable (`NSCondition`), which the
/// standard library's `Mutex` does not offer; every field is read and written under it.
private final class ChainQueue: @unchecked Sendable {
  private let condition = NSCondition()
  private var items: [ChainCommit] = []
  private var finished = false
  /// The next commit to take from the newest end, and the end of what is left for the oldest end.
  private var front = 0
  private var back = 0
  private static let batch = 64

  func push(_ commits: [ChainCommit]) {
    condition.lock()
    items.append(contentsOf: commits)
    condition.signal()
    condition.unlock()
  }

  /// No more commits will come.
  func finish() {
    condition.lock()
    finished = true
    back = items.count
    condition.broadcast()
    condition.unlock()
  }

  /// Stops both sides: the reader has failed, or the lookups have.
  func cancel() {
    condition.lock()
    finished = true
    items.removeAll()
    front = 0
    back = 0
    condition.broadcast()
    condition.unlock()
  }

  /// The next commits from the newest end, waiting for some when none are read yet; nil when
  /// none are left.
  func takeNewest() -> [(Int, ChainCommit)]? {
    condition.lock()
    defer { condition.unlock() }
    while front >= items.count && !finished { condition.wait() }
    let end = min(front + Self.batch, finished ? back : items.count)
    guard front < end else { return nil }
    defer { front = end }
    return (front..<end).map { ($0, items[$0]) }
  }

  /// The next commits from the oldest end, once all are read; nil when none are left.
  func takeOldest() -> [(Int, ChainCommit)]? {
    condition.lock()
    defer { condition.unlock() }
    let start = max(front, back - Self.batch)
    guard finished, start < back else { return nil }
    defer { back = start }
    return (start..<back).reversed().map { ($0, items[$0]) }
  }
}


extension String {
  fileprivate func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }
}
