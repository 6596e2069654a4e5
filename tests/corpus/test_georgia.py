"""Georgia: the Constitution of 24 August 1995 as amended by the Constitutional Law of 6 February 2004.

The article text of the 2004 version could not be read (see specs/georgia/REVIEW.md): most facts are
background knowledge [K] or secondary [N]. Facts pinned here are the ones the spec states, each with
its article; rule findings are not pinned.
"""

from __future__ import annotations

from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

GE = SPECS / "georgia" / "2004.constitution"


def facts() -> set[tuple[str, str, str, str]]:
    constitution = parse_file(GE)
    return {(c.citation, c.actor, c.verb, c.target) for p in constitution.provisions for c in p.clauses}


def conditions(citation: str, actor: str, verb: str, target: str) -> list[dict]:
    constitution = parse_file(GE)
    for p in constitution.provisions:
        for c in p.clauses:
            if (c.citation, c.actor, c.verb, c.target) == (citation, actor, verb, target):
                return [x.model_dump(mode="json", exclude={"location"}) for x in c.conditions]
    raise AssertionError(f"no clause {citation}: {actor} {verb} {target}")


def test_the_spec_parses_is_cited_and_large_enough():
    constitution = parse_file(GE)
    assert constitution.source and constitution.as_of and constitution.version
    assert str(constitution.as_of) == "2004-02-06"
    assert sum(len(p.clauses) for p in constitution.provisions) >= 40
    for p in constitution.provisions:
        for c in p.clauses:
            assert c.citation == p.citation and c.citation.startswith("Art. ")


def test_the_government_needs_parliaments_confidence_by_a_majority_of_members():
    """Art. 80 (with 73(1)(b)): confidence in the composition and programme by a majority of the total number."""
    found = conditions("Art. 80", "President", "appoints", "Government")
    consent = next(x for x in found if x["type"] == "consent")
    assert consent["institution"] == "Parliament"
    size = consent["majority"]
    assert (size["numerator"], size["denominator"], size["basis"]) == (1, 2, "members")


def test_the_president_may_dismiss_the_government_on_his_own_initiative():
    """Art. 73(1)(c): 'on his/her own initiative ... to dissolve the Government'."""
    assert {"type": "at_will"} in conditions("Art. 73(1)(c)", "President", "dismisses", "Government")


def test_dissolution_only_on_the_three_grounds():
    """Arts. 51, 80, 81, 93: confidence refused three times, a second no-confidence vote, no budget in three months."""
    dissolutions = {c for c in facts() if c[2] == "dissolves" and c[3] == "Parliament"}
    assert {c[0] for c in dissolutions} == {"Art. 80", "Art. 81", "Art. 93"}


def test_no_confidence_does_not_by_itself_remove_the_government():
    """Art. 81: the President then dismisses the Government or disagrees; encoded as censure."""
    found = facts()
    assert ("Art. 81", "Parliament", "censures", "Government") in found
    assert not any(verb == "votes no confidence in" for _, _, verb, _ in found)


def test_the_veto_is_overridden_by_three_fifths_of_the_members():
    """Art. 68: the original text again by at least three-fifths of the total number (organic laws two-thirds)."""
    override = next(x for x in conditions("Art. 68", "President", "vetoes", "laws") if x["type"] == "override")
    assert override["institution"] == "Parliament"
    size = override["majority"]
    assert (size["numerator"], size["denominator"], size["basis"], size["inclusive"]) == (3, 5, "members", True)


def test_the_constitutional_court_is_formed_three_three_three():
    """Art. 88: nine judges; the President, Parliament and the Supreme Court each name three."""
    constitution = parse_file(GE)
    shares = {
        (c.actor, c.share.seats if c.share else None)
        for p in constitution.provisions
        for c in p.clauses
        if c.verb in ("appoints", "elects") and c.target == "ConstitutionalCourt" and c.share and c.share.seats
    }
    assert shares == {("President", 3), ("Parliament", 3), ("SupremeCourt", 3)}


def test_supreme_court_judges_are_elected_by_parliament_on_the_presidents_submission():
    """Art. 90."""
    found = conditions("Art. 90", "Parliament", "elects", "SupremeCourt")
    assert any(x["type"] == "proposal" and x["institution"] == "President" for x in found)


def test_amendment_by_two_thirds_of_parliament_alone():
    """Art. 102: adopted by at least two-thirds of the total number of members."""
    found = conditions("Art. 102", "Parliament", "amends", "constitution")
    (size,) = [x["majority"] for x in found if x["type"] == "majority"]
    assert (size["numerator"], size["denominator"], size["basis"], size["inclusive"]) == (2, 3, "members", True)


def test_the_president_suspends_government_acts_and_pardons():
    """Arts. 73(2) and 73(1)(n)."""
    found = facts()
    assert ("Art. 73(2)", "President", "annuls", "Government") in found  # acts of the Government
    assert ("Art. 73(1)(n)", "President", "grants", "pardons") in found


def test_v2_each_dissolution_has_its_typed_trigger_and_the_article_51_time_limits():
    """Arts. 51, 80, 81, 93: confidence refused three times, a second no-confidence vote, the budget
    not adopted; never within six months of the election."""
    triggers = {}
    for citation in ("Art. 80", "Art. 81", "Art. 93"):
        found = conditions(citation, "President", "dissolves", "Parliament")
        (trigger,) = [x["event"] for x in found if x["type"] == "trigger"]
        triggers[citation] = trigger
        assert {"type": "time_limit", "amount": 6, "unit": "months", "event": "election"} in found
    assert triggers == {"Art. 80": "failed-investiture", "Art. 81": "no-confidence", "Art. 93": "failed-budget"}


def test_v2_members_immunity_ministers_incompatible_and_martial_law():
    """Art. 52: no arrest or prosecution without Parliament's consent; Art. 79: members of the
    Government may hold no seat; Art. 73(1)(h): martial law approved by Parliament."""
    constitution = parse_file(GE)
    assert [
        (i.holder, i.scope, i.lifted_by) for p in constitution.provisions for i in p.immunities if i.scope == "members"
    ] == [("Parliament", "members", "Parliament")]
    pairs = {(i.office, i.other, i.compatible) for p in constitution.provisions for i in p.incompatibilities}
    assert pairs == {("Government", "Parliament", False)}
    assert ("Art. 73(1)(h)", "President", "declares", "martial-law") in facts()
