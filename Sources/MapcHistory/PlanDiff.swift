import MapcGit
import MapcJSON
import MapcModel

/// Who a plan diff is for: the selling team sees internal-only changes (marked as such); the
/// buyer audience leaves them out entirely.
public enum DiffAudience: String, Sendable, CaseIterable {
  case `internal`, buyer
}

/// The output formats of `mapc diff`.
public enum DiffFormat: String, Sendable, CaseIterable {
  case text, markdown, json
}

/// One plan file as it is at one side of a diff.
public struct PlanVersion: Sendable {
  public var path: String
  public var plan: Plan
  public var frontmatter: JSONValue

  public init(path: String, plan: Plan, frontmatter: JSONValue) {
    self.path = path
    self.plan = plan
    self.frontmatter = frontmatter
  }
}

/// One semantic change within a plan. Which fields are set depends on ``kind``.
public struct DiffEntry: Sendable, Hashable {
  public enum Kind: String, Sendable, Hashable, CaseIterable {
    case goLive = "go_live"
    case valueDate = "value_date"
    case milestoneAdded = "milestone_added"
    case milestoneRemoved = "milestone_removed"
    case milestoneRenamed = "milestone_renamed"
    case dueMoved = "due_moved"
    case statusChanged = "status_changed"
    case riskChanged = "risk_changed"
    case ownersChanged = "owners_changed"
    case stakeholderAdded = "stakeholder_added"
    case stakeholderRemoved = "stakeholder_removed"
    case stakeholderNamed = "stakeholder_named"
    case successCriteriaChanged = "success_criteria_changed"
    case internalChanged = "internal_changed"
  }

  public var kind: Kind
  /// The milestone concerned (id), if any.
  public var milestone: String?
  /// The stakeholder concerned (id), if any.
  public var stakeholder: String?
  /// A title or name for display (the milestone's title, the stakeholder's name or role).
  public var label: String?
  /// Old and new values (dates `YYYY-MM-DD`, statuses, titles, names).
  public var from: String?
  public var to: String?
  /// to − from in calendar days, for date changes.
  public var deltaDays: Int?
  /// The milestone's baseline due date from history, and the new due date minus it (nil when
  /// the history could not be read).
  public var baseline: CalendarDate?
  public var slipDays: Int?
  /// For a moved date (go-live, a due date): the reason of the move that set the new date, from
  /// the head's history by ``MoveReason`` (the same as `mapc slip` shows); nil when none is
  /// recorded or the history could not be read.
  public var reason: String?
  /// Items added and removed (owners, success criteria).
  public var added: [String] = []
  public var removed: [String] = []
  /// Internal-only content (never shown to buyers).
  public var isInternal: Bool = false
  /// For internal changes: where (a JSON pointer into the frontmatter) and how ("added", "removed", "changed").
  public var pointer: String?
  public var change: String?

  public init(kind: Kind) { self.kind = kind }
}

/// The changes to one plan between two revisions.
public struct PlanChange: Sendable {
  public enum Status: String, Sendable { case added, removed, modified }
  public var id: String
  public var title: String?
  public var status: Status
  public var basePath: String?
  public var headPath: String?
  /// In report order: go-live and value date first, then milestones, stakeholders, internal content.
  public var entries: [DiffEntry]

  public var moved: Bool { basePath != nil && headPath != nil && basePath != headPath }
}

/// The semantic difference between the plans of two revisions. Render it with ``render(_:)``.
public struct PlanDiffReport: Sendable {
  /// The base and head revisions as given (head "working tree" by default).
  public var base: String
  public var head: String
  /// Changed, added and removed plans, sorted by id; unchanged plans are left out.
  public var plans: [PlanChange]
  public var audience: DiffAudience
  /// Notes about the comparison (slip left out because history could not be read).
  public var notes: [String]

  public func render(_ format: DiffFormat) -> String {
    switch format {
    case .text: return PlanDiffTextRenderer().render(self)
    case .markdown: return PlanDiffMarkdownRenderer().render(self)
    case .json: return PlanDiffJSONRenderer().render(self)
    }
  }
}

/// Compares plans, matched by `id` (a moved file is the same plan), milestones and stakeholders
/// by `id`. Pure: no git.
public enum PlanDiff {
  /// Baselines by plan id, then milestone id.
  public typealias Baselines = [String: [String: CalendarDate]]

  /// A date and the reason of the move that set it.
  public struct DatedReason: Sendable, Hashable {
    public var date: CalendarDate
    public var reason: String
  }

  /// The reasons of the moves that set a plan's current dates.
  public struct PlanReasons: Sendable, Hashable {
    public var goLive: DatedReason?
    public var milestones: [String: DatedReason] = [:]
  }

  /// Reasons by plan id.
  public typealias Reasons = [String: PlanReasons]

  public static func compare(
    base: [PlanVersion], head: [PlanVersion], baselines: Baselines?, reasons: Reasons? = nil, audience: DiffAudience,
    baseName: String, headName: String, notes: [String] = []
  ) -> PlanDiffReport {
    func key(_ v: PlanVersion) -> String { v.plan.id ?? "path:" + v.path }
    var old: [String: PlanVersion] = [:]
    var new: [String: PlanVersion] = [:]
    for v in base.sorted(by: { $0.path < $1.path }) where old[key(v)] == nil { old[key(v)] = v }
    for v in head.sorted(by: { $0.path < $1.path }) where new[key(v)] == nil { new[key(v)] = v }
    var plans: [PlanChange] = []
    for id in Set(old.keys).union(new.keys).sorted() {
      switch (old[id], new[id]) {
      case (nil, let h?):
        plans.append(PlanChange(id: id, title: h.plan.title, status: .added, basePath: nil, headPath: h.path, entries: []))
      case (let b?, nil):
        plans.append(PlanChange(id: id, title: b.plan.title, status: .removed, basePath: b.path, headPath: nil, entries: []))
      case (let b?, let h?):
        var entries = compare(b, h, baselines: baselines?[id], reasons: reasons?[id])
        if audience == .buyer { entries.removeAll { $0.isInternal } }
        if entries.isEmpty && b.path == h.path { continue }
        plans.append(
          PlanChange(id: id, title: h.plan.title, status: .modified, basePath: b.path, headPath: h.path, entries: entries))
      default: continue
      }
    }
    return PlanDiffReport(base: baseName, head: headName, plans: plans, audience: audience, notes: notes)
  }

  static func compare(_ b: PlanVersion, _ h: PlanVersion, baselines: [String: CalendarDate]?, reasons: PlanReasons? = nil)
    -> [DiffEntry]
  {
    var out: [DiffEntry] = []
    func date(_ kind: DiffEntry.Kind, _ x: CalendarDate?, _ y: CalendarDate?) {
      guard x != y else { return }
      var e = DiffEntry(kind: kind)
      e.from = x?.description
      e.to = y?.description
      if let x, let y { e.deltaDays = x.days(until: y) }
      if kind == .goLive, let r = reasons?.goLive, r.date == y { e.reason = r.reason }
      out.append(e)
    }
    date(.goLive, b.plan.goLive, h.plan.goLive)
    date(.valueDate, b.plan.valueDate, h.plan.valueDate)

    // Milestones, in the head's order, then removed ones in the base's order.
    let oldMilestones = Dictionary(b.plan.milestones.compactMap { m in m.id.map { ($0, m) } }, uniquingKeysWith: { a, _ in a })
    let newIDs = Set(h.plan.milestones.compactMap(\.id))
    var added: [DiffEntry] = []
    var removed: [DiffEntry] = []
    var renamed: [DiffEntry] = []
    var moved: [DiffEntry] = []
    var other: [DiffEntry] = []
    var criteria: [DiffEntry] = []
    var internalEntries: [DiffEntry] = []
    var seen = Set<String>()
    for m in h.plan.milestones {
      guard let id = m.id, seen.insert(id).inserted else { continue }
      func entry(_ kind: DiffEntry.Kind) -> DiffEntry {
        var e = DiffEntry(kind: kind)
        e.milestone = id
        e.label = m.title
        return e
      }
      guard let o = oldMilestones[id] else {
        var e = entry(.milestoneAdded)
        e.to = m.due?.description
        added.append(e)
        continue
      }
      if o.title != m.title {
        var e = entry(.milestoneRenamed)
        e.from = o.title
        e.to = m.title
        renamed.append(e)
      }
      if o.due != m.due {
        var e = entry(.dueMoved)
        e.from = o.due?.description
        e.to = m.due?.description
        if let x = o.due, let y = m.due { e.deltaDays = x.days(until: y) }
        if let baseline = baselines?[id], let y = m.due {
          e.baseline = baseline
          e.slipDays = baseline.days(until: y)
        }
        if let r = reasons?.milestones[id], r.date == m.due { e.reason = r.reason }
        moved.append(e)
      }
      if o.status != m.status {
        var e = entry(.statusChanged)
        e.from = o.status?.rawValue
        e.to = m.status?.rawValue
        other.append(e)
      }
      if o.risk != m.risk {
        var e = entry(.riskChanged)
        e.from = o.risk?.rawValue
        e.to = m.risk?.rawValue
        other.append(e)
      }
      if o.owners != m.owners {
        var e = entry(.ownersChanged)
        e.added = m.owners.filter { !o.owners.contains($0) }
        e.removed = o.owners.filter { !m.owners.contains($0) }
        e.from = o.owners.joined(separator: ", ")
        e.to = m.owners.joined(separator: ", ")
        other.append(e)
      }
      if o.successCriteria != m.successCriteria {
        var e = entry(.successCriteriaChanged)
        e.added = m.successCriteria.filter { !o.successCriteria.contains($0) }
        e.removed = o.successCriteria.filter { !m.successCriteria.contains($0) }
        criteria.append(e)
      }
      if let e = internalChange(o.internalNote, m.internalNote, pointer: m.pointer("internal").description)
      {
        var e = e
        e.milestone = id
        e.label = m.title
        internalEntries.append(e)
      }
    }
    var seenOld = Set<String>()
    for m in b.plan.milestones {
      guard let id = m.id, seenOld.insert(id).inserted, !newIDs.contains(id) else { continue }
      var e = DiffEntry(kind: .milestoneRemoved)
      e.milestone = id
      e.label = m.title
      e.from = m.due?.description
      removed.append(e)
    }
    out += added + removed + renamed + moved + other + criteria

    // Plan-level success criteria (objectives).
    let oldObjectiveCriteria = b.plan.objectives.flatMap(\.successCriteria)
    let newObjectiveCriteria = h.plan.objectives.flatMap(\.successCriteria)
    if oldObjectiveCriteria != newObjectiveCriteria {
      var e = DiffEntry(kind: .successCriteriaChanged)
      e.added = newObjectiveCriteria.filter { !oldObjectiveCriteria.contains($0) }
      e.removed = oldObjectiveCriteria.filter { !newObjectiveCriteria.contains($0) }
      out.append(e)
    }

    // Stakeholders.
    let oldStakeholders = Dictionary(b.plan.stakeholders.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { a, _ in a })
    let newStakeholderIDs = Set(h.plan.stakeholders.compactMap(\.id))
    var seenStakeholders = Set<String>()
    var stakeholderInternal: [DiffEntry] = []
    for s in h.plan.stakeholders {
      guard let id = s.id, seenStakeholders.insert(id).inserted else { continue }
      var e = DiffEntry(kind: .stakeholderAdded)
      e.stakeholder = id
      e.label = stakeholderLabel(s)
      guard let o = oldStakeholders[id] else {
        e.to = s.name
        out.append(e)
        continue
      }
      if o.isPlaceholder && !s.isPlaceholder {
        e.kind = .stakeholderNamed
        e.from = o.role
        e.to = s.name
        out.append(e)
      }
      if var i = internalChange(o.internalNote, s.internalNote, pointer: s.pointer("internal").description)
      {
        i.stakeholder = id
        i.label = stakeholderLabel(s)
        stakeholderInternal.append(i)
      }
    }
    var seenOldStakeholders = Set<String>()
    for s in b.plan.stakeholders {
      guard let id = s.id, seenOldStakeholders.insert(id).inserted, !newStakeholderIDs.contains(id) else { continue }
      var e = DiffEntry(kind: .stakeholderRemoved)
      e.stakeholder = id
      e.label = stakeholderLabel(s)
      e.from = s.name
      out.append(e)
    }

    // Internal-only content: the top-level `internal` object key by key, then milestones' and stakeholders' notes.
    let oldTop = b.plan.internalNotes?.content
    let newTop = h.plan.internalNotes?.content
    if oldTop != newTop {
      if let o = oldTop?.objectValue ?? (oldTop == nil ? JSONObject() : nil),
        let n = newTop?.objectValue ?? (newTop == nil ? JSONObject() : nil)
      {
        var keys = n.memberNames
        for k in o.memberNames where !keys.contains(k) { keys.append(k) }
        for k in keys {
          if let e = internalChange(o[k], n[k], pointer: JSONPointer(["internal", k]).description) { out.append(e) }
        }
      } else if let e = internalChange(oldTop, newTop, pointer: JSONPointer(["internal"]).description) {
        out.append(e)
      }
    }
    out += internalEntries + stakeholderInternal
    return out
  }

  static func internalChange<Value: Equatable>(_ old: Value?, _ new: Value?, pointer: String) -> DiffEntry? {
    guard old != new else { return nil }
    var e = DiffEntry(kind: .internalChanged)
    e.isInternal = true
    e.pointer = pointer
    e.change = old == nil ? "added" : new == nil ? "removed" : "changed"
    return e
  }

  static func stakeholderLabel(_ s: Stakeholder) -> String? {
    if let name = s.name, !name.isEmpty { return s.role.map { "\(name) (\($0))" } ?? name }
    return s.role.map { "\($0) (no name yet)" }
  }
}

// MARK: - Reading plans from git

extension PlanDiff {
  /// The plans in commit `revision`'s tree (paths passing `isPlan`).
  public static func plans(in repository: Repository, at commit: ObjectID, isPlan: @Sendable (String) -> Bool) throws(GitError)
    -> [PlanVersion]
  {
    let tree = try repository.commit(commit).treeID
    var out: [PlanVersion] = []
    for change in try repository.changes(fromTree: nil, toTree: tree, pathFilter: isPlan) {
      guard let blob = change.newBlob else { continue }
      if let v = version(change.path, try repository.blob(blob)) { out.append(v) }
    }
    return out
  }

  /// The plans in the working tree: `commit`'s plans with uncommitted changes (including untracked plans) applied.
  public static func workingTreePlans(in repository: Repository, over commit: ObjectID, isPlan: @Sendable (String) -> Bool)
    throws(GitError) -> [PlanVersion]
  {
    var byPath: [String: PlanVersion] = [:]
    for v in try plans(in: repository, at: commit, isPlan: isPlan) { byPath[v.path] = v }
    for change in try repository.workingTreeChanges(comparedTo: commit, pathFilter: isPlan) {
      switch change.status {
      case .deleted: byPath[change.path] = nil
      case .added, .modified: byPath[change.path] = version(change.path, try repository.workingTreeFile(change.path))
      }
    }
    return byPath.keys.sorted().compactMap { byPath[$0] }
  }

  /// A plan file's bytes as a version at `path`; nil when its frontmatter does not load as a plan.
  public static func version(_ path: String, _ bytes: [UInt8]) -> PlanVersion? {
    let parsed = HistoryReader.parse(bytes)
    guard let plan = parsed.plan, let json = parsed.frontmatter else { return nil }
    return PlanVersion(path: path, plan: plan, frontmatter: json)
  }

  /// The reason of the move that set each current date, from a slip analysis. For the buyer
  /// audience only reasons from the plan itself (`due_reason`) are kept: a commit trailer is
  /// the seller's record, not the buyer's.
  public static func reasons(_ report: SlipReport, audience: DiffAudience) -> Reasons {
    func latest(_ d: DateSlip) -> DatedReason? {
      guard let move = d.moves.last, move.to == d.current, let reason = move.reason else { return nil }
      if audience == .buyer && move.reasonSource != .dueReason { return nil }
      return DatedReason(date: move.to, reason: reason)
    }
    var out: Reasons = [:]
    for p in report.plans {
      var r = PlanReasons(goLive: latest(p.goLive))
      for m in p.milestones { if let l = latest(m.due) { r.milestones[m.id] = l } }
      out[p.id] = r
    }
    return out
  }

  /// Baselines (each milestone's due date at its first appearance) from a slip analysis.
  public static func baselines(_ report: SlipReport) -> Baselines {
    var out: Baselines = [:]
    for p in report.plans {
      var m: [String: CalendarDate] = [:]
      for ms in p.milestones { if let b = ms.baseline { m[ms.id] = b } }
      out[p.id] = m
    }
    return out
  }
}
