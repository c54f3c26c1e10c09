#!/usr/bin/env bash
# Installs the system packages mapc builds against (Scripts/system-packages.txt, the list the
# GitHub Action installs too) and git and python3 for the scripts and tests, when they are
# missing (Debian/Ubuntu); with arguments, those packages instead. Run by the other scripts and
# by action.yml; safe to run again.
set -euo pipefail
needed=()
while read -r line; do
  line="${line%%#*}"
  [ -z "${line// /}" ] || needed+=("${line// /}")
done <"$(dirname "$0")/system-packages.txt"
needed+=(git python3)
[ $# -eq 0 ] || needed=("$@")
missing=()
for p in "${needed[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
