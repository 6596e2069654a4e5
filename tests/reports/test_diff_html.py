"""The HTML diff marks powers over acts and instruments, which the graph draws as chips."""

from __future__ import annotations

import re
from pathlib import Path

from tests.robustness.pipeline import invoke

DATA = Path(__file__).resolve().parent.parent / "amendments" / "data"

AMENDMENT = """amendment "Chips"
  amends "{base}"

repeal article 10(2)
insert article 30 {{
  Court reviews laws.
}}
"""


def chips(page: str) -> dict[str, str]:
    """chip id -> its title (the clauses it stands for)."""
    found = re.findall(r'<g class="edge chip[^"]*" data-chip="(c\d+)"[^>]*><title>([^<]*)</title>', page)
    return dict(found)


def marked(page: str) -> dict[str, str]:
    """chip id -> the stroke colour its diff rule gives it."""
    return dict(re.findall(r'g\.chip\[data-chip="(c\d+)"\] rect\.chip \{stroke:(#[0-9a-f]{6})', page))


def test_added_and_removed_instrument_powers_are_marked(tmp_path: Path) -> None:
    amendment = tmp_path / "chips.amendment"
    amendment.write_text(AMENDMENT.format(base=DATA / "base.constitution"), encoding="utf-8")
    result = invoke(["diff", "--format", "html", str(DATA / "base.constitution"), str(amendment)])
    assert result.exit_code == 0, result.stderr
    titles, marks = chips(result.stdout), marked(result.stdout)
    by_clause = {title.split(" (")[0]: chip for chip, title in titles.items()}
    removed = next(chip for title, chip in by_clause.items() if title.startswith("President issues"))
    added = by_clause["Court reviews laws"]
    unchanged = by_clause["Parliament adopts laws by majority"]
    assert marks[removed] == "#cf222e"
    assert marks[added] == "#1a7f37"
    assert unchanged not in marks
    assert set(marks) <= set(titles), "a rule for a chip the page does not draw"
