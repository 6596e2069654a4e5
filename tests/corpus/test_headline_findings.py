"""Each spec's headline findings (the error-level codes), each with the reason in the text. A
parliamentary democracy draws no error (Germany); the super-presidential texts draw concentration
errors (Kazakhstan, Russia). A change here is a change in what the checker tells a drafter about a
real constitution: review it against the article named."""

from __future__ import annotations

import pytest

from constitution_rules.rules.engine import check_file
from tests.conftest import SPECS

HEADLINES: dict[str, tuple[set[str], str]] = {
    "germany/2007": (set(), "the Government answers to the Bundestag (Art. 67) and courts review every act"),
    "united-states/2007": (set(), "separate origin and survival, vetoes overridable (Art. I §7), Senate consent"),
    "georgia/2004": (set(), "President and Parliament check each other; the Government answers to Parliament (81)"),
    "brazil/2007": ({"CB103"}, "the President appoints and dismisses the Central Bank's directors at will (84(XIV))"),
    "france/2007": ({"CB106", "CB204"}, "Art. 16 measures escape review; the budget may pass by ordinance (47)"),
    "france/2008": ({"CB106", "CB204"}, "the 2008 revision left Art. 16 and Art. 47's ordinance in place"),
    "mexico/2007": (
        {"CB103", "CB208"},
        "the Procurador is removable at will (102(A)); removable secretaries countersign (92)",
    ),
    "ukraine/2006": (
        {"CB103", "CB109"},
        "the Rada dismisses audit and bank bodies without grounds (85); referendum 156",
    ),
    "russia/1993": (
        {"CB103", "CB104", "CB109"},
        "prosecutors at will, decrees plus courts (83, 90, 128), referendum (84)",
    ),
    "russia/2020": (
        {"CB103", "CB104", "CB109"},
        "the 2020 text keeps the President's hold on prosecutors, courts, referendum",
    ),
    "kazakhstan/1995": (
        {"CB103", "CB106", "CB109"},
        "free dismissal of the Prosecutor General; unchecked decrees (45)",
    ),
    "kazakhstan/2022": (
        {"CB103", "CB104", "CB107", "CB109"},
        "44(4) free dismissals; dissolution after consultation (63)",
    ),
    "kazakhstan/2026": (
        {"CB103", "CB104", "CB107", "CB109", "CB112", "CB205", "CB208"},
        "unchecked share over one third (CB112); the President composes the election commission (CB205); "
        "the Prime Minister who countersigns his acts (47(3)) is dismissed at will (69(7)) (CB208)",
    ),
}


@pytest.mark.parametrize("spec", sorted(HEADLINES))
def test_headline_findings(spec: str) -> None:
    expected, reason = HEADLINES[spec]
    result = check_file(SPECS / f"{spec}.constitution")
    errors = {f.code for f in result.findings if f.severity == "error" and not f.waived}
    assert errors == expected, f"{spec}: {reason}"


def test_every_spec_has_its_headline() -> None:
    specs = sorted(str(p.relative_to(SPECS).with_suffix("")) for p in SPECS.rglob("*.constitution"))
    assert specs == sorted(HEADLINES)
