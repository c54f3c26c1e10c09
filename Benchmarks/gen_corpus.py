#!/usr/bin/env python3
"""Generate a deterministic corpus of Mutual Action Plans for benchmarking `mapc lint`.

Every plan is realistic and valid against Schemas/map.schema.json (and consistent beyond it:
owners and `by` name stakeholders of the plan, `depends_on` names earlier milestones, stages are
the plan's own), except a fixed ~1% that carry one deliberate schema error: an unknown key or a
value outside an enum. Those files are listed in `manifest.json`, so that the benchmark can check
that mapc and the Python peer fail on exactly the same files.

The corpus is a pure function of the parameters and of this file's text: the same parameters give
byte-identical files. A stamp file records them; a corpus whose stamp matches is reused as is.

Usage: gen_corpus.py --out DIR [--count N] [--seed S] [--broken-per-mille P] [--target-bytes B]
"""

import argparse
import datetime
import hashlib
import json
import os
import random
import re
import shutil
import sys

STAMP = ".mapc-bench-stamp"
MANIFEST = "manifest.json"
TODAY = "2026-11-23"  # the corpus's fixed "today", also written to mapc.yml

FIRST = """Aisha Akira Alejandro Amara Ana Anders Arjun Beatriz Ben Bianca Carlos Chen Chloe Claire
Dana Daniel Dev Diego Elena Emeka Emma Erik Fatima Felix Fiona Gareth Grace Hannah Hiro Ines Ivan
Jana Javier Jo Jonas Julia Kai Kamal Kenji Kwame Lars Laura Lauren Lea Leo Lina Lucas Maya Marcus
Maria Mateo Mia Mina Nadia Noah Nora Olga Omar Paolo Priya Rafael Rosa Sam Sara Sofia Sunita Tariq
Tom Tomasz Uma Victor Wei Yara Yusuf Zoe""".split()
LAST = """Abara Adeyemi Andersen Asante Beck Bianchi Brennan Castellanos Chen Costa Donnelly Dubois
Feld Fischer Garcia Grant Haddad Hansen Ibrahim Ito Jensen Kaur Kim Kowalski Lee Lindqvist Lopez
Martin Meyer Moreau Nakamura Novak Nowak Okafor Okoro Oliveira Patel Petrov Raman Rossi Ruiz
Santos Schmidt Silva Sokolova Sørensen Tanaka Varga Wagner Walsh Whitaker Yilmaz Zhang""".split()
BUYERS = """Acme Brightwater Copperline Harrow Larkspur Meridian Northgate Oakridge Pinecrest
Quayside Redfern Saltmarsh Stonebridge Tallis Umberfield Valemont Westhollow Yarrow Zenith
Alderney Bexley Calloway Dunmore Eastwick Fairhaven Glenrock Highmoor Ironvale Juniper
Kestrel""".split()
BUYER_KINDS = ["Insurance", "Logistics", "Health", "Foods", "Retail", "Bank", "Energy",
               "Manufacturing", "Outdoor", "Pharma", "Telecom", "Airlines", "University"]
SELLERS = ["Northwind Analytics", "Tidewell", "Routewise", "Ledgerly", "Quillstack", "Brightpath",
           "Corvid Security", "Helio HR", "Parcelry", "Signalbase", "Tessellate", "Orbitly"]
PROJECTS = [
    # (slug, noun, metric, before, after, unit)
    ("data-platform", "data platform rollout", "quarterly close", 9, 3, "working days"),
    ("support-desk", "one support desk", "first response time", 31, 4, "business hours"),
    ("route-planning", "route planning", "empty running", 18, 12, "percent of miles"),
    ("hr-onboarding", "employee onboarding", "time to productivity", 45, 20, "days"),
    ("security-ops", "security operations", "mean time to respond", 72, 8, "hours"),
    ("billing", "billing consolidation", "invoice disputes", 420, 150, "a month"),
    ("forecasting", "demand forecasting", "forecast error", 28, 12, "percent"),
    ("field-service", "field service scheduling", "first-time fix rate gap", 35, 15, "percent"),
    ("procurement", "procure-to-pay", "purchase order cycle", 14, 4, "days"),
    ("analytics", "self-service analytics", "report backlog", 160, 40, "requests"),
]
ROLES = {  # role -> (side, possible titles, decides)
    "champion": ("buyer", ["Director, Finance Systems", "Head of Customer Experience",
                           "Head of Operations", "Director of IT Applications"], ["scope"]),
    "economic-buyer": ("buyer", ["Chief Financial Officer", "Chief Operating Officer",
                                 "VP Operations", "Managing Director"], ["budget", "signature"]),
    "technical-buyer": ("buyer", ["Head of Data Engineering", "Enterprise Architect",
                                  "IT Director"], ["technical"]),
    "technical-evaluator": ("buyer", ["Support Operations Lead", "Senior Data Engineer",
                                      "Systems Analyst"], ["technical"]),
    "security-reviewer": ("buyer", ["Information Security Manager", "CISO"], ["security"]),
    "legal": ("buyer", ["Senior Corporate Counsel", "Legal Counsel"], ["legal"]),
    "procurement": ("buyer", ["Strategic Sourcing Manager", "Procurement Lead"], ["procurement"]),
    "end-user": ("buyer", ["Team Lead", "Planning Manager", "Finance Analyst"], []),
    "account-executive": ("seller", ["Enterprise Account Executive", "Account Executive"], []),
    "sales-engineer": ("seller", ["Senior Solutions Engineer", "Sales Engineer"], []),
    "customer-success-manager": ("seller", ["Customer Success Manager"], []),
    "implementation-lead": ("seller", ["Onboarding Specialist", "Implementation Lead"], []),
    "executive-sponsor": ("seller", ["Chief Technology Officer", "VP Customer Success"], []),
    "partner": ("partner", ["Partner Consultant", "Integration Partner Lead"], []),
}
OPTIONAL_ROLES = ["technical-evaluator", "legal", "procurement", "end-user",
                  "customer-success-manager", "implementation-lead", "executive-sponsor", "partner"]
STAGES = [
    ["discovery", "validation", "final-agreements", "implementation", "value"],
    ["discovery", "evaluation", "commercials", "onboarding", "launch", "value"],
    ["discovery", "validation", "final-agreements", "implementation", "value"],
]
MILESTONES = {  # stage slot -> (id, title) candidates, in plan order
    0: [("discovery-call", "Goals, volumes and pain points understood"),
        ("discovery-workshop", "Today's process and hand-offs mapped with the team"),
        ("success-criteria", "Success criteria and first-phase scope agreed")],
    1: [("tailored-demo", "Demo on the buyer's own workflow and data"),
        ("technical-validation", "Key systems connected end to end in a sandbox"),
        ("trial-review", "Trial results reviewed with the team leads"),
        ("executive-alignment", "Business case approved in principle by the sponsor")],
    2: [("security-review", "Security sign-off on the SOC 2 report and penetration test"),
        ("legal-review", "Master agreement and data processing agreement agreed"),
        ("vendor-onboarding", "Supplier onboarded in the procurement system"),
        ("project-approval", "Investment approved and order form signed")],
    3: [("kickoff", "Project kickoff with both teams and a shared plan"),
        ("integration", "Source systems integrated and reconciled daily"),
        ("training", "Super-users trained and confident on the new workflow"),
        ("go-live", "Every team works in the new platform")],
    4: [("adoption-check", "Adoption check: 90% of the work done in the new platform"),
        ("value-review", "First value review against the baseline")],
}
NOTES = [
    "Workshop held with {a} and {b}; {n} manual hand-offs mapped.",
    "First draft shared; {a} asked to add the audit findings to scope.",
    "Sandbox access approved after a week's wait.",
    "Questionnaire returned with {n} follow-up questions; answers due Friday.",
    "Redlines back on liability cap and audit rights; call booked.",
    "Demo on anonymised production data; the team asked to see the checks live.",
    "{n} of {m} systems connected; one export needs a new extract.",
    "Reference call with a customer of similar size went well.",
    "Training plan agreed; {n} super-users named by {a}.",
    "Budget confirmed for this fiscal year; waiting for the committee date.",
    "Kickoff held; weekly check-ins booked with {a} and {b}.",
    "Pilot ran for a week with {n} users and no priority-1 issue.",
]
CRITERIA = [
    "Figures reconciled to the cent against last quarter's close",
    "Every channel routed into one queue",
    "{n} users trained and active in the first week",
    "No open priority-1 or priority-2 issues",
    "Data residency confirmed in writing",
    "Order form signed before the year-end change freeze",
    "Baseline figures agreed by Finance",
]
BODY = [
    "## Why now\n\n{buyer} has to reach its new target before **{event}**. The current process "
    "relies on spreadsheets and manual hand-offs that nobody trusts at quarter end.\n",
    "## What we are doing together\n\n{seller} and {buyer} go live on **{go_live}**, after a "
    "short pilot with one team. The first value review compares the results with the baseline "
    "agreed in discovery.\n",
    "## How we measure success\n\nThe baseline is {before} {unit}; the target is {after}. Both "
    "teams review progress every week and update this plan in the same meeting.\n",
]
INTERNAL_BODY = ("## Account notes (internal)\n\nRenewal falls in the next fiscal year. A clean "
                 "value review is the reference we need for two similar prospects.\n")

# A plain YAML scalar is safe when it cannot start a structure, hold a comment or a mapping, or
# resolve to something other than a string (a number, a boolean, a null, a date).
UNSAFE_PLAIN = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|[:\s]$|^[0-9+.-][0-9:. +-]*$"
                          r"|^(?:true|false|yes|no|on|off|null|~|y|n)$", re.IGNORECASE)


def scalar(text, in_flow=False):
    unsafe = UNSAFE_PLAIN.search(text) or (in_flow and re.search(r"[,\[\]{}]", text))
    return json.dumps(text, ensure_ascii=False) if unsafe else text


def flow(items):
    return "[" + ", ".join(scalar(i, True) for i in items) + "]"


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def day(ordinal):
    return datetime.date.fromordinal(ordinal).isoformat()


def ordinal(iso):
    return datetime.date.fromisoformat(iso).toordinal()


def plan(rng, index, broken, goal):
    """One plan file's text; `broken` is None or the kind of deliberate error to plant."""
    person_pool = rng.sample(FIRST, 12)
    buyer_word = rng.choice(BUYERS)
    buyer = f"{buyer_word} {rng.choice(BUYER_KINDS)}"
    seller = rng.choice(SELLERS)
    proj_slug, noun, metric, before, after, unit = rng.choice(PROJECTS)
    plan_id = f"{slug(buyer)}-{proj_slug}-{index:05d}"
    buyer_domain, seller_domain = slug(buyer_word), slug(seller.split()[0])
    today = ordinal(TODAY)
    start = today - rng.randint(20, 120)
    go_live = start + rng.randint(90, 200)
    event_date = go_live + rng.randint(7, 60)
    value_date = go_live + rng.randint(60, 120)

    # Optional parts come and go from plan to plan, as in real repositories.
    out = ["---", "map: 1", f"id: {plan_id}",
           f"title: {scalar(f'{buyer} × {seller} — {noun}')}",
           f"buyer: {scalar(buyer)}", f"seller: {scalar(seller)}",
           "value: " + scalar(f"Bring the {metric} from {before} {unit} down to {after}, "
                              "from one source both teams trust.")]
    if rng.random() < 0.6:
        out += ["objectives:", "  - challenge: >-",
                f"      Today the {metric} is {before} {unit}; the work is reconciled by hand",
                f"      across {rng.randint(3, 15)} systems and spreadsheets.",
                f"    result: {scalar(f'A {metric} of {after} {unit}, from one trusted source.')}"]
    out += ["compelling_event:", f"  what: {scalar(f'Board deadline for the new {metric} target')}",
            f"  date: {day(event_date)}", f"go_live: {day(go_live)}",
            f"value_date: {day(value_date)}"]
    if rng.random() < 0.5:
        out += ["constraints:", "  - { kind: blackout, what: Year-end change freeze, "
                f"from: {day(go_live - 70)}, to: {day(go_live - 55)} }}"]

    # Stakeholders: the core roles on both sides, plus a few optional ones. The security reviewer
    # is often a role with no name yet ("roles first, names later").
    out += ["", "stakeholders:"]
    roles = ["champion", "economic-buyer", "technical-buyer", "security-reviewer",
             "account-executive", "sales-engineer"] + rng.sample(OPTIONAL_ROLES, rng.randint(0, 1))
    people = []
    for n, role in enumerate(roles):
        side, titles, decides = ROLES[role]
        first = person_pool[n]
        if role == "security-reviewer" and rng.random() < 0.5:
            sid = "buyer-security"
            out += [f"  - {{ id: {sid}, side: buyer, role: {role}, decides: [security] }}"]
        else:
            sid = slug(first)
            name = f"{first} {rng.choice(LAST)}"
            fields = [f"id: {sid}", f"name: {scalar(name, True)}",
                      f"side: {side}", f"role: {role}"]
            if rng.random() < 0.7:
                fields.insert(2, f"title: {scalar(rng.choice(titles), True)}")
            if decides:
                fields.append(f"decides: {flow(decides)}")
            if rng.random() < 0.2:
                domain = seller_domain if side == "seller" else buyer_domain
                fields.append(f"email: {slug(first)}.{slug(name.split()[1])}@{domain}.example")
            out += ["  - { " + ", ".join(fields) + " }"]
        people.append((sid, side))
    buyers = [p for p, s in people if s == "buyer"]
    named_buyers = [p for p in buyers if p != "buyer-security"]
    sellers = [p for p, s in people if s == "seller"]

    stages = rng.choice(STAGES)
    out += ["", f"stages: {flow(stages)}", "", "milestones:"]

    # 8 to 12 of the typical milestones, in stage order.
    catalogue = [(slot, mid, title)
                 for slot in sorted(MILESTONES) for mid, title in MILESTONES[slot]]
    # A good plan ends at value, not at signature: its last catalogue entry is always there.
    chosen = sorted(rng.sample(range(len(catalogue) - 1), rng.randint(7, 11)) + [len(catalogue) - 1])
    milestones = []
    for n, k in enumerate(chosen):
        slot, mid, title = catalogue[k]
        stage = stages[slot] if slot < 4 else stages[-1]
        if len(stages) == 6 and mid == "go-live":
            stage = "launch"
        # Spread from the start to the value date; the last milestone lands on the value date.
        due = start + (value_date - start) * (n + 1) // len(chosen)
        if n + 1 < len(chosen):
            due -= rng.randint(0, 3)
        milestones.append((mid, title, stage, due))
    for n, (mid, title, stage, due) in enumerate(milestones):
        # Good plans are kept current, so they lint clean under mapc's rules too (as they are
        # valid for the schema): what is past due is done, owners due soon have names.
        status = ("done" if due < today else
                  "in-progress" if due < today + 14 else "not-started")
        owner_pool = named_buyers if status != "done" and due <= today + 14 else buyers
        out += [f"  - id: {mid}", f"    title: {scalar(title)}", f"    stage: {stage}",
                f"    owners: {flow([rng.choice(owner_pool), rng.choice(sellers)])}",
                f"    due: {day(due)}", f"    status: {status}"]
        if status == "done":
            out += [f"    done_on: {day(min(due + rng.randint(-3, 5), today))}"]
        elif status == "in-progress":
            out += [f"    risk: {rng.choice(['on-track', 'on-track', 'at-risk', 'off-track'])}"]
        if n and rng.random() < 0.4:
            out += [f"    depends_on: [{milestones[n - 1][0]}]"]
        if status != "done" or rng.random() < 0.1:
            out += ["    success_criteria:",
                    f"      - {scalar(rng.choice(CRITERIA).format(n=rng.randint(5, 40)))}"]
        # The progress log: dated notes on what moved, mostly on started work.
        notes = {"done": rng.random() < 0.7, "in-progress": 1 + (rng.random() < 0.4),
                 "not-started": rng.random() < 0.05}[status]
        if notes:
            out += ["    progress:"]
            when = min(due, today) - rng.randint(8, 20)
            for _ in range(notes):
                when += rng.randint(1, 7)
                note = rng.choice(NOTES).format(a=rng.choice(person_pool[:6]),
                                                b=rng.choice(person_pool[6:]),
                                                n=rng.randint(2, 30), m=rng.randint(31, 60))
                out += [f"      - {{ on: {day(min(when, today))}, note: {scalar(note, True)}, "
                        f"by: {rng.choice(buyers + sellers)} }}"
                        if rng.random() < 0.3 else
                        f"      - on: {day(min(when, today))}\n        note: {scalar(note)}\n"
                        f"        by: {rng.choice(buyers + sellers)}"]
        if status == "in-progress" and rng.random() < 0.3:
            out += ["    internal: Escalate to the sponsor if nothing moves this week."]

    if rng.random() < 0.4:
        out += ["", "documents:", "  - title: Discovery notes",
                f"    url: https://docs.{seller_domain}.example/{buyer_domain}/discovery",
                "    kind: meeting-notes"]
    if rng.random() < 0.6:
        cadence = rng.choice(["weekly", "weekly", "biweekly", "monthly"])
        out += ["check_ins:", f"  cadence: {cadence}"]
    out += ["", "internal:", f"  amount: {rng.randrange(20000, 400000, 500)}",
            f"  currency: {rng.choice(['USD', 'EUR', 'GBP'])}"]
    if rng.random() < 0.5:
        out += ["  risks:", "    - The security review may stall before year end."]

    # The deliberate errors: each is one realistic typo or wrong word, which a schema catches.
    text = "\n".join(out)
    if broken == "unknown-key":  # a typo in a milestone key, as in Examples/broken/
        text = text.replace("\n    status: ", "\n    stauts: ", 1)
    elif broken == "unknown-top-key":  # a key the format does not know
        text = text.replace("\ninternal:", "\ndeal_size: large\n\ninternal:", 1)
    elif broken == "bad-enum-status":  # a plausible word that is not one of the statuses
        text = re.sub(r"\n    status: [a-z-]+", "\n    status: on-hold", text, count=1)
    elif broken == "bad-enum-side":
        text = text.replace("side: seller", "side: vendor", 1)

    # The Markdown body: one or two sections, then more while the file stays under its size goal.
    sections = [BODY[k].format(buyer=buyer, seller=seller, event=day(event_date),
                               go_live=day(go_live), before=before, after=after, unit=unit)
                for k in range(len(BODY))] + [INTERNAL_BODY]
    text += "\n---\n\n" + sections[0]
    if rng.random() < 0.3:
        text += "\n" + sections.pop(1)
    for section in rng.sample(sections[1:], len(sections) - 1):
        if len(text.encode()) + len(section) + 1 <= goal:
            text += "\n" + section
    room = goal - len(text.encode()) - len("\n## Notes\n\n\n")
    if room > 60:
        filler = NOTES_PARAGRAPH * (room // len(NOTES_PARAGRAPH) + 1)
        text += "\n## Notes\n\n" + filler[:room].strip() + "\n"
    return text


NOTES_PARAGRAPH = ("Both teams keep this plan current in the weekly check-in: dates move only in a "
                   "reviewed change that says why, so the history stays the audit log. ")


KINDS = ["unknown-key", "unknown-top-key", "bad-enum-status", "bad-enum-side"]


def generate(out, count, seed, per_mille, target):
    rng = random.Random(seed)
    n_broken = round(count * per_mille / 1000)
    broken = dict(zip(sorted(rng.sample(range(count), n_broken)), [KINDS[i % len(KINDS)]
                                                                  for i in range(n_broken)]))
    files, total = [], 0
    for i in range(count):
        # 100 teams of plans, so that the `**` glob walks a realistic tree.
        rel = f"plans/team-{i % 100:02d}/plan-{i:05d}.map.md"
        kind = broken.get(i)
        # Each file's size goal varies around the target and makes up for the files before it
        # (a frontmatter can come out longer than its goal), so the mean size is the target.
        goal = max(1500, int(rng.gauss(target, target * 0.08)) + target * i - total)
        text = plan(rng, i, kind, goal)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = text.encode()
        with open(path, "wb") as f:
            f.write(data)
        total += len(data)
        files.append(rel)
    with open(os.path.join(out, "mapc.yml"), "w") as f:
        f.write('# Written by Benchmarks/gen_corpus.py.\nplans: ["**/*.map.md"]\n'
                f"today: {TODAY}\n")
    with open(os.path.join(out, MANIFEST), "w") as f:
        json.dump({"files": len(files), "bytes": total,
                   "broken": {files[i]: k for i, k in sorted(broken.items())}}, f, indent=1)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--broken-per-mille", type=int, default=10)
    ap.add_argument("--target-bytes", type=int, default=4400)
    args = ap.parse_args()

    with open(__file__, "rb") as f:
        generator = hashlib.sha256(f.read()).hexdigest()[:16]
    stamp = json.dumps({"count": args.count, "seed": args.seed, "broken_per_mille":
                        args.broken_per_mille, "target_bytes": args.target_bytes,
                        "generator": generator}, sort_keys=True)
    stamp_path = os.path.join(args.out, STAMP)
    if os.path.exists(stamp_path) and open(stamp_path).read() == stamp:
        print(f"corpus: reusing {args.out}", file=sys.stderr)
        return
    # Never delete a folder this script did not write: only an empty one or an older corpus.
    if os.path.isdir(args.out) and os.listdir(args.out):
        if not os.path.exists(stamp_path):
            sys.exit(f"error: {args.out} is not empty and holds no benchmark corpus; "
                     "choose another --corpus")
        shutil.rmtree(args.out)
    print(f"corpus: generating {args.count} plans in {args.out}", file=sys.stderr)
    tmp = args.out.rstrip("/") + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    generate(tmp, args.count, args.seed, args.broken_per_mille, args.target_bytes)
    with open(os.path.join(tmp, STAMP), "w") as f:
        f.write(stamp)
    # Written aside and moved in whole, so an interrupted run never leaves a stamped half corpus.
    if os.path.isdir(args.out):
        os.rmdir(args.out)
    os.rename(tmp, args.out)


if __name__ == "__main__":
    main()
