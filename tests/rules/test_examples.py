"""Every rule's documentation is complete and its own examples behave as documented."""

from __future__ import annotations

import pytest

from constitution_rules.rules.registry import CODE_PATTERN, NAME_PATTERN
from tests.rules.helpers import builtin_rules, run

RULES = builtin_rules()
IDS = [r.code for r in RULES]
#: Retired rules keep their documented examples but never fire.
ACTIVE = [r for r in RULES if not r.retired]
ACTIVE_IDS = [r.code for r in ACTIVE]


def test_catalogue_covers_the_three_families() -> None:
    codes = {r.code for r in RULES}
    assert {f"CB1{n:02d}" for n in range(1, 12)} <= codes
    assert {f"CB2{n:02d}" for n in range(1, 10)} <= codes
    assert {"CB301", "CB302", "CB303"} <= codes
    assert {r.category for r in RULES} == {"concentration", "oversight", "drafting"}
    assert all(r.severity == "info" for r in RULES if r.category == "drafting")


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_metadata_is_complete(rule) -> None:
    assert CODE_PATTERN.match(rule.code) and NAME_PATTERN.match(rule.name)
    for text in (rule.summary, rule.what_it_flags, rule.why_it_matters, rule.how_to_fix, rule.complexity):
        assert text.strip() and "TODO" not in text
    assert rule.references and all(any(ch.isdigit() for ch in ref) for ref in rule.references)  # every one dated
    for name, default in rule.parameters.items():
        assert name in rule.what_it_flags or name in rule.why_it_matters, f"{rule.code}: parameter {name} undocumented"
        assert default is not None


@pytest.mark.parametrize("rule", ACTIVE, ids=ACTIVE_IDS)
def test_failing_example_fails(rule) -> None:
    findings = run(rule, rule.failing_example)
    assert findings and all(f.code == rule.code and f.rule == rule.name for f in findings)
    assert all(f.severity == rule.severity and f.message and f.institutions for f in findings)


@pytest.mark.parametrize("rule", RULES, ids=IDS)
def test_passing_example_passes(rule) -> None:
    assert run(rule, rule.passing_example) == []


@pytest.mark.parametrize("rule", ACTIVE, ids=ACTIVE_IDS)
def test_rules_are_deterministic(rule) -> None:
    first = run(rule, rule.failing_example)
    assert [f.model_dump() for f in first] == [f.model_dump() for f in run(rule, rule.failing_example)]
