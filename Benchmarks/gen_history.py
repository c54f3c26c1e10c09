#!/usr/bin/env python3
"""Generates a git repository for the slip benchmark with `git fast-import`.

    gen_history.py DIR [--commits 20000] [--plans 1000] [--seed 7]

1,000 plans of 10 milestones each live under plans/; every commit edits 1 to 3 plans (moves a
due date, marks a milestone done, rewords a title), with fixed authors and dates, so the
repository is the same on every run. The first 1,000 commits create the plans.
"""

import argparse
import os
import random
import subprocess

STAGES = ["discovery", "validation", "final-agreements", "implementation", "value"]


def day(n):
    # Days since 2026-01-01 -> YYYY-MM-DD, without datetime's overhead per call.
    import datetime
    return (datetime.date(2026, 1, 1) + datetime.timedelta(days=n)).isoformat()


def render(plan):
    lines = ["---", "map: 1", f"id: {plan['id']}", f"title: {plan['title']}", f"buyer: {plan['buyer']}",
             "seller: Northwind Analytics",
             "value: Cut month-end close from 9 days to 3 by consolidating the finance data sources.",
             f"go_live: {day(plan['go_live'])}", f"value_date: {day(plan['go_live'] + 90)}",
             "compelling_event: { what: Budget lock, date: " + day(plan['go_live'] - 30) + " }",
             "stakeholders:",
             "  - { id: champ, name: Dana Ruiz, title: VP Finance, side: buyer, role: champion }",
             "  - { id: eb, name: Lee Park, title: CFO, side: buyer, role: economic-buyer }",
             "  - { id: ae, name: Sam Okafor, title: Account Executive, side: seller, role: account-executive }",
             "stages: [" + ", ".join(STAGES) + "]", "milestones:"]
    for i, m in enumerate(plan["milestones"]):
        lines += [f"  - id: m{i:02d}", f"    title: {m['title']}", f"    stage: {STAGES[min(i // 2, 4)]}",
                  "    owners: [champ, ae]", f"    due: {day(m['due'])}", f"    status: {m['status']}"]
        if m["status"] == "done":
            lines.append(f"    done_on: {day(m['due'])}")
        lines.append(f"    success_criteria: [Outcome {i} agreed with the buyer's team]")
    lines += ["---", "", "## Why now", "", f"{plan['buyer']} closes the books by hand today.", ""]
    return ("\n".join(lines) + "\n").encode()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--commits", type=int, default=20000)
    ap.add_argument("--plans", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    os.makedirs(args.dir)
    subprocess.run(["git", "-c", "init.defaultBranch=main", "init", "-q", args.dir], check=True)
    proc = subprocess.Popen(["git", "fast-import", "--quiet"], cwd=args.dir, stdin=subprocess.PIPE)
    out = proc.stdin
    plans = []
    authors = [("Priya Natarajan", "priya@northwind.example"), ("Marcus Hale", "marcus@buyer.example"),
               ("Tom Becker", "tom@northwind.example"), ("Elena Varga", "elena@buyer.example")]
    t0 = 1767225600  # 2026-01-01T00:00:00Z
    mark = 0
    for c in range(args.commits):
        if c < args.plans:
            start = rng.randint(60, 300)
            plan = {"id": f"plan-{c:04d}", "title": f"Account {c:04d} data platform", "buyer": f"Buyer {c:04d} Ltd",
                    "go_live": start + 120,
                    "milestones": [{"title": f"Outcome {i}", "due": start + 12 * i, "status": "not-started"}
                                   for i in range(10)]}
            plans.append(plan)
            touched = [c]
            subject = f"Add plan {plan['id']}"
        else:
            touched = rng.sample(range(len(plans)), rng.randint(1, 3))
            for p in touched:
                m = rng.choice(plans[p]["milestones"])
                action = rng.random()
                if action < 0.6:
                    m["due"] += rng.choice([-3, 2, 5, 7, 14])
                elif action < 0.8:
                    m["status"] = "done"
                else:
                    m["title"] = m["title"].split(" (")[0] + f" (rev {c})"
            subject = "Update " + ", ".join(plans[p]["id"] for p in touched)
        name, email = authors[c % len(authors)]
        when = t0 + c * 1800
        blobs = []
        for p in touched:
            mark += 1
            data = render(plans[p])
            out.write(b"blob\nmark :%d\ndata %d\n" % (mark, len(data)) + data + b"\n")
            blobs.append((mark, f"plans/{plans[p]['id']}.map.md"))
        msg = subject.encode()
        out.write(f"commit refs/heads/main\nauthor {name} <{email}> {when} +0000\n"
                  f"committer {name} <{email}> {when} +0000\n".encode())
        out.write(b"data %d\n" % len(msg) + msg + b"\n")
        for m, path in blobs:
            out.write(f"M 100644 :{m} {path}\n".encode())
        out.write(b"\n")
    out.close()
    if proc.wait() != 0:
        raise SystemExit("git fast-import failed")
    subprocess.run(["git", "checkout", "-q", "main"], cwd=args.dir, check=True)
    with open(os.path.join(args.dir, "mapc.yml"), "w") as f:
        f.write('plans: ["plans/**/*.map.md"]\ntoday: 2026-11-23\n')
    print(f"generated {args.dir}: {args.commits} commits, {args.plans} plans")


if __name__ == "__main__":
    main()
