"""The Russian Federation: the 1993 text as in force in 2007, cited article by article.

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from constitution_rules.amendments import apply_amendments, load_amendment, render_applied
from constitution_rules.language.parser import parse_file, read_source
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


@pytest.mark.parametrize("name", ["1993.constitution", "2020.constitution"])
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
    assert (override["institutions"], override["combine"]) == (["FederationCouncil", "StateDuma"], "all")
    size = override["majority"]
    assert (size["numerator"], size["denominator"], size["basis"]) == (2, 3, "members")


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
    for citation, target in [("Art. 87(2)", "martial-law"), ("Art. 88", "emergency")]:
        c = clause(RU1993, citation, "President", "declares", target)
        assert any(x["type"] == "consent" and x["institution"] == "FederationCouncil" for x in conditions(c))


# ---- the amendment chain: 1993 -> 2008 -> 2014 -> 2020 ----------------------------------------

CHAIN = ["2008", "2014", "2020"]
RU2020 = RU / "2020.constitution"


def chain(upto: int = len(CHAIN)):
    amendments = [load_amendment(RU / "amendments" / f"{name}.amendment") for name in CHAIN[:upto]]
    return apply_amendments(parse_file(RU1993), amendments, read_source(RU1993))


def test_every_amendment_is_adopted_dated_and_cited():
    for amendment in chain().amendments:
        assert amendment.header.status == "adopted"
        assert amendment.header.source and amendment.header.date and amendment.header.in_force


def test_2020_constitution_is_exactly_the_output_of_the_chain():
    """specs/russia/2020.constitution was written by `apply 1993 2008 2014 2020 -o` and must stay so."""
    assert render_applied(chain()) == RU2020.read_text(encoding="utf-8")
    assert chain().constitution.meaning() == parse_file(RU2020).meaning()


def test_2008_six_year_president_and_five_year_duma_and_annual_reports():
    """Laws 6-FKZ and 7-FKZ of 30 Dec 2008: Arts. 81(1), 96(1), 103(1)(c)."""
    constitution = chain(1).constitution
    president, duma = constitution.institution("President"), constitution.institution("StateDuma")
    assert president is not None and duma is not None
    assert (president.term_years, duma.term_years) == (6, 5)
    cited = {(c.citation, c.actor, c.verb, c.target) for p in constitution.provisions for c in p.clauses}
    assert ("Art. 103(1)(c)", "StateDuma", "hears reports of", "Government") in cited
    assert ("Art. 103(1)(d)", "StateDuma", "appoints", "CentralBank") in cited


def test_2014_supreme_arbitration_court_abolished():
    """Law 2-FKZ of 5 Feb 2014: Art. 127 excluded."""
    assert chain(2).constitution.institution("SupremeArbitrationCourt") is None


def test_2020_two_terms_in_all_and_a_constitutional_court_of_eleven():
    """Art. 81(3) (2020): "more than two terms" without "running"; Art. 125(1): 11 judges."""
    constitution = parse_file(RU2020)
    president, court = constitution.institution("President"), constitution.institution("ConstitutionalCourt")
    assert president is not None and court is not None
    assert (president.term_limit, president.term_limit_consecutive) == (2, False)
    assert court.seats == 11


def test_2020_the_duma_approves_ministers_and_the_council_is_consulted_on_security_ministers():
    """Arts. 112(2)-(3), 103(1)(a-1): the Duma approves ministers; 83(e-1): security ministers after
    consultation with the Council of the Federation."""
    ministers = clause(RU2020, "Art. 112(2)", "President", "appoints", "Ministers")
    assert any(x["type"] == "consent" and x["institution"] == "StateDuma" for x in conditions(ministers))
    power = clause(RU2020, "Art. 83(e-1)", "President", "appoints", "PowerMinisters")
    assert [x["type"] for x in conditions(power)] == ["consultation"]


def test_2020_the_federation_council_removes_judges_on_the_presidents_proposal():
    """Arts. 83(f-3), 102(1)(l): termination of judges' powers on the President's proposal."""
    c = clause(RU2020, "Art. 102(1)(l)", "FederationCouncil", "removes", "ConstitutionalCourt")
    assert any(x["type"] == "proposal" and x["institution"] == "President" for x in conditions(c))
    assert c.target_scope == "members"  # judges one by one, not the Court


def test_2020_the_president_appoints_the_prosecutor_general_after_consultation_only():
    """Arts. 83(f-1), 129(3): appointed after consultations with the Council of the Federation,
    released by the President (before 2020 the Council appointed and released him)."""
    c = clause(RU2020, "Art. 83(f-1)", "President", "appoints", "ProsecutorGeneral")
    assert [x["type"] for x in conditions(c)] == ["consultation"]
    assert ("Art. 129(2)", "FederationCouncil", "appoints", "ProsecutorGeneral") not in clauses(RU2020)


def test_2020_dissolution_after_three_rejections_becomes_discretionary_text():
    """Art. 111(4) (2020): "the President may dissolve"; 112(4) adds dissolution over ministers."""
    facts = clauses(RU2020)
    assert ("Art. 111(4)", "President", "dissolves", "StateDuma") in facts
    assert ("Art. 112(4)", "President", "dissolves", "StateDuma") in facts


def test_v2_1993_dissolution_triggers_and_immunities():
    """Art. 111(4) (1993): after three rejections the President "dissolves" the Duma (a duty);
    117(3): after a repeated no-confidence vote, not within a year of its election; 98: the
    chamber lifts its members' immunity."""
    investiture = clause(RU1993, "Art. 111(4)", "President", "dissolves", "StateDuma")
    assert investiture.modality == "duty" and {"type": "trigger", "event": "failed-investiture"} in conditions(
        investiture
    )
    censure = clause(RU1993, "Art. 117(3)", "President", "dissolves", "StateDuma")
    (limit,) = [x for x in conditions(censure) if x["type"] == "time_limit"]
    assert (limit["amount"], limit["unit"], limit["event"]) == (1, "years", "election")
    lifted = {
        i.holder: i.lifted_by for p in parse_file(RU1993).provisions for i in p.immunities if i.scope == "members"
    }
    assert lifted == {"StateDuma": "StateDuma", "FederationCouncil": "FederationCouncil"}


def test_v2_2020_the_incumbents_terms_are_not_counted_and_former_presidents_sit_for_life():
    """Art. 81(3-1) (2020): the limit applies without counting the terms held when it entered into
    force; 95(2)(b): a former President is a senator for life."""
    rules = {(r.kind, r.institution) for p in parse_file(RU2020).provisions for r in p.tenure_rules}
    assert {("limit_exemption", "President"), ("life_member", "FederationCouncil")} <= rules
    approved = clause(RU2020, "Art. 112(2)", "President", "appoints", "Ministers")
    assert approved.modality == "duty"  # 112(3): he may not refuse those the Duma approved
