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
    isPlan: (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> [HistoryStep] {
    try read(at: revision, includeWorkingTree: includeWorkingTree, isPlan: isPlan).steps
  }

  /// ``history(at:includeWorkingTree:isPlan:)`` with counts; `workingTreeTime` sets the time of
  /// the working-tree step.
  /// Snapshots carry their frontmatter JSON only with `keepFrontmatter`: the slip analysis
  /// needs the typed plan alone, and on a long history the JSON doubles the memory.
  public func read(
    at revision: String? = nil, includeWorkingTree: Bool = true, workingTreeTime: WorkingTreeTime = .newestModification,
    keepFrontmatter: Bool = false, onlyPaths: Set<String>? = nil, parallel: Bool = true,
    isPlan: (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> History {
    if try repository.isShallow {
      throw GitError(
        .shallow,
        "the repository is a shallow clone, so its history is incomplete; fetch the full history with "
          + "`git fetch --unshallow` (in GitHub Actions, set `fetch-depth: 0` on actions/checkout)")
    }
    let rev = revision ?? "HEAD"
    let tip = try repository.resolveCommit(rev)
    let ids = try repository.firstParentCommitIDs(from: tip)

    // Pass 1: walk the first-parent chain, diffing each commit's tree with its parent's.
    struct Pending {
      var revision: Revision
      var changed: [(path: String, blob: ObjectID)]
      var removed: [String]
    }
    var pending: [Pending] = []
    var previous: CommitInfo?
    var previousBlobs: [String: ObjectID]?
    var headRevision: Revision?
    func record(_ id: ObjectID, _ info: CommitInfo, _ changes: [FileChange]) {
      guard !changes.isEmpty || id == tip else { return }
      let revision = Self.revision(info)
      if id == tip { headRevision = revision }
      guard !changes.isEmpty else { return }
      var step = Pending(revision: revision, changed: [], removed: [])
      for change in changes {
        switch change.status {
        case .deleted: step.removed.append(change.path)
        case .added, .modified:
          guard let blob = change.newBlob else { continue }
          step.changed.append((change.path, blob))
        }
      }
      pending.append(step)
    }
    if onlyPaths == nil, parallel, let walked = try Self.walkInParallel(ids, gitDirectory: repository.gitDirectory, isPlan: isPlan) {
      for (i, entry) in walked.enumerated() { record(ids[i], entry.info, entry.changes) }
    } else {
      for id in ids {
        let info = try repository.commit(id)
        let parentTree: ObjectID?
        if let first = info.parentIDs.first {
          if let previous, previous.id == first {
            parentTree = previous.treeID
          } else {
            parentTree = try repository.commit(first).treeID
          }
        } else {
          parentTree = nil
        }
        let changes: [FileChange]
        if let onlyPaths {
          // Following given files: look them up by path in each tree, as `git log -- FILE` does.
          let now = try repository.blobIDs(at: Array(onlyPaths), inTree: info.treeID)
          var before: [String: ObjectID] = [:]
          if let previousBlobs, previous?.id == info.parentIDs.first {
            before = previousBlobs
          } else if let parentTree {
            before = try repository.blobIDs(at: Array(onlyPaths), inTree: parentTree)
          }
          previousBlobs = now
          changes = Self.changes(from: before, to: now)
        } else {
          changes = try repository.changes(fromTree: parentTree, toTree: info.treeID, pathFilter: isPlan)
        }
        record(id, info, changes)
        previous = info
      }
    }

    // Pass 2: read and parse each distinct blob once, on all cores; each worker opens its own
    // repository (libgit2 objects stay on the thread that made them).
    var order: [ObjectID] = []
    var seen = Set<ObjectID>()
    for step in pending {
      for change in step.changed where seen.insert(change.blob).inserted { order.append(change.blob) }
    }
    let results = try Self.readAndParse(
      order, gitDirectory: repository.gitDirectory, repository: repository, keepFrontmatter: keepFrontmatter)
    var parsed: [ObjectID: Parsed] = [:]
    parsed.reserveCapacity(order.count)
    for (id, result) in zip(order, results) { parsed[id] = result }

    var steps = pending.map { step in
      HistoryStep(
        revision: step.revision,
        changed: step.changed.map { change in
          let result = parsed[change.blob] ?? Parsed(plan: nil, frontmatter: nil)
          return PlanSnapshot(path: change.path, plan: result.plan, frontmatter: result.frontmatter)
        },
        removed: step.removed)
    }

    // The working tree, when analysing HEAD.
    if includeWorkingTree, rev == "HEAD" || rev == "@", repository.workdir != nil, let head = headRevision {
      if let step = try workingTreeStep(tip: tip, head: head, time: workingTreeTime, isPlan: isPlan) {
        steps.append(step)
      }
    }
    return History(steps: steps, commitsScanned: ids.count, head: headRevision, blobsParsed: order.count)
  }

  private func workingTreeStep(tip: ObjectID, head: Revision, time: WorkingTreeTime, isPlan: (String) -> Bool)
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
        if let date = (try? FileManager.default.attributesOfItem(atPath: full))?[.modificationDate] as? Date {
          let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
          newest = max(newest ?? seconds, seconds)
        }
      }
    }
    let seconds: Int64
    switch time {
    case .newestModification: seconds = newest ?? head.time
    case .headCommit: seconds = head.time
    case .fixed(let value): seconds = value
    }
    let offset = TimeZone.current.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(seconds))) / 60
    let revision = Revision(
      commit: nil, authorName: "(working tree)", authorEmail: "", time: seconds, timeOffsetMinutes: offset,
      subject: "Uncommitted changes", slipReason: nil)
    return HistoryStep(revision: revision, changed: changed, removed: removed)
  }

  public static func revision(_ info: CommitInfo) -> Revision {
    Revision(
      commit: info.id.description, authorName: info.authorName, authorEmail: info.authorEmail, time: info.time,
      timeOffsetMinutes: info.offsetMinutes, subject: info.subject, slipReason: info.trailer("Slip-Reason"))
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
  }

  /// A plan file's bytes to its typed plan and frontmatter; both nil when there is no readable
  /// frontmatter or the YAML does not load, the plan nil when the frontmatter is not a mapping.
  static func parse(_ bytes: [UInt8], keepFrontmatter: Bool = true) -> Parsed {
    guard let source = PlanReader.split(bytes: bytes).source else { return Parsed(plan: nil, frontmatter: nil) }
    guard let json = YAMLLoader.load(source.frontmatter, firstLine: source.frontmatterFirstLine).value else {
      return Parsed(plan: nil, frontmatter: nil)
    }
    let kept = keepFrontmatter ? json : nil
    guard json.objectValue != nil else { return Parsed(plan: nil, frontmatter: kept) }
    var plan = Plan(json)
    if !keepFrontmatter {
      // A long history holds tens of thousands of plan versions; what the slip analysis does
      // not read (success criteria, progress logs) would only fill memory.
      plan.milestones = plan.milestones.map { m in
        var m = m
        m.successCriteria = []
        m.progress = []
        return m
      }
    }
    return Parsed(plan: plan, frontmatter: kept)
  }

  /// The history of the plans in some files, read along their paths (fast on a long history)
  /// and followed back across moves: where a path first appears, a plan file with the same id
  /// deleted in the same commit is its earlier path, read too.
  public func read(
    following paths: Set<String>, at revision: String? = nil, includeWorkingTree: Bool = true,
    isPlan: (String) -> Bool = { $0.hasSuffix(".map.md") }
  ) throws(GitError) -> History {
    var followed = paths
    var history = try read(at: revision, includeWorkingTree: includeWorkingTree, onlyPaths: followed, isPlan: isPlan)
    for _ in 0..<16 {
      var seen = Set<String>()
      var earlier = Set<String>()
      for step in history.steps {
        for snapshot in step.changed where seen.insert(snapshot.path).inserted {
          guard let hex = step.revision.commit, let id = ObjectID(hex: hex), let planID = snapshot.plan?.id else { continue }
          let info = try repository.commit(id)
          let parentTree = try info.parentIDs.first.map { (p) throws(GitError) in try repository.commit(p).treeID }
          for change in try repository.changes(fromTree: parentTree, toTree: info.treeID, pathFilter: isPlan)
          where change.status == .deleted && !followed.contains(change.path) {
            guard let old = change.oldBlob else { continue }
            if Self.parse(try repository.blob(old), keepFrontmatter: false).plan?.id == planID { earlier.insert(change.path) }
          }
        }
      }
      if earlier.isEmpty { return history }
      followed.formUnion(earlier)
      history = try read(at: revision, includeWorkingTree: includeWorkingTree, onlyPaths: followed, isPlan: isPlan)
    }
    return history
  }

  /// Pass 1 on all cores for a long history: each worker diffs a contiguous run of commits with
  /// their first parents, with its own repository. Nil when the history is too short to gain.
  static func walkInParallel(
    _ ids: [ObjectID], gitDirectory: String, isPlan: (String) -> Bool
  ) throws(GitError) -> [(info: CommitInfo, changes: [FileChange])]? {
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, ids.count / 2_000)
    guard workers >= 2 else { return nil }
    let slots = WalkSlots(count: ids.count)
    let errors = ErrorSlots(count: workers)
    try withoutActuallyEscaping(isPlan) { (filter) throws(GitError) in
      let box = UncheckedFilter(filter)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        do throws(GitError) {
          let repo = try Repository.discover(from: gitDirectory)
          let range = (ids.count * worker / workers)..<(ids.count * (worker + 1) / workers)
          var previous: CommitInfo?
          for i in range {
            let info = try repo.commit(ids[i])
            var parentTree: ObjectID?
            if let first = info.parentIDs.first {
              parentTree = previous?.id == first ? previous?.treeID : try repo.commit(first).treeID
            }
            slots.store((info, try repo.changes(fromTree: parentTree, toTree: info.treeID, pathFilter: box.filter)), at: i)
            previous = info
          }
        } catch {
          errors.store(error, at: worker)
        }
      }
    }
    if let error = errors.first() { throw error }
    return slots.values()
  }

  /// Reads and parses blobs: on this thread with `repository` when there are few, else split
  /// among one worker per core, each with its own repository opened at `gitDirectory`.
  static func readAndParse(
    _ ids: [ObjectID], gitDirectory: String, repository: Repository, keepFrontmatter: Bool
  ) throws(GitError) -> [Parsed] {
    let workers = min(ProcessInfo.processInfo.activeProcessorCount, ids.count / 64)
    if workers < 2 {
      var out: [Parsed] = []
      out.reserveCapacity(ids.count)
      for id in ids { out.append(parse(try repository.blob(id), keepFrontmatter: keepFrontmatter)) }
      return out
    }
    let results = ResultBuffer(count: ids.count)
    let errors = ErrorSlots(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { worker in
      do throws(GitError) {
        let repo = try Repository.discover(from: gitDirectory)
        var i = worker
        while i < ids.count {
          results.store(parse(try repo.blob(ids[i]), keepFrontmatter: keepFrontmatter), at: i)
          i += workers
        }
      } catch {
        errors.store(error, at: worker)
      }
    }
    if let error = errors.first() { throw error }
    return results.values()
  }
}

/// One error slot per worker.
private final class ErrorSlots: @unchecked Sendable {
  private var slots: UnsafeMutableBufferPointer<GitError?>

  init(count: Int) {
    slots = .allocate(capacity: count)
    slots.initialize(repeating: nil)
  }

  deinit {
    slots.deinitialize()
    slots.deallocate()
  }

  func store(_ error: GitError, at index: Int) { slots[index] = error }

  func first() -> GitError? { slots.lazy.compactMap { $0 }.first }
}

/// The path filter, shared read-only by the walk's workers; the filters mapc passes are pure.
private struct UncheckedFilter: @unchecked Sendable {
  let filter: (String) -> Bool
  init(_ filter: @escaping (String) -> Bool) { self.filter = filter }
}

/// The walk's results, one slot per commit, each written by one worker.
private final class WalkSlots: @unchecked Sendable {
  private var slots: [(info: CommitInfo, changes: [FileChange])?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func store(_ value: (info: CommitInfo, changes: [FileChange]), at index: Int) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [(info: CommitInfo, changes: [FileChange])] { slots.compactMap { $0 } }
}

/// Slots written by distinct threads, one slot each, then read after they all finished.
private final class ResultBuffer: @unchecked Sendable {
  private let buffer: UnsafeMutableBufferPointer<HistoryReader.Parsed>

  init(count: Int) {
    buffer = .allocate(capacity: count)
    buffer.initialize(repeating: HistoryReader.Parsed(plan: nil, frontmatter: nil))
  }

  deinit {
    buffer.deinitialize()
    buffer.deallocate()
  }

  func store(_ value: HistoryReader.Parsed, at index: Int) { buffer[index] = value }

  func values() -> [HistoryReader.Parsed] { Array(buffer) }
}
