#!/usr/bin/env bash
# The main job on the examples: build mapc, lint the example plans, show the slipped dates of
# a scripted example history, and render the HTML snapshots into snapshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/bootstrap.sh
swift build -c release --product mapc
mapc=$(swift build -c release --show-bin-path)/mapc

echo "== mapc lint (Examples/)"
(cd Examples && "$mapc" lint)

echo
echo "== mapc lint (Examples/team-extension: a team's MEDDPICC extension schema)"
(cd Examples/team-extension && "$mapc" lint)

echo
echo "== mapc lint Examples/broken (these are meant to fail; exit code 1 expected)"
set +e
"$mapc" lint --today 2026-11-23 Examples/broken
status=$?
set -e
if [ "$status" -ne 1 ]; then
  echo "main: expected exit code 1 from the broken examples, got $status" >&2
  exit 1
fi
echo
echo "== mapc schedule (Examples/enterprise-data-platform.map.md): business days back from go-live"
(cd Examples && "$mapc" schedule enterprise-data-platform.map.md)

echo
echo "== mapc new: a plan from Examples/templates/enterprise-deal.map-template.md, worked back from go-live"
(cd Examples && "$mapc" new --list && "$mapc" new enterprise-deal --id acme-rollout --buyer "Acme Corp" \
  --go-live 2027-03-01 --today 2026-11-23 -o -)

echo
echo "== mapc slip on the scripted history of the enterprise plan (Examples/history/build.py)"
history="$(mktemp -d)/brightwater"
python3 Examples/history/build.py "$history"
(cd "$history" && "$mapc" slip)

echo
echo "== mapc render: HTML snapshots for the buyer (and one internal) into snapshots/"
rm -rf snapshots
mkdir -p snapshots
# The examples are rendered from a copy outside this repository, whose history is mapc's own
# development, not a deal's; the scripted history below is the deal's.
plans="$(dirname "$history")/plans"
mkdir -p "$plans"
cp Examples/*.map.md Examples/mapc.yml "$plans/"
(cd "$plans" && "$mapc" render --all -o "$OLDPWD/snapshots" --as-of 2026-11-23)
(cd "$plans" && "$mapc" render enterprise-data-platform.map.md --audience internal --as-of 2026-11-23 \
  -o "$OLDPWD/snapshots/enterprise-data-platform.internal.html")
(cd "$history" && "$mapc" render plans/brightwater/data-platform.map.md --base HEAD~5 \
  -o "$OLDPWD/snapshots/brightwater-history.html")
rm -rf "$(dirname "$history")"
ls -l snapshots

echo
echo "main: done"
