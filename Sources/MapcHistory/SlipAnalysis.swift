import MapcModel

/// Computes slip from a plan history: pure Swift over ``HistoryStep``s (oldest first), no git.
///
/// Plans are followed by `id` (a file moved or renamed arrives as a removal and an addition),
/// milestones by `id` (a title change keeps the history). For each plan it reports:
///
/// - per milestone: the **baseline** (due date at first appearance, or as of
///   ``SlipOptions/baselineRevision`` / ``SlipOptions/baselineDate``), the **current** date (at the
///   last revision where the plan parsed), the **slip** (current − baseline; done_on − baseline for
///   a done milestone with a done date), each **date move** after the baseline point with its
///   reason, pushes and pulls, and the revision that **dropped** it when it left the plan;
/// - per plan: the go-live date tracked the same way; the **total days off schedule**: the sum of
///   the positive slips of the plan's current milestones (dropped and cancelled ones excluded), so
///   a milestone pulled in does not offset another's slip; the three milestones and the three
///   stakeholders (by current ownership) carrying the most slip; the last change; the **stale**
///   flag (no *commit* touched the plan for more than `staleAfterDays` days before today: the
///   working tree does not count; a plan never committed is not stale); and the revisions skipped
///   because the plan failed to parse there.
///
/// A plan whose file was deleted and never re-added is **removed**: it is not analysed in
/// ``SlipReport/plans`` but listed in ``SlipReport/removedPlans`` with the revision that removed
/// it. A plan deleted and re-added later continues its history; milestones missing from the
/// re-added file are dropped at that revision.
///
/// Date moves and baselines: the moves listed are those after the baseline point, so that for a
/// milestone that is not done, slip = the sum of its moves' deltas (a due date removed and set
/// again counts as one move from the last known date). `since` filters the moves listed and
/// counted as pushes and pulls, not the baselines.
public enum SlipAnalysis {
  /// The report over `steps` (oldest first), for every plan or only the plans with these ids.
  public static func analyze(_ steps: [HistoryStep], options: SlipOptions, only planIDs: Set<String>? = nil) -> SlipReport {
    var analyzer = SlipAnalyzer(revisions: steps.map(\.revision), options: options)
    for step in steps { analyzer.apply(step) }
    return analyzer.report(only: planIDs)
  }

  /// The index of the step after which baselines are taken, or nil for first appearance.
  static func baselinePoint(_ revisions: [Revision], options: SlipOptions, notes: inout [String]) -> Int? {
    if let revision = options.baselineRevision {
      let prefix = revision.lowercased()
      let matches =
        prefix.isEmpty
        ? [] : revisions.indices.filter { revisions[$0].commit?.lowercased().hasPrefix(prefix) ?? false }
      if matches.count == 1 { return matches[0] }
      if matches.isEmpty {
        notes.append("baseline revision `\(revision)` is not a commit that changed plans; baselines are at first appearance")
      } else {
        notes.append("baseline revision `\(revision)` is ambiguous (\(matches.count) commits); baselines are at first appearance")
      }
      return nil
    }
    if let date = options.baselineDate {
      return revisions.indices.last { revisions[$0].date <= date }
    }
    return nil
  }
}

/// ``SlipAnalysis/analyze(_:options:only:)`` one step at a time, so that the history can be
/// streamed: only the state the report needs is kept, never the plans of past steps.
public struct SlipAnalyzer: Sendable {
  private let options: SlipOptions
  private var notes: [String] = []
  private let baselineIndex: Int?
  private var state = SlipState()
  private var applied = 0

  /// `revisions` are those of the steps to come, in order: the baseline point is found among them.
  public init(revisions: [Revision], options: SlipOptions) {
    self.options = options
    baselineIndex = SlipAnalysis.baselinePoint(revisions, options: options, notes: &notes)
  }

  /// Applies the next step (oldest first).
  public mutating func apply(_ step: HistoryStep) {
    state.apply(step)
    if applied == baselineIndex { state.setBaselines() }
    applied += 1
  }

  /// The report over the steps applied so far, for every plan or only the plans with these ids.
  public func report(only planIDs: Set<String>? = nil) -> SlipReport {
    var notes = notes
    var plans: [PlanSlip] = []
    var removed: [RemovedPlan] = []
    for (id, tracker) in state.plans.sorted(by: { $0.key < $1.key }) {
      if let planIDs, !planIDs.contains(id) { continue }
      if let removedAt = tracker.removedAt {
        removed.append(RemovedPlan(id: id, title: tracker.title, path: tracker.path, removed: removedAt))
      } else {
        plans.append(tracker.report(id: id, options: options))
      }
    }
    if let planIDs {
      for id in planIDs.sorted() where state.plans[id] == nil {
        notes.append("no plan with id `\(id)` in the history")
      }
    }
    return SlipReport(
      plans: plans, removedPlans: removed, notes: notes, today: options.today, staleAfterDays: options.staleAfterDays,
      since: options.since)
  }
}

// MARK: - State over the history

/// A date followed across revisions (a due date, or the go-live date).
struct DateTrack {
  var baseline: CalendarDate?
  var current: CalendarDate?
  var lastKnown: CalendarDate?
  var moves: [DateMove] = []

  /// Observes the date at `revision`. A move is attributed to the commit in `attributions`
  /// that set the new date on a merged branch, when there is one, else to `revision`; its
  /// reason comes from ``MoveReason`` either way, with the `due_reason` before and after the
  /// commit that made the move.
  mutating func observe(
    _ date: CalendarDate?, at revision: Revision, milestone: String?, dueReason: (before: String?, after: String?),
    attributions: [MoveAttribution]
  ) {
    current = date
    guard let date else { return }
    if let last = lastKnown, last != date {
      let move: DateMove
      if let a = attributions.first(where: { $0.milestone == milestone && $0.to == date }) {
        let why = MoveReason.explanation(
          milestone: milestone, dueReasonBefore: a.dueReasonBefore, dueReasonAfter: a.dueReasonAfter,
          slipReasons: a.revision.slipReasons)
        move = DateMove(
          revision: a.revision, from: last, to: date, reason: why?.text, reasonSource: why?.source, mergedIn: revision)
      } else {
        let why = MoveReason.explanation(
          milestone: milestone, dueReasonBefore: dueReason.before, dueReasonAfter: dueReason.after,
          slipReasons: revision.slipReasons)
        move = DateMove(revision: revision, from: last, to: date, reason: why?.text, reasonSource: why?.source)
      }
      moves.append(move)
    }
    if baseline == nil { baseline = date }
    lastKnown = date
  }

  /// The baseline point: the date as of now becomes the baseline; earlier moves are not listed.
  mutating func rebase() {
    if let lastKnown { baseline = lastKnown }
    moves.removeAll()
  }

  func slip(since: CalendarDate?, doneOn: CalendarDate? = nil) -> DateSlip {
    let end = doneOn ?? current
    let slip = baseline.flatMap { b in end.map { b.days(until: $0) } }
    // A move made on a branch counts from the day it reached the analysed branch (its merge).
    let listed = since.map { s in moves.filter { ($0.mergedIn ?? $0.revision).date >= s } } ?? moves
    return DateSlip(baseline: baseline, current: current, slipDays: slip, moves: listed)
  }
}

struct MilestoneTrack {
  var order: Int
  var title: String?
  var owners: [String] = []
  var status: Milestone.Status?
  var doneOn: CalendarDate?
  var dueReason: String?
  var due = DateTrack()
  var dropped: Revision?
  var droppedSequence = 0
}

struct PlanTrack {
  var path: String
  var title: String?
  var plan: Plan?
  var goLive = DateTrack()
  var milestones: [String: MilestoneTrack] = [:]
  var removedAt: Revision?
  var lastChange: Revision?
  var lastCommit: Revision?
  var skipped: [Revision] = []

  mutating func touch(_ revision: Revision) {
    lastChange = revision
    if !revision.isWorkingTree { lastCommit = revision }
  }

  mutating func observe(
    _ plan: Plan, path: String, at revision: Revision, attributions: [MoveAttribution], dropCounter: inout Int
  ) {
    self.path = path
    title = plan.title
    self.plan = plan
    removedAt = nil
    goLive.observe(plan.goLive, at: revision, milestone: nil, dueReason: (nil, nil), attributions: attributions)
    var seen = Set<String>()
    for m in plan.milestones {
      guard let id = m.id, !id.isEmpty, seen.insert(id).inserted else { continue }
      // Updated in place: a copy of the track would copy its list of moves at every step.
      let order = milestones.count
      Self.observe(m, id: id, into: &milestones[id, default: MilestoneTrack(order: order)], at: revision, attributions: attributions)
    }
    var unseen: [(order: Int, id: String)] = []
    for (id, t) in milestones where t.dropped == nil && !seen.contains(id) { unseen.append((t.order, id)) }
    for (_, id) in unseen.sorted(by: { $0.order < $1.order }) {
      dropCounter += 1
      milestones[id]?.dropped = revision
      milestones[id]?.droppedSequence = dropCounter
    }
  }

  private static func observe(
    _ m: Milestone, id: String, into t: inout MilestoneTrack, at revision: Revision, attributions: [MoveAttribution]
  ) {
    t.due.observe(m.due, at: revision, milestone: id, dueReason: (t.dueReason, m.dueReason), attributions: attributions)
    t.title = m.title
    t.owners = m.owners
    t.status = m.status
    t.doneOn = m.doneOn
    t.dueReason = m.dueReason
    t.dropped = nil
  }

  mutating func setBaselines() {
    goLive.rebase()
    for id in milestones.keys { milestones[id]?.due.rebase() }
  }

  func report(id: String, options: SlipOptions) -> PlanSlip {
    let currentOrder: [String] = {
      var seen = Set<String>()
      return (plan?.milestones ?? []).compactMap { m in
        guard let id = m.id, !id.isEmpty, milestones[id]?.dropped == nil, seen.insert(id).inserted else { return nil }
        return id
      }
    }()
    let droppedOrder = milestones.filter { $0.value.dropped != nil }
      .sorted { ($0.value.droppedSequence, $0.value.order) < ($1.value.droppedSequence, $1.value.order) }.map(\.key)

    let slips: [MilestoneSlip] = (currentOrder + droppedOrder).compactMap { mid in
      guard let t = milestones[mid] else { return nil }
      let done = t.status == .done ? t.doneOn : nil
      return MilestoneSlip(
        id: mid, title: t.title, owners: t.owners, status: t.status, doneOn: t.doneOn,
        due: t.due.slip(since: options.since, doneOn: done), dropped: t.dropped)
    }
    let counted = slips.filter(\.countsTowardTotals)
    let total = counted.reduce(0) { $0 + max(0, $1.slipDays ?? 0) }

    let late = counted.enumerated().filter { ($0.element.slipDays ?? 0) > 0 }
      .sorted { ($1.element.slipDays!, $0.offset) < ($0.element.slipDays!, $1.offset) }
    let topMilestones = late.prefix(3).map {
      MilestoneShare(id: $0.element.id, title: $0.element.title, slipDays: $0.element.slipDays!)
    }

    var byOwner: [String: (days: Int, milestones: [String])] = [:]
    for m in counted {
      guard let s = m.slipDays, s > 0 else { continue }
      var owners = Set<String>()
      for o in m.owners where owners.insert(o).inserted {
        byOwner[o, default: (0, [])].days += s
        byOwner[o]?.milestones.append(m.id)
      }
    }
    let stakeholders = plan?.stakeholders ?? []
    func rank(_ id: String) -> Int { stakeholders.firstIndex { $0.id == id } ?? Int.max }
    let topStakeholders = byOwner.sorted { a, b in
      if a.value.days != b.value.days { return a.value.days > b.value.days }
      if rank(a.key) != rank(b.key) { return rank(a.key) < rank(b.key) }
      return a.key < b.key
    }.prefix(3).map { owner, value in
      let s = plan?.stakeholder(owner)
      return StakeholderShare(
        id: owner, name: s?.name, role: s?.role, side: s?.side?.rawValue, slipDays: value.days, milestones: value.milestones)
    }

    let daysSince = lastCommit.map { $0.date.days(until: options.today) }
    return PlanSlip(
      id: id, title: title, path: path, goLive: goLive.slip(since: options.since), milestones: slips,
      totalDaysOffSchedule: total, topMilestones: topMilestones, topStakeholders: topStakeholders, lastChange: lastChange,
      lastCommit: lastCommit, daysSinceLastCommit: daysSince, stale: daysSince.map { $0 > options.staleAfterDays } ?? false,
      skippedRevisions: skipped)
  }
}

struct SlipState {
  var plans: [String: PlanTrack] = [:]
  /// Which plan each present file holds.
  var owner: [String: String] = [:]
  /// The files holding each plan.
  var paths: [String: Set<String>] = [:]
  /// Revisions at which a file that never parsed failed to parse, kept until it parses.
  var pendingSkips: [String: [Revision]] = [:]
  var dropCounter = 0

  mutating func apply(_ step: HistoryStep) {
    let revision = step.revision
    for path in step.removed {
      pendingSkips[path] = nil
      guard let id = owner.removeValue(forKey: path) else { continue }
      detach(path, from: id, at: revision)
      plans[id]?.touch(revision)
    }
    for snapshot in step.changed {
      guard let plan = snapshot.plan, let id = plan.id, !id.isEmpty else {
        if let id = owner[snapshot.path] {
          if plans[id]?.skipped.last != revision { plans[id]?.skipped.append(revision) }
          plans[id]?.touch(revision)
        } else {
          pendingSkips[snapshot.path, default: []].append(revision)
        }
        continue
      }
      if let previous = owner[snapshot.path], previous != id {
        detach(snapshot.path, from: previous, at: revision)
        plans[previous]?.touch(revision)
      }
      owner[snapshot.path] = id
      paths[id, default: []].insert(snapshot.path)
      // Updated in place: a copy of the track would copy every milestone's moves at every step.
      let pending = pendingSkips.removeValue(forKey: snapshot.path)
      let attributions = step.attributions.isEmpty ? [] : step.attributions.filter { $0.path == snapshot.path }
      var counter = dropCounter
      update(&plans[id, default: PlanTrack(path: snapshot.path)])
      func update(_ t: inout PlanTrack) {
        if let pending { t.skipped += pending }
        t.observe(plan, path: snapshot.path, at: revision, attributions: attributions, dropCounter: &counter)
        t.touch(revision)
      }
      dropCounter = counter
    }
  }

  private mutating func detach(_ path: String, from id: String, at revision: Revision) {
    paths[id]?.remove(path)
    if paths[id]?.isEmpty ?? true {
      paths[id] = nil
      plans[id]?.removedAt = revision
    } else if plans[id]?.path == path, let other = paths[id]?.min() {
      plans[id]?.path = other
    }
  }

  mutating func setBaselines() {
    for id in plans.keys { plans[id]?.setBaselines() }
  }
}
