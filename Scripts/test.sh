#!/usr/bin/env bash
# Builds mapc and runs every test: unit tests, the JSON Schema suite, golden files and
# end-to-end runs of the built binary, then the browser stage on the rendered snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/bootstrap.sh
# The CI recipe and pre-commit hook tests' tools: shellcheck (Debian), check-jsonschema, PyYAML
# and pre-commit (PyPI). Without pre-commit its test is skipped, saying so.
bash Scripts/bootstrap.sh shellcheck
python3 - <<'PY' || python3 -m pip install --quiet check-jsonschema pyyaml
import importlib, shutil, sys
importlib.import_module("yaml")
sys.exit(0 if shutil.which("check-jsonschema") else 1)
PY
command -v pre-commit >/dev/null 2>&1 || python3 -m pip install --quiet pre-commit ||
  echo "test: pre-commit could not be installed; the pre-commit hook test will be skipped" >&2
# junitparser reads `mapc lint --format junit` in a test (AdoptionOutputTests), as CI services do.
python3 -c 'import junitparser' 2>/dev/null || python3 -m pip install --quiet junitparser
# icalendar reads `mapc calendar`'s feeds in a test (ExportCommandTests), as calendar apps do.
python3 -c 'import icalendar' 2>/dev/null || python3 -m pip install --quiet icalendar
swift build --build-tests --explicit-target-dependency-import-check error
# The man page, from the same definitions as --help (a test checks it covers every subcommand).
bash Scripts/generate-man.sh
swift test --skip-build 2>&1 | tee .build/test-output.txt
# The fuzz smoke: each libFuzzer target (Fuzz/) for 45 s; a crash is kept under Tests/FuzzRegressions/.
bash Scripts/fuzz-smoke.sh
# The browser stage: the rendered snapshots in Chromium (Nu validator, axe-core, screenshots, print).
MAPC="$(swift build --show-bin-path)/mapc" bash Scripts/browser-checks.sh
