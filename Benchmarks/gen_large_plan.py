#!/usr/bin/env python3
"""Write one valid plan with N milestones for the scaling benchmark (scale-bench.sh).

Owners and dependencies are looked up by id once or more per milestone, stages per milestone,
so a linear scan per lookup shows as a curve that grows with the square of the plan.

Usage: gen_large_plan.py N OUT.map.md [--stakeholders S] [--stages K] [--shift DAYS]

--shift moves every date (go-live included) by DAYS, for a second revision in which every
milestone moved.
"""
import datetime
import sys


def option(args: list, name: str, default: int) -> int:
    return int(args[args.index(name) + 1]) if name in args else default


def main() -> int:
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    count, out = int(args[0]), args[1]
    people = option(args, "--stakeholders", 40)
    stage_count = option(args, "--stages", 4)
    shift = datetime.timedelta(days=option(args, "--shift", 0))
    stages = [f"stage-{k}" for k in range(stage_count)]
    start = datetime.date(2027, 1, 4) + shift

    # Every milestone is due on or after the ones it depends on, and before go-live.
    def due(i: int) -> datetime.date:
        return start + datetime.timedelta(days=i * 3000 // max(count, 1))

    go_live = start + datetime.timedelta(days=3001)
    lines = [
        "---",
        "map: 1",
        f"id: scale-{count}",
        f"title: Scaling plan with {count} milestones",
        "buyer: Brightwater Mutual",
        "seller: Northwind Analytics",
        f"go_live: {go_live.isoformat()}",
        "value: Close the books in 3 days instead of 9.",
        f"stages: [{', '.join(stages)}]",
        "stakeholders:",
    ]
    for p in range(people):
        side = "buyer" if p % 2 == 0 else "seller"
        role = "decision-maker" if p == 0 else ("champion" if p == 2 else "other")
        lines.append(f"  - {{id: p{p}, name: Person {p}, side: {side}, role: {role}}}")
    lines.append("milestones:")
    for i in range(count):
        stage = stages[i * len(stages) // count]
        owners = f"p{(2 * i) % people}, p{(2 * i + 1) % people}"
        deps = f", depends_on: [m{i - 1}, m{i // 2}]" if i > 0 and i % 4 == 0 else ""
        lines.append(
            f"  - {{id: m{i}, title: Step {i}, stage: {stage}, owners: [{owners}], "
            f"due: {due(i).isoformat()}, status: not-started{deps}}}"
        )
    lines += ["---", "", "# Plan", "", "A generated plan for the scaling benchmark.", ""]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
