"""Balance metrics on small specs, against values computed by hand (docs/metrics.md)."""

from __future__ import annotations

import json

import pytest

from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_text
from constitution_rules.metrics import DEFAULT_WEIGHTS, Metrics, compute_metrics
from tests.conftest import run_cli

BALANCED = """constitution "Small"
institution People: electorate
institution President: executive
institution Parliament: legislature, seats 100
institution Court: constitutional-review, seats 4
article 1 {
  People elects President.
  People elects Parliament.
  Parliament adopts laws.
  President vetoes laws, overridable by Parliament by two-thirds of members.
  President appoints 2 of 4 Court with consent of Parliament.
  Parliament elects 2 of 4 Court.
  Court reviews laws.
}
"""

CHAIN = """constitution "Chain"
institution People: electorate
institution President: executive
institution Government: cabinet
institution Agency: audit
institution Parliament: legislature
article 1 {
  President dismisses Government at will.
  Government dismisses Agency.
  Parliament dismisses Agency for cause.
  President initiates constitution.
  Parliament adopts constitution by two-thirds of members.
  People amends constitution.
  President calls referendum.
}
"""


def metrics_of(text: str, config: dict | None = None) -> Metrics:
    constitution = parse_text(text)
    return compute_metrics(constitution, build_graph(constitution), config)


def test_shares_count_acting_powers_by_who_really_holds_them() -> None:
    m = metrics_of(BALANCED)
    # Acting powers only (the Court's review is oversight): Parliament adopts laws 1.5 + its 2 of 4
    # (0.5) = 2; President veto 1.5 + the consented 2 of 4 (0.5: consent checks, it does not split) = 2.
    assert {s.institution: s.weight for s in m.shares} == {"Parliament": 2.0, "President": 2.0}
    assert {s.institution: s.share for s in m.shares} == {"Parliament": 0.5, "President": 0.5}
    assert m.shares[0].by_category == {"lawmaking": 1.5, "selection": 0.5}
    assert m.hhi == 0.5 and m.effective_number == 2.0
    assert m.share_of("People") == 0.0  # the electorate is the principal, not a holder
    assert {b.branch: b.share for b in m.branches} == {
        "legislative": 0.5,
        "executive": 0.5,
        "judicial": 0.0,
        "independent": 0.0,
    }


def test_unchecked_shares_and_oversight_coverage() -> None:
    m = metrics_of(BALANCED)
    # The veto can be overridden and the appointment needs consent: every executive power is checked.
    # Parliament's own 2 of 4 Court seats are checked by no one (its laws: by the veto and review).
    assert {s.institution: s.unchecked_share for s in m.shares} == {"Parliament": 0.125, "President": 0.0}
    assert (m.overseen, m.unoverseen, m.oversight_coverage) == (["President"], [], 1.0)


def test_veto_players_of_lawmaking() -> None:
    players = metrics_of(BALANCED).lawmaking_veto_players
    assert players.routes == [["Parliament"]] and players.required == ["Parliament"]
    assert [(v.institution, v.overridable_by, v.majority) for v in players.conditional] == [
        ("President", ["Parliament"], "two-thirds of members")
    ]


def test_control_reach_follows_chains_of_at_will_removal() -> None:
    reach = {r.institution: (r.reach, r.controls) for r in metrics_of(CHAIN).control_reach}
    assert reach == {
        "Agency": (0.0, []),
        "Government": (0.3333, ["Agency"]),
        "Parliament": (0.0, []),
        "President": (0.6667, ["Government"]),  # directly; the reach counts the whole chain
    }


def test_amendment_veto_players_include_the_only_initiator_and_referendum_caller() -> None:
    players = metrics_of(CHAIN).amendment_veto_players
    assert players.routes == [["Parliament", "President"], ["People", "President"]]
    assert players.required == ["President"]


def test_chain_shares_and_coverage() -> None:
    m = metrics_of(CHAIN)
    # President 1.5 + 2 + 1.5 = 5, Government 1.5, Parliament 1.5 + 2 = 3.5; total 10
    assert {s.institution: s.share for s in m.shares} == {"Government": 0.15, "Parliament": 0.35, "President": 0.5}
    # The Government is the President's agent (at-will dismissal): one principal of 6.5 of 10.
    assert [(p.principal, p.members, p.share) for p in m.principals] == [
        ("Parliament", ["Parliament"], 0.35),
        ("President", ["Government", "President"], 0.65),
    ]
    assert m.hhi == 0.545
    # At-will dismissal by a superior is hierarchy, not oversight: nothing the executive does is checked.
    assert (m.overseen, m.unoverseen, m.oversight_coverage) == ([], ["Government", "President"], 0.0)


def test_weights_are_configurable_and_checked() -> None:
    m = metrics_of(CHAIN, {"weights": {"amendment": 0, "lawmaking": 0}})
    assert {s.institution: s.share for s in m.shares} == {
        "Government": 0.3333,
        "Parliament": 0.3333,
        "President": 0.3333,
    }
    assert m.weights["amendment"] == 0.0 and m.weights["removal"] == DEFAULT_WEIGHTS["removal"]
    with pytest.raises(ValueError, match="unknown power categories in weights: judging"):
        metrics_of(CHAIN, {"weights": {"judging": 1}})
    with pytest.raises(ValueError, match="must be a number >= 0"):
        metrics_of(CHAIN, {"weights": {"removal": -1}})


def test_output_is_deterministic_and_sorted() -> None:
    first = metrics_of(BALANCED).model_dump_json()
    assert first == metrics_of(BALANCED).model_dump_json()
    data = json.loads(first)
    assert [s["institution"] for s in data["shares"]] == sorted(s["institution"] for s in data["shares"])
    assert list(data["weights"]) == sorted(data["weights"])


def test_metrics_command(write) -> None:
    path = write(BALANCED)
    text = run_cli("metrics", str(path))
    assert text.returncode == 0, text.stderr
    assert "Herfindahl-Hirschman index  0.5000" in text.stdout
    assert "veto: President (overridable by Parliament by two-thirds of members)" in text.stdout
    as_json = run_cli("metrics", str(path), "--format", "json")
    assert json.loads(as_json.stdout)["hhi"] == 0.5
    assert json.loads(as_json.stdout)["oversight_coverage"] == 1.0
    assert as_json.stdout == run_cli("metrics", str(path), "--format", "json").stdout
    missing = run_cli("metrics", str(path.parent / "missing.constitution"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
