"""diff and history report who can block laws: raising an override majority adds a veto player."""

from __future__ import annotations

from constitution_rules.diff import diff_constitutions
from constitution_rules.language.parser import parse_text

BASE = """constitution "V"
institution People: electorate
institution President: executive, head-of-state, term 5 years, limit 2 consecutive
institution Parliament: legislature
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by majority of members.
}
"""


def changed(old: str, new: str) -> dict[str, tuple[object, object]]:
    result = diff_constitutions(parse_text(old, "old.constitution"), parse_text(new, "new.constitution"))
    return {m.name: (m.old, m.new) for m in result.metrics if m.changed}


def test_raising_an_override_to_two_thirds_is_reported() -> None:
    after = BASE.replace("by majority of members", "by two-thirds of members")
    found = changed(BASE, after)
    assert found["lawmaking_veto_players.conditional"] == (
        "",
        "President (overridable by Parliament by two-thirds of members)",
    )
    assert found["lawmaking_veto_players.vetoes"] == (
        "President (overridable by Parliament by majority of members)",
        "President (overridable by Parliament by two-thirds of members)",
    )


def test_removing_the_override_makes_the_veto_absolute() -> None:
    after = BASE.replace(", overridable by Parliament by majority of members", "")
    found = changed(BASE, after)
    assert found["lawmaking_veto_players.required"] == ("Parliament", "Parliament, President")
    assert found["lawmaking_veto_players.vetoes"][1] == "President (absolute)"


def test_a_longer_term_is_a_change_in_tenure() -> None:
    found = changed(BASE, BASE.replace("term 5 years", "term 7 years"))
    assert found == {"tenure.President": ("5 years, limit 2 consecutive", "7 years, limit 2 consecutive")}
