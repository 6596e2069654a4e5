"""The judgement the concentration and oversight measures must reproduce (docs/validation.md,
"Concentration and oversight"): no concentration alarm on constitutions the field codes as strong
parliaments, error-level alarms on super-presidential ones, and an oversight measure that rises with
the Parliamentary Powers Index. A test skips only while the spec it needs is missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_rules.language.parser import parse_file
from constitution_rules.rules.engine import run_rules
from tests.conftest import SPECS
from tests.metrics.validation import Row, concentration_findings, correlation, rows

#: The countries whose specs the corpus work brings (issue 9), besides Kazakhstan.
EXPECTED_COUNTRIES = (
    "Kazakhstan",
    "Russia",
    "Germany",
    "United States",
    "France",
    "Brazil",
    "Mexico",
    "Ukraine",
    "Georgia",
)


@pytest.fixture(scope="module")
def table() -> list[Row]:
    return rows()


@pytest.mark.parametrize("country", ["Germany", "United States", "United Kingdom"])
def test_no_concentration_alarm_where_the_published_ppi_is_at_least_six_tenths(table: list[Row], country: str) -> None:
    row = next((r for r in table if r.case.country == country), None)
    if row is None:
        pytest.skip(f"no spec of {country} c. 2007 in specs/")
    assert row.published >= 0.6
    assert [(f.code, f.message) for f in row.concentration] == []


@pytest.mark.parametrize(
    "spec", ["kazakhstan/1995.constitution", "kazakhstan/2026.constitution", "russia/2020.constitution"]
)
def test_error_level_concentration_on_super_presidential_texts(spec: str) -> None:
    path = Path(SPECS) / spec
    if not path.is_file():
        pytest.skip(f"specs/{spec} is not on this branch")
    findings = concentration_findings(run_rules(parse_file(path)).findings)
    assert any(f.severity == "error" for f in findings)


#: Spearman's rho of oversight coverage with the published PPI over the nine countries (measured, not
#: a target): below the acceptance floor of 0.5. docs/validation.md explains every disagreement;
#: the figure is pinned so that a change in the measure or a spec shows here and in the docs.
PINNED_RHO = 0.5382


def test_oversight_coverage_rises_with_the_published_ppi(table: list[Row]) -> None:
    present = {r.case.country for r in table}
    missing = [c for c in EXPECTED_COUNTRIES if c not in present]
    if missing:
        pytest.skip(f"specs still missing: {', '.join(missing)}")
    rho = correlation(table)
    assert rho is not None and rho > 0, f"Spearman {rho} over {len(table)} specs"
    assert rho == PINNED_RHO, "the rank correlation moved: update docs/validation.md and PINNED_RHO"


def test_the_extremes_are_ordered(table: list[Row]) -> None:
    """Whatever is missing: the strongest parliament present has more oversight than the weakest."""
    if len(table) < 2:
        pytest.skip("fewer than two specs with a published PPI")
    strongest = max(table, key=lambda r: r.published)
    weakest = min(table, key=lambda r: r.published)
    assert strongest.coverage > weakest.coverage
