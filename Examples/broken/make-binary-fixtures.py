#!/usr/bin/env python3
"""Writes the fixtures in this folder whose bytes are hard to keep intact by hand.

Byte order marks, CRLF line endings, invalid UTF-8, NUL bytes and TABs are easily lost by
editors, formatters and git settings (core.autocrlf), and a 150-level nesting is tedious to
type; this script writes them from a readable description. Run it from anywhere:

    python3 Examples/broken/make-binary-fixtures.py

It only writes the files listed in FIXTURES, byte for byte, and prints what it wrote.
The other files in this folder are ordinary text, edited by hand.
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))

# A small valid plan. `{what}` is the one-line comment saying what the file demonstrates,
# `{id}` the plan id, `{title}` the plan title, `{extra}` extra top-level frontmatter lines.
PLAN = """---
# {what}
map: 1
id: {id}
title: {title}
buyer: Acme Corp
seller: Northwind Analytics
value: Cut month-end close from 9 days to 3 by consolidating 14 data sources.
go_live: 2027-03-01
value_date: 2027-06-01
stakeholders:
  - id: dana
    name: Dana Ruiz
    title: VP Finance
    side: buyer
    role: champion
    decides: [budget]
  - id: sam
    name: Sam Okoro
    title: Account Executive
    side: seller
    role: account-executive
stages: [final-agreements, implementation, value]
milestones:
  - id: security-review
    title: Security sign-off on the SOC 2 package
    stage: final-agreements
    owners: [dana, sam]
    due: 2026-12-18
    status: in-progress
    risk: at-risk
  - id: go-live
    title: Month-end close runs on the new platform
    stage: implementation
    owners: [dana, sam]
    due: 2027-03-01
    status: not-started
    depends_on: [security-review]
  - id: value-review
    title: First month-end close in 3 days
    stage: value
    owners: [dana, sam]
    due: 2027-06-01
    status: not-started
    depends_on: [go-live]
compelling_event:
  what: FY27 budget lock
  date: 2027-01-15
lint:
  disable: [key-outcomes]  # a small demo plan: 3 milestones, not 8-12
{extra}---

## Why now

Acme's FY27 budget locks on 15 January 2027.
"""

TITLE = "Acme × Northwind — data platform rollout"


def plan(name, what, title=TITLE, extra=""):
    return PLAN.format(what=what, id="broken-" + name, title=title, extra=extra).encode("utf-8")


def fixtures():
    yield "empty.map.md", b""

    yield "bom.map.md", b"\xef\xbb\xbf" + plan(
        "bom",
        "Demonstrates: a UTF-8 byte order mark (EF BB BF) before the first `---`; otherwise a valid plan.")

    yield "crlf.map.md", plan(
        "crlf",
        "Demonstrates: CRLF line endings; a valid plan that must lint clean, exactly like its LF twin.",
    ).replace(b"\n", b"\r\n")

    # A stray 0xFF byte (never valid in UTF-8) in place of the "×" of the title, on line 5.
    yield "invalid-utf8.map.md", plan(
        "invalid-utf8",
        "Demonstrates: invalid UTF-8 — the title on line 5 holds a stray 0xFF byte.",
    ).replace("Acme ×".encode("utf-8"), b"Acme \xff", 1)

    # A valid frontmatter, then a body with NUL bytes, as when a binary file is pasted or renamed.
    yield "binary.map.md", plan(
        "binary",
        "Demonstrates: a binary file — the body below holds NUL bytes (a PNG header).",
    ) + b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa\n"

    # A TAB (not spaces) indents the `status` key of the first milestone; YAML forbids TABs
    # in indentation.
    yield "tab-indent.map.md", plan(
        "tab-indent",
        "Demonstrates: a TAB used for indentation (before `status` of the first milestone); YAML allows only spaces.",
    ).replace(b"    status: in-progress\n", b"\tstatus: in-progress\n", 1)

    # 150 nested flow sequences under a custom field: valid YAML and valid against the schema,
    # but deeper than the 100 levels a plan may nest.
    yield "deep-nesting.map.md", plan(
        "deep-nesting",
        "Demonstrates: nesting deeper than 100 levels — `x-deep` holds 150 nested lists.",
        extra="x-deep: " + "[" * 150 + "]" * 150 + "\n",
    )


def main():
    for name, data in fixtures():
        path = os.path.join(HERE, name)
        with open(path, "wb") as f:
            f.write(data)
        print(f"wrote {name} ({len(data)} bytes)")


if __name__ == "__main__":
    main()
