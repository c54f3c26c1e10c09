#!/usr/bin/env python3
"""Builds a throwaway git repository holding the history of one example plan.

The Brightwater Mutual × Northwind plan (../enterprise-data-platform.map.md is its final state)
is drafted by the seller in September and kept current by both sides for eleven weeks: steps
are marked done, dates slip (with reasons in the file and in `Slip-Reason:` commit trailers),
a milestone is added and another dropped, a pull request replans go-live around the buyer's
change freeze, and the file is moved. `mapc slip` on the result shows every date move.

    python3 Examples/history/build.py /tmp/brightwater-history
    cd /tmp/brightwater-history && mapc slip --today 2026-11-23

Dates, authors and committers are fixed, so the repository (and mapc's output) is the same on
every run. The target directory must not exist yet.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FINAL = os.path.join(HERE, "..", "enterprise-data-platform.map.md")

SELLER = ("Priya Natarajan", "priya.natarajan@northwind.example")
SELLER_SE = ("Tom Becker", "tom.becker@northwind.example")
BUYER = ("Marcus Hale", "marcus.hale@brightwater.example")
BUYER_FINANCE = ("Elena Varga", "elena.varga@brightwater.example")

# A milestone present in the first weeks and dropped in November.
REFERENCE_CALLS = """  - id: reference-calls
    title: Two reference calls with insurance finance teams
    stage: validation
    owners: [marcus, priya]
    due: 2026-11-13
    status: not-started

"""

# Each revision: (date, author, subject, body, state). A state maps a milestone id to the
# values it had then (None removes a line), plus "go_live"/"value_date", "absent" (milestones
# not in the plan yet) and "path". Revisions list only what differs from the final file.
EARLY_DATES = {
    "technical-validation": {"due": "2026-10-23", "due_reason": None},
    "security-review": {"due": "2026-11-27"},
    "legal-review": {"due": "2026-12-01"},
    "project-approval": {"due": "2026-12-04"},
    "project-kickoff": {"due": "2027-01-05"},
    "go-live": {"due": "2027-02-15", "due_reason": None},
    "roi-review": {"due": "2027-05-17"},
}
NOT_DONE = {"status": "not-started", "done_on": None}


def state(*layers, **top):
    merged = {}
    for layer in layers:
        for key, values in layer.items():
            merged.setdefault(key, {}).update(values)
    merged.update(top)
    return merged


OPEN_EARLY = {m: dict(NOT_DONE) for m in ["discovery-workshop", "success-criteria", "tailored-demo",
                                          "technical-validation", "executive-alignment"]}
PATH_1 = "plans/brightwater.map.md"
PATH_2 = "plans/brightwater/data-platform.map.md"
EARLY_TOP = {"go_live": "2027-02-15", "value_date": "2027-05-17", "path": PATH_1}

REVISIONS = [
    ("2026-09-07T10:12:00+02:00", SELLER, "Draft the mutual plan for the Brightwater data platform", "",
     state(OPEN_EARLY, EARLY_DATES, absent=["vendor-onboarding"], reference_calls=True, **EARLY_TOP)),
    ("2026-09-10T16:40:00-04:00", BUYER, "Discovery workshop done; add our security reviewer role", "",
     state(OPEN_EARLY, EARLY_DATES, {"discovery-workshop": {"status": "done", "done_on": "2026-09-10"}},
           absent=["vendor-onboarding"], reference_calls=True, **EARLY_TOP)),
    ("2026-10-02T11:05:00-04:00", BUYER_FINANCE, "Success criteria signed off by Finance", "",
     state(OPEN_EARLY, EARLY_DATES, {"discovery-workshop": {"status": "done", "done_on": "2026-09-10"},
                                     "success-criteria": {"status": "done", "done_on": "2026-10-02"}},
           absent=["vendor-onboarding"], reference_calls=True, **EARLY_TOP)),
    ("2026-10-08T15:30:00+01:00", SELLER_SE, "Tailored demo delivered to the close team", "",
     state(OPEN_EARLY, EARLY_DATES, {"discovery-workshop": {"status": "done", "done_on": "2026-09-10"},
                                     "success-criteria": {"status": "done", "done_on": "2026-10-02"},
                                     "tailored-demo": {"status": "done", "done_on": "2026-10-08"}},
           absent=["vendor-onboarding"], reference_calls=True, **EARLY_TOP)),
    ("2026-10-16T09:20:00+01:00", SELLER_SE, "Move technical validation by a week", "",
     state(OPEN_EARLY, EARLY_DATES, {"discovery-workshop": {"status": "done", "done_on": "2026-09-10"},
                                     "success-criteria": {"status": "done", "done_on": "2026-10-02"},
                                     "tailored-demo": {"status": "done", "done_on": "2026-10-08"},
                                     "technical-validation": {
                                         "due": "2026-10-30",
                                         "due_reason": "Brightwater IT needed an extra week to provision sandbox access"}},
           absent=["vendor-onboarding"], reference_calls=True, **EARLY_TOP)),
]


def later(extra, absent=(), reference_calls=False, **top):
    done = {"discovery-workshop": {"status": "done", "done_on": "2026-09-10"},
            "success-criteria": {"status": "done", "done_on": "2026-10-02"},
            "tailored-demo": {"status": "done", "done_on": "2026-10-08"},
            "technical-validation": {"due": "2026-10-30",
                                     "due_reason": "Brightwater IT needed an extra week to provision sandbox access"}}
    return state(OPEN_EARLY, EARLY_DATES, done, extra, absent=list(absent), reference_calls=reference_calls,
                 **{**EARLY_TOP, **top})


REVISIONS += [
    ("2026-10-26T13:45:00-04:00", BUYER, "Add vendor onboarding: procurement needs it before approval", "",
     later({}, reference_calls=True)),
    ("2026-11-06T17:10:00+00:00", SELLER_SE, "Technical validation passed: 9-day close reproduced in 3", "",
     later({"technical-validation": {"status": "done", "done_on": "2026-11-06"}}, reference_calls=True)),
    ("2026-11-09T08:55:00+00:00", SELLER, "Push the security review to 9 December",
     "Slip-Reason: Brightwater's questionnaire grew from 80 to 240 questions",
     later({"technical-validation": {"status": "done", "done_on": "2026-11-06"},
            "security-review": {"due": "2026-12-09"}}, reference_calls=True)),
    ("2026-11-12T10:30:00+00:00", SELLER, "Drop the reference calls: the executive session covers them", "",
     later({"technical-validation": {"status": "done", "done_on": "2026-11-06"},
            "security-review": {"due": "2026-12-09"}})),
]

# A pull request merged with --no-ff: two commits on a branch, one change on main.
REPLAN_BRANCH = [
    ("2026-11-13T14:00:00-05:00", BUYER, "Replan go-live after the year-end change freeze", "",
     later({"technical-validation": {"status": "done", "done_on": "2026-11-06"},
            "security-review": {"due": "2026-12-09"},
            "go-live": {"due": "2027-03-01", "due_reason": "Brightwater's year-end change freeze runs to 8 January 2027"},
            "project-kickoff": {"due": "2027-01-12"}, "roi-review": {"due": "2027-06-01"}},
           go_live="2027-03-01", value_date="2027-06-01")),
    ("2026-11-14T09:15:00+00:00", SELLER, "Give legal and approval the time the freeze leaves", "",
     later({"technical-validation": {"status": "done", "done_on": "2026-11-06"},
            "security-review": {"due": "2026-12-09"},
            "go-live": {"due": "2027-03-01", "due_reason": "Brightwater's year-end change freeze runs to 8 January 2027"},
            "project-kickoff": {"due": "2027-01-12"}, "roi-review": {"due": "2027-06-01"},
            "legal-review": {"due": "2026-12-11"}, "project-approval": {"due": "2026-12-17"}},
           go_live="2027-03-01", value_date="2027-06-01")),
]
MERGE = ("2026-11-16T11:00:00+00:00", SELLER, "Merge pull request #7: replan around the change freeze")

FINAL_REVISIONS = [
    ("2026-11-18T18:20:00-05:00", BUYER, "Executive alignment done with Rafael and the CFO", "",
     state(path=PATH_1)),
    ("2026-11-20T12:00:00+00:00", SELLER, "Move the plan into a folder per account", "", state(path=PATH_2)),
]


def render(final, st):
    """The plan text for a state: the final text with the listed values put back."""
    lines = final.split("\n")
    out, current, in_milestones = [], None, False
    skipping = False
    for line in lines:
        if line.startswith("milestones:"):
            in_milestones = True
        elif in_milestones and line and not line.startswith(" "):
            in_milestones = False
            current = None
        m = re.match(r"^  - id: (\S+)$", line) if in_milestones else None
        if m:
            current = m.group(1)
            skipping = current in st.get("absent", [])
            if current == "executive-alignment" and st.get("reference_calls"):
                out.append(REFERENCE_CALLS.rstrip("\n"))
                out.append("")
        if skipping:
            continue
        top = re.match(r"^(go_live|value_date): ", line)
        if top and top.group(1) in st:
            line = f"{top.group(1)}: {st[top.group(1)]}"
        values = st.get(current, {}) if in_milestones and current else {}
        field = re.match(r"^    (due|status|done_on|due_reason): ", line)
        if field and field.group(1) in values:
            value = values[field.group(1)]
            if value is None:
                continue
            line = f"    {field.group(1)}: {value}"
        out.append(line)
        if field and field.group(1) == "due" and "due_reason" in values and values["due_reason"] \
                and not any(l.startswith("    due_reason:") for l in block(lines, current)):
            out.append(f"    due_reason: {values['due_reason']}")
        if field and field.group(1) == "status" and "done_on" in values and values["done_on"] \
                and not any(l.startswith("    done_on:") for l in block(lines, current)):
            out.append(f"    done_on: {values['done_on']}")
    return "\n".join(out)


def block(lines, milestone):
    start = next((i for i, l in enumerate(lines) if l == f"  - id: {milestone}"), None)
    if start is None:
        return []
    end = start + 1
    while end < len(lines) and not lines[end].startswith("  - id:") and (lines[end].startswith(" ") or not lines[end]):
        end += 1
    return lines[start:end]


def git(repo, *args, author=None, date=None):
    env = dict(os.environ)
    env.update({"GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"})
    if author:
        env.update({"GIT_AUTHOR_NAME": author[0], "GIT_AUTHOR_EMAIL": author[1],
                    "GIT_COMMITTER_NAME": author[0], "GIT_COMMITTER_EMAIL": author[1]})
    if date:
        env.update({"GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date})
    subprocess.run(["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
                   cwd=repo, env=env, check=True, stdout=subprocess.DEVNULL)


def write(repo, path, text):
    full = os.path.join(repo, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def commit(repo, revision, final, previous_path):
    date, author, subject, body, st = revision
    path = st.get("path", PATH_1)
    if previous_path and previous_path != path:
        os.makedirs(os.path.dirname(os.path.join(repo, path)), exist_ok=True)
        git(repo, "mv", previous_path, path)
    write(repo, path, render(final, st))
    git(repo, "add", "-A")
    message = subject + ("\n\n" + body if body else "")
    git(repo, "commit", "-q", "-m", message, author=author, date=date)
    return path


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: build.py TARGET_DIR")
    repo = sys.argv[1]
    if os.path.exists(repo):
        sys.exit(f"build.py: {repo} already exists; give a new directory")
    with open(FINAL, encoding="utf-8") as f:
        final = f.read()
    os.makedirs(repo)
    git(repo, "init", "-q")
    write(repo, "mapc.yml", "plans: [\"plans/**/*.map.md\"]\ntoday: 2026-11-23\n")
    path = None
    for revision in REVISIONS:
        if path is None:
            git(repo, "add", "mapc.yml")
        path = commit(repo, revision, final, path)
    git(repo, "checkout", "-q", "-b", "replan-go-live")
    for revision in REPLAN_BRANCH:
        path = commit(repo, revision, final, path)
    git(repo, "checkout", "-q", "main")
    date, author, subject = MERGE
    git(repo, "merge", "-q", "--no-ff", "-m", subject, "replan-go-live", author=author, date=date)
    path = PATH_1
    for revision in FINAL_REVISIONS:
        path = commit(repo, revision, final, path)
    total = len(REVISIONS) + len(REPLAN_BRANCH) + 1 + len(FINAL_REVISIONS)
    first_parent = len(REVISIONS) + 1 + len(FINAL_REVISIONS)
    print(f"built {repo}: {total} commits, {first_parent} on main's first-parent history")


if __name__ == "__main__":
    main()
