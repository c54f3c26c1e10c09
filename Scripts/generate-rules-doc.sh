#!/usr/bin/env bash
# Regenerates docs/rules.md, the rules reference, from the checks' descriptions
# (`mapc rules --format markdown`). A test (RulesReferenceTests) fails when the two differ.
# SCRATCH_PATH selects the build directory (default .build).
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
swift build --scratch-path "$scratch" --product mapc >&2
bin="$(swift build --scratch-path "$scratch" --show-bin-path)"
mkdir -p docs
"$bin/mapc" rules --format markdown > docs/rules.md.tmp
mv docs/rules.md.tmp docs/rules.md
echo "wrote docs/rules.md" >&2
