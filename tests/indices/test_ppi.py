"""PPI items decided from small texts: each rule's true, false and null cases."""

from __future__ import annotations

import pytest

from constitution_rules.indices.ppi import ITEM_NAMES, WEIGHTS, compute_ppi
from constitution_rules.language.parser import parse_text

HEAD = """constitution "Test"
institution People: electorate
institution President: executive, head-of-state
institution Government: executive, cabinet
institution PrimeMinister: executive, head-of-government, member-of Government
institution Ministers: minister, member-of Government
institution Assembly: legislature
institution Court: judiciary, constitutional-review
institution Bank: central-bank
"""


def ppi(body: str):
    return compute_ppi(parse_text(HEAD + body, "t.constitution"))


def value(body: str, item: str):
    return ppi(body).items[item].value


def test_weights_sum_to_one_and_cover_the_32_items():
    assert len(ITEM_NAMES) == 32
    assert sum(WEIGHTS.values()) == pytest.approx(1.0, abs=1e-3)


def test_practice_items_are_null_with_a_reason():
    result = ppi("article 1 { People elects Assembly. }")
    for name in (
        "oversee_pol",
        "no_impound",
        "cont_resor",
        "media",
        "sessions",
        "secretary",
        "staff",
        "seek_reelect",
        "experience",
    ):
        assert result.items[name].value is None
        assert result.items[name].reason


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("article 1 { Assembly votes no confidence in Government. }", True),
        ("article 1 { Assembly censures Government, overridable by President. }", False),
        ("article 1 { Assembly impeaches President, after consultation with Court. }", False),
        ("article 1 { Assembly impeaches President by two-thirds of members. }", True),
        ("article 1 { Assembly adopts laws. }", False),
    ],
)
def test_replace_ex_needs_the_legislature_alone(body, expected):
    assert value(body, "replace_ex") is expected


def test_replace_ex_cites_the_deciding_clause():
    item = ppi("article 7(2) { Assembly impeaches President. }").items["replace_ex"]
    assert [(e.article, e.line) for e in item.evidence] == [("Art. 7(2)", 10)]
    assert item.evidence[0].text == "Assembly impeaches President."


def test_no_conf_counts_any_vote_even_one_the_president_may_set_aside():
    assert value("article 1 { Assembly censures Government, overridable by President. }", "no_conf") is True
    assert value('article 1 { Assembly censures Government when "not in the last session". }', "no_conf") is True
    assert value("article 1 { Assembly questions Government. }", "no_conf") is False


def test_investigate_needs_inquiry_into_the_government_not_only_impeachment():
    assert value('article 1 { Assembly investigates Government when "matters of public interest". }', "investigate")
    assert value('article 1 { Assembly investigates President when "a charge of treason". }', "investigate") is False


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("article 1 { President vetoes laws. }", False),
        ("article 1 { President vetoes laws, overridable by Assembly by two-thirds. }", False),
        ("article 1 { President vetoes laws, overridable by Assembly by majority of members. }", True),
        ("article 1 { President vetoes laws, overridable by Assembly. }", None),
        ("article 1 { Assembly adopts laws. }", True),
    ],
)
def test_no_veto(body, expected):
    assert value(body, "no_veto") is expected


def test_appointment_items_separate_consent_from_appointment():
    body = """article 1 {
      President appoints PrimeMinister with consent of Assembly.
      President appoints Ministers with consent of Assembly.
      President appoints Bank with consent of Assembly.
    }"""
    result = ppi(body)
    assert result.items["appoint_pm"].value is False
    assert result.items["appoint_min"].value is True
    assert result.items["bank"].value is False
    assert ppi("article 1 { Assembly elects PrimeMinister. }").items["appoint_pm"].value is True
    assert ppi("article 1 { Assembly adopts laws. }").items["appoint_pm"].value is None


def test_items_the_text_is_silent_on_are_null_not_false():
    result = ppi("article 1 { Assembly adopts laws. }")
    for name in ("war", "treaty", "amnesty", "pardon", "judiciary", "bank", "amend", "immunity", "serve_min"):
        assert result.items[name].value is None, name


def test_absence_of_an_executive_power_decides_the_autonomy_items():
    result = ppi("article 1 { People elects Assembly. Assembly initiates laws. Assembly adopts laws. }")
    assert result.items["no_diss"].value is True
    assert result.items["no_veto"].value is True
    assert result.items["no_review"].value is True
    assert result.items["no_decree"].value is True
    assert result.items["no_gate"].value is True
    assert result.items["elected"].value is True
    result = ppi("article 1 { President dissolves Assembly. Court reviews laws. President issues decrees. }")
    assert result.items["no_diss"].value is False
    assert result.items["no_review"].value is False
    assert result.items["no_decree"].value is None  # v1 decrees: force of law not stated


def test_decrees_the_legislature_can_reverse_say_so_with_their_clauses():
    result = ppi("article 1 { President issues decrees. Assembly approves decrees. }")
    item = result.items["no_decree"]
    assert item.value is True
    assert "can reverse the executive's decrees" in item.reason
    assert sorted(e.text for e in item.evidence) == ["Assembly approves decrees.", "President issues decrees."]


def test_elected_and_no_limit_read_the_chambers():
    text = (
        HEAD.replace("institution Assembly: legislature", "institution Assembly: legislature, limit 2")
        + """
institution Appointed: legislature, seats 5, member-of Assembly
article 1 {
  People elects Assembly.
  President appoints Appointed.
  Assembly elects chair of Assembly.
}"""
    )
    result = compute_ppi(parse_text(text, "t.constitution"))
    assert result.items["elected"].value is False
    assert result.items["no_limit"].value is False


def test_amend_alone_and_with_ratification():
    assert value("article 1 { Assembly amends constitution by two-thirds of members. }", "amend") is True
    assert value("article 1 { Assembly amends constitution on proposal of President. }", "amend") is False
    both = "article 1 { Assembly amends constitution. People ratifies constitution. }"
    assert value(both, "amend") is False


def test_lack_pres_and_interpellate():
    assert value("article 1 { People elects President. }", "lack_pres") is False
    assert value("article 1 { Assembly elects President. }", "lack_pres") is True
    assert value("article 1 { Assembly questions Government. }", "interpellate") is True
    assert value("article 1 { Assembly adopts laws. }", "interpellate") is False


def test_scores_are_over_decided_items_with_renormalised_weights():
    result = ppi("article 1 { People elects President. Assembly adopts laws. }")
    held = [n for n, i in result.items.items() if i.value is True]
    done = [n for n, i in result.items.items() if i.value is not None]
    assert result.decided == len(done)
    assert result.score == round(len(held) / len(done), 4)
    assert result.weighted == round(sum(WEIGHTS[n] for n in held) / sum(WEIGHTS[n] for n in done), 4)


def test_nothing_decided_gives_no_score():
    from constitution_rules.indices.ppi import scores

    assert scores({n: ppi("").items["media"] for n in ITEM_NAMES}) == {"decided": 0, "score": None, "weighted": None}


def test_a_committee_the_chambers_fill_is_not_a_chamber():
    text = (
        HEAD
        + """institution Standing: legislature, seats 10
article 1 {
  People elects Assembly.
  Assembly appoints Standing.
}"""
    )
    result = compute_ppi(parse_text(text, "t.constitution"))
    assert result.items["elected"].value is True
    assert [e.text for e in result.items["elected"].evidence] == ["People elects Assembly."]
