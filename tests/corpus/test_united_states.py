"""The United States: the Constitution of 1787 with Amendments I-XXVII, as in force in 2007.

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
The helpers are shared with the Mexico tests.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

from constitution_rules import model as m
from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

US = SPECS / "united-states" / "2007.constitution"


@cache
def spec(path: Path) -> m.Constitution:
    return parse_file(path)


def find(path: Path, actor=None, verb=None, target=None, citation=None) -> list[m.PowerClause]:
    """The clauses of the spec at `path` that match every field given."""
    return [
        c
        for p in spec(path).provisions
        for c in p.clauses
        if (actor is None or c.actor == actor)
        and (verb is None or c.verb == verb)
        and (target is None or c.target == target)
        and (citation is None or c.citation == citation)
    ]


def of_type(clause: m.PowerClause, kind: str) -> list:
    return [x for x in clause.conditions if x.type == kind]


def majority(condition) -> tuple[int, int, str]:
    size = condition.majority
    return (size.numerator, size.denominator, size.basis)


def assert_cited_and_large_enough(path: Path, adopted: dt.date, as_of: dt.date) -> None:
    """Header source, version and dates; at least 40 clauses; each clause cites its article."""
    constitution = spec(path)
    assert constitution.source and constitution.version
    assert (constitution.adopted, constitution.as_of) == (adopted, as_of)
    assert len(find(path)) >= 40
    for provision in constitution.provisions:
        for clause in provision.clauses:
            assert clause.provision_id == provision.id
            assert clause.citation == provision.citation and clause.citation.startswith("Art. ")


def test_the_spec_parses_is_cited_and_large_enough():
    assert_cited_and_large_enough(US, dt.date(1787, 9, 17), dt.date(2007, 12, 31))
    assert "Constitutions_NLP" in (spec(US).source or "")


def test_terms_four_year_president_elected_at_most_twice_two_year_house_six_year_senate():
    """Art. II §1 cl.1 and Am. XXII §1: four years, "elected ... more than twice" forbidden;
    Art. I §2 cl.1: "every second Year"; Am. XVII: "for six years"."""
    president, house, senate = (spec(US).institution(n) for n in ("President", "House", "Senate"))
    assert president is not None and house is not None and senate is not None
    assert (president.term_years, president.term_limit, president.term_limit_consecutive) == (4, 2, False)
    assert (house.term_years, senate.term_years) == (2, 6)
    assert house.term_limit is None and senate.term_limit is None


def test_veto_is_overridden_by_two_thirds_of_each_house():
    """Art. I §7 cl.2: a returned bill becomes law if two thirds of each House pass it again."""
    (veto,) = [c for c in find(US, "President", "vetoes", "laws", "Art. I(7)(2)") if of_type(c, "override")]
    (override,) = of_type(veto, "override")
    assert (override.institutions, override.combine) == (("House", "Senate"), "all")
    assert majority(override) == (2, 3, "present")


def test_treaties_need_two_thirds_of_the_senate():
    """Art. II §2 cl.2: "provided two thirds of the Senators present concur"."""
    (treaty,) = find(US, "President", "ratifies", "treaties", "Art. II(2)(2)")
    (consent,) = of_type(treaty, "consent")
    assert consent.institution == "Senate" and majority(consent)[:2] == (2, 3)


def test_the_senate_removes_the_president_only_on_the_houses_impeachment():
    """Art. I §2 cl.5, §3 cl.6, Art. II §4: the House impeaches, the Senate convicts by two thirds."""
    (trial,) = find(US, "Senate", "impeaches", "President", "Art. I(3)(6)")
    assert [p.institution for p in of_type(trial, "proposal")] == ["House"]
    assert majority(of_type(trial, "majority")[0])[:2] == (2, 3)
    assert not find(US, verb="dismisses", target="President")


def test_the_supreme_court_is_appointed_with_the_senates_consent():
    """Art. II §2 cl.2: the President nominates and, with the Senate's advice and consent, appoints."""
    (appointment,) = find(US, "President", "appoints", "SupremeCourt", "Art. II(2)(2)")
    assert [c.institution for c in of_type(appointment, "consent")] == ["Senate"]


def test_congress_declares_war_and_the_president_commands():
    """Art. I §8 cl.11: Congress (both Houses) declares war; Art. II §2 cl.1: the President commands."""
    assert [c.joint_actors for c in find(US, verb="declares", target="war")] == [("House", "Senate")]
    assert find(US, "President", "commands", "armed-forces", "Art. II(2)(1)")


def test_no_dissolution_and_no_confidence():
    """Nothing in the text lets anyone dissolve Congress or vote no confidence in the President."""
    assert not find(US, verb="dissolves")
    assert not find(US, verb="votes no confidence in") and not find(US, verb="censures")


def test_contested_inability_needs_two_thirds_of_both_houses():
    """Am. XXV §4: the Vice President and a majority of the principal officers declare; if the
    President contests, Congress must find the inability by two-thirds of both Houses."""
    (removal,) = find(US, "VicePresident", "removes", "President", "Art. Amendment-XXV(4)")
    consents = {c.institutions: majority(c)[:2] for c in of_type(removal, "consent")}
    assert consents == {("Departments",): (1, 2), ("House", "Senate"): (2, 3)}


def test_amendment_needs_two_thirds_of_congress_and_three_quarters_of_the_states():
    """Art. V: proposed by two thirds of both Houses (or a convention), ratified by three fourths of
    the States; the President has no part."""
    (proposal,) = find(US, "House", "initiates", "constitution", "Art. V")
    assert proposal.joint_actors == ("House", "Senate")
    assert majority(of_type(proposal, "majority")[0]) == (2, 3, "present")
    ratifiers = {
        c.actor: majority(of_type(c, "majority")[0])[:2] for c in find(US, verb="ratifies", target="constitution")
    }
    assert ratifiers == {"StateLegislatures": (3, 4), "StateConventions": (3, 4)}
    assert not find(US, actor="President", target="constitution")


def test_statutory_bodies_are_appointed_under_the_appointments_clause():
    """Art. II §2 cl.2: officers "established by Law" (the Federal Reserve Board, the Comptroller
    General, the Federal Election Commission) are appointed with the Senate's consent."""
    for body in ("FederalReserve", "GAO", "FEC"):
        (appointment,) = [c for c in find(US, "President", "appoints", body, "Art. II(2)(2)") if c.share is None]
        assert [c.institution for c in of_type(appointment, "consent")] == ["Senate"]
        institution = spec(US).institution(body)
        assert institution is not None and "statutory" in (institution.name or "")


def provision(path: Path, citation: str) -> m.Provision:
    (found,) = [p for p in spec(path).provisions if p.citation == citation]
    return found


def test_v2_laws_pass_both_houses_and_revenue_bills_start_in_the_house():
    """Art. I §1, §7 cl.1-2: a bill becomes law when both Houses pass it; revenue bills originate in
    the House only."""
    (laws,) = find(US, verb="adopts", target="laws", citation="Art. I(1)")
    assert laws.joint_actors == ("House", "Senate")
    (revenue,) = [c for c in find(US, "House", "initiates", "laws", "Art. I(7)(1)") if c.exclusive]
    assert "revenue" in of_type(revenue, "when")[0].circumstance
    assert not [c for c in find(US, verb="initiates", target="laws") if c.exclusive and c.actor != "House"]


def test_v2_judges_hold_office_for_life_and_are_impeached_one_by_one():
    """Art. III §1 "during good Behaviour"; Art. I §3 cl.6: conviction by two thirds of the members
    present, of each judge impeached."""
    assert spec(US).institution("SupremeCourt").term_life and spec(US).institution("InferiorCourts").term_life
    (trial,) = find(US, "Senate", "impeaches", "SupremeCourt")
    assert trial.target_scope == "members" and majority(of_type(trial, "majority")[0]) == (2, 3, "present")


def test_v2_members_privilege_incompatibility_and_equal_suffrage():
    """Art. I §6 cl.1-2: privilege from arrest lifted by no one; no officer of the United States sits
    in either House; Art. V: no State loses its equal suffrage in the Senate without its consent."""
    (privilege,) = provision(US, "Art. I(6)(1)").immunities[:1]
    assert privilege.scope == "members" and privilege.lifted_by is None
    assert {(i.office, i.other, i.compatible) for i in provision(US, "Art. I(6)(2)").incompatibilities} == {
        ("Departments", "House", False),
        ("Departments", "Senate", False),
    }
    assert [e.subject for e in provision(US, "Art. V").entrenchments] == [
        "equal suffrage of a State in the Senate, without its consent"
    ]
