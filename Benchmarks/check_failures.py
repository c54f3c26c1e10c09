#!/usr/bin/env python3
"""Check that a tool failed on exactly the files the corpus generator broke on purpose.

Usage: check_failures.py CORPUS mapc-json FILE   (FILE: `mapc lint --format json` output)
       check_failures.py CORPUS peer FILE        (FILE: `python_peer.py lint` output)

Prints one line: how many files failed and whether they are exactly the planted ones. Always
exits 0: the benchmark reports, it does not gate.
"""

import json
import os
import sys


def failing_files(corpus, kind, path):
    with open(path) as f:
        data = json.load(f)
    if kind == "peer":
        return set(data["failing"])
    # mapc's JSON format is an array of findings with `path` and `severity`; paths may be
    # relative to the corpus root or absolute.
    found = set()
    for finding in data:
        if finding.get("severity") == "error":
            p = finding["path"]
            found.add(os.path.normpath(os.path.relpath(p, corpus) if os.path.isabs(p) else p))
    return found


def main():
    corpus, kind, path = sys.argv[1:4]
    with open(os.path.join(corpus, "manifest.json")) as f:
        planted = set(json.load(f)["broken"])
    try:
        failed = failing_files(corpus, kind, path)
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        print(f"could not read the output ({type(error).__name__}: {error})")
        return
    if failed == planted:
        print(f"{len(failed)} files failed, exactly the {len(planted)} planted ones")
        return
    extra, missed = sorted(failed - planted), sorted(planted - failed)
    print(f"MISMATCH: {len(failed)} files failed; {len(extra)} unexpected "
          f"(e.g. {extra[:2]}), {len(missed)} planted ones passed (e.g. {missed[:2]})")


if __name__ == "__main__":
    main()
