"""The HTML page in a real browser: Debian's Chromium, driven headless by Playwright.

In CI (``CI`` set) this never skips: a missing Chromium or Playwright fails the run. Elsewhere it
skips when either is missing. No browser is downloaded: Playwright launches /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, SPECS, run_cli

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
KZ = SPECS / "kazakhstan" / "2022.constitution"
INJECTED = "<script>window.__injected = 1; alert(1)</script>"
# Wide (CJK) and right-to-left (Arabic) names: their labels must fit their boxes too.
WIDE_SCRIPTS = (
    'institution Kokkai "国会（衆議院及び参議院の両議院で構成する国権の最高機関）": advisory\n'
    'institution Shura "مجلس الشورى والهيئة العليا للرقابة المالية والإدارية": advisory\n'
)
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"the browser test must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser_page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed (pip install -e '.[test]')")
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        _unavailable(f"{CHROMIUM} is missing (apt-get install chromium)")
    work = tmp_path_factory.mktemp("browser")
    spec = work / "kazakhstan-injected.constitution"
    spec.write_text(
        KZ.read_text(encoding="utf-8") + f'\ninstitution Injected "{INJECTED}": advisory\n' + WIDE_SCRIPTS, "utf-8"
    )
    page_file = work / "kazakhstan.html"
    done = run_cli("graph", str(spec), "--format", "html", "-o", str(page_file))
    assert done.returncode == 0, done.stderr
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(work / "profile"),  # a fresh user-data dir
            executable_path=CHROMIUM,
            headless=True,
            args=ARGS,
            viewport={"width": 1600, "height": 1000},
        )
        page = context.new_page()
        dialogs: list[str] = []
        requests: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.on("request", lambda request: requests.append(request.url))
        page.goto(page_file.as_uri())
        page.wait_for_selector("body[data-ready=true]", timeout=15000)
        page.dialogs = dialogs  # type: ignore[attr-defined]
        page.requests = requests  # type: ignore[attr-defined]
        yield page
        context.close()


def test_expected_nodes_render(browser_page: Any) -> None:
    page = browser_page
    for node in ("People", "President", "Mazhilis", "Senate", "ConstitutionalCourt", "Government"):
        assert page.locator(f'g.node[data-node="{node}"]').is_visible(), node
    # Powers over instruments are chips in their holder's box, not nodes of their own.
    assert page.locator('g.node[data-node="instrument:laws"]').count() == 0
    assert page.locator('g.chip[data-source="President"]', has_text="vetoes").is_visible()
    assert page.locator("g.edge:not(.chip)").count() > 40 and page.locator("g.chip").count() > 20
    # only the page itself was loaded: no network, no CDN
    assert all(url.startswith("file://") for url in page.requests), page.requests


def test_labels_fit_their_boxes_with_real_fonts(browser_page: Any) -> None:
    spills = browser_page.evaluate(
        """() => {
          const out = [];
          const svg = document.querySelector('#graph svg').getBBox();
          document.querySelectorAll('g.node').forEach(g => {
            const box = g.querySelector('rect.box').getBBox();
            g.querySelectorAll('text.label').forEach(t => {
              const b = t.getBBox();
              if (b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1) out.push(g.dataset.node + ': ' + t.textContent);
            });
          });
          document.querySelectorAll('g.chip').forEach(g => {
            const chip = g.querySelector('rect.chip').getBBox();
            g.querySelectorAll('text').forEach(t => {
              const b = t.getBBox();
              if (b.x < chip.x - 0.5 || b.x + b.width > chip.x + chip.width + 0.5) out.push('chip: ' + t.textContent);
            });
          });
          document.querySelectorAll('#graph svg text').forEach(t => {
            const b = t.getBBox();
            const m = t.getCTM();
            const x = b.x + m.e, right = b.x + b.width + m.e;
            if (x < 0 || right > svg.width + svg.x + 0.5) out.push('clipped: ' + t.textContent);
          });
          return out;
        }"""
    )
    assert spills == []


def test_wide_and_right_to_left_names_are_drawn(browser_page: Any) -> None:
    for node in ("Kokkai", "Shura"):
        assert browser_page.locator(f'g.node[data-node="{node}"]').is_visible(), node
    ARTIFACTS.mkdir(exist_ok=True)
    browser_page.locator('g.node[data-node="Kokkai"]').screenshot(path=str(ARTIFACTS / "wide-script-labels.png"))


def test_clicking_the_president_shows_clauses_and_citations(browser_page: Any) -> None:
    page = browser_page
    page.locator('g.node[data-node="President"] text.label').first.click()
    panel = page.locator("#panel")
    assert panel.get_attribute("data-showing") == "node:President"
    assert "President of the Republic" in panel.locator("h2").inner_text()
    text = panel.text_content() or ""
    assert "Powers it holds" in text and "Powers over it" in text
    assert "President appoints PrimeMinister" in text
    assert panel.locator(".cite").count() > 10
    assert panel.locator(".cite").first.inner_text().startswith("Art. ")
    assert "President vetoes laws" in text  # powers over instruments are listed too


def test_clicking_a_chip_shows_its_clauses(browser_page: Any) -> None:
    page = browser_page
    chip = page.locator('g.chip[data-source="President"]', has_text="vetoes")
    chip.click()
    panel = page.locator("#panel")
    assert (panel.get_attribute("data-showing") or "").startswith("chip:")
    assert "vetoes" in panel.locator("h2").inner_text()
    assert "Art. 44(2)" in [c.inner_text() for c in panel.locator(".cite").all()]
    assert "President vetoes laws" in (panel.text_content() or "")


def test_hovering_highlights_incoming_and_outgoing_powers(browser_page: Any) -> None:
    page = browser_page
    page.locator('g.node[data-node="Senate"] text.label').first.hover()
    highlighted = page.eval_on_selector_all("g.edge.hl", "els => els.map(e => [e.dataset.source, e.dataset.target])")
    assert highlighted and all("Senate" in pair for pair in highlighted)
    assert {pair[0] for pair in highlighted} != {"Senate"}  # incoming too
    page.mouse.move(2, 2)


def test_category_filter_hides_edges(browser_page: Any) -> None:
    page = browser_page
    selection = page.locator('g.edge[data-category="selection"]')
    assert selection.count() > 0 and selection.first.is_visible()
    page.locator('#filters input[data-category="selection"]').uncheck()
    hidden = page.eval_on_selector_all(
        'g.edge[data-category="selection"]', "els => els.every(e => getComputedStyle(e).display === 'none')"
    )
    assert hidden
    assert page.locator('g.edge[data-category="removal"]').first.is_visible()
    page.locator('#filters input[data-category="selection"]').check()
    assert selection.first.is_visible()
    # chips filter with their category like lines do
    lawmaking_chips = page.locator('g.chip[data-category="lawmaking"]')
    assert lawmaking_chips.count() > 5 and lawmaking_chips.first.is_visible()
    page.locator('#filters input[data-category="lawmaking"]').uncheck()
    assert page.eval_on_selector_all(
        'g.chip[data-category="lawmaking"]', "els => els.every(e => getComputedStyle(e).display === 'none')"
    )
    assert page.locator('g.chip[data-category="emergency"]').first.is_visible()
    page.locator('#filters input[data-category="lawmaking"]').check()
    assert lawmaking_chips.first.is_visible()


def test_search_finds_an_institution(browser_page: Any) -> None:
    page = browser_page
    page.locator("#search").fill("senate")
    assert page.locator('g.node.match[data-node="Senate"]').count() == 1
    page.locator("#search").press("Enter")
    assert page.locator("#panel").get_attribute("data-showing") in ("node:Senate", "node:SenateChair")
    page.locator("#search").fill("")


def test_injected_script_name_renders_as_text_and_does_not_run(browser_page: Any) -> None:
    page = browser_page
    assert page.evaluate("() => window.__injected") is None
    assert page.dialogs == []
    label = page.locator('g.node[data-node="Injected"]').text_content() or ""
    assert "<script>" in label
    page.locator('g.node[data-node="Injected"] text.label').first.click()
    assert "<script>" in page.locator("#panel h2").inner_text()
    assert page.evaluate("() => window.__injected") is None and page.dialogs == []


def test_screenshot_is_saved_as_an_artifact(browser_page: Any) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / "kazakhstan-2022-graph.png"
    browser_page.locator('g.node[data-node="President"] text.label').first.click()
    browser_page.screenshot(path=str(target), full_page=True)
    assert target.stat().st_size > 20_000
