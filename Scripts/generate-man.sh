#!/usr/bin/env bash
# Generates mapc's man page, mapc.1, from the same ArgumentParser definitions as `mapc --help`
# and the shell completions, with ArgumentParser's GenerateManual plugin (it comes with the
# swift-argument-parser dependency: no network needed once the package is resolved).
# Usage: bash Scripts/generate-man.sh [OUT_DIR]   (default .build/man; writes OUT_DIR/mapc.1)
# The page's date is the last commit's, so the same commit gives the same page.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/man}"
configuration="${MAPC_MAN_CONFIGURATION:-debug}"
date="$(git log -1 --format=%cs 2>/dev/null || true)"
date_option=()
[ -z "$date" ] || date_option=(--date "$date")
swift package plugin generate-manual --configuration "$configuration" "${date_option[@]}" >&2
mkdir -p "$out"
# A blank line inside a discussion is a paragraph break; mdoc wants it as `.Pp` (man warns
# "Empty input line" otherwise).
sed 's/^$/.Pp/' .build/plugins/GenerateManual/outputs/mapc/mapc.1 >"$out/mapc.1"
echo "wrote $out/mapc.1"
