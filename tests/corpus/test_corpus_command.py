"""The ``corpus`` verb: every spec side by side, one bad file never hiding the others, the same
output for any number of workers, and an offline gallery page."""

from __future__ import annotations

import json
import os
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from constitution_rules.cli import cli
from constitution_rules.corpus import display_path
from tests.conftest import ROOT, SPECS

KAZAKHSTAN = SPECS / "kazakhstan"
BROKEN = 'constitution "Broken"\ninstitution President: executive\narticle 1 {\n  President apoints President.\n}\n'


def corpus(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["corpus", *args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_table_has_one_row_per_spec_in_path_order() -> None:
    code, out, _ = corpus(str(KAZAKHSTAN), "--jobs", "1")
    assert code == 0
    files = sorted(KAZAKHSTAN.rglob("*.constitution"))
    rows = [line for line in out.splitlines() if line.endswith(tuple("0123456789"))]
    assert [row.split()[0] for row in rows] == [display_path(p) for p in files]


def test_output_does_not_depend_on_the_number_of_workers() -> None:
    one = corpus(str(KAZAKHSTAN), "--format", "json", "--jobs", "1")
    two = corpus(str(KAZAKHSTAN), "--format", "json", "--jobs", "2")
    assert one == two
    assert one[0] == 0


def test_json_rows_carry_counts_indices_and_metrics() -> None:
    _, out, _ = corpus(str(KAZAKHSTAN / "2022.constitution"), "--format", "json")
    data = json.loads(out)
    assert data["schema_version"] == "1"
    (row,) = data["files"]
    assert row["clauses"] > 40 and row["error"] is None
    assert set(row["findings"]) == {"error", "warning", "info"}
    assert "oversight_coverage" in row["metrics"]
    assert row["indices"]["ppi"] is not None


def test_a_broken_file_is_reported_and_the_others_still_measured(tmp_path: Path) -> None:
    shutil.copy(KAZAKHSTAN / "2022.constitution", tmp_path / "good.constitution")
    (tmp_path / "bad.constitution").write_text(BROKEN, encoding="utf-8")
    out_file = tmp_path / "corpus.md"
    code, _, err = corpus(str(tmp_path), "--format", "markdown", "-o", str(out_file))
    assert code == 2
    table = out_file.read_text(encoding="utf-8")
    assert "good.constitution" in table and "Republic of Kazakhstan" in table
    assert "bad.constitution" in table and "not parsed" in table
    assert "bad.constitution:4:13" in err and "appoints" in err


def test_no_constitution_found_is_a_warning(tmp_path: Path) -> None:
    code, _, err = corpus(str(tmp_path))
    assert code == 0
    assert "warning: no .constitution files" in err


class _Gallery(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.images: list[str] = []
        self.sections: list[str] = []
        self.scripts = 0
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "img":
            self.images.append(values.get("src") or "")
        elif tag == "section":
            self.sections.append(values.get("id") or "")
        elif tag == "script":
            self.scripts += 1
        elif tag == "a":
            self.links.append(values.get("href") or "")


def test_gallery_is_offline_with_a_graph_per_spec(tmp_path: Path) -> None:
    page = tmp_path / "gallery.html"
    code, _, _ = corpus(str(KAZAKHSTAN), "--format", "html", "-o", str(page))
    assert code == 0
    parsed = _Gallery()
    parsed.feed(page.read_text(encoding="utf-8"))
    specs = sorted(KAZAKHSTAN.rglob("*.constitution"))
    assert len(parsed.sections) == len(specs)
    assert len(parsed.images) == len(specs)
    assert all(src.startswith("data:image/svg+xml;base64,") for src in parsed.images)
    assert parsed.scripts == 0
    assert sorted(link.lstrip("#") for link in parsed.links) == sorted(parsed.sections)


def test_gallery_in_a_browser(tmp_path: Path) -> None:
    """The gallery opens in Chromium with every graph drawn (images decoded, non-zero size)."""
    chromium = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("playwright is required in CI")
        pytest.skip("playwright is not installed")
    if not Path(chromium).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{chromium} is required in CI")
        pytest.skip(f"{chromium} is missing")
    page_file = tmp_path / "gallery.html"
    code, _, _ = corpus(str(KAZAKHSTAN), "--format", "html", "-o", str(page_file))
    assert code == 0
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(page_file.as_uri())
        sizes = page.eval_on_selector_all(
            "img.graph", "imgs => imgs.map(i => [i.complete, i.naturalWidth, i.naturalHeight])"
        )
        rows = page.eval_on_selector_all("#corpus tbody tr", "rows => rows.length")
        artifacts = ROOT / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        page.screenshot(path=str(artifacts / "corpus-gallery.png"), full_page=False)
        browser.close()
    assert not errors
    assert rows == len(sizes) == len(list(KAZAKHSTAN.rglob("*.constitution")))
    assert all(complete and width > 100 and height > 100 for complete, width, height in sizes)
