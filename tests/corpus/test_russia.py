"""The Russian Federation: the 1993 text as in force in 2007, cited article by article.

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

RU = SPECS / "russia"


def clauses(path: Path) -> set[tuple[str, str, str, str]]:
    """Each clause as (citation, actor, verb, target)."""
    constitution = parse_file(path)
    return {(c.citation, c.actor, c.verb, c.target) for p in constitution.provisions for c in p.clauses}


def clause(path: Path, citation: str, actor: str, verb: str, target: str):
    constitution = parse_file(path)
    found = [
        c
        for p in constitution.provisions
        for c in p.clauses
        if (c.citation, c.actor, c.verb, c.target) == (citation, actor, verb, target)
    ]
    assert found, f"no clause {citation}: {actor} {verb} {target}"
    return found[0]


def conditions(c) -> list[dict]:
    return [x.model_dump(mode="json", exclude={"location"}) for x in c.conditions]


@pytest.mark.parametrize("name", ["1993.constitution"])
def test_the_spec_parses_is_cited_and_large_enough(name):
    constitution = parse_file(RU / name)
    assert constitution.source and constitution.as_of and constitution.version
    total = sum(len(p.clauses) for p in constitution.provisions)
    assert total >= 40
    for p in constitution.provisions:
        for c in p.clauses:
            assert c.citation == p.citation and c.citation.startswith("Art. ")


RU1993 = RU / "1993.constitution"


def test_1993_president_serves_four_years_and_two_terms_running():
    """Art. 81(1): elected for four years; 81(3): not more than two terms running."""
    president = parse_file(RU1993).institution("President")
    assert president is not None
    assert (president.term_years, president.term_limit) == (4, 2)
    assert president.term_limit_consecutive


def test_1993_duma_has_450_deputies_for_four_years():
    """Arts. 95(3), 96(1): the State Duma consists of 450 deputies, elected for four years."""
    duma = parse_file(RU1993).institution("StateDuma")
    assert duma is not None and (duma.seats, duma.term_years) == (450, 4)


def test_1993_prime_minister_needs_the_dumas_consent_unless_it_rejects_three_times():
    """Art. 111(1): appointed with the Duma's consent; 111(4): after three rejections the President
    appoints him and dissolves the Duma."""
    consent = clause(RU1993, "Art. 111(1)", "President", "appoints", "PrimeMinister")
    assert any(x["type"] == "consent" and x["institution"] == "StateDuma" for x in conditions(consent))
    facts = clauses(RU1993)
    assert ("Art. 111(4)", "President", "dissolves", "StateDuma") in facts


def test_1993_ministers_need_no_parliamentary_approval():
    """Art. 112(2), 83(e): the President appoints ministers on the Chairman's proposal alone."""
    c = clause(RU1993, "Art. 112(2)", "President", "appoints", "Ministers")
    assert [x["type"] for x in conditions(c)] == ["proposal"]
    assert conditions(c)[0]["institution"] == "PrimeMinister"


def test_1993_no_confidence_can_be_rejected_by_the_president():
    """Art. 117(3): after a vote of no confidence the President may reject the Duma's decision."""
    c = clause(RU1993, "Art. 117(3)", "StateDuma", "censures", "Government")
    kinds = {x["type"]: x for x in conditions(c)}
    assert kinds["override"]["institution"] == "President"


def test_1993_veto_is_overridden_by_two_thirds_of_both_chambers():
    """Art. 107(3): two-thirds of all members of the Council of the Federation and of the Duma."""
    c = clause(RU1993, "Art. 107(3)", "President", "vetoes", "laws")
    override = next(x for x in conditions(c) if x["type"] == "override")
    assert override["institution"] == "FederalAssembly"
    assert override["majority"] == {"numerator": 2, "denominator": 3, "basis": "members"}


def test_1993_the_duma_appoints_the_central_bank_chair_on_the_presidents_nomination():
    """Art. 103(1)(c) with 83(d): the Duma appoints and dismisses; the President nominates."""
    c = clause(RU1993, "Art. 103(1)(c)", "StateDuma", "appoints", "CentralBank")
    assert any(x["type"] == "proposal" and x["institution"] == "President" for x in conditions(c))


def test_1993_the_federation_council_appoints_the_high_judges_and_procurator_general():
    """Arts. 128(1), 129(2) (1993): on the President's nomination, incl. the Supreme Arbitration Court."""
    facts = clauses(RU1993)
    for citation, target in [
        ("Art. 128(1)", "ConstitutionalCourt"),
        ("Art. 128(1)", "SupremeCourt"),
        ("Art. 128(1)", "SupremeArbitrationCourt"),
        ("Art. 129(2)", "ProsecutorGeneral"),
    ]:
        assert (citation, "FederationCouncil", "appoints", target) in facts


def test_1993_amnesty_is_the_dumas_and_pardon_the_presidents():
    """Art. 103(1)(f): the Duma proclaims amnesty; Art. 89(c): the President grants pardon."""
    facts = clauses(RU1993)
    assert ("Art. 103(1)(f)", "StateDuma", "grants", "amnesty") in facts
    assert ("Art. 89(c)", "President", "grants", "pardons") in facts


def test_1993_martial_law_and_emergency_need_the_federation_councils_approval():
    """Arts. 87(2), 88 with 102(1)(b)-(c): the Council of the Federation approves the edicts."""
    for citation, target in [("Art. 87(2)", "war"), ("Art. 88", "emergency")]:
        c = clause(RU1993, citation, "President", "declares", target)
        assert any(x["type"] == "consent" and x["institution"] == "FederationCouncil" for x in conditions(c))
