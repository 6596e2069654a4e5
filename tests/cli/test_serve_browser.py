"""``serve`` in a real browser (Debian's Chromium through Playwright): saving a changed file updates
the page without a manual reload, and the page keeps its selection and scroll.

As tests/render/test_browser.py: in CI (``CI`` set) a missing Chromium or Playwright fails the run.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SPECS
from tests.render.test_browser import ARGS, CHROMIUM, _unavailable

KZ = SPECS / "kazakhstan" / "2022.constitution"
ADDED = '\ninstitution Watchdog "Public Watchdog": ombudsman\n\narticle 999 {\n  Parliament elects Watchdog.\n}\n'


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    path = tmp_path / "kz.constitution"
    shutil.copyfile(KZ, path)
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "cli.py"), "serve", str(path), "--port", "0", "--interval", "0.1"],
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stderr is not None
        first = process.stderr.readline()
        match = re.search(r"at (http://127\.0\.0\.1:\d+/)", first)
        assert match, first
        yield match.group(1), path
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield instance
        instance.close()


def test_saving_updates_the_page_and_keeps_selection_and_scroll(served: tuple[str, Path], browser: Any):
    url, path = served
    page = browser.new_page(viewport={"width": 900, "height": 600})
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url)
    page.wait_for_selector("html[data-live=true]", timeout=15000)
    assert page.locator('g.node[data-node="President"]').is_visible()
    assert page.locator("#panel li.finding").count() > 0  # the findings are listed
    page.locator('g.node[data-node="Parliament"] rect.box').click(position={"x": 4, "y": 4})  # not on a chip
    assert page.get_attribute("#panel", "data-showing") == "node:Parliament"
    scrolled = page.evaluate(
        "() => { const g = document.getElementById('graph'); g.scrollTop = 150; return g.scrollTop; }"
    )
    assert scrolled > 0
    assert page.locator('g.node[data-node="Watchdog"]').count() == 0

    path.write_text(path.read_text(encoding="utf-8") + ADDED, encoding="utf-8")  # the drafter saves

    page.wait_for_selector('g.node[data-node="Watchdog"]', state="attached", timeout=20000)
    page.wait_for_selector("html[data-live=true]", timeout=15000)
    assert page.get_attribute("html", "data-version") == "2"
    assert page.get_attribute("#panel", "data-showing") == "node:Parliament"
    assert page.evaluate("() => document.getElementById('graph').scrollTop") == scrolled
    assert all(u.startswith(url) for u in requests), requests  # nothing fetched from elsewhere
