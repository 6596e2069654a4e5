from __future__ import annotations

from pathlib import Path

import pytest

from constitution_rules.config import Config
from constitution_rules.reports import FileReport, Report
from constitution_rules.rules.engine import run_rules
from tests.engine.conftest import SPEC, fake_rules, plugin_site, spec

__all__ = ["SPEC", "fake_rules", "plugin_site"]


WAIVED_SPEC = SPEC.replace(
    "President dismisses Court at will.", 'President dismisses Court at will waive TS101 "judges answer | by <law>".'
)


def make_report(text: str = WAIVED_SPEC, **options) -> Report:
    config = Config(select=("TS", "CB9"))
    result = run_rules(spec(text), config=config)
    from constitution_rules.rules.registry import all_rules

    rules = tuple(r for r in all_rules() if r.code in result.rules_run)
    return Report(files=(FileReport(path="test.constitution", result=result),), rules=rules, **options)


@pytest.fixture
def report(fake_rules) -> Report:
    return make_report()


@pytest.fixture
def sarif_schema() -> dict:
    import json

    return json.loads((Path(__file__).resolve().parent.parent / "data" / "sarif-schema-2.1.0.json").read_text())
