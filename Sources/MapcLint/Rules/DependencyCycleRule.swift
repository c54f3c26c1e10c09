import MapcJSON
import MapcModel

/// MAP110: milestones that depend on each other in a circle.
public struct DependencyCycleRule: Rule {
  public static let check = Check(
    code: "MAP110", name: "dependency-cycle", severity: .error,
    summary: "Milestones depend on each other in a cycle (a → b → c → a).",
    rationale: """
      A dependency says "this cannot finish before that". When milestones depend on each other \
      in a circle, none of them can ever start: the plan promises something impossible, and \
      the buyer will notice. mapc reports each cycle once, with its path, at the `depends_on` \
      entry of the cycle's first milestone in the plan. Break the cycle by removing the \
      dependency that is not real (a milestone depending on itself is reported as \
      `unknown-dependency`).
      """,
    triggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]")
          .replacing("    status: not-started\n  - id: onboarding", with: "    status: not-started\n    depends_on: [↓onboarding]\n  - id: onboarding")
          .replacing("due: 2027-02-01", with: "due: 2027-01-11"),
        caption: "kickoff waits for onboarding, which waits for kickoff")
    ],
    nonTriggering: [
      Example(
        UnknownDependencyRule.twoMilestones(dependsOn: "[kickoff]"), caption: "a dependency in one direction only")
    ])

  /// At most this many cycles are reported per plan; fixing them reveals the next ones.
  static let maximumReported = 100

  /// Plans and templates alike: a template has the same references and shape.
  public static var scope: RuleScope { .plansAndTemplates }

  public init() {}

  public func findings(in context: RuleContext) -> [RuleFinding] {
    let milestones = context.plan.milestones
    let n = milestones.count
    guard n > 1 else { return [] }
    let byID = ReferenceRuleSupport.milestoneIndexByID(context.plan)
    // Edges in `depends_on` order, each with the entry's position; self-dependencies are
    // `unknown-dependency`'s, repeated entries count once.
    var edges: [[(target: Int, entry: Int)]] = Array(repeating: [], count: n)
    for m in milestones {
      var seen = Set<Int>()
      for (i, id) in m.dependencyEntries {
        guard id != m.id, let t = byID[id], t != m.index, seen.insert(t).inserted else { continue }
        edges[m.index].append((t, i))
      }
    }
    // Iterative depth-first search from each milestone in plan order; every back edge closes
    // one cycle (the tree path plus that edge), and no two back edges close the same cycle.
    var state = [UInt8](repeating: 0, count: n)  // 0 new, 1 on the path, 2 finished
    var positionOnPath = [Int](repeating: -1, count: n)
    var path: [Int] = []
    var next: [Int] = []  // per path element: the next edge to follow
    var cycles: [[Int]] = []
    search: for root in 0..<n where state[root] == 0 {
      state[root] = 1
      positionOnPath[root] = 0
      path = [root]
      next = [0]
      while let u = path.last {
        let k = next[next.count - 1]
        guard k < edges[u].count else {
          state[u] = 2
          positionOnPath[u] = -1
          path.removeLast()
          next.removeLast()
          continue
        }
        next[next.count - 1] = k + 1
        let v = edges[u][k].target
        switch state[v] {
        case 0:
          state[v] = 1
          positionOnPath[v] = path.count
          path.append(v)
          next.append(0)
        case 1:
          cycles.append(Array(path[positionOnPath[v]...]))
          if cycles.count >= Self.maximumReported { break search }
        default:
          break
        }
      }
    }
    return cycles.map { cycle in
      // Start the cycle at its first milestone in the plan, so the report does not depend
      // on where the search entered it.
      let start = cycle.indices.min { cycle[$0] < cycle[$1] }!
      let rotated = Array(cycle[start...] + cycle[..<start])
      let first = milestones[rotated[0]]
      let second = rotated.count > 1 ? rotated[1] : rotated[0]
      let entry = edges[first.index].first { $0.target == second }?.entry ?? 0
      let names = (rotated + [rotated[0]]).map { milestones[$0].id ?? "?" }
      let text: [String] = names.count > 21 ? Array(names.prefix(10)) + ["… \(names.count - 20) more …"] + Array(names.suffix(10)) : names
      return RuleFinding(
        at: first.pointer("depends_on").appending(entry), .value,
        "dependency cycle: \(text.joined(separator: " → "))",
        help: "remove the dependency that is not real; milestones in a cycle can never start")
    }
  }
}
