import MapcModel
import MapcSchedule

/// The due dates of a plan made from a template, by the brief's scheduling contract.
///
/// A milestone with an `offset` is due WORKDAY(go-live, offset) on the plan's calendar; the
/// milestone marked `go_live` is due on go-live; the one marked `value_date` on the value date
/// when one is given. A milestone with only a `lead` (and `depends_on`) gets its late date: the
/// backward pass of the scheduling contract, anchored at the dated milestones rather than at
/// go-live alone, late(p) = min over its successors s of WORKDAY(date(s), −lead(s)); one that
/// nothing waits for leads into go-live (lead 0) unless its dependencies put it after go-live,
/// where it gets its early date WORKDAY(latest dependency, lead). Linear in milestones and
/// dependencies: one topological order, one forward and one backward pass.
public enum TemplateDates {
  /// Each milestone's due date, by position; nil only where the calendar's bounded arithmetic
  /// gives no date (more than a century away).
  ///
  /// - Throws: ``ScheduleError/dependencyCycle(_:)`` when milestones depend on each other in a
  ///   cycle (the ids left out of the dependency order).
  public static func dues(
    _ template: PlanTemplate, goLive: CalendarDate, valueDate: CalendarDate?, calendar: PlanCalendar
  ) throws(ScheduleError) -> [CalendarDate?] {
    let ms = template.plan.milestones
    let working = calendar.workingCalendar(for: PlanCalendar.Target(id: nil, stage: nil, sides: []))
    var fixed = [CalendarDate?](repeating: nil, count: ms.count)
    for m in ms {
      if m.marks == .goLive {
        fixed[m.index] = goLive
      } else if m.marks == .valueDate, let valueDate {
        fixed[m.index] = valueDate
      } else if let offset = template.offsets[m.index] {
        fixed[m.index] = working.workday(from: goLive, offset)
      }
    }
    var byID: [String: Int] = [:]
    for m in ms { if let id = m.id, byID[id] == nil { byID[id] = m.index } }
    let deps = ms.map { m in Array(Set(m.dependsOn.compactMap { byID[$0] }.filter { $0 != m.index })).sorted() }
    var succs = [[Int]](repeating: [], count: ms.count)
    for (s, ds) in deps.enumerated() { for p in ds { succs[p].append(s) } }
    let sorted = order(deps, succs: succs)
    if sorted.count < ms.count {
      let left = Set(ms.indices).subtracting(sorted).sorted()
      throw .dependencyCycle(left.map { ms[$0].id ?? "#\($0 + 1)" })
    }
    // Forward: the earliest each undated milestone can be, after its dependencies.
    var forward = fixed
    for i in sorted where fixed[i] == nil {
      forward[i] = deps[i].compactMap { forward[$0] }.max().flatMap { working.workday(from: $0, ms[i].lead ?? 0) }
    }
    // Backward: the latest each undated milestone can be, before what waits for it.
    var date = fixed
    for p in sorted.reversed() where fixed[p] == nil {
      var late: CalendarDate?
      for s in succs[p] {
        guard let ds = date[s], let d = working.workday(from: ds, -(ms[s].lead ?? 0)) else { continue }
        if late.map({ d < $0 }) ?? true { late = d }
      }
      if late == nil {
        late = forward[p].map { $0 > goLive ? $0 : goLive } ?? goLive
      }
      date[p] = late
    }
    return date
  }

  /// The milestones in an order where each comes after its dependencies (Kahn's algorithm,
  /// ties in plan order); milestones on a cycle are left out.
  static func order(_ deps: [[Int]], succs: [[Int]]) -> [Int] {
    var indegree = deps.map(\.count)
    var queue = deps.indices.filter { indegree[$0] == 0 }
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
}
