#!/usr/bin/env bash
# Benchmark `mapc render --all` on 1,000 generated plans against pandoc converting the same
# Markdown bodies to standalone HTML, in the same run.
#
# It reports; it does not gate: the exit code is 0 whatever the numbers (2 only for bad usage).
#
# Usage: Benchmarks/render-bench.sh [--mapc PATH] [--count N] [--runs N] [--scratch-path DIR]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$BENCH_DIR")"
MAPC=""
COUNT=1000
RUNS=3
SCRATCH="$REPO/.build-bench"
export PYTHONDONTWRITEBYTECODE=1

usage() { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --mapc) MAPC="$2"; shift 2 ;;
    --count) COUNT="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --scratch-path) SCRATCH="$2"; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "render-bench: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done
say() { echo "render-bench: $*" >&2; }
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

if ! command -v pandoc >/dev/null; then
  say "installing pandoc"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq pandoc >/dev/null
fi
if [[ -z "$MAPC" ]]; then
  say "building mapc (release, $SCRATCH)"
  (cd "$REPO" && swift build -c release --product mapc --scratch-path "$SCRATCH" >/dev/null)
  MAPC="$SCRATCH/release/mapc"
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/mapc-render-bench.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
python3 "$BENCH_DIR/gen_corpus.py" --out "$WORK/plans" --count "$COUNT" --broken-per-mille 0 >/dev/null
# The same Markdown bodies, one file each, for pandoc.
python3 - "$WORK/plans" "$WORK/bodies" <<'PY'
import os, sys
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
for root, _, files in os.walk(src):
    for f in files:
        if f.endswith(".map.md"):
            text = open(os.path.join(root, f), encoding="utf-8").read()
            body = text.split("\n---\n", 1)[1] if "\n---\n" in text else ""
            open(os.path.join(dst, f[:-7] + ".md"), "w", encoding="utf-8").write(body)
PY

best() { sort -n | head -1; }
time_once() {  # prints wall seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

say "mapc render --all on $COUNT plans ($RUNS runs)"
mapc_times=()
for _ in $(seq "$RUNS"); do
  rm -rf "$WORK/out"
  mapc_times+=("$(cd "$WORK/plans" && time_once "$MAPC" render --all -o "$WORK/out" --as-of 2026-11-23)")
done
mapc_best=$(printf '%s\n' "${mapc_times[@]}" | best)
rendered=$(ls "$WORK/out" | grep -vc '^index.html$' || true)
size=$(du -sk "$WORK/out" | cut -f1)

say "pandoc -s -f gfm on the same $COUNT bodies, 2 at a time ($RUNS runs)"
pandoc_run() {
  find "$WORK/bodies" -name '*.md' -print0 |
    xargs -0 -P 2 -I{} pandoc -s -f gfm -t html5 --metadata title=Plan -o {}.html {}
}
pandoc_times=()
for _ in $(seq "$RUNS"); do
  pandoc_times+=("$(time_once pandoc_run)")
done
pandoc_best=$(printf '%s\n' "${pandoc_times[@]}" | best)

python3 - "$COUNT" "$rendered" "$size" "$mapc_best" "$pandoc_best" "${mapc_times[*]}" "${pandoc_times[*]}" <<'PY'
import sys
count, rendered, size, m, p = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"plans:              {count} generated, {rendered} snapshots + index.html, {size} KB written")
print(f"mapc render --all:  {m:.2f} s best ({sys.argv[6]}) = {count / m:,.0f} plans/s")
print(f"pandoc (bodies):    {p:.2f} s best ({sys.argv[7]}) = {count / p:,.0f} files/s")
print(f"ratio:              pandoc takes {p / m:.1f}x mapc's time (mapc renders whole snapshots; pandoc only the bodies)")
PY
