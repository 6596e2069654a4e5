"""Brazil: the Constitution of 5 October 1988 as in force from 20 December 2007 (after EC 56).

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
"""

from __future__ import annotations

from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

BR = SPECS / "brazil" / "2007.constitution"


def facts() -> set[tuple[str, str, str, str]]:
    constitution = parse_file(BR)
    return {(c.citation, c.actor, c.verb, c.target) for p in constitution.provisions for c in p.clauses}


def conditions(citation: str, actor: str, verb: str, target: str) -> list[dict]:
    constitution = parse_file(BR)
    for p in constitution.provisions:
        for c in p.clauses:
            if (c.citation, c.actor, c.verb, c.target) == (citation, actor, verb, target):
                return [x.model_dump(mode="json", exclude={"location"}) for x in c.conditions]
    raise AssertionError(f"no clause {citation}: {actor} {verb} {target}")


def majority(found: list[dict], kind: str) -> dict | None:
    for x in found:
        if x["type"] == kind:
            return x.get("majority")
    return None


def test_the_spec_parses_is_cited_and_large_enough():
    constitution = parse_file(BR)
    assert constitution.source and constitution.as_of and constitution.version
    assert str(constitution.as_of) == "2007-12-20"
    assert sum(len(p.clauses) for p in constitution.provisions) >= 40
    for p in constitution.provisions:
        for c in p.clauses:
            assert c.citation == p.citation and c.citation.startswith("Art. ")


def test_the_veto_is_overridden_by_an_absolute_majority_in_joint_session():
    """Art. 66 §4: the veto may be rejected only by the absolute majority of the Deputies and Senators."""
    found = conditions("Art. 66", "President", "vetoes", "laws")
    override = next(x for x in found if x["type"] == "override")
    assert (override["institutions"], override["combine"]) == (["Chamber", "Senate"], "all")
    size = override["majority"]
    assert (size["numerator"], size["denominator"], size["basis"]) == (1, 2, "members")


def test_provisional_measures_are_the_presidents_and_congress_can_set_them_aside():
    """Art. 62 (EC 32/2001): provisional measures with force of law, lapsing unless Congress converts them."""
    found = conditions("Art. 62", "President", "issues", "decree-laws")
    assert any(x["type"] == "override" and x["institutions"] == ["Chamber", "Senate"] for x in found)
    assert any(x["type"] == "when" and "relevance and urgency" in x["circumstance"] for x in found)
    assert any(x["type"] == "except" and "nationality" in x["subjects"] for x in found)
    assert ("Art. 62", "Chamber", "approves", "decree-laws") in facts()


def test_impeachment_needs_two_thirds_of_the_chamber_and_two_thirds_of_the_senate():
    """Arts. 51(I), 52 sole paragraph, 86: the Chamber admits the charge, the Senate convicts by two-thirds."""
    found = conditions("Art. 86", "Senate", "impeaches", "President")
    size = majority(found, "majority")
    assert size is not None and (size["numerator"], size["denominator"], size["basis"]) == (2, 3, "members")
    (proposal,) = [x for x in found if x["type"] == "proposal"]
    assert proposal["institution"] == "Chamber" and proposal["majority"]["numerator"] == 2


def test_supreme_court_ministers_are_appointed_with_an_absolute_majority_of_the_senate():
    """Art. 101 sole paragraph: appointed by the President after approval by the absolute majority of the Senate."""
    found = conditions("Art. 101", "President", "appoints", "SupremeCourt")
    consent = next(x for x in found if x["type"] == "consent")
    assert consent["institution"] == "Senate"
    size = consent["majority"]
    assert (size["numerator"], size["denominator"], size["basis"]) == (1, 2, "members")


def test_amendments_need_three_fifths_and_are_not_open_to_the_presidents_veto():
    """Art. 60 §2-3: three-fifths of the members of each House in two rounds; promulgated by the Boards."""
    found = conditions("Art. 60(2)", "Chamber", "adopts", "constitution")
    size = majority(found, "majority")
    assert size is not None and (size["numerator"], size["denominator"], size["basis"]) == (3, 5, "members")
    assert any(x["type"] == "second_vote" for x in found)
    assert not any(c[1] == "President" and c[2] == "vetoes" and c[3] == "constitution" for c in facts())


def test_commissions_of_inquiry_on_one_third_of_the_members():
    """Art. 58 §3: created on the request of one third of the members of either House."""
    for house in ("Chamber", "Senate"):
        found = conditions("Art. 58(3)", house, "investigates", "Ministers")
        size = majority(found, "majority")
        assert size is not None and (size["numerator"], size["denominator"], size["basis"]) == (1, 3, "members")


def test_the_president_appoints_and_dismisses_ministers_alone_and_nothing_dissolves_congress():
    """Art. 84(I): the President appoints and dismisses the Ministers; no article dissolves Congress."""
    found = facts()
    assert ("Art. 84(I)", "President", "appoints", "Ministers") in found
    assert ("Art. 84(I)", "President", "dismisses", "Ministers") in found
    assert not any(verb == "dissolves" for _, _, verb, _ in found)
    assert not any(verb == "votes no confidence in" for _, _, verb, _ in found)


def test_the_federal_court_of_accounts_is_two_thirds_congress_one_third_president():
    """Arts. 49(XIII), 73 §2: two-thirds chosen by Congress, one third by the President with the Senate."""
    constitution = parse_file(BR)
    shares = {
        (c.actor, c.share.seats if c.share else None)
        for p in constitution.provisions
        for c in p.clauses
        if c.verb == "appoints" and c.target == "TCU"
    }
    assert shares == {("Congress", 6), ("President", 3)}


def test_the_national_council_of_justice_has_fifteen_nominated_seats():
    """Art. 103-B (EC 45/2004): fifteen members named by courts, the prosecution, the Bar and both Houses."""
    constitution = parse_file(BR)
    nominated = sum(
        c.share.seats
        for p in constitution.provisions
        for c in p.clauses
        if c.verb == "nominates" and c.target == "CNJ" and c.share is not None
    )
    assert nominated == 15
    assert ("Art. 103-B", "President", "appoints", "CNJ") in facts()


def test_amnesty_is_congress_and_pardon_is_the_presidents():
    """Arts. 48(VIII) and 84(XII)."""
    found = facts()
    assert ("Art. 48(VIII)", "Congress", "grants", "amnesty") in found
    assert ("Art. 84(XII)", "President", "grants", "pardons") in found


def provision(citation: str):
    (found,) = [p for p in parse_file(BR).provisions if p.citation == citation]
    return found


def test_v2_legislators_immunity_is_lifted_by_their_house_and_ministers_leave_their_seat():
    """Art. 53 §2-3: the House decides on the arrest and may stay the action by a majority of its
    members; Arts. 54, 56 §1: a deputy or senator made Minister is replaced by a substitute."""
    lifted = {i.holder: (i.lifted_by, i.majority.basis) for i in provision("Art. 53").immunities}
    assert lifted == {"Chamber": ("Chamber", "members"), "Senate": ("Senate", "members")}
    assert {(i.office, i.other, i.compatible) for i in provision("Art. 56").incompatibilities} == {
        ("Ministers", "Chamber", False),
        ("Ministers", "Senate", False),
    }


def test_v2_the_president_alone_initiates_the_budget_and_the_listed_laws():
    """Arts. 61 §1 and 165: laws on the armed forces, public posts and the administration, and the
    budget laws, are on the initiative of the President only."""
    exclusive = {
        (c.target, c.citation)
        for p in parse_file(BR).provisions
        for c in p.clauses
        if c.exclusive and c.actor == "President"
    }
    assert exclusive == {("laws", "Art. 61(1)"), ("budget", "Art. 165")}


def test_v2_entrenched_clauses_and_life_tenure_of_the_supreme_court():
    """Art. 60 §4: no amendment tending to abolish the federal form, the vote, the separation of
    powers or individual rights; Art. 95(I): judges hold office for life (retirement at seventy)."""
    assert "separation of powers" in provision("Art. 60(4)").entrenchments[0].subject
    supreme = parse_file(BR).institution("SupremeCourt")
    assert supreme is not None and supreme.term_life
