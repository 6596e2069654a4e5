"""Mexico: the Constitution of 1917 as in force on 31 December 2007 (after the decree of DOF 13-11-2007).

Facts pinned here are the text's, each with the article that says it; rule findings are not pinned.
"""

from __future__ import annotations

import datetime as dt

from tests.conftest import SPECS
from tests.corpus.test_united_states import assert_cited_and_large_enough, find, majority, of_type, spec

MX = SPECS / "mexico" / "2007.constitution"


def test_the_spec_parses_is_cited_and_large_enough():
    assert_cited_and_large_enough(MX, dt.date(1917, 2, 5), dt.date(2007, 12, 31))
    assert "constitucion-mexicana" in (spec(MX).source or "")


def test_one_six_year_presidential_term_and_no_immediate_reelection_of_legislators():
    """Art. 83: six years, never again; Arts. 51-52, 56: 500 deputies for three years, 128 senators
    for six; Art. 59: not re-elected for the immediately following term."""
    president, deputies, senate = (spec(MX).institution(n) for n in ("President", "ChamberOfDeputies", "Senate"))
    assert president is not None and deputies is not None and senate is not None
    assert (president.term_years, president.term_limit) == (6, 1)
    assert (deputies.seats, deputies.term_years, senate.seats, senate.term_years) == (500, 3, 128, 6)
    for chamber in (deputies, senate):
        assert (chamber.term_limit, chamber.term_limit_consecutive) == (1, True)


def test_observations_are_overridden_by_two_thirds_of_each_chamber():
    """Art. 72 C: confirmed "por las dos terceras partes del número total de votos" in each chamber."""
    (veto,) = find(MX, "President", "vetoes", "laws", "Art. 72(C)")
    (override,) = of_type(veto, "override")
    assert override.institutions == ("ChamberOfDeputies", "Senate") and override.combine == "all"
    assert majority(override) == (2, 3, "votes")


def test_the_president_appoints_and_removes_secretaries_freely():
    """Art. 89 II: "Nombrar y remover libremente a los secretarios del despacho"; no ratification."""
    (appointment,) = find(MX, "President", "appoints", "Secretaries", "Art. 89(II)")
    assert [c.type for c in appointment.conditions] == ["at_will"]
    assert find(MX, "President", "dismisses", "Secretaries", "Art. 89(II)")
    assert not [c for c in find(MX, target="Secretaries", verb="appoints") if of_type(c, "consent")]


def test_the_senate_designates_supreme_court_ministers_from_the_presidents_terna_by_two_thirds():
    """Art. 96: terna of the President, two-thirds of the Senators present; the President designates
    if the Senate does not decide within thirty days or rejects two ternas."""
    (designation,) = find(MX, "Senate", "appoints", "SupremeCourt", "Art. 96")
    assert [p.institution for p in of_type(designation, "proposal")] == ["President"]
    assert majority(of_type(designation, "majority")[0])[:2] == (2, 3)
    (fallback,) = find(MX, "President", "appoints", "SupremeCourt", "Art. 96")
    assert "thirty days" in of_type(fallback, "when")[0].circumstance


def test_the_senate_removes_the_president_only_on_the_deputies_accusation_for_grave_crimes():
    """Arts. 108, 111: the President is accused only for treason and grave ordinary crimes, before the
    Senate; Art. 110: the Deputies accuse and the Senate sanctions by two-thirds."""
    (trial,) = find(MX, "Senate", "impeaches", "President", "Art. 111")
    assert [p.institution for p in of_type(trial, "proposal")] == ["ChamberOfDeputies"]
    assert "treason" in (of_type(trial, "for_cause")[0].grounds or "")
    assert not find(MX, verb="dismisses", target="President")


def test_no_dissolution_and_no_confidence():
    """Nothing in the text lets anyone dissolve Congress or vote no confidence in the Executive."""
    assert not find(MX, verb="dissolves")
    assert not find(MX, verb="votes no confidence in") and not find(MX, verb="censures")


def test_amendment_needs_two_thirds_of_congress_and_a_majority_of_state_legislatures():
    """Art. 135: two-thirds of the individuals present in Congress, approved by a majority of the
    State legislatures."""
    (adoption,) = find(MX, "ChamberOfDeputies", "adopts", "constitution", "Art. 135")
    assert adoption.joint_actors == ("ChamberOfDeputies", "Senate")
    assert majority(of_type(adoption, "majority")[0]) == (2, 3, "present")
    (ratification,) = find(MX, "StateLegislatures", "ratifies", "constitution", "Art. 135")
    assert majority(of_type(ratification, "majority")[0]) == (1, 2, "members")


def test_the_central_bank_is_appointed_with_the_senates_approval():
    """Art. 28: designation "por el Presidente de la República con la aprobación de la Cámara de
    Senadores o de la Comisión Permanente"."""
    consents = sorted(
        c.institution
        for clause in find(MX, "President", "appoints", "CentralBank", "Art. 28(7)")
        for c in of_type(clause, "consent")
    )
    assert consents == ["PermanentCommission", "Senate"]


def test_the_deputies_elect_the_auditor_and_the_electoral_council_by_two_thirds():
    """Art. 79: the audit body's head by two-thirds of the deputies present; Art. 41 V (2007): the
    IFE's councillors by two-thirds of the deputies present."""
    for citation, body, verb in (("Art. 79", "ASF", "appoints"), ("Art. 41(V)", "IFE", "elects")):
        (choice,) = [c for c in find(MX, "ChamberOfDeputies", verb, body, citation) if c.share is None]
        assert majority(of_type(choice, "majority")[0])[:2] == (2, 3)


def provision(citation: str):
    (found,) = [p for p in spec(MX).provisions if p.citation == citation]
    return found


def test_v2_the_chamber_lifts_the_fuero_and_the_president_alone_proposes_the_budget():
    """Art. 111: the Chamber of Deputies declares "por mayoría absoluta de sus miembros presentes"
    whether to proceed against a legislator; Art. 74 IV: the Executive alone sends the budget."""
    fuero = {i.holder: (i.lifted_by, i.majority.basis) for i in provision("Art. 111").immunities}
    assert fuero["Senate"] == ("ChamberOfDeputies", "present") and fuero["SupremeCourt"][0] == "ChamberOfDeputies"
    assert [c.actor for c in find(MX, verb="initiates", target="budget") if c.exclusive] == ["President"]


def test_v2_secretaries_countersign_and_may_not_sit_in_congress():
    """Art. 92: every regulation, decree and order of the President is signed by the Secretary
    concerned; Art. 62: a legislator may not hold another federal employment while sitting."""
    (refrendo,) = find(MX, "Secretaries", "countersigns", "President", "Art. 92")
    assert refrendo.target_scope == "acts"
    assert {(i.office, i.other) for i in provision("Art. 62").incompatibilities} == {
        ("Secretaries", "ChamberOfDeputies"),
        ("Secretaries", "Senate"),
    }


def test_v2_emergency_and_tariff_powers_are_decree_laws_the_reglamentos_regulations():
    """Arts. 29, 131: extraordinary powers and tariff decrees granted by Congress have the force of
    law; Art. 89 I: the reglamentos execute the laws."""
    assert {c.citation for c in find(MX, "President", "issues", "decree-laws")} == {"Art. 29", "Art. 131"}
    assert [c.citation for c in find(MX, "President", "issues", "regulations")] == ["Art. 89(I)"]
    assert not find(MX, verb="issues", target="decrees")
