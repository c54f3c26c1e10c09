#!/usr/bin/env bash
# The export benchmark: `mapc export` (each object) and `mapc calendar` on the slip benchmark's
# repository (gen_history.py: 20,000 commits over 1,000 plans), against `mapc slip --format json`
# on the same repository, in the same run: each command alternates with slip so that both see the
# same load (on a shared machine, wall time swings with the other processes; CPU time less so).
# Prints the best wall and CPU times, their ratios to slip (target <= 1.2x) and peak RSS. It
# reports; it does not gate (exit 0).
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

# One timed run: "WALL CPU RSS" (CPU = user + sys), the output to a file in $OUT (not /dev/null,
# so that writing it is measured too).
once() {
  /usr/bin/time -o "$TIMING" -f "%e %U %S %M" "$@" >"$OUT/stdout" 2>/dev/null || true
  tail -n 1 "$TIMING" | awk '{ printf "%s %.2f %s\n", $1, $2 + $3, $4 }'
}
ratio() { awk "BEGIN { printf \"%.2f\", $1 / $2 }"; }
min() { awk "BEGIN { print ($1 < $2) ? $1 : $2 }"; }

cd "$REPO"
# One untimed run warms the file cache for all.
"$MAPC" slip --format json >/dev/null 2>&1 || true
echo "== mapc export / calendar benchmark ($(nproc) cores; best of $RUNS; $REPO) =="
echo "history: $(git rev-list --count HEAD) commits, $(git ls-files plans | wc -l) plans"
echo "Each command runs alternately with \`mapc slip --format json\`, so both see the same load;"
echo "best wall time and best CPU time (user + sys) of $RUNS runs each, and their ratios (target <= 1.2x)."
printf '%-56s %9s %9s %7s %9s %9s %7s %8s\n' "command" "wall" "slip" "ratio" "cpu" "slip cpu" "ratio" "peak"
for args in "export --object plans" "export --object milestones" "export --object moves" \
  "export --object milestones --profile salesforce" "calendar --audience buyer" "calendar --audience internal --include done"; do
  bw="" bc="" sw="" sc="" rss=0
  for ((i = 0; i < RUNS; i++)); do
    read -r w c _ < <(once "$MAPC" slip --format json)
    sw=${sw:-$w}; sc=${sc:-$c}; sw=$(min "$sw" "$w"); sc=$(min "$sc" "$c")
    # shellcheck disable=SC2086
    read -r w c r < <(once "$MAPC" $args)
    bw=${bw:-$w}; bc=${bc:-$c}; bw=$(min "$bw" "$w"); bc=$(min "$bc" "$c")
    ((r > rss)) && rss=$r
  done
  printf '%-56s %8ss %8ss %6sx %8ss %8ss %6sx %5d MB\n' "mapc $args" "$bw" "$sw" "$(ratio "$bw" "$sw")" "$bc" "$sc" \
    "$(ratio "$bc" "$sc")" "$((rss / 1024))"
done
