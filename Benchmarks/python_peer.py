#!/usr/bin/env python3
"""The Python peer that `mapc lint` is compared with: PyYAML's C loader + jsonschema.

For every `*.map.md` file below a corpus, it splits off the YAML frontmatter, parses it with
PyYAML's libyaml-backed `CSafeLoader`, and validates it with `jsonschema.Draft202012Validator`
(`iter_errors`, so every error is collected, as a linter does). One process, one core: that is the
peer as the product brief names it ("a Python pipeline").

Two resolver changes keep it comparable with mapc, which reads YAML 1.2 (core schema):
- the timestamp resolver is removed, so `2027-03-01` stays a string (the schema wants strings);
- booleans are only `true`/`false`, so the progress key `on:` stays a string (YAML 1.1 would
  read it as True, and every plan would fail).
Resolution runs in Python for `CSafeLoader` either way, so this costs nothing extra.

Modes:
  lint DIR            parse + validate every plan; prints a JSON summary on stdout (time it
                      from outside: it includes start-up, as mapc's time does)
  validate-only DIR   parse every plan first, then time validation alone; prints JSON with seconds
"""

import glob
import json
import os
import re
import sys
import time

import yaml
from jsonschema import Draft202012Validator

if not hasattr(yaml, "CSafeLoader"):
    sys.exit("error: this PyYAML has no libyaml (CSafeLoader); install PyYAML with libyaml")

SCHEMA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                      "Schemas", "map.schema.json")
TIMESTAMP = "tag:yaml.org,2002:timestamp"
BOOL = "tag:yaml.org,2002:bool"


class PeerLoader(yaml.CSafeLoader):
    """CSafeLoader with dates kept as strings and YAML 1.2 booleans."""


PeerLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag not in (TIMESTAMP, BOOL)]
    for first, resolvers in yaml.CSafeLoader.yaml_implicit_resolvers.items()
}
PeerLoader.add_implicit_resolver(
    BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))

# The closing fence: a line that is exactly `---` or `...` (trailing blanks allowed).
FENCE = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def frontmatter(text):
    """The frontmatter's YAML text, or None when the file has no closed frontmatter."""
    if not (text.startswith("---\n") or text.startswith("---\r\n")):
        return None
    start = text.index("\n") + 1
    end = FENCE.search(text, start)
    return text[start:end.start()] if end else None


def plans(root):
    return sorted(glob.glob(os.path.join(root, "**", "*.map.md"), recursive=True))


def load(path):
    """(document, problem): the parsed frontmatter, or a reason it could not be read."""
    with open(path, encoding="utf-8") as f:
        yaml_text = frontmatter(f.read())
    if yaml_text is None:
        return None, "no frontmatter"
    try:
        return yaml.load(yaml_text, Loader=PeerLoader), None
    except yaml.YAMLError as error:
        return None, f"yaml: {error}"


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("lint", "validate-only"):
        sys.exit(__doc__)
    mode, root = sys.argv[1], sys.argv[2]
    with open(SCHEMA) as f:
        validator = Draft202012Validator(json.load(f))
    files = plans(root)

    if mode == "lint":
        failing, errors = [], 0
        for path in files:
            document, problem = load(path)
            found = 1 if problem else sum(1 for _ in validator.iter_errors(document))
            if found:
                failing.append(os.path.relpath(path, root))
                errors += found
        json.dump({"files": len(files), "errors": errors, "failing": failing}, sys.stdout)
        return

    # validate-only: everything parsed up front, so the clock sees only jsonschema.
    documents = [load(path)[0] for path in files]
    documents = [d for d in documents if d is not None]
    began, began_cpu = time.perf_counter(), time.process_time()
    errors = sum(1 for d in documents for _ in validator.iter_errors(d))
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    json.dump({"documents": len(documents), "errors": errors, "seconds": seconds,
               "cpu_seconds": cpu}, sys.stdout)


if __name__ == "__main__":
    main()
