import MapcModel

/// Computes a plan's ``Schedule`` by the brief's definitions.
///
/// The graph: each milestone that is not cancelled is a node; `depends_on` entries that name
/// another such milestone are edges (the first milestone with an id answers for it; unknown ids,
/// self-references and repeats are the linter's to report and are skipped here). The go-live
/// node is the milestone marked `marks: go_live`, else a virtual node at the plan's `go_live`.
/// Every milestone due on or before go-live with no successor on a route to go-live (and not
/// itself after the go-live milestone) gets an implicit edge into it, with lead 0.
///
/// Time: two topological sorts (Kahn's, ties in plan order), one backward and one forward pass,
/// O(milestones + edges) steps, each step a calendar computation of O(log(span) · log(holidays)).
/// Milestones to which the same blackouts apply share one calendar, built once.
public enum Scheduler {
  public static func schedule(_ plan: Plan, calendar: PlanCalendar, today: CalendarDate) throws(ScheduleError) -> Schedule {
    try schedule(plan, calendars: Calendars(plan: plan, calendar: calendar), today: today)
  }

  /// With `holdingPinned`, an open pinned milestone with a due date holds its dependencies to
  /// that date too: their late dates count back from the earlier of its late date and its `due`,
  /// because `--write alap` moves them but never it. `mapc schedule` reports the brief's late
  /// dates, which do not look at `pinned`.
  static func schedule(
    _ plan: Plan, calendars: Calendars, today: CalendarDate, holdingPinned: Bool = false
  ) throws(ScheduleError) -> Schedule {
    let ms = plan.milestones
    let n = ms.count
    let active = ms.map { $0.status != .cancelled }
    var byID: [String: Int] = [:]
    for m in ms { if let id = m.id, byID[id] == nil { byID[id] = m.index } }

    // Explicit edges: deps[s] are what s waits for; succs[p] what waits for p. Index n is the
    // virtual go-live node, when there is one.
    var deps = [[Int]](repeating: [], count: n + 1)
    var succs = [[Int]](repeating: [], count: n + 1)
    for m in ms where active[m.index] {
      var seen = Set<Int>()
      for id in m.dependsOn {
        guard let t = byID[id], t != m.index, active[t], seen.insert(t).inserted else { continue }
        deps[m.index].append(t)
        succs[t].append(m.index)
      }
    }
    let nodes = ms.indices.filter { active[$0] }
    let order = topologicalOrder(nodes, deps: deps, succs: succs, count: n + 1)
    if order.count < nodes.count {
      throw .dependencyCycle(cycle(notIn: order, nodes: nodes, deps: deps, milestones: ms))
    }

    let marked = nodes.first { ms[$0].marks == .goLive }
    let g = marked ?? n
    let goLive = plan.goLive ?? marked.flatMap { ms[$0].due }

    // Routes to go-live, successors first; implicit edges into go-live.
    var route = [Bool](repeating: false, count: n + 1)
    var implicit = [Bool](repeating: false, count: n + 1)
    if let goLive {
      route[g] = true
      var after = [Bool](repeating: false, count: n + 1)  // reachable from a real go-live milestone
      if let marked {
        var stack = succs[marked]
        while let s = stack.popLast() {
          guard !after[s] else { continue }
          after[s] = true
          stack += succs[s]
        }
      }
      for p in order.reversed() where p != g {
        if succs[p].contains(where: { route[$0] }) {
          route[p] = true
        } else if !after[p], let due = ms[p].due, due <= goLive {
          route[p] = true
          implicit[p] = true
        }
      }
    }
    // The graph with the implicit edges, in a topological order again (they add no cycle: no
    // milestone after the go-live milestone gets one).
    for p in nodes where implicit[p] {
      deps[g].append(p)
      succs[p].append(g)
    }
    let all = marked == nil && goLive != nil ? nodes + [n] : nodes
    let full = topologicalOrder(all, deps: deps, succs: succs, count: n + 1)

    func lead(_ p: Int, into s: Int) -> Int {
      if s == n || (s == g && implicit[p]) { return 0 }
      return ms[s].lead ?? 0
    }
    func workingCalendar(_ i: Int) -> WorkingCalendar { i == n ? calendars.base : calendars.of(i) }

    // Backward pass: late dates from go-live.
    var late = [CalendarDate?](repeating: nil, count: n + 1)
    late[g] = goLive
    func anchor(_ s: Int) -> CalendarDate? {
      guard holdingPinned, s < n, ms[s].pinned, ms[s].isOpen, let due = ms[s].due, let l = late[s] else { return late[s] }
      return min(l, due)
    }
    for p in full.reversed() where p != g && route[p] {
      var best: CalendarDate?
      for s in succs[p] {
        guard let l = anchor(s), let d = workingCalendar(s).workday(from: l, -lead(p, into: s)) else { continue }
        if best.map({ d < $0 }) ?? true { best = d }
      }
      late[p] = best
    }

    // Forward pass: early dates from today. An early date that the bounded arithmetic cannot
    // give stays unknown, and so do the early dates that wait for it.
    var early = [CalendarDate?](repeating: nil, count: n + 1)
    for s in full {
      if s < n, ms[s].status == .done {
        early[s] = ms[s].doneOn ?? ms[s].due ?? today
        continue
      }
      var e: CalendarDate? = today
      for p in deps[s] {
        guard let ep = early[p], let d = workingCalendar(s).workday(from: ep, lead(p, into: s)) else {
          e = nil
          break
        }
        if let current = e, d > current { e = d }
      }
      early[s] = e
    }

    var float = [Int?](repeating: nil, count: n + 1)
    for i in all {
      guard let e = early[i], let l = late[i] else { continue }
      float[i] = workingCalendar(i).businessDays(from: e, to: l)
    }
    let minimum = all.compactMap { late[$0] != nil ? float[$0] : nil }.min()
    let critical = (0...n).map { i in minimum != nil && float[i] == minimum && late[i] != nil }

    // The chain that holds go-live up: back from go-live, each time the critical dependency
    // whose early date (plus the lead) sets the successor's, the first in plan order on a tie.
    var chain: [Int] = []
    var current = g
    var onChain = [Bool](repeating: false, count: n + 1)
    while true {
      var best: (node: Int, date: CalendarDate)?
      for p in deps[current] where critical[p] && !onChain[p] {
        guard let ep = early[p], let d = workingCalendar(current).workday(from: ep, lead(p, into: current)) else { continue }
        if best.map({ d > $0.date || (d == $0.date && p < $0.node) }) ?? true { best = (p, d) }
      }
      guard let next = best?.node else { break }
      onChain[next] = true
      chain.append(next)
      current = next
    }
    chain.reverse()
    if let marked, critical[marked] { chain.append(marked) }

    let entries = ms.map { m in
      let i = m.index
      return Schedule.Entry(
        index: i, id: m.id, title: m.title, stage: m.stage, status: m.status, due: m.due, lead: m.lead ?? 0,
        pinned: m.pinned, early: early[i], late: late[i], floatDays: float[i], critical: critical[i],
        dependencies: deps[i].filter { !(implicit[$0] && i == g) })
    }
    return Schedule(
      goLive: goLive, goLiveMilestone: marked, earliestGoLive: goLive == nil ? nil : early[g],
      goLiveFloatDays: goLive == nil ? nil : float[g], criticalPath: full.filter { $0 < n && critical[$0] },
      criticalChain: goLive == nil ? [] : chain, milestones: entries, today: today)
  }

  /// Kahn's algorithm over `nodes`, ready nodes taken in the order they became ready, starting
  /// in plan order. Shorter than `nodes` when they contain a cycle.
  static func topologicalOrder(_ nodes: [Int], deps: [[Int]], succs: [[Int]], count: Int) -> [Int] {
    var indegree = [Int](repeating: 0, count: count)
    for v in nodes { indegree[v] = deps[v].count }
    var queue = nodes.filter { indegree[$0] == 0 }
    var head = 0
    while head < queue.count {
      let u = queue[head]
      head += 1
      for s in succs[u] {
        indegree[s] -= 1
        if indegree[s] == 0 { queue.append(s) }
      }
    }
    return queue
  }

  /// A cycle among the nodes a topological sort left out: each of them waits for another one
  /// left out, so following dependencies from any of them must come back. Starts at the
  /// cycle's first milestone in the plan and ends with it again.
  static func cycle(notIn order: [Int], nodes: [Int], deps: [[Int]], milestones: [Milestone]) -> [String] {
    var sorted = [Bool](repeating: false, count: deps.count)
    for v in order { sorted[v] = true }
    guard let start = nodes.first(where: { !sorted[$0] }) else { return [] }
    var position = [Int: Int]()
    var path: [Int] = []
    var u = start
    while position[u] == nil {
      position[u] = path.count
      path.append(u)
      guard let next = deps[u].first(where: { !sorted[$0] }) else { return [] }
      u = next
    }
    let loop = Array(path[(position[u] ?? 0)...])
    let first = loop.indices.min { loop[$0] < loop[$1] } ?? 0
    let rotated = Array(loop[first...] + loop[..<first])
    return (rotated + [rotated[0]]).map { milestones[$0].id ?? "#\($0 + 1)" }
  }

  /// One ``WorkingCalendar`` per distinct set of applicable blackouts.
  struct Calendars {
    let base: WorkingCalendar
    private var byMilestone: [WorkingCalendar]

    init(plan: Plan, calendar: PlanCalendar) {
      var sides: [String: Stakeholder.Side] = [:]
      for s in plan.stakeholders { if let id = s.id, let side = s.side, sides[id] == nil { sides[id] = side } }
      base = calendar.workingCalendar(for: PlanCalendar.Target(id: nil, stage: nil, sides: []))
      var cache: [[Int]: WorkingCalendar] = [calendar.applicableBlackouts(for: PlanCalendar.Target(id: nil, stage: nil, sides: [])): base]
      byMilestone = plan.milestones.map { m in
        let target = PlanCalendar.Target(id: m.id, stage: m.stage, sides: Set(m.owners.compactMap { sides[$0] }))
        let key = calendar.applicableBlackouts(for: target)
        if let c = cache[key] { return c }
        let c = calendar.workingCalendar(for: target)
        cache[key] = c
        return c
      }
    }

    func of(_ i: Int) -> WorkingCalendar { byMilestone[i] }
    var all: [WorkingCalendar] { byMilestone }
  }
}
