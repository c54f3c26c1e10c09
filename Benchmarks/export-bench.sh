#!/usr/bin/env bash
# The export benchmark: `mapc export` (each object) and `mapc calendar` on the slip benchmark's
# repository (gen_history.py: 20,000 commits over 1,000 plans), against `mapc slip --format json`
# on the same repository, in the same run. Prints each time, its ratio to slip (target <= 1.2x)
# and peak RSS. It reports; it does not gate (exit 0).
#
#   Benchmarks/export-bench.sh [--repo DIR] [--mapc PATH] [--runs N]
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "$0")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
REPO="${TMPDIR:-/tmp}/mapc-bench-history"
MAPC=""
RUNS=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) REPO="$2"; shift 2 ;;
    --mapc) MAPC="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "usage: export-bench.sh [--repo DIR] [--mapc PATH] [--runs N]" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/time ]] || { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; }
if [[ -z "$MAPC" ]]; then
  (cd "$REPO_ROOT" && swift build -c release --product mapc >/dev/null)
  MAPC="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/mapc"
fi
MAPC="$(cd "$(dirname "$MAPC")" && pwd)/$(basename "$MAPC")"

# The same repository as slip-bench.sh, generated once with the same stamp and reused.
STAMP="commits=20000 plans=1000 seed=7 $(sha1sum "$BENCH_DIR/gen_history.py" | cut -c1-12)"
if [[ ! -f "$REPO/.bench-stamp" || "$(cat "$REPO/.bench-stamp")" != "$STAMP" ]]; then
  rm -rf "$REPO"
  python3 "$BENCH_DIR/gen_history.py" "$REPO" >/dev/null
  echo "$STAMP" >"$REPO/.bench-stamp"
fi

TIMING="$(mktemp)"
OUT="$(mktemp -d)"
trap 'rm -rf "$TIMING" "$OUT"' EXIT

# best WALL RSS over $RUNS runs of a command (its output to a file in $OUT, not /dev/null, so
# the writing is measured too).
best() {
  local best_wall="" best_rss=0 out wall rss
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -o "$TIMING" -f "%e %M" "$@" >"$OUT/stdout" 2>/dev/null || true
    out=$(tail -n 1 "$TIMING")
    wall=${out% *}
    rss=${out#* }
    if [[ -z "$best_wall" ]] || awk "BEGIN { exit !($wall < $best_wall) }"; then best_wall=$wall; fi
    ((rss > best_rss)) && best_rss=$rss
  done
  echo "$best_wall $best_rss"
}
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

cd "$REPO"
# One untimed run warms the file cache for all.
"$MAPC" slip --format json >/dev/null 2>&1 || true
read -r SLIP SLIP_RSS < <(best "$MAPC" slip --format json)
echo "== mapc export / calendar benchmark ($(nproc) cores; best of $RUNS; $REPO) =="
echo "history:                $(git rev-list --count HEAD) commits, $(git ls-files plans | wc -l) plans"
echo "mapc slip --format json $SLIP s, peak $((SLIP_RSS / 1024)) MB (the reference)"
for args in "export --object plans" "export --object milestones" "export --object moves" \
  "export --object milestones --profile salesforce" "calendar --audience buyer" "calendar --audience internal --include done"; do
  # shellcheck disable=SC2086
  read -r T RSS < <(best "$MAPC" $args)
  printf '%-48s %6s s, peak %4d MB: %sx slip (target <= 1.2x)\n' "mapc $args" "$T" "$((RSS / 1024))" "$(ratio "$T" "$SLIP")"
done
