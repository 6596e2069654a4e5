"""Kazakhstan's amendments, applied in order to the 1995 text."""

from __future__ import annotations

import pytest

from constitution_rules.amendments import apply_amendments, load_amendment
from constitution_rules.language.parser import parse_file, read_source
from tests.conftest import SPECS

KZ = SPECS / "kazakhstan"
CHAIN = ["1998", "2007", "2011", "2017", "2022-06", "2022-09"]


def chain():
    base = KZ / "1995.constitution"
    amendments = [load_amendment(KZ / "amendments" / f"{name}.amendment") for name in CHAIN]
    return apply_amendments(parse_file(base), amendments, read_source(base))


def test_every_amendment_applies_in_order_and_is_cited():
    applied = chain()
    assert applied.constitution.version == "as amended 17 September 2022"
    for amendment in applied.amendments:
        assert amendment.header.status == "adopted"
        assert amendment.header.source and amendment.header.date
    president = applied.constitution.institution("President")
    assert president is not None and (president.term_years, president.term_limit) == (7, 1)
    assert applied.renamed == {
        "ConstitutionalCouncil": "ConstitutionalCourt",
        "AccountsCommittee": "SupremeAuditChamber",
    }


@pytest.mark.parametrize(
    "ref",
    [
        "41(3-1)",
        "44(2)",
        "44(3)",
        "44(4)",
        "44(7)",
        "44(20)",
        "50(2)",
        "51(1)",
        "52(5)",
        "53(1-1)",
        "53(2)",
        "53(4)",
        "54(1)",
        "55(1-1)",
        "55(2)",
        "55(5)",
        "56(1)",
        "56(2)",
        "57(1)",
        "57(6)",
        "61(3)",
        "61(4)",
        "61(7)",
        "71(2)",
        "71(3)",
        "72(3)",
        "86(5)",
        "87(4)",
        "88(4)",
        "91(1)",
        "91(3)",
    ],
)
def test_the_provisions_the_amendments_rewrote_match_the_2022_text(ref):
    """Where the notes give the clause, the chain's provision means what 2022.constitution says."""
    ours = {p.citation: p for p in chain().constitution.provisions}[f"Art. {ref}"]
    theirs = {p.citation: p for p in parse_file(KZ / "2022.constitution").provisions}[f"Art. {ref}"]

    def clauses(p):
        return [c.model_dump(mode="json", exclude={"location", "conditions"}) for c in p.clauses], [
            [x.model_dump(mode="json", exclude={"location"}) for x in c.conditions] for c in p.clauses
        ]

    assert clauses(ours) == clauses(theirs)


def test_the_chain_reproduces_the_2022_model():
    """Header, institutions (ids, display names, attributes, order) and every provision: the same model."""
    assert chain().constitution.meaning() == parse_file(KZ / "2022.constitution").meaning()


def test_the_appointed_senators_follow_the_laws_without_a_senate_total():
    """7 (1995, kept in 1998), 15 (Law 254-III of 2007), 10 of which 5 on the Assembly's recommendation
    (referendum of 2022); the Senate's own size is set by the number of oblasts, not by the text."""
    base = KZ / "1995.constitution"
    amendments = [load_amendment(KZ / "amendments" / f"{name}.amendment") for name in CHAIN]
    seats = []
    for upto in range(1, len(CHAIN) + 1):
        constitution = apply_amendments(parse_file(base), amendments[:upto], read_source(base)).constitution
        appointed = constitution.institution("AppointedSenators")
        senate = constitution.institution("Senate")
        assert appointed is not None and senate is not None and senate.seats is None
        seats.append(appointed.seats)
    assert seats == [7, 15, 15, 15, 10, 10]


def test_the_restored_bodies_enter_the_chain_where_the_sources_first_show_a_rule_about_them():
    """The Central Election Commission and the Accounts Committee with the 2007 law (each Chamber's
    appointments, Art. 57(1) [T S4]); the Committee renamed the Supreme Audit Chamber in June 2022
    [N S14]; the National Bank with the June 2022 text of Art. 55(2) [T S10]. None is in 1995.constitution."""
    base = KZ / "1995.constitution"
    amendments = [load_amendment(KZ / "amendments" / f"{name}.amendment") for name in CHAIN]
    present = []
    for upto in range(len(CHAIN) + 1):
        constitution = apply_amendments(parse_file(base), amendments[:upto], read_source(base)).constitution
        present.append(
            tuple(
                constitution.institution(name) is not None
                for name in ("CentralElectionCommission", "AccountsCommittee", "SupremeAuditChamber", "NationalBank")
            )
        )
    none, after_2007, after_2022 = (False,) * 4, (True, True, False, False), (True, False, True, True)
    assert present == [none, none, after_2007, after_2007, after_2007, after_2022, after_2022]


def test_the_proposal_is_marked_and_applies_to_2026():
    proposal = load_amendment(KZ / "proposals" / "parliamentary-republic.amendment")
    assert proposal.header.status == "proposed"
    assert "Proposal" in proposal.header.title
    base = KZ / "2026.constitution"
    applied = apply_amendments(parse_file(base), [proposal], read_source(base))
    assert applied.constitution.version and "hypothetical" in applied.constitution.version
