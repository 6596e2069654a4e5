"""Ukraine: the 1996 Constitution as amended on 8 December 2004, in force 1 January 2006.

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
"""

from __future__ import annotations

from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

UA = SPECS / "ukraine" / "2006.constitution"


def facts() -> set[tuple[str, str, str, str]]:
    constitution = parse_file(UA)
    return {(c.citation, c.actor, c.verb, c.target) for p in constitution.provisions for c in p.clauses}


def conditions(citation: str, actor: str, verb: str, target: str) -> list[dict]:
    constitution = parse_file(UA)
    for p in constitution.provisions:
        for c in p.clauses:
            if (c.citation, c.actor, c.verb, c.target) == (citation, actor, verb, target):
                return [x.model_dump(mode="json", exclude={"location"}) for x in c.conditions]
    raise AssertionError(f"no clause {citation}: {actor} {verb} {target}")


def test_the_spec_parses_is_cited_and_large_enough():
    constitution = parse_file(UA)
    assert constitution.source and constitution.as_of and constitution.version
    assert sum(len(p.clauses) for p in constitution.provisions) >= 40
    for p in constitution.provisions:
        for c in p.clauses:
            assert c.citation == p.citation and c.citation.startswith("Art. ")


def test_the_rada_appoints_the_prime_minister_on_the_presidents_submission_on_the_coalitions_proposal():
    """Arts. 85(1)(12), 106(1)(9), 114(3): the Rada appoints; the President submits the coalition's candidate."""
    assert any(
        x["type"] == "proposal" and x["institution"] == "President"
        for x in conditions("Art. 85(1)(12)", "Rada", "appoints", "PrimeMinister")
    )
    assert any(
        x["type"] == "proposal" and x["institution"] == "Coalition"
        for x in conditions("Art. 106(1)(9)", "President", "nominates", "PrimeMinister")
    )


def test_ministers_are_appointed_by_the_rada_on_the_prime_ministers_submission():
    """Art. 85(1)(12), 114(4): other members of the Cabinet on the Prime Minister's submission."""
    assert any(
        x["type"] == "proposal" and x["institution"] == "PrimeMinister"
        for x in conditions("Art. 85(1)(12)", "Rada", "appoints", "Ministers")
    )


def test_no_confidence_in_the_cabinet_by_a_majority_of_the_constitutional_composition():
    """Art. 87: a resolution of no confidence by a majority of the constitutional composition."""
    found = conditions("Art. 87", "Rada", "votes no confidence in", "CabinetOfMinisters")
    (size,) = [x["majority"] for x in found if x["type"] == "majority"]
    assert (size["numerator"], size["denominator"], size["basis"]) == (1, 2, "members")


def test_dissolution_only_on_the_three_grounds_of_article_90():
    """Art. 90: no coalition in a month, no Cabinet in sixty days, no sitting in thirty days."""
    found = conditions("Art. 90", "President", "dissolves", "Rada")
    when = next(x for x in found if x["type"] == "when")["circumstance"]
    assert "no coalition within one month" in when and "sixty days" in when and "thirty days" in when


def test_the_veto_is_overridden_by_two_thirds_of_the_constitutional_composition():
    """Art. 94(4): the Rada adopts the law again by at least two-thirds; the President must sign."""
    override = next(x for x in conditions("Art. 94", "President", "vetoes", "laws") if x["type"] == "override")
    assert override["institution"] == "Rada"
    size = override["majority"]
    assert (size["numerator"], size["denominator"], size["basis"], size["inclusive"]) == (2, 3, "members", True)


def test_the_constitutional_court_is_formed_six_six_six():
    """Art. 148: 18 judges; the President, the Rada and the Congress of Judges each appoint six."""
    constitution = parse_file(UA)
    shares = {
        (c.actor, c.share.seats if c.share else None)
        for p in constitution.provisions
        for c in p.clauses
        if c.verb == "appoints" and c.target == "ConstitutionalCourt"
    }
    assert shares == {("President", 6), ("Rada", 6), ("CongressOfJudges", 6)}


def test_the_rada_declares_war_and_grants_amnesty_but_the_president_pardons():
    """Arts. 85(1)(9), 92 and 106(1)(27)."""
    found = facts()
    assert ("Art. 85(1)(9)", "Rada", "declares", "war") in found
    assert ("Art. 92", "Rada", "grants", "amnesty") in found
    assert ("Art. 106(1)(27)", "President", "grants", "pardons") in found


def test_the_president_appoints_the_prosecutor_general_with_the_radas_consent():
    """Art. 106(1)(11); the Rada's no confidence makes him resign (85(1)(25))."""
    assert any(
        x["type"] == "consent" and x["institution"] == "Rada"
        for x in conditions("Art. 106(1)(11)", "President", "appoints", "ProsecutorGeneral")
    )
    assert ("Art. 85(1)(25)", "Rada", "votes no confidence in", "ProsecutorGeneral") in facts()


def test_the_president_may_suspend_cabinet_acts_only_with_a_petition_to_the_court():
    """Art. 106(1)(15): suspension with a simultaneous petition to the Constitutional Court."""
    found = conditions("Art. 106(1)(15)", "President", "annuls", "CabinetOfMinisters")
    assert any(x["type"] == "review" and x["institution"] == "ConstitutionalCourt" for x in found)


def provision(citation: str):
    (found,) = [p for p in parse_file(UA).provisions if p.citation == citation]
    return found


def test_v2_the_coalition_binds_the_presidents_nomination_and_failed_government_formation_dissolves():
    """Art. 106(1)(9), 114(3): the President submits the coalition's candidate; Art. 90: no coalition
    within a month or no Cabinet within sixty days lets him dissolve, after consulting the Chairman."""
    nominations = [
        c
        for p in parse_file(UA).provisions
        for c in p.clauses
        if (c.actor, c.verb, c.target) == ("President", "nominates", "PrimeMinister")
    ]
    assert {c.modality for c in nominations} == {"formal", "duty"}
    found = conditions("Art. 90", "President", "dissolves", "Rada")
    assert {"type": "trigger", "event": "failed-investiture"} in found
    assert [x["type"] for x in found].count("consultation") == 1


def test_v2_halves_of_the_bank_council_and_martial_law_with_the_radas_approval():
    """Art. 85(1)(19), 106(1)(12): the Rada and the President each appoint half of the Council of the
    National Bank; Art. 106(1)(20): martial law, approved by the Rada."""
    shares = {
        (c.actor, c.share.numerator, c.share.denominator)
        for p in parse_file(UA).provisions
        for c in p.clauses
        if (c.verb, c.target) == ("appoints", "NBUCouncil")
    }
    assert shares == {("Rada", 1, 2), ("President", 1, 2)}
    martial_law = conditions("Art. 106(1)(20)", "President", "declares", "martial-law")
    assert any(x["type"] == "consent" and x["institution"] == "Rada" for x in martial_law)


def test_v2_unamendable_rights_and_the_second_vote_for_amendments():
    """Art. 157: no amendment abolishing rights or liquidating independence; Art. 155: preliminary
    approval, then at least two-thirds at the next regular session."""
    assert "territorial integrity" in provision("Art. 157").entrenchments[0].subject
    found = conditions("Art. 155", "Rada", "amends", "constitution")
    assert [x["type"] for x in found][:2] == ["majority", "second_vote"]
