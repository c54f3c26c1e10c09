#!/usr/bin/env bash
# Builds mapc and runs every test: unit tests, the JSON Schema suite, golden files and
# end-to-end runs of the built binary, then the browser stage on the rendered snapshots.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/bootstrap.sh
# junitparser reads `mapc lint --format junit` in a test (AdoptionOutputTests), as CI services do.
python3 -c 'import junitparser' 2>/dev/null || python3 -m pip install --quiet junitparser
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build 2>&1 | tee .build/test-output.txt
# The browser stage: the rendered snapshots in Chromium (Nu validator, axe-core, screenshots, print).
MAPC="$(swift build --show-bin-path)/mapc" bash Scripts/browser-checks.sh
