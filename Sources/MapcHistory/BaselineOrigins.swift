import MapcGit
import MapcModel

/// A milestone's baseline as one history records it: its first recorded due date and the
/// revision that recorded it.
public struct BaselineRecord: Sendable, Hashable {
  public var date: CalendarDate
  /// The full id of the commit that first recorded the date; nil for the working tree.
  public var commit: String?

  public init(date: CalendarDate, commit: String?) {
    self.date = date
    self.commit = commit
  }
}

/// A milestone whose baseline two histories disagree on, where the base's record is missing
/// from the head's history: one side was rewritten (an edited or dropped commit, a force-push).
public struct BaselineDisagreement: Sendable, Hashable {
  /// The baseline in the base revision's history, and the commit that recorded it there.
  public var base: BaselineRecord
  /// The baseline in the head's history.
  public var head: BaselineRecord

  public init(base: BaselineRecord, head: BaselineRecord) {
    self.base = base
    self.head = head
  }
}

/// Baselines with their origin, and the comparison of two histories' baselines.
public enum BaselineOrigins {
  /// Per plan id, then milestone id: the first due date the steps record and the revision that
  /// recorded it. The same baseline as ``SlipAnalysis`` at first appearance: plans and
  /// milestones are followed by id, and a milestone first seen without a due date gets the
  /// first date it is given.
  public static func firstRecorded(_ steps: [HistoryStep]) -> [String: [String: BaselineRecord]] {
    var out: [String: [String: BaselineRecord]] = [:]
    for step in steps {
      for snapshot in step.changed {
        guard let plan = snapshot.plan, let planID = plan.id, !planID.isEmpty else { continue }
        var records = out[planID] ?? [:]
        for m in plan.milestones {
          guard let id = m.id, !id.isEmpty, records[id] == nil, let due = m.due else { continue }
          records[id] = BaselineRecord(date: due, commit: step.revision.commit)
        }
        out[planID] = records
      }
    }
    return out
  }

  /// The milestones whose baseline in `base`'s history differs from the one in `head`'s,
  /// where the commit that recorded the base's baseline is not in `head`'s history (per plan
  /// id, then milestone id). Both sides must record the milestone.
  ///
  /// Why both conditions: a different baseline alone is normal for a branch that merged the
  /// base branch in (its first-parent history sees the milestone first at the merge), and a
  /// missing commit alone is normal for a branch behind its base. Only together do they mean
  /// the record of the baseline was replaced.
  public static func disagreements(
    base: [String: [String: BaselineRecord]], head: [String: [String: BaselineRecord]],
    inHeadHistory: (String) throws(GitError) -> Bool
  ) throws(GitError) -> [String: [String: BaselineDisagreement]] {
    var out: [String: [String: BaselineDisagreement]] = [:]
    for (planID, records) in base.sorted(by: { $0.key < $1.key }) {
      guard let headRecords = head[planID] else { continue }
      for (id, record) in records.sorted(by: { $0.key < $1.key }) {
        guard let now = headRecords[id], now.date != record.date, let commit = record.commit else { continue }
        if try inHeadHistory(commit) { continue }
        out[planID, default: [:]][id] = BaselineDisagreement(base: record, head: now)
      }
    }
    return out
  }

  /// ``disagreements(base:head:inHeadHistory:)`` between the history of commit `base` and
  /// that of commit `head`, with the working tree as its last state when `includeWorkingTree`
  /// (meaningful only when `head` is HEAD). Empty at once when `head` descends from `base`:
  /// then every commit of the base's history is in the head's and nothing can have been
  /// rewritten. Throws ``GitError/Kind/shallow`` in a shallow clone, where the histories
  /// cannot be compared.
  public static func disagreements(
    reader: HistoryReader, base: ObjectID, head: ObjectID, includeWorkingTree: Bool, isPlan: @Sendable (String) -> Bool
  ) throws(GitError) -> [String: [String: BaselineDisagreement]] {
    let repository = reader.repository
    if try repository.isAncestor(base, of: head) { return [:] }
    let baseHistory = try reader.read(at: base.description, includeWorkingTree: false, isPlan: isPlan)
    // The history reader adds the working tree only to a revision spelled HEAD.
    let headHistory = try reader.read(
      at: includeWorkingTree ? "HEAD" : head.description, includeWorkingTree: includeWorkingTree,
      workingTreeTime: .headCommit, isPlan: isPlan)
    return try disagreements(
      base: firstRecorded(baseHistory.steps), head: firstRecorded(headHistory.steps),
      inHeadHistory: { (hex) throws(GitError) in
        // Ids come from the history reader; one that does not parse is never reported.
        guard let id = ObjectID(hex: hex) else { return true }
        return try repository.isAncestor(id, of: head)
      })
  }
}
