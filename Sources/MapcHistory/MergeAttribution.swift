import MapcGit
import MapcModel

/// The commit on a merged branch that made a date move that a merge brings to the first-parent
/// history: the commit that last set the date to its new value on the merged side.
public struct MoveAttribution: Sendable, Hashable {
  /// The plan file's path at the merge.
  public var path: String
  /// The milestone id, or nil for the go-live date.
  public var milestone: String?
  /// The date the move set.
  public var to: CalendarDate
  /// The commit that set it.
  public var revision: Revision
  /// The milestone's `due_reason` before and after that commit (nil for go-live).
  public var dueReasonBefore: String?
  public var dueReasonAfter: String?

  public init(
    path: String, milestone: String?, to: CalendarDate, revision: Revision, dueReasonBefore: String?, dueReasonAfter: String?
  ) {
    self.path = path
    self.milestone = milestone
    self.to = to
    self.revision = revision
    self.dueReasonBefore = dueReasonBefore
    self.dueReasonAfter = dueReasonAfter
  }
}

/// Finds, for the date moves a merge brings, the commits on the merged side that made them.
///
/// For each date that differs between the merge's first parent and the merge, the merged
/// parent that has the new date is followed back, one parent at a time (the first parent that
/// still has the date, so a merge on the side is followed into the branch it brought in),
/// until a commit whose parents do not have the date: that commit set it. A move whose new date
/// no merged parent has (a conflict resolved to a third date), or that the walk traces back to
/// a commit the first parent already holds (the merge chose an older date), stays the merge's.
///
/// Work is bounded by the merged commits (those reachable from the merged parent and not from
/// the first parent) per moved date; each plan version is parsed once.
struct MergeAttributor {
  let repository: Repository
  /// The dates of each plan content (blob) read so far.
  private var dates: [ObjectID: PlanDates] = [:]
  private var blobs: [String: [ObjectID: ObjectID?]] = [:]
  private var commits: [ObjectID: CommitInfo] = [:]

  init(repository: Repository) { self.repository = repository }

  struct PlanDates {
    var id: String?
    var goLive: CalendarDate?
    var due: [String: CalendarDate] = [:]
    var dueReason: [String: String] = [:]

    init(_ plan: Plan?) {
      id = plan?.id
      goLive = plan?.goLive
      for m in plan?.milestones ?? [] {
        guard let mid = m.id, !mid.isEmpty, due[mid] == nil, dueReason[mid] == nil else { continue }
        if let d = m.due { due[mid] = d }
        if let r = m.dueReason { dueReason[mid] = r }
      }
    }

    func date(_ milestone: String?) -> CalendarDate? { milestone.map { due[$0] } ?? goLive }
  }

  /// The attributions of the moves that merge `merge` (with `parents`, the first one first)
  /// brings to the plan at `path`, from `old` (at the first parent) to `new`.
  mutating func attributions(merge: ObjectID, parents: [ObjectID], path: String, old: Plan?, new: Plan) throws(GitError)
    -> [MoveAttribution]
  {
    guard parents.count >= 2, let planID = new.id else { return [] }
    let before = PlanDates(old?.id == planID ? old : nil)
    let after = PlanDates(new)
    var moved: [(String?, CalendarDate)] = []
    if let g = after.goLive, g != before.goLive { moved.append((nil, g)) }
    var seen = Set<String>()
    for m in new.milestones {
      guard let mid = m.id, seen.insert(mid).inserted, let d = after.due[mid], d != before.due[mid] else { continue }
      moved.append((mid, d))
    }
    guard !moved.isEmpty else { return [] }
    var sides: [Set<ObjectID>?] = Array(repeating: nil, count: parents.count)
    var out: [MoveAttribution] = []
    for (milestone, to) in moved {
      for k in 1..<parents.count where try self.dates(at: parents[k], path: path, planID: planID)?.date(milestone) == to {
        if sides[k] == nil { sides[k] = Set(try repository.commitIDs(from: parents[k], excluding: parents[0])) }
        if let a = try trace(milestone, to, from: parents[k], within: sides[k] ?? [], path: path, planID: planID) {
          out.append(a)
        }
        break
      }
    }
    return out
  }

  /// Follows the date back from `start` within the merged commits `side` to the commit that set it.
  private mutating func trace(
    _ milestone: String?, _ to: CalendarDate, from start: ObjectID, within side: Set<ObjectID>, path: String, planID: String
  ) throws(GitError) -> MoveAttribution? {
    var current = start
    // Each step goes to a parent, so a walk longer than the side would have left it.
    for _ in 0...side.count {
      guard side.contains(current) else { return nil }
      let info = try commit(current)
      var next: ObjectID?
      for p in info.parentIDs where try dates(at: p, path: path, planID: planID)?.date(milestone) == to {
        next = p
        break
      }
      guard let next else {
        let before = try info.parentIDs.first.flatMap { (p) throws(GitError) in try dates(at: p, path: path, planID: planID) }
        let now = try dates(at: current, path: path, planID: planID)
        return MoveAttribution(
          path: path, milestone: milestone, to: to, revision: try HistoryReader.revision(info),
          dueReasonBefore: milestone.flatMap { before?.dueReason[$0] }, dueReasonAfter: milestone.flatMap { now?.dueReason[$0] })
      }
      current = next
    }
    return nil
  }

  private mutating func commit(_ id: ObjectID) throws(GitError) -> CommitInfo {
    if let known = commits[id] { return known }
    let info = try repository.commit(id)
    commits[id] = info
    return info
  }

  /// The dates of plan `planID` at `path` in commit `id`; nil when the file is missing there or
  /// holds another plan.
  private mutating func dates(at id: ObjectID, path: String, planID: String) throws(GitError) -> PlanDates? {
    let blob: ObjectID?
    if let known = blobs[path]?[id] {
      blob = known
    } else {
      blob = try repository.blobIDs(at: [path], inTree: try commit(id).treeID)[path]
      blobs[path, default: [:]][id] = .some(blob)
    }
    guard let blob else { return nil }
    if dates[blob] == nil { dates[blob] = PlanDates(HistoryReader.parse(try repository.blob(blob), keepFrontmatter: false).plan) }
    guard let d = dates[blob], d.id == planID else { return nil }
    return d
  }
}
