#!/usr/bin/env bash
# Runs every fuzz target for a short smoke (FUZZ_SMOKE_SECONDS, 45 s by default), one after the
# other; fails on the first crash (kept, minimised, under Tests/FuzzRegressions/). Called by
# Scripts/test.sh after the unit tests. The full log of each run is in Fuzz/.build/fuzz/TARGET.log.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${FUZZ_SMOKE_SECONDS:-45}"
mkdir -p Fuzz/.build/fuzz
for target in lint render yaml schema; do
  echo "fuzz-smoke: $target for ${seconds}s" >&2
  log="Fuzz/.build/fuzz/$target.log"
  status=0
  bash Scripts/fuzz.sh "$target" "$seconds" >"$log" 2>&1 || status=$?
  grep -E 'DONE|^Done |stat::number_of_executed_units|stat::average_exec_per_sec|^fuzz:|ERROR|SUMMARY' "$log" >&2 || true
  if [ "$status" != 0 ]; then
    tail -40 "$log" >&2
    echo "fuzz-smoke: $target failed (exit $status); see $log" >&2
    exit 1
  fi
done
