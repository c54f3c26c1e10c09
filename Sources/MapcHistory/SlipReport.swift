import MapcModel

/// The result of the slip analysis: per plan, each milestone's baseline, current date, slip and
/// date moves, and the plan's totals. Render it with ``SlipTextRenderer``,
/// ``SlipMarkdownRenderer``, ``SlipCSVRenderer`` or ``SlipJSONRenderer`` (or ``render(_:)``).
///
/// Definitions (the brief's words):
/// - **baseline**: a milestone's due date in the first revision in which it appears (or as of the
///   baseline revision or date, see ``SlipOptions``);
/// - **current**: its due date at the last revision in which the plan parsed;
/// - **slip**: current − baseline in calendar days, positive = late; a done milestone with a
///   `done_on` date compares that date with its baseline;
/// - **date move**: a revision that changed a due date (old → new);
/// - **total days off schedule**: see ``SlipReport/totalDaysOffScheduleDefinition``.
public struct SlipReport: Sendable {
  /// Plans present at the analysed revision, sorted by id.
  public var plans: [PlanSlip]
  /// Plans whose files were deleted and not re-added: not analysed further, listed by id.
  public var removedPlans: [RemovedPlan]
  /// Notes about the analysis itself (a baseline revision that matched no step, a requested plan
  /// that is not in the history).
  public var notes: [String]
  public var today: CalendarDate
  public var staleAfterDays: Int
  public var since: CalendarDate?

  public init(
    plans: [PlanSlip], removedPlans: [RemovedPlan], notes: [String], today: CalendarDate, staleAfterDays: Int,
    since: CalendarDate?
  ) {
    self.plans = plans
    self.removedPlans = removedPlans
    self.notes = notes
    self.today = today
    self.staleAfterDays = staleAfterDays
    self.since = since
  }

  /// The definition of total days off schedule, as the outputs and the command's help state it.
  public static let totalDaysOffScheduleDefinition =
    "total days off schedule = the sum of the positive slips of the plan's current milestones "
    + "(dropped and cancelled milestones excluded; the go-live date is reported separately); "
    + "a milestone pulled in does not offset another's slip."

  /// The definitions that the reports and `mapc slip --help` share.
  public static let definitions: [String] = [
    "baseline = a milestone's due date in the first commit in which it appears (or as of --baseline).",
    "current = its due date at the analysed revision (the working tree when it has uncommitted changes).",
    "slip = current - baseline in calendar days, positive = late; a done milestone uses its done_on date.",
    totalDaysOffScheduleDefinition,
    "stale = no commit touched the plan for more than N days before today (uncommitted edits do not count).",
    "removed plans (deleted and not re-added) are listed apart, not analysed.",
  ]

  /// The report in one of the output formats.
  public func render(_ format: SlipFormat) -> String {
    switch format {
    case .text: return SlipTextRenderer().render(self)
    case .markdown: return SlipMarkdownRenderer().render(self)
    case .csv: return SlipCSVRenderer().render(self)
    case .json: return SlipJSONRenderer().render(self)
    }
  }
}

/// The output formats of `mapc slip`.
public enum SlipFormat: String, Sendable, CaseIterable {
  case text, markdown, csv, json
}

/// One commit that changed a due date (or the go-live date).
public struct DateMove: Sendable {
  /// The commit that made the move: for a move a merge brings, the commit on the merged branch
  /// that set the new date (see ``mergedIn``).
  public var revision: Revision
  public var from: CalendarDate
  public var to: CalendarDate
  /// The move's reason, by ``MoveReason``: the `due_reason` changed with the move, else a
  /// `Slip-Reason:` trailer of ``revision`` that names the milestone or names none, else nil.
  public var reason: String?
  /// Where ``reason`` comes from (nil when there is none).
  public var reasonSource: MoveReason.Source?
  /// The merge on the analysed branch's first-parent history that brought the move, when the
  /// move was made on a merged branch; nil when ``revision`` is on the first-parent history.
  public var mergedIn: Revision?

  public init(
    revision: Revision, from: CalendarDate, to: CalendarDate, reason: String?, reasonSource: MoveReason.Source? = nil,
    mergedIn: Revision? = nil
  ) {
    self.revision = revision
    self.from = from
    self.to = to
    self.reason = reason
    self.reasonSource = reason == nil ? nil : reasonSource
    self.mergedIn = mergedIn
  }

  /// to − from in calendar days (positive = pushed later).
  public var deltaDays: Int { from.days(until: to) }
}

/// A tracked date (a milestone's due date, or the plan's go-live) between baseline and current.
public struct DateSlip: Sendable {
  public var baseline: CalendarDate?
  public var current: CalendarDate?
  /// current − baseline (or, for a done milestone, done_on − baseline); nil when a date is missing.
  public var slipDays: Int?
  /// The date moves listed (those after the baseline point, and on or after `since`).
  public var moves: [DateMove]

  public init(baseline: CalendarDate?, current: CalendarDate?, slipDays: Int?, moves: [DateMove]) {
    self.baseline = baseline
    self.current = current
    self.slipDays = slipDays
    self.moves = moves
  }

  /// Moves to a later date.
  public var pushes: Int { moves.count(where: { $0.deltaDays > 0 }) }
  /// Moves to an earlier date.
  public var pulls: Int { moves.count(where: { $0.deltaDays < 0 }) }
}

/// One milestone of a plan, followed by its id.
public struct MilestoneSlip: Sendable {
  public var id: String
  /// The title at the last revision where the milestone was present.
  public var title: String?
  public var owners: [String]
  public var status: Milestone.Status?
  public var doneOn: CalendarDate?
  public var due: DateSlip
  /// The revision in which the milestone disappeared from the plan, when it is not in it now.
  public var dropped: Revision?

  public init(
    id: String, title: String?, owners: [String], status: Milestone.Status?, doneOn: CalendarDate?, due: DateSlip,
    dropped: Revision?
  ) {
    self.id = id
    self.title = title
    self.owners = owners
    self.status = status
    self.doneOn = doneOn
    self.due = due
    self.dropped = dropped
  }

  public var baseline: CalendarDate? { due.baseline }
  public var current: CalendarDate? { due.current }
  public var slipDays: Int? { due.slipDays }
  public var pushes: Int { due.pushes }
  public var pulls: Int { due.pulls }
  public var moves: [DateMove] { due.moves }

  /// Counts toward the plan's totals: in the plan now and not cancelled.
  public var countsTowardTotals: Bool { dropped == nil && status != .cancelled }
}

/// A milestone among those carrying the most slip.
public struct MilestoneShare: Sendable, Hashable {
  public var id: String
  public var title: String?
  public var slipDays: Int
}

/// A stakeholder and the slip of the milestones they currently own.
public struct StakeholderShare: Sendable, Hashable {
  public var id: String
  /// From the plan's `stakeholders` (nil for an owner id the plan does not declare).
  public var name: String?
  public var role: String?
  public var side: String?
  /// The sum of the positive slips of the current milestones they own.
  public var slipDays: Int
  /// Those milestones, in plan order.
  public var milestones: [String]
}

/// One plan, followed by its id across file moves.
public struct PlanSlip: Sendable {
  public var id: String
  public var title: String?
  /// The plan's path at the analysed revision.
  public var path: String
  public var goLive: DateSlip
  /// Current milestones in plan order, then dropped ones in the order they disappeared.
  public var milestones: [MilestoneSlip]
  /// See ``SlipReport/totalDaysOffScheduleDefinition``.
  public var totalDaysOffSchedule: Int
  /// Up to three current milestones with the largest positive slip (ties in plan order).
  public var topMilestones: [MilestoneShare]
  /// Up to three stakeholders with the largest sum of positive slips over the current milestones
  /// they own (ties in the order of `stakeholders`, then undeclared owners by id).
  public var topStakeholders: [StakeholderShare]
  /// The last revision that changed the plan's file (the working tree included).
  public var lastChange: Revision?
  /// The last commit that touched the plan's file (the working tree excluded).
  public var lastCommit: Revision?
  /// Days from the last commit's date to today.
  public var daysSinceLastCommit: Int?
  /// No commit touched the plan for more than `staleAfterDays` days before today.
  public var stale: Bool
  /// Revisions in which the plan's file did not parse; they were skipped for this plan.
  public var skippedRevisions: [Revision]
}

extension PlanSlip {
  /// The milestones by id, the first of each (a current one before a dropped one): for a page
  /// that looks up every milestone of a large plan.
  public var milestonesByID: [String: MilestoneSlip] {
    var out: [String: MilestoneSlip] = [:]
    out.reserveCapacity(milestones.count)
    for m in milestones where out[m.id] == nil { out[m.id] = m }
    return out
  }
}

/// A plan whose file was deleted and not re-added.
public struct RemovedPlan: Sendable {
  public var id: String
  public var title: String?
  /// The last path it had.
  public var path: String
  public var removed: Revision
}
