"""Shugart-Carey items scored from small texts."""

from __future__ import annotations

import pytest

from constitution_rules.indices.shugart_carey import compute_shugart_carey
from constitution_rules.language.parser import parse_text
from tests.indices.test_ppi import HEAD


def sc(body: str):
    return compute_shugart_carey(parse_text(HEAD + "article 0 { People elects President. }\n" + body, "t.constitution"))


def score(body: str, item: str):
    return sc(body).items[item].value


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ("", 4),
        (", overridable by Assembly by three-quarters", 3),
        (", overridable by Assembly by two-thirds of members", 2),
        (", overridable by Assembly by three-fifths", 1),
        (", overridable by Assembly by majority of members", 1),
        (", overridable by Assembly by majority", 0),
        (", overridable by Assembly", None),
    ],
)
def test_package_veto_follows_the_override_majority(override, expected):
    assert score(f"article 1 {{ President vetoes laws{override}. }}", "package_veto") == expected


def test_no_president_no_scores():
    text = HEAD.replace("institution President: executive, head-of-state", "institution King: head-of-state")
    result = compute_shugart_carey(parse_text(text + "article 1 { King dissolves Assembly. }", "t.constitution"))
    assert result.president is None and result.decided == 0


def test_cabinet_items():
    body = """article 1 {
      President appoints PrimeMinister with consent of Assembly.
      President appoints Ministers on proposal of PrimeMinister.
      President dismisses Government at will.
    }"""
    result = sc(body)
    assert result.items["cabinet_formation"].value == 3
    assert result.items["cabinet_dismissal"].value == 4
    assert score("article 1 { President appoints Ministers. }", "cabinet_formation") == 4
    assert score("article 1 { Assembly elects PrimeMinister. }", "cabinet_formation") == 0


def test_censure_and_dissolution():
    assert score("article 1 { Assembly adopts laws. }", "censure") == 4
    assert score("article 1 { Assembly censures Government, overridable by President. }", "censure") == 4
    assert score("article 1 { Assembly votes no confidence in Government. }", "censure") == 0
    restricted = 'article 1 { Assembly votes no confidence in Government when "moved by one tenth of members". }'
    assert score(restricted, "censure") == 0
    both = "article 1 { Assembly votes no confidence in Government. President dissolves Assembly. }"
    assert score(both, "censure") == 2
    assert score(both, "dissolution") == 4
    assert score('article 1 { President dissolves Assembly when "two failed budgets". }', "dissolution") is None
    assert score("article 1 { Assembly adopts laws. }", "dissolution") == 0


def test_referenda_budget_and_totals():
    result = sc("article 1 { President calls referendum. Assembly adopts budget. President vetoes laws. }")
    assert result.items["referenda"].value == 4
    assert result.items["budget"].value == 0
    assert result.items["partial_veto"].value is None
    assert result.total == sum(i.value for i in result.items.values() if i.value is not None)
    assert result.legislative + result.non_legislative == result.total


def test_a_veto_open_only_in_a_circumstance_does_not_set_the_package_veto_score():
    general = "President vetoes laws, overridable by Assembly by two-thirds."
    pocket = 'President vetoes laws when "the assembly adjourns and prevents the return of the bill".'
    assert score(f"article 1 {{ {general} {pocket} }}", "package_veto") == 2
    assert score(f"article 1 {{ {pocket} }}", "package_veto") == 4  # the only veto the president has
