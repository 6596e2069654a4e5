"""``coverage``: articles that carry their wording and clauses tagged [T]/[N]/[K]; ``parse --article``
shows an article's wording; the HTML view carries it."""

from __future__ import annotations

import json

from tests.conftest import run_cli

TEXT = """# Tags: [T] seen in the text; [N] secondary; [K] not confirmed.
constitution "X"

institution People: electorate
institution President: executive
institution House: legislature

article 1 "Election" {
  text "The President is elected by the people"
       "for five years."
  People elects President.  # [T T23]
}

article 2 {
  # Appointed on the proposal of the House [K; verify]
  President appoints House.
  President dismisses House.

  President vetoes laws.
}

article 3 {
  # [N] news report
  House adopts laws.  # [T] and the text
}
"""


def test_coverage_counts_text_and_tags(write):
    path = write(TEXT)
    result = run_cli("coverage", str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    (report,) = json.loads(result.stdout)["files"]
    assert (report["articles"], report["articles_with_text"], report["clauses"]) == (3, 1, 5)
    # the block above tags both clauses under it; a blank line ends its reach; both tags count
    assert report["tags"] == {"T": 2, "N": 1, "K": 2}
    assert report["tagged"] == 4 and report["untagged"] == [{"citation": "Art. 2", "line": 19}]
    text = run_cli("coverage", str(path)).stdout
    assert text == f"{path}: 1/3 articles with text (33.3%); 4/5 clauses tagged (80.0%: T 2, N 1, K 2); 1 untagged\n"


def test_a_file_default_tag_counts_for_clauses_without_one(write):
    path = write("# [T T23] unless another tag is given\n" + TEXT.split("\n", 1)[1])
    (report,) = json.loads(run_cli("coverage", str(path), "--format", "json").stdout)["files"]
    assert report["default_tag"] == "T" and report["untagged"] == [] and report["tags"]["T"] == 3


def test_parse_article_shows_its_wording_and_statements(write):
    path = write(TEXT)
    result = run_cli("parse", str(path), "--article", "1")
    assert result.returncode == 0
    assert result.stdout.splitlines()[1:5] == [
        "  text:",
        "    The President is elected by the people",
        "    for five years.",
        "  People elects President.  [line 11]",
    ]
    missing = run_cli("parse", str(path), "--article", "4")
    assert missing.returncode == 2 and "no article 4" in missing.stderr


def test_html_view_carries_the_article_text(write, tmp_path):
    path = write(TEXT)
    out = tmp_path / "x.html"
    assert run_cli("graph", str(path), "--format", "html", "-o", str(out)).returncode == 0
    page = out.read_text(encoding="utf-8")
    assert "The President is elected by the people\\nfor five years." in page and "articleTexts" in page
