#!/usr/bin/env bash
# Builds mapc and runs every test: unit tests, the JSON Schema suite, golden files and
# end-to-end runs of the built binary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/bootstrap.sh
swift build --build-tests
swift test --skip-build 2>&1 | tee .build/test-output.txt
