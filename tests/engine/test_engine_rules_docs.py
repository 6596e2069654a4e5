"""The engine's own rules are documented like any other: their examples do what they say."""

from __future__ import annotations

import pytest

from constitution_rules.config import Config
from constitution_rules.language.parser import parse_text
from constitution_rules.rules.engine import run_rules
from constitution_rules.rules.registry import get_rule


def _run(example: str, code: str):
    constitution = parse_text('constitution "Example"\n' + example, "example.constitution")
    return [f for f in run_rules(constitution, config=Config()).findings if f.code == code and not f.waived]


@pytest.mark.parametrize("code", ["CB900", "CB901"])
def test_failing_example_fails_and_passing_example_passes(code):
    rule = get_rule(code)
    assert rule is not None
    failing = _run(rule.failing_example, code)
    assert len(failing) == 1
    assert failing[0].location is not None and failing[0].location.line == 7
    assert _run(rule.passing_example, code) == []


def test_passing_example_of_unused_waiver_waives_a_real_finding():
    rule = get_rule("CB900")
    assert rule is not None
    constitution = parse_text('constitution "Example"\n' + rule.passing_example, "example.constitution")
    waived = [f for f in run_rules(constitution).findings if f.waived]
    assert [(f.code, f.waiver_reason) for f in waived] == [
        ("CB103", "the Prosecutor General answers to the Senate by law")
    ]


def test_unknown_code_example_suggests_the_right_code():
    rule = get_rule("CB901")
    assert rule is not None
    (finding,) = _run(rule.failing_example, "CB901")
    assert finding.message.endswith("did you mean 'CB103'?")
