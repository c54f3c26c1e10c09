import MapcHistory
import MapcModel
import MapcSchedule

/// What the portfolio compares against.
public struct PortfolioOptions: Sendable {
  /// The day bands, overdue days and the forecast are measured from (injectable).
  public var today: CalendarDate
  /// The window of "recent" date moves, in calendar days before today (30).
  public var recentDays: Int
  /// Email domains of the buyers' people (`report.buyer_domains` in mapc.yml), lowercased.
  public var buyerDomains: [String]
  /// The configuration's working calendar (`calendar` in mapc.yml).
  public var calendar: CalendarSettings?

  public init(today: CalendarDate, recentDays: Int = 30, buyerDomains: [String] = [], calendar: CalendarSettings? = nil) {
    self.today = today
    self.recentDays = recentDays
    self.buyerDomains = buyerDomains.map { $0.lowercased() }
    self.calendar = calendar
  }
}

/// What the one history pass collects per plan besides the slip analysis: who committed to
/// it and when, and when each milestone last changed.
public struct PlanActivity: Sendable, Hashable {
  /// The latest commit per author email (lowercased), the working tree excluded. With a public
  /// fingerprint (a buyer's report) only commits that changed what a buyer sees of the plan:
  /// an internal-only commit is no buyer activity a buyer may be shown.
  public var authors: [String: ChangeRef] = [:]
  /// The last revision that changed each milestone (by id), the working tree included; see
  /// ``MilestoneFact/lastChange`` for what counts as a change.
  public var milestoneChanges: [String: ChangeRef] = [:]

  /// With a public fingerprint (a buyer's report): the last revision that changed what a buyer
  /// sees of the plan (the working tree included), and the last such commit. A version that
  /// changed only internal content is not a public change.
  public var lastPublicChange: ChangeRef?
  public var lastPublicCommit: ChangeRef?
  /// The position of ``lastPublicCommit`` in the history pass (0 for the oldest step): the
  /// latest public commit over several plans is the one with the highest position, whatever
  /// the commit times say.
  public var lastPublicCommitOrder: Int?

  public init(authors: [String: ChangeRef] = [:], milestoneChanges: [String: ChangeRef] = [:]) {
    self.authors = authors
    self.milestoneChanges = milestoneChanges
  }
}

/// Collects ``PlanActivity`` from the history's steps, oldest first, beside the slip analysis
/// in the same pass. It keeps one version of each milestone per plan (to tell what changed),
/// never the plans of past steps.
public struct ActivityTracker: Sendable {
  public private(set) var plans: [String: PlanActivity] = [:]
  /// A hash of each milestone's fields as last seen, per plan: comparing hashes costs no copy
  /// of the milestone (a collision, one in 2^64, would only keep an older change time).
  private var previous: [String: [String: Int]] = [:]
  /// The fingerprint of each plan's previous version, when the history carries them.
  private var fingerprints: [String: PlanFingerprint] = [:]
  /// Whether commit authors count only where the commit changed public content.
  private let publicOnly: Bool
  /// The steps applied so far (``PlanActivity/lastPublicCommitOrder``).
  private var stepCount = 0

  /// - Parameter publicOnly: the history carries public fingerprints (a buyer's report): a
  ///   commit counts as an author's activity only when it changed public content, and a
  ///   version whose fingerprint is unknown changed nothing public.
  public init(publicOnly: Bool = false) {
    self.publicOnly = publicOnly
  }

  public mutating func apply(_ step: HistoryStep) {
    let r = step.revision
    let ref = ChangeRef(commit: r.commit, time: r.time, date: r.date, authorName: r.authorName)
    let email = r.authorEmail.lowercased()
    let order = stepCount
    stepCount += 1
    for snapshot in step.changed {
      guard let plan = snapshot.plan, let id = plan.id, !id.isEmpty else { continue }
      var changedPublicContent = false
      if let fingerprint = snapshot.publicFingerprint {
        // As the buyer's snapshot history counts it: a version with the same public content as
        // the previous one and different whole content changed internal content only.
        let previous = fingerprints.updateValue(fingerprint, forKey: id)
        if previous.map({ $0.publicContent != fingerprint.publicContent || $0.wholeContent == fingerprint.wholeContent }) ?? true {
          changedPublicContent = true
          plans[id, default: PlanActivity()].lastPublicChange = ref
          if !r.isWorkingTree {
            plans[id, default: PlanActivity()].lastPublicCommit = ref
            plans[id, default: PlanActivity()].lastPublicCommitOrder = order
          }
        }
      }
      // Updated in place: the dictionaries would otherwise be copied at every step.
      if !r.isWorkingTree, !email.isEmpty, !publicOnly || changedPublicContent {
        plans[id, default: PlanActivity()].authors[email] = ref
      }
      var seen = previous.removeValue(forKey: id) ?? [:]
      for m in plan.milestones {
        guard let mid = m.id, !mid.isEmpty else { continue }
        let h = Self.fields(m)
        if seen.updateValue(h, forKey: mid) != h {
          plans[id, default: PlanActivity()].milestoneChanges[mid] = ref
        }
      }
      previous[id] = seen
    }
  }
}

extension ActivityTracker {
  /// A hash of the fields the history reads of a milestone; not its position (a milestone moved
  /// within the list has not changed).
  static func fields(_ m: Milestone) -> Int {
    var h = Hasher()
    h.combine(m.title)
    h.combine(m.stage)
    h.combine(m.owners)
    h.combine(m.due)
    h.combine(m.status)
    h.combine(m.risk)
    h.combine(m.dependsOn)
    h.combine(m.dueReason)
    h.combine(m.doneOn)
    h.combine(m.lead)
    h.combine(m.pinned)
    h.combine(m.marks)
    return h.finalize()
  }
}

/// The pure part of the portfolio: one plan (read with details), its slip and its activity to
/// a ``PlanStatus``. No git, no files: tests drive it directly.
public enum PortfolioAnalysis {
  /// The status of `plan` (which must have an id) at `options.today`.
  public static func status(
    plan: Plan, path: String, repositoryPath: String, slip: PlanSlip?, activity: PlanActivity, options: PortfolioOptions
  ) -> PlanStatus {
    let today = options.today
    let id = plan.id ?? ""
    let stakeholders: [OwnerRef] = plan.stakeholders.compactMap { s in
      guard let sid = s.id, !sid.isEmpty else { return nil }
      return OwnerRef(id: sid, name: s.name, role: s.role, side: s.side, isPlaceholder: s.isPlaceholder)
    }
    // By id, the first of a repeated id: a lookup per owner must not scan the list.
    let byID = Dictionary(stakeholders.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    func owner(_ oid: String) -> OwnerRef {
      byID[oid] ?? OwnerRef(id: oid, name: nil, role: nil, side: nil, isPlaceholder: false)
    }

    // Counts over every milestone, with or without an id.
    let counted = plan.milestones.filter { $0.status != .cancelled }
    let doneCount = counted.count { $0.status == .done }
    let open = plan.milestones.filter(\.isOpen)
    func overdueDays(_ m: Milestone) -> Int? {
      guard m.isOpen, let due = m.due, due < today else { return nil }
      return due.days(until: today)
    }
    let overdue = open.compactMap { m in overdueDays(m).map { (m, $0) } }
    let stalledCount = overdue.count { $0.1 >= PortfolioRules.stalledAfterDays }

    // Milestone facts, joined with the slip analysis by id.
    var slips: [String: MilestoneSlip] = [:]
    for m in slip?.milestones ?? [] where m.dropped == nil { slips[m.id] = m }
    let recentFrom = today.adding(days: -options.recentDays)
    func when(_ move: MapcHistory.DateMove) -> CalendarDate { (move.mergedIn ?? move.revision).date }
    var facts: [MilestoneFact] = []
    var seenIDs = Set<String>()
    for m in plan.milestones {
      guard let mid = m.id, !mid.isEmpty, seenIDs.insert(mid).inserted else { continue }
      let s = slips[mid]
      let moves = s?.moves ?? []
      let recent = moves.filter { when($0) >= recentFrom && when($0) <= today }
      facts.append(
        MilestoneFact(
          id: mid, title: m.title, stage: m.stage, owners: m.owners, status: m.status, risk: m.risk, due: m.due,
          doneOn: m.doneOn, baseline: s?.baseline, slipDays: s?.slipDays, daysOverdue: overdueDays(m),
          moveCount: moves.count, unexplainedMoveCount: moves.count { $0.reason == nil }, recentMoveCount: recent.count,
          recentUnexplainedMoveCount: recent.count { $0.reason == nil }, lastChange: activity.milestoneChanges[mid]))
    }
    let goLiveMoves = (slip?.goLive.moves ?? []).filter { when($0) >= recentFrom && when($0) <= today }

    // The schedule: feasibility and the forecast. A cycle leaves both unknown.
    let planCalendar = PlanCalendar(plan: plan, configuration: options.calendar)
    let schedule: Result<Schedule, ScheduleError> = Result { () throws(ScheduleError) in
      try Scheduler.schedule(plan, calendar: planCalendar, today: today)
    }
    // The brief's `done`: every milestone done or cancelled, so a plan whose milestones were
    // all cancelled is done too (its percent done stays unknown: 0 of 0). A plan without any
    // milestone has nothing done yet.
    let isDone = !plan.milestones.isEmpty && doneCount == counted.count
    let goLive = plan.goLive ?? plan.milestones.first { $0.marks == .goLive && $0.status != .cancelled }?.due
    var feasible: Bool?
    if case .success(let s) = schedule, !isDone { feasible = s.goLiveFeasible }

    // The band, worst reason first.
    let band: PlanBand
    let bandReason: String
    let worst = overdue.max { a, b in a.1 != b.1 ? a.1 < b.1 : a.0.index > b.0.index }
    let marked = open.first { $0.risk == .offTrack } ?? open.first { $0.risk == .atRisk }
    if isDone {
      band = .done
      bandReason = counted.isEmpty ? "every milestone is cancelled" : "every milestone is done or cancelled"
    } else if let (m, days) = worst, days >= PortfolioRules.stalledAfterDays {
      band = .stalled
      bandReason = "\(name(m)) is \(Self.days(days)) overdue"
    } else if let (m, days) = worst {
      band = .atRisk
      bandReason = "\(name(m)) is \(Self.days(days)) overdue"
    } else if let m = marked, let risk = m.risk {
      band = .atRisk
      bandReason = "\(name(m)) is marked \(risk.rawValue)"
    } else if feasible == false, let goLive {
      band = .atRisk
      bandReason = "go-live \(goLive) cannot be met from today on the plan's leads"
    } else {
      band = .onTrack
      bandReason = "nothing is overdue or marked at risk"
    }

    // The next open milestone: the earliest due, an undated one only when none has a date.
    let dated = open.compactMap { m in m.id == nil ? nil : m.due.map { (m, $0) } }
    let next = dated.min { ($0.1, $0.0.index) < ($1.1, $1.0.index) }?.0 ?? open.first { $0.id != nil }
    let nextMilestone = next.map { m -> NextMilestone in
      var buyer: [OwnerRef] = []
      var seller: [OwnerRef] = []
      var other: [OwnerRef] = []
      for o in m.owners {
        let ref = owner(o)
        switch ref.side {
        case .buyer?: buyer.append(ref)
        case .seller?: seller.append(ref)
        default: other.append(ref)
        }
      }
      return NextMilestone(
        id: m.id ?? "", title: m.title, stage: m.stage, due: m.due, buyerOwners: buyer, sellerOwners: seller, otherOwners: other)
    }

    let activityFound = lastBuyerActivity(plan: plan, activity: activity, options: options, owner: owner)

    let currentStage =
      plan.stages.first { stage in open.contains { $0.stage == stage } } ?? open.first { $0.stage != nil }?.stage

    let forecast = Self.forecast(
      plan: plan, goLive: goLive, isDone: isDone, schedule: schedule, calendar: planCalendar, today: today)

    let last = slip?.lastChange.map {
      ChangeRef(commit: $0.commit, time: $0.time, date: $0.date, authorName: $0.authorName)
    }
    return PlanStatus(
      id: id, title: plan.title, buyer: plan.buyer, seller: plan.seller, path: path, repositoryPath: repositoryPath, band: band,
      bandReason: bandReason, milestoneCount: counted.count, doneCount: doneCount,
      percentDone: counted.isEmpty ? nil : doneCount * 100 / counted.count, overdueCount: overdue.count,
      stalledCount: stalledCount, goLive: goLive, goLiveBaseline: slip?.goLive.baseline, goLiveSlipDays: slip?.goLive.slipDays,
      goLiveFeasible: feasible, totalDaysOffSchedule: slip?.totalDaysOffSchedule ?? 0,
      recentMoves: facts.reduce(0) { $0 + $1.recentMoveCount } + goLiveMoves.count,
      recentUnexplainedMoves: facts.reduce(0) { $0 + $1.recentUnexplainedMoveCount } + goLiveMoves.count { $0.reason == nil },
      nextMilestone: nextMilestone, lastBuyerActivity: activityFound,
      daysSinceBuyerActivity: activityFound.map { $0.date.days(until: today) }, lastChange: last,
      daysSinceLastCommit: slip?.daysSinceLastCommit, stale: slip?.stale ?? false, forecast: forecast,
      valueDate: plan.valueDate, compellingEvent: plan.compellingEvent?.date, compellingEventWhat: plan.compellingEvent?.what,
      currentStage: currentStage,
      deal: plan.internalNotes?.amount.flatMap { $0.isFinite ? DealAmount(amount: $0, currency: plan.internalNotes?.currency) : nil },
      stakeholders: stakeholders, milestones: facts)
  }

  /// The brief's last buyer activity: the latest of a progress entry `by` a buyer stakeholder,
  /// a commit by a buyer stakeholder's email or a buyer domain, a buyer-owned milestone's
  /// `done_on`; nothing after today counts. Nil when none applies.
  static func lastBuyerActivity(
    plan: Plan, activity: PlanActivity, options: PortfolioOptions, owner: (String) -> OwnerRef
  ) -> BuyerActivity? {
    let today = options.today
    let buyers = Set(plan.stakeholders.filter { $0.side == .buyer }.compactMap(\.id))
    var candidates: [BuyerActivity] = []
    for m in plan.milestones {
      let label = m.id ?? m.title ?? "a milestone"
      for p in m.progress {
        guard let by = p.by, buyers.contains(by), let on = p.on, on <= today else { continue }
        candidates.append(BuyerActivity(date: on, source: .progress, detail: "progress on \(label) by \(owner(by).displayName)"))
      }
      if m.status == .done, let done = m.doneOn, done <= today, m.owners.contains(where: buyers.contains) {
        candidates.append(BuyerActivity(date: done, source: .doneOn, detail: "\(label) done"))
      }
    }
    let emails = Set(
      plan.stakeholders.filter { $0.side == .buyer }.compactMap { $0.email?.trimmingSpaces.lowercased() }.filter { !$0.isEmpty })
    for (email, change) in activity.authors where change.date <= today {
      let domain = email.split(separator: "@").last.map(String.init) ?? ""
      let inDomain = email.contains("@") && options.buyerDomains.contains { domain == $0 || domain.hasSuffix("." + $0) }
      guard emails.contains(email) || inDomain else { continue }
      candidates.append(BuyerActivity(date: change.date, source: .commit, detail: "commit by \(change.authorName)"))
    }
    // Latest first; on one day a progress note says most, then a commit, then a done date.
    func order(_ s: BuyerActivity.Source) -> Int { s == .progress ? 0 : s == .commit ? 1 : 2 }
    return candidates.min { a, b in
      if a.date != b.date { return a.date > b.date }
      if a.source != b.source { return order(a.source) < order(b.source) }
      return a.detail < b.detail
    }
  }

  /// The brief's forecast: the scheduler's earliest go-live where the plan has leads, else
  /// go-live moved by the largest overdue (business days) on go-live's dependency chain.
  static func forecast(
    plan: Plan, goLive: CalendarDate?, isDone: Bool, schedule: Result<Schedule, ScheduleError>, calendar: PlanCalendar,
    today: CalendarDate
  ) -> Forecast {
    guard let goLive else { return Forecast(goLive: nil, method: .none, slipBusinessDays: nil, reason: "the plan has no go-live date") }
    if isDone, !plan.milestones.contains(where: { $0.status != .cancelled }) {
      return Forecast(goLive: nil, method: .none, slipBusinessDays: nil, reason: "every milestone is cancelled")
    }
    if isDone {
      let marked = plan.milestones.first { $0.marks == .goLive }?.doneOn
      return Forecast(goLive: marked ?? goLive, method: .none, slipBusinessDays: nil, reason: "every milestone is done")
    }
    let s: Schedule
    switch schedule {
    case .failure(let error):
      return Forecast(goLive: nil, method: .none, slipBusinessDays: nil, reason: "cannot schedule the plan: \(error.description)")
    case .success(let value): s = value
    }
    let sides = Dictionary(plan.stakeholders.compactMap { s in s.id.flatMap { id in s.side.map { (id, $0) } } }, uniquingKeysWith: { a, _ in a })
    func workingCalendar(_ m: Milestone?) -> WorkingCalendar {
      guard let m else { return calendar.workingCalendar(for: PlanCalendar.Target(id: nil, stage: nil, sides: [])) }
      return calendar.workingCalendar(for: PlanCalendar.Target(id: m.id, stage: m.stage, sides: Set(m.owners.compactMap { sides[$0] })))
    }
    let goLiveMilestone = s.goLiveMilestone.map { plan.milestones[$0] }
    let goLiveCalendar = workingCalendar(goLiveMilestone)

    if plan.milestones.contains(where: { ($0.lead ?? 0) > 0 }), let earliest = s.earliestGoLive {
      let delta = goLiveCalendar.businessDays(from: goLive, to: earliest)
      let reason: String
      if let float = s.goLiveFloatDays, float < 0 {
        let chain = s.criticalChainNames.joined(separator: " → ")
        reason =
          "go-live \(goLive) cannot be met on the plan's leads: the earliest is \(earliest), \(businessDays(-float)) late"
          + (chain.isEmpty ? "" : ", held up by \(chain)")
      } else {
        reason = "the plan's leads reach go-live by \(earliest)"
          + (s.goLiveFloatDays.map { ", \(businessDays($0)) of float before \(goLive)" } ?? "")
      }
      return Forecast(goLive: earliest, method: .schedule, slipBusinessDays: delta, reason: reason)
    }

    // Go-live's dependency chain: the milestones with a route to go-live (a late date), and
    // go-live itself.
    var worst: (name: String, days: Int)?
    for entry in s.milestones where entry.late != nil || entry.index == s.goLiveMilestone {
      let m = plan.milestones[entry.index]
      guard m.isOpen, let due = m.due, due < today,
        let days = workingCalendar(m).businessDays(from: due, to: today), days > 0
      else { continue }
      if days > (worst?.days ?? 0) { worst = (name(m), days) }
    }
    if s.goLiveMilestone == nil, goLive < today, let days = goLiveCalendar.businessDays(from: goLive, to: today), days > (worst?.days ?? 0) {
      worst = ("go-live", days)
    }
    guard let worst else {
      return Forecast(goLive: goLive, method: .overdue, slipBusinessDays: 0, reason: "nothing go-live depends on is overdue")
    }
    let moved = goLiveCalendar.workday(from: goLive, worst.days)
    let reason =
      worst.name == "go-live"
      ? "go-live \(goLive) has passed by \(businessDays(worst.days))"
      : "\(worst.name) is \(businessDays(worst.days)) overdue and go-live depends on it"
    return Forecast(goLive: moved, method: .overdue, slipBusinessDays: moved == nil ? nil : worst.days, reason: reason)
  }

  static func name(_ m: Milestone) -> String { m.id ?? m.title ?? "milestone #\(m.index + 1)" }

  static func days(_ n: Int) -> String { n == 1 ? "1 day" : "\(n) days" }

  static func businessDays(_ n: Int) -> String { n == 1 ? "1 business day" : "\(n) business days" }
}

extension String {
  fileprivate var trimmingSpaces: String {
    String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
  }
}
