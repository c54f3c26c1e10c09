#!/usr/bin/env bash
# The slip benchmark: `mapc slip` on a generated history of 20,000 commits over 1,000 plans,
# against git's own log of the same changes, in the same run. Prints the ratios and peak RSS.
# It reports; it does not gate (exit 0).
#
#   Benchmarks/slip-bench.sh [--repo DIR] [--mapc PATH] [--runs N]
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
    *) echo "usage: slip-bench.sh [--repo DIR] [--mapc PATH] [--runs N]" >&2; exit 2 ;;
  esac
done

[[ -x /usr/bin/time ]] || { apt-get install -y -qq time >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }; }
if [[ -z "$MAPC" ]]; then
  (cd "$REPO_ROOT" && swift build -c release --product mapc >/dev/null)
  MAPC="$(cd "$REPO_ROOT" && swift build -c release --show-bin-path)/mapc"
fi

MAPC="$(cd "$(dirname "$MAPC")" && pwd)/$(basename "$MAPC")"

# The repository is generated once and reused; the stamp names the generator's parameters.
STAMP="commits=20000 plans=1000 seed=7 $(sha1sum "$BENCH_DIR/gen_history.py" | cut -c1-12)"
if [[ ! -f "$REPO/.bench-stamp" || "$(cat "$REPO/.bench-stamp")" != "$STAMP" ]]; then
  rm -rf "$REPO"
  python3 "$BENCH_DIR/gen_history.py" "$REPO" >/dev/null
  echo "$STAMP" >"$REPO/.bench-stamp"
fi
ONE="plans/plan-0042.map.md"

# best WALL RSS over $RUNS runs of a command (stdout discarded).
best() {
  local best_wall="" best_rss=0 out wall rss
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -o "$TIMING" -f "%e %M" "$@" >/dev/null 2>&1 || true
    out=$(tail -n 1 "$TIMING")
    wall=${out% *}
    rss=${out#* }
    if [[ -z "$best_wall" ]] || awk "BEGIN { exit !($wall < $best_wall) }"; then best_wall=$wall; fi
    ((rss > best_rss)) && best_rss=$rss
  done
  echo "$best_wall $best_rss"
}

TIMING="$(mktemp)"
trap 'rm -f "$TIMING"' EXIT
cd "$REPO"
read -r M_ALL M_ALL_RSS < <(best "$MAPC" slip --format json)
read -r G_ALL _ < <(best git log -p --no-renames -- plans/)
read -r M_ONE M_ONE_RSS < <(best "$MAPC" slip --format json "$ONE")
read -r G_ONE _ < <(best git log -p -- "$ONE")
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }

echo "== mapc slip benchmark ($(nproc) cores; best of $RUNS; $REPO) =="
echo "history:      $(git rev-list --count HEAD) commits, $(git ls-files plans | wc -l) plans"
echo "all plans:    mapc slip $M_ALL s vs git log -p --no-renames -- plans/ $G_ALL s: $(ratio "$M_ALL" "$G_ALL")x git (target <= 2.0x)"
echo "one plan:     mapc slip $M_ONE s vs git log -p -- $ONE $G_ONE s: $(ratio "$M_ONE" "$G_ONE")x git (target <= 1.0x)"
echo "peak RSS:     $((M_ALL_RSS / 1024)) MB all plans, $((M_ONE_RSS / 1024)) MB one plan (target <= 300 MB)"
