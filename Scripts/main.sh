#!/usr/bin/env bash
# The main job on the examples: build mapc, lint the example plans, and show the slipped
# dates of a scripted example history.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/bootstrap.sh
swift build -c release --product mapc
mapc=$(swift build -c release --show-bin-path)/mapc

echo "== mapc lint (Examples/)"
(cd Examples && "$mapc" lint)

echo
echo "== mapc lint (Examples/team-extension: a team's MEDDPICC extension schema)"
(cd Examples/team-extension && "$mapc" lint)

echo
echo "== mapc lint Examples/broken (these are meant to fail; exit code 1 expected)"
set +e
"$mapc" lint --today 2026-11-23 Examples/broken
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "main: expected exit code 1 from the broken examples, got $status" >&2
  exit 1
fi
echo
echo "== mapc slip on the scripted history of the enterprise plan (Examples/history/build.py)"
history="$(mktemp -d)/brightwater"
python3 Examples/history/build.py "$history"
(cd "$history" && "$mapc" slip)
rm -rf "$(dirname "$history")"

echo
echo "main: done"
