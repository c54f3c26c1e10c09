#!/usr/bin/env bash
# Benchmark `mapc schedule` against `mapc lint` on the lint benchmark corpus (gen_corpus.py),
# in the same run: issue 16 asks that scheduling every plan takes no longer than linting them.
#
# It reports; it does not gate: the exit code is 0 whatever the numbers (2 only for bad usage).
#
# Usage: Benchmarks/schedule-bench.sh [--corpus DIR] [--mapc PATH] [--count N] [--runs N]
#                                     [--scratch-path DIR]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"

CORPUS="${TMPDIR:-/tmp}/mapc-bench-corpus"
MAPC=""
COUNT=10000
RUNS=3
# A scratch path of our own, as lint-bench.sh uses: a release build in .build would churn the
# directory that debug builds and tests use.
SCRATCH="$REPO/.build-bench"
export PYTHONDONTWRITEBYTECODE=1

usage() { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --mapc) MAPC="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --scratch-path) SCRATCH="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "schedule-bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mapc-schedule-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
say() { echo "schedule-bench: $*" >&2; }

if [[ ! -x /usr/bin/time ]]; then
  say "GNU time (/usr/bin/time) is needed: apt-get install time"
  exit 2
fi

python3 "$BENCH_DIR/gen_corpus.py" --out "$CORPUS" --count "$COUNT"

if [[ -z "$MAPC" ]]; then
  say "building mapc (release) in $SCRATCH"
  (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product mapc) >"$WORK/build.log" 2>&1 ||
    { tail -n 20 "$WORK/build.log" >&2; exit 2; }
  MAPC="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/mapc"
fi
MAPC="$(cd "$(dirname "$MAPC")" && pwd)/$(basename "$MAPC")"

# timed OUT CMD...: append "wall user sys rss_kb exit_code" to OUT. Output goes to files, as a
# user's redirection would, so that writing it is part of the measurement.
timed() {
  local out="$1" stats="$WORK/time.txt" code=0
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" >"$WORK/out.txt" 2>"$WORK/err.txt" || code=$?
  echo "$(tail -n 1 "$stats") $code" >>"$out"
}
best() { sort -n -k1,1 "$1" | head -n 1; }

LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
cd "$CORPUS"
# One untimed run of each warms the page cache.
"$MAPC" lint --format json >/dev/null 2>&1 || true
"$MAPC" schedule --format json >/dev/null 2>&1 || true
# Alternate the two, so that a change in the machine's load hits both alike.
for _ in $(seq "$RUNS"); do
  timed "$WORK/lint.txt" "$MAPC" lint --format json
  timed "$WORK/schedule.txt" "$MAPC" schedule --format json
done
read -r LW LU LS LR LC < <(best "$WORK/lint.txt")
read -r SW SU SS SR SC < <(best "$WORK/schedule.txt")
PLANS="$(find . -name '*.map.md' | wc -l)"
echo "schedule-bench: $PLANS plan files in $CORPUS, best of $RUNS runs, load before: $LOAD"
printf '  %-16s wall %6.2f s  user %6.2f s  sys %5.2f s  peak RSS %6d kB  exit %s\n' \
  "mapc lint" "$LW" "$LU" "$LS" "$LR" "$LC" "mapc schedule" "$SW" "$SU" "$SS" "$SR" "$SC"
awk "BEGIN { printf \"  schedule / lint wall time: %.2fx\n\", $SW / $LW }"
echo "  (schedule exits 2 when a plan does not parse or has a dependency cycle: the corpus plants broken files)"
