"""Germany, Basic Law as in force 2007: the spec parses, is cited, and says what the text says."""

from __future__ import annotations

import datetime as dt

import pytest

from constitution_rules.language.parser import parse_file
from tests.conftest import SPECS

SPEC = SPECS / "germany" / "2007.constitution"


@pytest.fixture(scope="module")
def basic_law():
    return parse_file(SPEC)


def clauses(constitution, actor=None, verb=None, target=None, citation=None):
    return [
        c
        for p in constitution.provisions
        for c in p.clauses
        if (actor is None or c.actor == actor)
        and (verb is None or c.verb == verb)
        and (target is None or c.target == target)
        and (citation is None or c.citation == citation)
    ]


def condition(clause, kind):
    return [x for x in clause.conditions if x.type == kind]


def majority(cond):
    m = cond.majority
    return (m.numerator, m.denominator, m.basis)


def test_the_spec_is_cited_and_large_enough(basic_law):
    assert basic_law.source and "gesetze" in basic_law.source
    assert basic_law.as_of == dt.date(2007, 1, 1) and basic_law.adopted == dt.date(1949, 5, 23)
    assert len(clauses(basic_law)) >= 40
    for provision in basic_law.provisions:
        for clause in provision.clauses:
            assert clause.provision_id == provision.id
            assert clause.citation == provision.citation


def test_art_67_the_bundestag_removes_the_chancellor_only_by_electing_a_successor(basic_law):
    """Art. 67(1): no confidence only by electing a successor by a majority of the members."""
    (vote,) = clauses(basic_law, "Bundestag", "votes no confidence in", "Chancellor")
    assert vote.citation == "Art. 67(1)"
    assert majority(condition(vote, "majority")[0]) == (1, 2, "members")
    assert condition(vote, "constructive")
    (dismissal,) = clauses(basic_law, verb="dismisses", target="Chancellor")
    assert (dismissal.actor, dismissal.modality) == ("FederalPresident", "duty")


def test_art_63_the_bundestag_elects_the_chancellor_on_the_presidents_proposal(basic_law):
    """Art. 63(1)-(2): elected without debate on the President's proposal, by a majority of the members."""
    (first,) = clauses(basic_law, "Bundestag", "elects", "Chancellor", "Art. 63(2)")
    assert [p.institution for p in condition(first, "proposal")] == ["FederalPresident"]
    assert majority(condition(first, "majority")[0]) == (1, 2, "members")


def test_arts_63_and_68_the_president_dissolves_only_after_a_failed_election_or_confidence_vote(basic_law):
    """Art. 63(4) and 68(1) are the only dissolutions; the second needs the Chancellor's proposal."""
    dissolutions = clauses(basic_law, verb="dissolves")
    assert sorted(c.citation for c in dissolutions) == ["Art. 63(4)", "Art. 68(1)"]
    assert {(c.actor, c.target) for c in dissolutions} == {("FederalPresident", "Bundestag")}
    (after_confidence,) = clauses(basic_law, verb="dissolves", citation="Art. 68(1)")
    assert [p.institution for p in condition(after_confidence, "proposal")] == ["Chancellor"]


def test_art_79_two_thirds_of_both_bodies_amend_and_no_referendum(basic_law):
    """Art. 79(2): two-thirds of the Bundestag's members and two-thirds of the Bundesrat's votes."""
    (amend,) = clauses(basic_law, "Bundestag", "adopts", "constitution")
    assert amend.joint_actors == ("Bundestag", "Bundesrat")
    assert majority(condition(amend, "majority")[0]) == (2, 3, "members")
    assert not clauses(basic_law, "People", target="constitution")
    (eternity,) = [p for p in basic_law.provisions if p.citation == "Art. 79(3)"]
    assert "Articles 1 and 20" in eternity.entrenchments[0].subject


def test_art_77_bundesrat_objections_are_overridden_by_the_matching_bundestag_majority(basic_law):
    """Art. 77(4): a majority objection falls to a majority of members, a two-thirds one to two-thirds."""
    objections = clauses(basic_law, "Bundesrat", "vetoes", "laws", "Art. 77(4)")
    pairs = {(majority(condition(c, "majority")[0]), majority(condition(c, "override")[0])) for c in objections}
    assert pairs == {((1, 2, "members"), (1, 2, "members")), ((2, 3, "members"), (2, 3, "votes"))}
    (strong,) = [c for c in objections if condition(c, "majority")[0].majority.numerator == 2]
    bases = [(m.numerator, m.denominator, m.basis) for m in condition(strong, "override")[0].majorities]
    assert bases == [(2, 3, "votes"), (1, 2, "members")]


def test_art_94_each_chamber_elects_half_of_the_constitutional_court(basic_law):
    """Art. 94(1): the members are elected half by the Bundestag and half by the Bundesrat."""
    elections = clauses(basic_law, verb="elects", target="FederalConstitutionalCourt")
    assert {(c.actor, c.share.seats, c.share.of) for c in elections} == {("Bundestag", 8, 16), ("Bundesrat", 8, 16)}


def test_art_54_the_federal_convention_elects_the_president_for_five_years_once_renewable(basic_law):
    """Art. 54(1)-(2): elected by the Federal Convention; five years; one consecutive re-election."""
    (election,) = clauses(basic_law, verb="elects", target="FederalPresident")
    assert election.actor == "FederalConvention"
    president = basic_law.institution("FederalPresident")
    assert (president.term_years, president.term_limit, president.term_limit_consecutive) == (5, 2, True)


def test_art_115a_the_bundestag_determines_a_state_of_defence_with_the_bundesrat(basic_law):
    """Art. 115a(1): on the Government's application, with the Bundesrat's consent, by two-thirds."""
    (defence,) = clauses(basic_law, "Bundestag", "declares", "war")
    assert [c.institution for c in condition(defence, "consent")] == ["Bundesrat"]
    assert [p.institution for p in condition(defence, "proposal")] == ["FederalGovernment"]
    assert majority(condition(defence, "majority")[0])[:2] == (2, 3)


def test_art_51_the_bundesrat_is_appointed_and_recalled_by_the_land_governments(basic_law):
    """Art. 51(1): members of the Land governments, which appoint and recall them; nobody elects them."""
    assert {c.verb for c in clauses(basic_law, "LandGovernments", target="Bundesrat")} == {"appoints", "recalls"}
    assert not clauses(basic_law, verb="elects", target="Bundesrat")


def test_art_60_the_president_pardons_and_no_legislature_does(basic_law):
    """Art. 60(2): the Federal President exercises the power of pardon for the Federation."""
    assert [c.actor for c in clauses(basic_law, verb="grants", target="pardons")] == ["FederalPresident"]


def test_v2_the_president_formally_appoints_whom_the_bundestag_elects_and_the_chancellor_proposes(basic_law):
    """Art. 63(2): the person elected "ist ... zu ernennen"; Art. 64(1): ministers are appointed and
    dismissed on the Chancellor's proposal; Art. 58: the Chancellor countersigns."""
    (chancellor,) = clauses(basic_law, "FederalPresident", "appoints", "Chancellor")
    assert chancellor.modality == "formal" and condition(chancellor, "proposal")[0].binding
    ministers = clauses(basic_law, "FederalPresident", target="FederalMinisters")
    assert {(c.verb, c.modality) for c in ministers} == {("appoints", "formal"), ("dismisses", "formal")}
    assert {c.actor for c in clauses(basic_law, verb="countersigns", target="FederalPresident")} == {
        "Chancellor",
        "FederalMinisters",
    }


def test_v2_members_of_the_bundestag_have_immunity_the_bundestag_lifts_and_ministers_may_sit(basic_law):
    """Art. 46(2): prosecution or arrest only with the Bundestag's permission; Art. 66 is silent on a
    seat, so ministers may hold one (PPI serve_min)."""
    (immunity,) = [i for p in basic_law.provisions for i in p.immunities if i.holder == "Bundestag"]
    assert (immunity.scope, immunity.lifted_by) == ("members", "Bundestag")
    pairs = {(i.office, i.other, i.compatible) for p in basic_law.provisions for i in p.incompatibilities}
    assert ("FederalGovernment", "Bundestag", True) in pairs


def test_v2_a_third_of_the_bundestag_and_every_person_may_bring_cases_to_the_court(basic_law):
    """Art. 93(1) no. 2 (2006 wording): one third of the members of the Bundestag; no. 4a: any person."""
    standing = {c.actor: c for c in clauses(basic_law, verb="brings cases to", target="FederalConstitutionalCourt")}
    assert {"FederalGovernment", "LandGovernments", "Bundestag", "People", "Bundesrat", "FederalCourts"} <= set(
        standing
    )
    assert majority(condition(standing["Bundestag"], "majority")[0]) == (1, 3, "members")
