#!/usr/bin/env bash
# Times two mapc binaries on the same work in one run, to show that a change costs nothing:
# `lint --format json` over the lint benchmark's corpus, and `render --all` over its first
# 1,000 plans. Prints each time (best of N) and the ratio new/old.
#
# It reports; it does not gate. Build the old binary from a worktree of the old revision
# (`git worktree add /tmp/old REV && swift build -c release --scratch-path /tmp/old/.build-bench`).
#
# Usage: Benchmarks/compare-builds.sh OLD_MAPC NEW_MAPC [--corpus DIR] [--runs N]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
[[ $# -ge 2 ]] || { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
OLD="$1"; NEW="$2"; shift 2
CORPUS="${TMPDIR:-/tmp}/mapc-bench-corpus"
RUNS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "compare-builds: unknown argument: $1" >&2; exit 2 ;;
  esac
done
for b in "$OLD" "$NEW"; do [[ -x "$b" ]] || { echo "compare-builds: not an executable: $b" >&2; exit 2; }; done
export PYTHONDONTWRITEBYTECODE=1
[[ -d "$CORPUS/plans" ]] || python3 "$BENCH_DIR/gen_corpus.py" --out "$CORPUS" --count 10000 >&2

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mapc-compare.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/render/plans"
find "$CORPUS/plans" -name '*.map.md' | sort | sed -n '1,1000p' | while read -r f; do cp "$f" "$WORK/render/plans/"; done

# best_of CMD...: the smallest wall time of $RUNS runs, in seconds.
best_of() {
  local best="" t
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e' -o "$WORK/time" "$@" >/dev/null 2>&1 || true
    t=$(tail -1 "$WORK/time")
    if [[ -z "$best" ]] || awk -v a="$t" -v b="$best" 'BEGIN{exit !(a<b)}'; then best="$t"; fi
  done
  echo "$best"
}

lint() { (cd "$CORPUS" && "$1" lint --format json --today 2026-11-23 >/dev/null 2>&1 || true); }
render() { (cd "$WORK/render" && rm -rf out && "$1" render --all -o out --as-of 2026-11-23 >/dev/null 2>&1 || true); }
export -f lint render
export CORPUS WORK

printf '%-32s %10s %10s %8s\n' "work" "old (s)" "new (s)" "new/old"
for job in lint render; do
  o=$(best_of bash -c "$job '$OLD'")
  n=$(best_of bash -c "$job '$NEW'")
  printf '%-32s %10s %10s %8s\n' "$job" "$o" "$n" "$(awk -v a="$n" -v b="$o" 'BEGIN{printf "%.2f", a/b}')"
done
