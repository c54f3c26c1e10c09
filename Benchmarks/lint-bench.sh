#!/usr/bin/env bash
# Benchmark `mapc lint` against its Python peer on 10,000 generated plans.
#
# It reports; it does not gate: the exit code is 0 whatever the numbers (2 only for bad usage).
# See Benchmarks/README.md for what is compared and why.
#
# Usage: Benchmarks/lint-bench.sh [--corpus DIR] [--mapc PATH] [--count N] [--runs N]
#                                 [--scratch-path DIR]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"

CORPUS="${TMPDIR:-/tmp}/mapc-bench-corpus"
MAPC=""
COUNT=10000
RUNS=3
# A scratch path of our own, not the default .build: a release build there would wait on (and
# churn) the build directory that day-to-day debug builds and tests use.
SCRATCH="$REPO/.build-bench"
# The Python peer is slow; past this many seconds per run, one run is enough.
PEER_ONE_RUN_AFTER=30
# Keep Benchmarks/ free of __pycache__ folders.
export PYTHONDONTWRITEBYTECODE=1

usage() { sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }

while [[ $# -gt 0 ]]; do
  case "$1" in
    --corpus) CORPUS="$2"; shift 2 ;;
    --mapc) MAPC="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --scratch-path) SCRATCH="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "lint-bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mapc-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

say() { echo "lint-bench: $*" >&2; }

# Run a command as root: directly, or through sudo when we are not root.
as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

# --- prerequisites -------------------------------------------------------------------------

# GNU time gives wall time, CPU time and peak RSS of a whole process in one go; the bash
# builtin `time` has no RSS.
ensure_gnu_time() {
  [[ -x /usr/bin/time ]] && return
  say "installing GNU time (Debian package 'time')"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get install -y -q time >/dev/null 2>&1 ||
    { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q time >/dev/null; }
}

# The peer needs PyYAML built with libyaml (CSafeLoader) and jsonschema. Check by import first;
# install only what is missing, with pip, or with apt where pip may not install system-wide.
ensure_python_deps() {
  python3 -c 'import yaml, jsonschema; yaml.CSafeLoader' 2>/dev/null && return
  say "installing PyYAML and jsonschema"
  python3 -m pip install -q pyyaml jsonschema 2>/dev/null ||
    { export DEBIAN_FRONTEND=noninteractive
      as_root apt-get update -q >/dev/null
      as_root apt-get install -y -q python3-yaml python3-jsonschema >/dev/null; }
  python3 -c 'import yaml, jsonschema; yaml.CSafeLoader'
}

# --- measuring -----------------------------------------------------------------------------

# timed OUT CMD...: run CMD under GNU time; append "wall user sys rss_kb exit_code" to OUT.
timed() {
  local out="$1" stats="$WORK/time.txt" code=0
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$stats" "$@" || code=$?
  # GNU time prints "Command exited with non-zero status N" before the numbers; keep the numbers.
  echo "$(tail -n 1 "$stats") $code" >>"$out"
}

# best OUT: the run with the smallest wall time, as "wall user sys rss_kb exit_code".
best() { sort -n -k1,1 "$1" | head -n 1; }
# max_rss OUT: the largest peak RSS over all runs, in kB (the conservative figure for a ceiling).
max_rss() { sort -n -k4,4 "$1" | tail -n 1 | cut -d' ' -f4; }
# calc EXPR: floating-point arithmetic for the summary.
calc() { awk "BEGIN { printf \"%s\", $1 }"; }

# --- 1. corpus -----------------------------------------------------------------------------

python3 "$BENCH_DIR/gen_corpus.py" --out "$CORPUS" --count "$COUNT"
read -r FILES BYTES BROKEN < <(python3 -c '
import json, sys
m = json.load(open(sys.argv[1]))
print(m["files"], m["bytes"], len(m["broken"]))' "$CORPUS/manifest.json")
# mapc exits 1 when a plan has an error; with planted errors that is the expected outcome.
EXPECTED_EXIT=$((BROKEN > 0 ? 1 : 0))

ensure_gnu_time
ensure_python_deps

# --- 2. mapc build -------------------------------------------------------------------------

MAPC_NOTE=""
if [[ -z "$MAPC" ]]; then
  say "building mapc (release) in $SCRATCH"
  if (cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --product mapc) \
      >"$WORK/build.log" 2>&1; then
    MAPC="$(cd "$REPO" && swift build -c release --scratch-path "$SCRATCH" --show-bin-path)/mapc"
  else
    cp "$WORK/build.log" "${TMPDIR:-/tmp}/mapc-bench-build.log"
    tail -n 20 "$WORK/build.log" >&2
    MAPC_NOTE="not measured: the release build failed (log: ${TMPDIR:-/tmp}/mapc-bench-build.log)"
    MAPC=""
  fi
elif [[ ! -x "$MAPC" ]]; then
  MAPC_NOTE="not measured: $MAPC is not an executable"
  MAPC=""
else
  # Absolute, because mapc runs from inside the corpus.
  MAPC="$(cd "$(dirname "$MAPC")" && pwd)/$(basename "$MAPC")"
fi

# --- 3. mapc lint --------------------------------------------------------------------------

# Wall-clock numbers mean little on a busy machine; the summary shows how busy it was.
LOAD="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
MAPC_RUNS="$WORK/mapc-runs.txt"
MAPC_CHECK="n/a"
if [[ -n "$MAPC" ]]; then
  # One untimed run first: it warms the page cache for both tools, and its output shows whether
  # mapc fails on exactly the planted files.
  code=0
  (cd "$CORPUS" && "$MAPC" lint --format json >"$WORK/mapc.json" 2>"$WORK/mapc.err") || code=$?
  if [[ $code -ne $EXPECTED_EXIT ]]; then
    head -n 5 "$WORK/mapc.err" >&2
    MAPC_NOTE="not measured: mapc lint exited $code (expected $EXPECTED_EXIT)"
  else
    MAPC_CHECK="$(python3 "$BENCH_DIR/check_failures.py" "$CORPUS" mapc-json "$WORK/mapc.json")"
    for ((run = 1; run <= RUNS; run++)); do
      say "mapc lint, run $run of $RUNS"
      (cd "$CORPUS" && timed "$MAPC_RUNS" "$MAPC" lint --format json >/dev/null)
    done
  fi
fi

# --- 4. Python peer ------------------------------------------------------------------------

# One process, one core: PyYAML's C loader + jsonschema, as the product brief measured it.
PEER_RUNS="$WORK/peer-runs.txt"
for ((run = 1; run <= RUNS; run++)); do
  say "python peer, run $run of $RUNS"
  timed "$PEER_RUNS" python3 "$BENCH_DIR/python_peer.py" lint "$CORPUS" >"$WORK/peer.json"
  if [[ $run -eq 1 ]]; then
    PEER_CHECK="$(python3 "$BENCH_DIR/check_failures.py" "$CORPUS" peer "$WORK/peer.json")"
  fi
  if awk "BEGIN { exit !($(cut -d' ' -f1 "$PEER_RUNS" | tail -n 1) > $PEER_ONE_RUN_AFTER) }"; then
    break
  fi
done
PEER_COUNT=$(wc -l <"$PEER_RUNS")

# --- 5. validation only --------------------------------------------------------------------

say "python validation only"
PY_VALIDATE=$(python3 "$BENCH_DIR/python_peer.py" validate-only "$CORPUS" |
  python3 -c 'import json, sys; r = json.load(sys.stdin)
print("%.2f s wall, %.2f s cpu" % (r["seconds"], r["cpu_seconds"]))')

# mapc's side: Benchmarks/ValidationBench pre-parses every frontmatter, then times validation
# alone on one thread (best of 3), against the same carried plan schema.
mapc_validation_only() {
  local pkg="$REPO/Benchmarks/ValidationBench"
  if ! swift build -c release --package-path "$pkg" --scratch-path "$pkg/.build" >"$WORK/vbench-build.log" 2>&1; then
    echo "n/a (the validation benchmark did not build; see $WORK/vbench-build.log)"
    return
  fi
  "$(swift build -c release --package-path "$pkg" --scratch-path "$pkg/.build" --show-bin-path)/validation-bench" "$CORPUS" |
    python3 -c 'import json, sys; r = json.load(sys.stdin)
print("%.3f s wall, 1 thread, best of 3 (%d documents)" % (r["seconds"], r["documents"]))'
}
MAPC_VALIDATE="$(mapc_validation_only)"

# --- 6. summary ----------------------------------------------------------------------------

read -r P_WALL P_USER P_SYS _ _ < <(best "$PEER_RUNS")
if [[ "$PEER_COUNT" -eq 1 ]]; then PEER_HOW="1 run (over ${PEER_ONE_RUN_AFTER} s)"; else
  PEER_HOW="best of $PEER_COUNT"; fi

echo
echo "== mapc lint benchmark ($(date -u +%Y-%m-%d), $(nproc) cores, load average before: $LOAD) =="
printf 'corpus:         %d files, %.1f MB, %.1f%% with schema errors (%s)\n' \
  "$FILES" "$(calc "$BYTES / 1e6")" "$(calc "100 * $BROKEN / $FILES")" "$CORPUS"
if [[ -s "$MAPC_RUNS" ]]; then
  read -r M_WALL M_USER M_SYS _ _ < <(best "$MAPC_RUNS")
  M_CPU=$(calc "$M_USER + $M_SYS")
  M_RSS_MB=$(calc "$(max_rss "$MAPC_RUNS") / 1024")
  printf 'mapc lint:      %.2f s wall, %.2f s cpu (%.1f cores), %.0f files/s, peak RSS %.0f MB  [best of %d; %s]\n' \
    "$M_WALL" "$M_CPU" "$(calc "$M_CPU / $M_WALL")" "$(calc "$FILES / $M_WALL")" \
    "$M_RSS_MB" "$(wc -l <"$MAPC_RUNS")" "$MAPC"
  printf '                runs (wall s): %s\n' "$(cut -d' ' -f1 "$MAPC_RUNS" | paste -sd' ')"
else
  echo "mapc lint:      $MAPC_NOTE"
fi
printf 'python peer:    %.2f s wall, %.2f s cpu  [%s; PyYAML CSafeLoader + jsonschema Draft202012Validator, 1 process]\n' \
  "$P_WALL" "$(calc "$P_USER + $P_SYS")" "$PEER_HOW"
if [[ -s "$MAPC_RUNS" ]]; then
  RATIO=$(calc "$P_WALL / $M_WALL")
  if awk "BEGIN { exit !($RATIO >= 1) }"; then
    printf 'ratio:          %.1fx faster (target >= 20x)\n' "$RATIO"
  else
    printf 'ratio:          %.1fx slower (target: >= 20x faster)\n' "$(calc "1 / $RATIO")"
  fi
  printf 'peak RSS:       %.0f MB (target <= 200 MB; the largest over the mapc runs)\n' "$M_RSS_MB"
fi
echo "failing files:  mapc: $MAPC_CHECK"
echo "                python peer: $PEER_CHECK"
echo "python validation only: $PY_VALIDATE (jsonschema), mapc validation only: $MAPC_VALIDATE"
exit 0
