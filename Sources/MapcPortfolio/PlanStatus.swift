import MapcModel

/// A plan's band at *today*, by the brief's definitions ("Portfolio"). The cases are declared
/// worst first: ``rank`` orders a table with the plans that need attention on top.
public enum PlanBand: String, Sendable, Hashable, CaseIterable {
  /// An open milestone overdue by 7 or more calendar days.
  case stalled
  /// An open milestone overdue 1–6 days, one marked `at-risk`/`off-track`, or a go-live that
  /// cannot be met from today.
  case atRisk = "at-risk"
  /// None of the above.
  case onTrack = "on-track"
  /// Every milestone done or cancelled.
  case done
  /// A plan marked closed. The plan format has no such mark yet, so no plan is in this band
  /// today; the case is here so that outputs keep one vocabulary when it comes.
  case closed

  /// 0 for the worst band (stalled) up to 4 (closed).
  public var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

  /// The band in words for tables ("At risk").
  public var label: String {
    switch self {
    case .stalled: return "Stalled"
    case .atRisk: return "At risk"
    case .onTrack: return "On track"
    case .done: return "Done"
    case .closed: return "Closed"
    }
  }
}

/// A stakeholder as the report names them.
public struct OwnerRef: Sendable, Hashable {
  /// The stakeholder id (or an owner id the plan does not declare).
  public var id: String
  public var name: String?
  public var role: String?
  /// Nil for an owner the plan does not declare or declares without a side.
  public var side: Stakeholder.Side?
  /// A role placeholder: declared without a name yet.
  public var isPlaceholder: Bool

  public init(id: String, name: String?, role: String?, side: Stakeholder.Side?, isPlaceholder: Bool) {
    self.id = id
    self.name = name
    self.role = role
    self.side = side
    self.isPlaceholder = isPlaceholder
  }

  /// The name, else the role, else the id.
  public var displayName: String {
    if let name, !name.isEmpty { return name }
    if let role, !role.isEmpty { return role }
    return id
  }
}

/// A commit or the working tree, as the last change of a plan or a milestone.
public struct ChangeRef: Sendable, Hashable {
  /// The full commit id; nil for uncommitted changes in the working tree.
  public var commit: String?
  /// Author time, seconds since 1970 (UTC).
  public var time: Int64
  /// The author's calendar date.
  public var date: CalendarDate
  public var authorName: String

  public init(commit: String?, time: Int64, date: CalendarDate, authorName: String) {
    self.commit = commit
    self.time = time
    self.date = date
    self.authorName = authorName
  }
}

/// One milestone's facts at *today*.
public struct MilestoneFact: Sendable, Hashable {
  public var id: String
  public var title: String?
  public var stage: String?
  /// Owner ids as written, in order.
  public var owners: [String]
  public var status: Milestone.Status?
  public var risk: Milestone.Risk?
  public var due: CalendarDate?
  public var doneOn: CalendarDate?
  /// The due date in the first commit in which the milestone appears.
  public var baseline: CalendarDate?
  /// current − baseline (done_on − baseline when done), calendar days; nil without both dates.
  public var slipDays: Int?
  /// Calendar days past due for an open milestone due before today; nil otherwise.
  public var daysOverdue: Int?
  /// Date moves after the baseline, and how many of them have no reason (``MoveReason``).
  public var moveCount: Int
  public var unexplainedMoveCount: Int
  /// Date moves in the recent window (``PortfolioOptions/recentDays``), and how many had no reason.
  public var recentMoveCount: Int
  public var recentUnexplainedMoveCount: Int
  /// The last revision that changed this milestone's own fields as the history reads them
  /// (id, title, stage, owners, due, status, risk, depends_on, due_reason, done_on, lead,
  /// pinned, marks); a progress note or success criteria alone do not count (the history is
  /// read without them to stay lean).
  public var lastChange: ChangeRef?

  public init(
    id: String, title: String?, stage: String?, owners: [String], status: Milestone.Status?, risk: Milestone.Risk?,
    due: CalendarDate?, doneOn: CalendarDate?, baseline: CalendarDate?, slipDays: Int?, daysOverdue: Int?, moveCount: Int,
    unexplainedMoveCount: Int, recentMoveCount: Int, recentUnexplainedMoveCount: Int, lastChange: ChangeRef?
  ) {
    self.id = id
    self.title = title
    self.stage = stage
    self.owners = owners
    self.status = status
    self.risk = risk
    self.due = due
    self.doneOn = doneOn
    self.baseline = baseline
    self.slipDays = slipDays
    self.daysOverdue = daysOverdue
    self.moveCount = moveCount
    self.unexplainedMoveCount = unexplainedMoveCount
    self.recentMoveCount = recentMoveCount
    self.recentUnexplainedMoveCount = recentUnexplainedMoveCount
    self.lastChange = lastChange
  }

  /// Not done and not cancelled.
  public var isOpen: Bool { status != .done && status != .cancelled }
  /// Overdue by 7 or more calendar days.
  public var isStalled: Bool { (daysOverdue ?? 0) >= PortfolioRules.stalledAfterDays }
}

/// The next open milestone and its owners on both sides.
public struct NextMilestone: Sendable, Hashable {
  public var id: String
  public var title: String?
  public var stage: String?
  public var due: CalendarDate?
  public var buyerOwners: [OwnerRef]
  public var sellerOwners: [OwnerRef]
  /// Owners on neither side (partners, undeclared ids).
  public var otherOwners: [OwnerRef]

  public init(
    id: String, title: String?, stage: String?, due: CalendarDate?, buyerOwners: [OwnerRef], sellerOwners: [OwnerRef],
    otherOwners: [OwnerRef]
  ) {
    self.id = id
    self.title = title
    self.stage = stage
    self.due = due
    self.buyerOwners = buyerOwners
    self.sellerOwners = sellerOwners
    self.otherOwners = otherOwners
  }
}

/// The latest thing the buyer's people did on a plan, by the brief's definition.
public struct BuyerActivity: Sendable, Hashable {
  public enum Source: String, Sendable, Hashable {
    /// A progress entry `by` a buyer stakeholder.
    case progress
    /// A commit whose author email is a buyer stakeholder's, or in a buyer domain.
    case commit
    /// A buyer-owned milestone's `done_on`.
    case doneOn = "done_on"
  }

  public var date: CalendarDate
  public var source: Source
  /// What it was, in words ("progress on security-review by Dana Ruiz").
  public var detail: String

  public init(date: CalendarDate, source: Source, detail: String) {
    self.date = date
    self.source = source
    self.detail = detail
  }
}

/// The forecast go-live and why.
public struct Forecast: Sendable, Hashable {
  public enum Method: String, Sendable, Hashable {
    /// The scheduler's earliest feasible go-live from today (the plan has leads).
    case schedule
    /// Go-live moved by the largest overdue, in business days, on go-live's dependency chain.
    case overdue
    /// No forecast can be made (no go-live, a dependency cycle); ``Forecast/reason`` says why.
    case none
  }

  public var goLive: CalendarDate?
  public var method: Method
  /// Business days from the plan's go-live to the forecast (positive = later); nil without one.
  public var slipBusinessDays: Int?
  /// The reason in words ("security-review is 9 business days overdue and go-live depends on it").
  public var reason: String

  public init(goLive: CalendarDate?, method: Method, slipBusinessDays: Int?, reason: String) {
    self.goLive = goLive
    self.method = method
    self.slipBusinessDays = slipBusinessDays
    self.reason = reason
  }
}

/// The deal size recorded under `internal` (seller-only).
public struct DealAmount: Sendable, Hashable {
  public var amount: Double
  public var currency: String?

  public init(amount: Double, currency: String?) {
    self.amount = amount
    self.currency = currency
  }
}

/// One plan at *today*, by the brief's "Portfolio" definitions: what `mapc report` shows per
/// plan and what `mapc export --object plans` exports.
public struct PlanStatus: Sendable, Hashable {
  public var id: String
  public var title: String?
  public var buyer: String?
  public var seller: String?
  /// The plan file as shown in messages (`REV:path` with `--at`).
  public var path: String
  /// The path relative to the repository root.
  public var repositoryPath: String
  public var band: PlanBand
  /// Why the plan is in its band, in words.
  public var bandReason: String
  /// Milestones that are not cancelled, and those of them done.
  public var milestoneCount: Int
  public var doneCount: Int
  /// done ÷ not cancelled, as a whole percent rounded down; nil without such milestones.
  public var percentDone: Int?
  /// Open milestones due before today, and those of them overdue by 7 days or more.
  public var overdueCount: Int
  public var stalledCount: Int
  /// The go-live date now, at its first commit, and current − baseline in calendar days.
  public var goLive: CalendarDate?
  public var goLiveBaseline: CalendarDate?
  public var goLiveSlipDays: Int?
  /// Whether go-live can be met from today on the plan's leads (nil: cannot tell).
  public var goLiveFeasible: Bool?
  /// `SlipReport.totalDaysOffScheduleDefinition`.
  public var totalDaysOffSchedule: Int
  /// Date moves (milestones and go-live) in the last ``PortfolioOptions/recentDays`` days, and
  /// how many had no reason.
  public var recentMoves: Int
  public var recentUnexplainedMoves: Int
  public var nextMilestone: NextMilestone?
  /// Nil when no buyer activity can be known (unknown, not "none").
  public var lastBuyerActivity: BuyerActivity?
  /// Calendar days from ``lastBuyerActivity`` to today.
  public var daysSinceBuyerActivity: Int?
  /// The last revision that changed the plan's file (the working tree included).
  public var lastChange: ChangeRef?
  /// Days from the last commit to today.
  public var daysSinceLastCommit: Int?
  public var stale: Bool
  public var forecast: Forecast
  public var valueDate: CalendarDate?
  public var compellingEvent: CalendarDate?
  public var compellingEventWhat: String?
  /// The first stage (in `stages` order) with an open milestone.
  public var currentStage: String?
  /// The deal amount under `internal`; seller-only (``forBuyer()`` drops it).
  public var deal: DealAmount?
  /// The plan's stakeholders, in order.
  public var stakeholders: [OwnerRef]
  /// The milestones in plan order (those without an id are left out).
  public var milestones: [MilestoneFact]

  public init(
    id: String, title: String?, buyer: String?, seller: String?, path: String, repositoryPath: String, band: PlanBand,
    bandReason: String, milestoneCount: Int, doneCount: Int, percentDone: Int?, overdueCount: Int, stalledCount: Int,
    goLive: CalendarDate?, goLiveBaseline: CalendarDate?, goLiveSlipDays: Int?, goLiveFeasible: Bool?,
    totalDaysOffSchedule: Int, recentMoves: Int, recentUnexplainedMoves: Int, nextMilestone: NextMilestone?,
    lastBuyerActivity: BuyerActivity?, daysSinceBuyerActivity: Int?, lastChange: ChangeRef?, daysSinceLastCommit: Int?,
    stale: Bool, forecast: Forecast, valueDate: CalendarDate?, compellingEvent: CalendarDate?, compellingEventWhat: String?,
    currentStage: String?, deal: DealAmount?, stakeholders: [OwnerRef], milestones: [MilestoneFact]
  ) {
    self.id = id
    self.title = title
    self.buyer = buyer
    self.seller = seller
    self.path = path
    self.repositoryPath = repositoryPath
    self.band = band
    self.bandReason = bandReason
    self.milestoneCount = milestoneCount
    self.doneCount = doneCount
    self.percentDone = percentDone
    self.overdueCount = overdueCount
    self.stalledCount = stalledCount
    self.goLive = goLive
    self.goLiveBaseline = goLiveBaseline
    self.goLiveSlipDays = goLiveSlipDays
    self.goLiveFeasible = goLiveFeasible
    self.totalDaysOffSchedule = totalDaysOffSchedule
    self.recentMoves = recentMoves
    self.recentUnexplainedMoves = recentUnexplainedMoves
    self.nextMilestone = nextMilestone
    self.lastBuyerActivity = lastBuyerActivity
    self.daysSinceBuyerActivity = daysSinceBuyerActivity
    self.lastChange = lastChange
    self.daysSinceLastCommit = daysSinceLastCommit
    self.stale = stale
    self.forecast = forecast
    self.valueDate = valueDate
    self.compellingEvent = compellingEvent
    self.compellingEventWhat = compellingEventWhat
    self.currentStage = currentStage
    self.deal = deal
    self.stakeholders = stakeholders
    self.milestones = milestones
  }

  /// The status a buyer may see: the seller-only deal amount dropped. (The plan format has no
  /// internal milestones; milestone internal notes never enter a status.)
  public func forBuyer() -> PlanStatus {
    var s = self
    s.deal = nil
    return s
  }

  /// The stakeholder (or undeclared owner) with this id.
  public func owner(_ id: String) -> OwnerRef {
    stakeholders.first { $0.id == id } ?? OwnerRef(id: id, name: nil, role: nil, side: nil, isPlaceholder: false)
  }

  /// The order of a "worst first" table: band, then overdue days, days off schedule, id.
  public static func worstFirst(_ a: PlanStatus, _ b: PlanStatus) -> Bool {
    if a.band.rank != b.band.rank { return a.band.rank < b.band.rank }
    let ao = a.milestones.compactMap(\.daysOverdue).max() ?? 0
    let bo = b.milestones.compactMap(\.daysOverdue).max() ?? 0
    if ao != bo { return ao > bo }
    if a.totalDaysOffSchedule != b.totalDaysOffSchedule { return a.totalDaysOffSchedule > b.totalDaysOffSchedule }
    return a.id < b.id
  }
}

/// The fixed numbers of the brief's bands.
public enum PortfolioRules {
  /// An open milestone this many calendar days overdue (or more) stalls its plan.
  public static let stalledAfterDays = 7
}
