#!/usr/bin/env bash
# The report benchmark: `mapc report --format json` against `mapc slip --format json` on the slip
# benchmark's repository (20,000 commits over 1,000 plans, Benchmarks/gen_history.py), in the same
# run, runs interleaved. Prints both times, the ratio (target <= 1.2x) and peak RSS (target <=
# 300 MB, from /usr/bin/time -v). It reports; it does not gate (exit 0).
#
#   Benchmarks/report-bench.sh [--repo DIR] [--mapc PATH] [--runs N]
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
    *) echo "usage: report-bench.sh [--repo DIR] [--mapc PATH] [--runs N]" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/time ]] || { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; }
if [[ -z "$MAPC" ]]; then
  (cd "$REPO_ROOT" && swift build -c release --product mapc >/dev/null)
  MAPC="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/mapc"
fi
MAPC="$(cd "$(dirname "$MAPC")" && pwd)/$(basename "$MAPC")"

# The same repository as slip-bench.sh (generated once, reused while the stamp matches).
STAMP="commits=20000 plans=1000 seed=7 $(sha1sum "$BENCH_DIR/gen_history.py" | cut -c1-12)"
if [[ ! -f "$REPO/.bench-stamp" || "$(cat "$REPO/.bench-stamp")" != "$STAMP" ]]; then
  rm -rf "$REPO"
  python3 "$BENCH_DIR/gen_history.py" "$REPO" >/dev/null
  echo "$STAMP" >"$REPO/.bench-stamp"
fi

TIMING="$(mktemp)"
trap 'rm -f "$TIMING"' EXIT
TODAY=2026-12-01

# One run: prints "WALL_SECONDS CPU_SECONDS MAX_RSS_KB" from GNU time's verbose report (CPU =
# user + system: on a busy machine it says more about the work done than the wall clock).
measure() {
  /usr/bin/time -v -o "$TIMING" "$@" >/dev/null 2>&1 || true
  local wall cpu rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$TIMING")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$TIMING")
  rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TIMING")
  echo "$wall $cpu $rss"
}

cd "$REPO"
S_BEST="" R_BEST="" S_CPU="" R_CPU="" S_RSS=0 R_RSS=0
lower() { [[ -z "$2" ]] || awk "BEGIN { exit !($1 < $2) }"; }
for ((i = 0; i < RUNS; i++)); do
  # Interleaved, so that a busy machine slows both alike.
  read -r w c m < <(measure "$MAPC" slip --format json --today "$TODAY")
  lower "$w" "$S_BEST" && S_BEST=$w
  lower "$c" "$S_CPU" && S_CPU=$c
  ((m > S_RSS)) && S_RSS=$m
  read -r w c m < <(measure "$MAPC" report --format json --today "$TODAY")
  lower "$w" "$R_BEST" && R_BEST=$w
  lower "$c" "$R_CPU" && R_CPU=$c
  ((m > R_RSS)) && R_RSS=$m
done
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

echo "== mapc report benchmark ($(nproc) cores; best of $RUNS, interleaved; $REPO) =="
echo "history:      $(git rev-list --count HEAD) commits, $(git ls-files plans | wc -l) plans"
echo "report json:  $R_BEST s wall, $R_CPU s CPU"
echo "slip json:    $S_BEST s wall, $S_CPU s CPU"
echo "ratio:        $(ratio "$R_BEST" "$S_BEST")x slip wall, $(ratio "$R_CPU" "$S_CPU")x CPU (target <= 1.2x)"
echo "load:         $(cut -d' ' -f1-3 /proc/loadavg) (1, 5, 15 min; the wall ratio is noise when it is above $(nproc))"
echo "peak RSS:     report $((R_RSS / 1024)) MB, slip $((S_RSS / 1024)) MB (target <= 300 MB)"
