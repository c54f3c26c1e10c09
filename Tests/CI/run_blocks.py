#!/usr/bin/env python3
"""Prints the shell scripts of CI files as JSON, for shellcheck and the tests.

Usage: run_blocks.py FILE...

A GitHub workflow or action (a file with `jobs:` or `runs:`): every step with `run:`, with its
`shell` (default bash), its `env` and its name. A GitLab CI file: every job's `before_script`
and `script` joined in order (as the runner runs them, in one shell), and its `after_script`.
Output: a JSON list of {"file", "name", "shell", "env", "script"}.
"""
import json
import sys

import yaml

GITLAB_KEYWORDS = {"default", "include", "stages", "variables", "workflow", "image", "services", "cache",
                   "before_script", "after_script"}


def lines(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def github_steps(path, doc):
    steps = []
    if isinstance(doc.get("runs"), dict):
        steps += [("action", s) for s in doc["runs"].get("steps", [])]
    for job_id, job in (doc.get("jobs") or {}).items():
        steps += [(job_id, s) for s in job.get("steps", [])]
    out = []
    for where, step in steps:
        if "run" not in step:
            continue
        out.append({"file": path, "name": f"{where}: {step.get('name', step['run'].splitlines()[0])}",
                    "shell": step.get("shell", "bash"), "env": step.get("env") or {}, "script": step["run"]})
    return out


def gitlab_jobs(path, doc):
    out = []
    for job_id, job in doc.items():
        if job_id in GITLAB_KEYWORDS or job_id.startswith(".") or not isinstance(job, dict) or "script" not in job:
            continue
        main = lines(job.get("before_script", doc.get("before_script"))) + lines(job["script"])
        env = job.get("variables") or {}
        out.append({"file": path, "name": f"{job_id}: script", "shell": "sh", "env": env,
                    "script": "\n".join(main) + "\n"})
        after = lines(job.get("after_script"))
        if after:
            out.append({"file": path, "name": f"{job_id}: after_script", "shell": "sh", "env": env,
                        "script": "\n".join(after) + "\n"})
    return out


def main(paths):
    blocks = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        if "jobs" in doc or "runs" in doc:
            blocks += github_steps(path, doc)
        else:
            blocks += gitlab_jobs(path, doc)
    json.dump(blocks, sys.stdout, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main(sys.argv[1:])
