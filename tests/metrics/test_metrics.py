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


def test_shares_by_category_and_hhi() -> None:
    m = metrics_of(BALANCED)
    # Parliament: adopts laws 1.5 + half of the consented 2-of-4 appointment (1 x 1/2 / 2 = 0.25)
    # + its own 2 of 4 (0.5) = 2.25; President: veto 1.5 + 0.25 = 1.75; Court: review 1. Total 5.
    assert {s.institution: s.weight for s in m.shares} == {"Court": 1.0, "Parliament": 2.25, "President": 1.75}
    assert {s.institution: s.share for s in m.shares} == {"Court": 0.2, "Parliament": 0.45, "President": 0.35}
    assert m.shares[1].by_category == {"lawmaking": 1.5, "selection": 0.75}
    assert m.hhi == 0.365  # 0.45² + 0.35² + 0.2²
    assert m.effective_number == 2.7397
    assert m.share_of("People") == 0.0  # the electorate is the principal, not a holder


def test_oversight_coverage_counts_review_of_an_institutions_acts() -> None:
    m = metrics_of(BALANCED)
    # Court reviews laws, which Parliament adopts; nobody removes, reviews, audits or censures the others.
    assert (m.overseen, m.unoverseen, m.oversight_coverage) == (["Parliament"], ["Court", "President"], 0.3333)


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
        "President": (0.6667, ["Agency", "Government"]),
    }


def test_amendment_veto_players_include_the_only_initiator_and_referendum_caller() -> None:
    players = metrics_of(CHAIN).amendment_veto_players
    assert players.routes == [["Parliament", "President"], ["People", "President"]]
    assert players.required == ["President"]


def test_chain_shares_and_coverage() -> None:
    m = metrics_of(CHAIN)
    # President 1.5 + 2 + 1.5 = 5, Government 1.5, Parliament 1.5 + 2 = 3.5; total 10
    assert {s.institution: s.share for s in m.shares} == {"Government": 0.15, "Parliament": 0.35, "President": 0.5}
    assert m.hhi == 0.395
    assert (m.overseen, m.oversight_coverage) == (["Government"], 0.3333)


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
    assert "Herfindahl-Hirschman index  0.3650" in text.stdout
    assert "conditional: President (overridable by Parliament by two-thirds of members)" in text.stdout
    as_json = run_cli("metrics", str(path), "--format", "json")
    assert json.loads(as_json.stdout)["hhi"] == 0.365
    assert as_json.stdout == run_cli("metrics", str(path), "--format", "json").stdout
    missing = run_cli("metrics", str(path.parent / "missing.constitution"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
