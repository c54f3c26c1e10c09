#!/usr/bin/env bash
# Builds one libFuzzer harness (Fuzz/Package.swift) and runs it for SECONDS.
#
#   Scripts/fuzz.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is lint (the whole lint pipeline of one plan, findings in every format), render (the
# buyer render of one plan under the leak guard), yaml (the YAML loader) or schema (a JSON or
# YAML instance against the plan schema). The seed corpus is the plans under Examples/ and the
# test fixtures (and, for yaml and schema, their frontmatter alone); Fuzz/plan.dict holds YAML
# and Markdown tokens. FUZZ_LARGE=1 adds a seed near the 5 MB plan limit and runs with
# -len_control=0 -max_len=5000000 and a 90 s timeout per input, so the slow paths of libyaml and
# cmark-gfm (which give no coverage feedback) are reached. A crash is minimised into Tests/FuzzRegressions/TARGET/,
# which the test suite replays (FuzzRegressionTests), and the script exits 1.
#
# ASAN_OPTIONS=detect_leaks=0: the harnesses compile the carried schemas once and keep them for
# the whole process (compiling them per input would dominate the run); LeakSanitizer reports
# that cache, and the reference cycles of compiled schemas, as leaks at exit: a false alarm.
set -euo pipefail
cd "$(dirname "$0")/.."
target="${1:?usage: Scripts/fuzz.sh lint|render|yaml|schema SECONDS [libFuzzer options]}"
seconds="${2:?usage: Scripts/fuzz.sh TARGET SECONDS}"
shift 2
case "$target" in
  lint) product=FuzzLint ;;
  render) product=FuzzRender ;;
  yaml) product=FuzzYAML ;;
  schema) product=FuzzSchema ;;
  *) echo "fuzz: unknown target '$target' (lint, render, yaml, schema)" >&2; exit 2 ;;
esac

# AddressSanitizer with libFuzzer where the toolchain has it; libFuzzer alone otherwise.
sanitizers="${FUZZ_SANITIZERS:-fuzzer,address}"
build=(swift build --package-path Fuzz -c release -Xswiftc "-sanitize=$sanitizers" -Xswiftc -parse-as-library --product "$product")
"${build[@]}" >&2
binary="$(swift build --package-path Fuzz -c release -Xswiftc "-sanitize=$sanitizers" -Xswiftc -parse-as-library --show-bin-path)/$product"

work="Fuzz/.build/fuzz/$target"
corpus="$work/corpus"
seeds="$work/seeds"
artifacts="$work/artifacts/"
rm -rf "$seeds" "$artifacts"
mkdir -p "$corpus" "$seeds" "$artifacts"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  cp "$file" "$seeds/plan-$n"
  if [ "$target" = yaml ] || [ "$target" = schema ]; then
    # The frontmatter alone: what the YAML loader and the schema see of a plan.
    awk 'NR == 1 && $0 == "---" { inside = 1; next } inside && ($0 == "---" || $0 == "...") { exit } inside { print }' \
      "$file" >"$seeds/frontmatter-$n"
  fi
done < <(find Examples Tests -name '*.map.md' -type f -print0 | sort -z)
for file in Tests/FuzzRegressions/"$target"/*; do
  [ -f "$file" ] && [ "$(basename "$file")" != README.md ] && cp "$file" "$seeds/"
done
if [ "$target" = yaml ] || [ "$target" = schema ]; then
  cp Examples/mapc.yml "$seeds/config.yml"
fi

# An input that takes longer than this is a timeout: a hang, or work that grows faster than the
# input. Plans near the 5 MB limit take up to about 25 s each under AddressSanitizer on a busy
# two-core machine (2 to 4 s without it, in proportion to their size), so large runs allow 90.
timeout=20
[ "${FUZZ_LARGE:-0}" = 1 ] && timeout=90
options=(-max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=3072 -print_final_stats=1 -dict=Fuzz/plan.dict
  -artifact_prefix="$artifacts")
if [ "${FUZZ_LARGE:-0}" = 1 ]; then
  # One plan padded with body paragraphs to just under the 5 MB plan limit.
  big="$seeds/large-plan"
  cp Examples/onboarding-logistics.map.md "$big"
  yes $'\nA paragraph of the body, with **emphasis**, a [link](https://example.com) and | a | table |' |
    head -c 4800000 >>"$big" || true
  options+=(-len_control=0 -max_len=5000000)
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
status=0
"$binary" "${options[@]}" "$@" "$corpus" "$seeds" || status=$?

found=0
for crash in "$artifacts"crash-* "$artifacts"timeout-* "$artifacts"oom-*; do
  [ -f "$crash" ] || continue
  found=1
  name="$(basename "$crash")"
  "$binary" -minimize_crash=1 -runs=20000 -timeout="$timeout" -exact_artifact_path="$artifacts/min-$name" "$crash" >&2 || true
  kept="Tests/FuzzRegressions/$target/$name"
  cp "$( [ -f "$artifacts/min-$name" ] && echo "$artifacts/min-$name" || echo "$crash")" "$kept"
  echo "fuzz: $target crashed; the minimised input is $kept (replayed by FuzzRegressionTests)" >&2
done
if [ "$found" = 1 ]; then exit 1; fi
exit "$status"
