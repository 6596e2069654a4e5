"""France, the 1958 Constitution as in force 2007 and as revised on 23 July 2008."""

from __future__ import annotations

import datetime as dt

import pytest

from constitution_rules.amendments import apply_amendments, load_amendment, render_applied
from constitution_rules.language.parser import parse_file, read_source
from tests.conftest import SPECS
from tests.corpus.test_germany import clauses

FR = SPECS / "france"
BASE, REVISED = FR / "2007.constitution", FR / "2008.constitution"
REVISION = FR / "amendments" / "2008-07-23.amendment"


@pytest.fixture(scope="module")
def v2007():
    return parse_file(BASE)


@pytest.fixture(scope="module")
def v2008():
    return parse_file(REVISED)


def kinds(clause):
    return [x.type for x in clause.conditions]


def only(clause, kind):
    (found,) = [x for x in clause.conditions if x.type == kind]
    return found


def fraction(cond):
    return (cond.majority.numerator, cond.majority.denominator, cond.majority.basis)


@pytest.mark.parametrize("path", [BASE, REVISED])
def test_each_version_is_cited_and_large_enough(path):
    constitution = parse_file(path)
    assert constitution.source and "Constitutions_NLP" in constitution.source
    assert constitution.adopted == dt.date(1958, 10, 4) and constitution.as_of is not None
    assert len(clauses(constitution)) >= 40
    for provision in constitution.provisions:
        for clause in provision.clauses:
            assert clause.provision_id == provision.id and clause.citation == provision.citation


def test_the_2008_file_is_exactly_the_revision_applied_to_2007():
    """specs/france/2008.constitution is what `apply 2007.constitution 2008-07-23.amendment` writes."""
    amendment = load_amendment(REVISION)
    assert amendment.header.status == "adopted" and amendment.header.date == dt.date(2008, 7, 23)
    applied = apply_amendments(parse_file(BASE), [amendment], read_source(BASE))
    assert render_applied(applied) == read_source(REVISED)
    assert applied.constitution.meaning() == parse_file(REVISED).meaning()


def test_art_8_the_president_appoints_the_prime_minister_without_an_investiture_vote(v2007):
    """Art. 8(1): the President appoints the Prime Minister; no House consents, none proposes; he ends
    the appointment only when the Prime Minister tenders the Government's resignation (formal)."""
    (appointment,) = clauses(v2007, "President", "appoints", "PrimeMinister")
    assert appointment.citation == "Art. 8(1)" and appointment.conditions == ()
    (dismissal,) = clauses(v2007, verb="dismisses", target="PrimeMinister")
    assert (dismissal.actor, dismissal.modality) == ("President", "formal")


def test_art_49_the_assembly_censures_by_a_majority_of_its_members(v2007):
    """Arts. 49(2) and 50: a censure motion needs a majority of the members and forces resignation."""
    (censure,) = clauses(v2007, "NationalAssembly", "votes no confidence in", "Government", "Art. 49(2)")
    assert fraction(only(censure, "majority")) == (1, 2, "members")


def test_art_12_dissolution_needs_only_consultation(v2007):
    """Art. 12: the President dissolves after consulting the Prime Minister and the two Presidents."""
    (dissolution,) = clauses(v2007, "President", "dissolves", "NationalAssembly")
    assert only(dissolution, "consultation").institutions == ("PrimeMinister", "AssemblyPresident", "SenatePresident")
    assert not {"consent", "proposal"} & set(kinds(dissolution))
    limit = only(dissolution, "time_limit")
    assert (limit.amount, limit.unit, limit.event) == (1, "years", "election")


def test_art_10_a_reconsideration_is_overcome_by_an_ordinary_majority(v2007):
    """Art. 10: Parliament must reopen debate; an ordinary majority passes the Act again."""
    (veto,) = clauses(v2007, "President", "vetoes", "laws")
    assert fraction(only(veto, "override"))[:2] == (1, 2) and only(veto, "override").majority.basis == "votes"


def test_art_89_amendment_by_referendum_or_by_three_fifths_of_congress(v2007):
    """Art. 89(2)-(3): both Houses pass the same text, then a referendum or 3/5 of the votes in Congress."""
    (houses,) = clauses(v2007, "NationalAssembly", "adopts", "constitution")
    assert houses.joint_actors == ("NationalAssembly", "Senate")
    (congress,) = clauses(v2007, "Congress", "ratifies", "constitution")
    assert fraction(only(congress, "majority")) == (3, 5, "votes")
    assert clauses(v2007, "People", "ratifies", "constitution")


def test_art_56_three_appointers_fill_the_constitutional_council(v2007):
    """Art. 56: three members each by the President of the Republic and the Presidents of the Houses."""
    shares = {
        (c.actor, c.share.seats, c.share.of) for c in clauses(v2007, verb="appoints", target="ConstitutionalCouncil")
    }
    assert shares == {
        ("President", 3, 9),
        ("AssemblyPresident", 3, 9),
        ("SenatePresident", 3, 9),
        ("President", None, None),
    }


def test_art_6_two_consecutive_terms_only_from_2008(v2007, v2008):
    """Art. 6(2), added in 2008: no one may hold more than two consecutive terms."""
    assert v2007.institution("President").term_limit is None
    revised = v2008.institution("President")
    assert (revised.term_limit, revised.term_limit_consecutive) == (2, True)


def test_art_49_3_is_limited_in_2008(v2007, v2008):
    """Art. 49(3): any text until 2008; then finance and social security bills and one other per session."""
    (before,) = clauses(v2007, "PrimeMinister", "adopts", "laws", "Art. 49(3)")
    (after,) = clauses(v2008, "PrimeMinister", "adopts", "laws", "Art. 49(3)")
    assert "any bill" in only(before, "when").circumstance
    assert "one other bill per session" in only(after, "when").circumstance


def test_2008_appointments_can_be_blocked_by_three_fifths_of_the_committees(v2007, v2008):
    """Arts. 13(5) and 56 (2008): the committees' negative votes, at three-fifths, block the appointment."""
    (before,) = [c for c in clauses(v2007, "President", "appoints", "ConstitutionalCouncil") if c.share.kind == "seats"]
    assert "override" not in kinds(before)
    (after,) = [c for c in clauses(v2008, "President", "appoints", "ConstitutionalCouncil") if c.share.kind == "seats"]
    assert only(after, "override").institution == "AppointmentCommittees"
    assert fraction(only(after, "override"))[:2] == (3, 5)


def test_art_61_1_statutes_in_force_can_be_reviewed_only_from_2008(v2007, v2008):
    """Art. 61-1 (2008): referral of statutes in force by the Conseil d'État or the Cour de cassation."""
    assert not clauses(v2007, citation="Art. 61-1")
    assert clauses(v2008, "ConstitutionalCouncil", "reviews", "laws", "Art. 61-1")


def test_art_16_emergency_powers_come_under_review_in_2008(v2007, v2008):
    """Art. 16(6) (2008): after thirty days the Constitutional Council can be asked whether the conditions hold."""
    (before,) = clauses(v2007, "President", "declares", "emergency")
    (after,) = clauses(v2008, "President", "declares", "emergency")
    assert "review" not in kinds(before)
    assert only(after, "review").institution == "ConstitutionalCouncil"


def test_v2_ordinances_are_decree_laws_and_regulations_execute_statutes(v2007):
    """Art. 38: ordinances in the domain of statute, on an enabling Act; Art. 21 and 37: the Prime
    Minister's regulatory power."""
    (ordinances,) = clauses(v2007, "Government", "issues", "decree-laws")
    assert only(ordinances, "consent").institution == "Parliament"
    assert [c.actor for c in clauses(v2007, verb="issues", target="regulations")] == ["PrimeMinister"]
    assert [c.actor for c in clauses(v2007, verb="initiates", target="budget") if c.exclusive] == ["Government"]


def test_v2_ministers_may_not_sit_and_the_prime_minister_countersigns(v2007):
    """Art. 23: membership of the Government is incompatible with any parliamentary mandate; Art. 19:
    the President's acts are countersigned except those listed."""
    pairs = {(i.office, i.other, i.compatible) for p in v2007.provisions for i in p.incompatibilities}
    assert pairs == {("Government", "Parliament", False)}
    (countersignature,) = clauses(v2007, "PrimeMinister", "countersigns", "President")
    assert countersignature.target_scope == "acts" and "dissolution" in only(countersignature, "except").subjects


def test_v2_2008_parliament_authorises_interventions_abroad_beyond_four_months(v2008):
    """Art. 35(3) (2008): an intervention longer than four months needs Parliament's authorisation."""
    (deployment,) = clauses(v2008, "Parliament", "approves", "deployment")
    assert deployment.citation == "Art. 35(3)" and only(deployment, "override").institution == "NationalAssembly"
