"""Control cases: a Germany-like parliamentary constitution raises no error-level concentration
finding; an invented super-presidential one raises several."""

from __future__ import annotations

from pathlib import Path

from tests.rules.helpers import rule_named, run_all

CONTROLS = Path(__file__).resolve().parent.parent / "data" / "controls"


def _category(code: str) -> str:
    return rule_named(code).category


def test_parliamentary_control_has_no_error_level_findings() -> None:
    findings = run_all(CONTROLS / "parliamentary.constitution")
    assert [f for f in findings if f.severity == "error"] == []
    assert [f for f in findings if _category(f.code) == "concentration"] == []
    # what remains is true of the excerpt: bodies whose selection the Basic Law leaves to statute
    assert sorted((f.code, f.institutions) for f in findings) == [
        ("CB201", ("FederalCourtOfAudit",)),
        ("CB201", ("LandGovernments",)),
    ]


def test_super_presidential_control_has_several_error_level_concentration_findings() -> None:
    findings = run_all(CONTROLS / "super-presidential.constitution")
    errors = {f.code for f in findings if f.severity == "error" and _category(f.code) == "concentration"}
    assert errors == {"CB103", "CB104", "CB106", "CB107", "CB109", "CB110", "CB112"}
    assert {f.code for f in findings if f.severity == "error" and _category(f.code) == "oversight"} == {"CB205"}
    assert all("President" in f.institutions for f in findings if f.code != "CB203")
