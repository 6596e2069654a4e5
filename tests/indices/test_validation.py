"""Pins the validation figures of docs/validation.md: item agreement with the published PPI codes,
items decided, the rank correlation, and Kazakhstan's Shugart-Carey scores over its versions.

A country is skipped while its spec is missing, or has landed since the figures were pinned (the
skip says so); a pinned country's figures must hold, and each of its disagreements must be explained
in docs/validation.md."""

from __future__ import annotations

import doctest
import re

import pytest

from constitution_rules.history import build_history
from constitution_rules.indices import compute_indices, validation
from constitution_rules.indices.validation import PUBLISHED, spearman
from tests.conftest import ROOT, SPECS
from tests.indices.cases import (
    cases,
    kazakhstan_markdown,
    kazakhstan_series,
    presidential_markdown,
    presidential_rows,
    presidential_spearman,
    rows,
    summary,
)

DOC = (ROOT / "docs" / "validation.md").read_text(encoding="utf-8")

#: country -> (items decided, items agreeing, items compared), as docs/validation.md reports them.
PINNED: dict[str, tuple[int, int, int]] = {
    "Kazakhstan": (21, 19, 21),
    "Russia": (22, 19, 22),
    "Germany": (22, 20, 22),
    "United States": (23, 21, 23),
    "France": (22, 18, 22),
    "Brazil": (23, 21, 23),
    "Mexico": (23, 22, 23),
    "Ukraine": (23, 20, 23),
    "Georgia": (21, 18, 21),
}


def test_the_module_doctests_pass():
    assert doctest.testmod(validation).failed == 0


def test_published_rows_have_32_cells_and_the_marked_rows_do_not_add_up():
    for row in PUBLISHED.values():
        assert len(row.cells) == 32
        assert (row.cells.count("1") == row.lps) is row.adds_up, row.country


def test_spearman_handles_ties_and_rejects_constant_input():
    assert spearman([1, 1, 2], [1, 2, 3]) == pytest.approx(0.8660254, abs=1e-6)
    with pytest.raises(ValueError):
        spearman([1, 1], [1, 2])


@pytest.mark.parametrize("country", sorted(PUBLISHED))
def test_each_spec_with_a_published_row_is_pinned(country):
    found = {r.case.country: r for r in rows()}
    if country not in found:
        pytest.skip(f"no spec for {country} yet")
    if country not in PINNED:
        # A spec that lands after these figures were taken must not turn everyone's suite red; the
        # skip says what to do (print the tables, pin the row, explain each disagreement).
        pytest.skip(f"{country} has landed but is not pinned yet: run python -m tests.indices.cases")
    row = found[country]
    assert (row.ppi.decided, row.agree, row.compared) == PINNED[country]


def pinned_rows():
    return [r for r in rows() if r.case.country in PINNED]


def test_every_disagreement_is_explained_in_the_docs():
    for row in pinned_rows():
        for item, computed, published in row.disagreements:
            pattern = rf"^\| {re.escape(row.case.country)} \| {item} \| {int(computed)} \| {int(published)} \| [^|]+ \| .{{40,}}\|$"
            assert re.search(pattern, DOC, flags=re.M), f"{row.case.country} {item} is not explained"


def test_the_docs_report_the_measured_summary():
    table = pinned_rows()
    figures = summary(table)
    if "spearman_score" in figures:
        assert f"{figures['spearman_score']} for `score`, {figures['spearman_weighted']} for `weighted`" in DOC
    agree = sum(r.agree for r in table)
    compared = sum(r.compared for r in table)
    assert f"{agree} of {compared} decided items agree ({100 * agree / compared:.1f}%)" in DOC
    assert f"{figures['decided_mean']} items decided per spec on average" in DOC


def test_kazakhstan_2007_is_the_1995_text_through_its_amendments():
    (kz,) = [c for c in cases() if c.country == "Kazakhstan"]
    assert kz.constitution.version == "as amended 21 May 2007"


# ---- Kazakhstan's presidential powers, 1995-2026 --------------------------------------------

#: version date -> (package veto, decree, exclusive introduction, budget, referenda, cabinet formation,
#: cabinet dismissal, censure, dissolution, total, decided); None where the text as encoded does not decide.
KZ_SERIES = {
    "1995-09-05": (2, 1, 0, 0, 4, 3, 4, 4, None, 18, 8),
    "1998-10-07": (2, 1, 0, 0, 4, 3, 4, 4, None, 18, 8),
    "2007-05-21": (2, 1, 0, 0, 4, 3, 4, 4, None, 18, 8),
    "2011-02-02": (2, 1, 0, 0, 4, 3, 4, 4, None, 18, 8),
    "2017-03-10": (2, 0, 0, 0, 4, 3, 4, 4, None, 17, 8),
    "2022-06-05": (2, 0, 0, 0, 4, 3, 4, 4, None, 17, 8),
    "2022-09-17": (2, 0, 0, 0, 4, 3, 4, 4, None, 17, 8),
    "2026-07-01": (2, 1, 0, 0, 4, 3, 4, 4, None, 18, 8),
}
ORDER = (
    "package_veto",
    "decree",
    "exclusive_introduction",
    "budget",
    "referenda",
    "cabinet_formation",
    "cabinet_dismissal",
    "censure",
    "dissolution",
)


@pytest.mark.skipif(not (SPECS / "kazakhstan" / "2026.constitution").is_file(), reason="Kazakhstan specs missing")
def test_kazakhstan_shugart_carey_series():
    measured = {}
    for date, (sc, _) in kazakhstan_series().items():
        assert sc.items["partial_veto"].value is None
        measured[date] = (*(sc.items[n].value for n in ORDER), sc.total, sc.decided)
    assert measured == KZ_SERIES
    for line in kazakhstan_markdown().splitlines()[2:]:
        assert line in DOC, f"docs/validation.md does not show: {line}"


def test_the_term_extension_is_tenure_not_an_index_item():
    """1998 lengthened the term (5 -> 7 years) and left the ten powers as they were."""
    versions = {str(v.date): v for v in build_history(SPECS / "kazakhstan")}
    before, after = versions["1995-09-05"].constitution, versions["1998-10-07"].constitution
    assert (before.institution("President").term_years, after.institution("President").term_years) == (5, 7)
    assert compute_indices(before).shugart_carey.items == compute_indices(after).shugart_carey.items


# ---- Shugart-Carey across the specs --------------------------------------------------------

#: country -> (total, items decided), as docs/validation.md reports them.
PRESIDENTIAL: dict[str, tuple[int, int]] = {
    "Kazakhstan": (18, 8),
    "Russia": (18, 8),
    "United States": (14, 9),
    "France": (11, 8),
    "Brazil": (15, 9),
    "Mexico": (14, 9),
    "Ukraine": (7, 9),
    "Georgia": (13, 9),
}


def test_shugart_carey_across_the_specs_is_pinned_and_reported():
    table = presidential_rows()
    measured = {case.country: (sc.total, sc.decided) for case, sc in table if case.country in PRESIDENTIAL}
    assert measured == {k: v for k, v in PRESIDENTIAL.items() if k in measured}
    if set(PRESIDENTIAL) <= set(measured):
        assert f"they score: {presidential_spearman(table)}." in DOC
        for line in presidential_markdown(table).split("\n\n")[0].splitlines()[2:]:
            assert line in DOC, f"docs/validation.md does not show: {line}"
