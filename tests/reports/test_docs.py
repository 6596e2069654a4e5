"""docs/rules.md is generated from the registry and must stay current."""

from __future__ import annotations

from pathlib import Path

from constitution_rules.rules.docs import catalogue_markdown
from constitution_rules.rules.registry import all_rules

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def test_rules_md_is_current():
    expected = catalogue_markdown()
    actual = (DOCS / "rules.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/rules.md is stale: run `python -m constitution_rules.rules.docs > docs/rules.md`"


def test_every_builtin_rule_is_documented_completely():
    text = (DOCS / "rules.md").read_text(encoding="utf-8")
    for rule in (r for r in all_rules() if r.origin == "builtin"):
        assert f"## {rule.code} `{rule.name}`" in text
        assert rule.references, f"{rule.code} needs at least one reference"
        for field in (rule.summary, rule.what_it_flags, rule.why_it_matters, rule.how_to_fix):
            assert field.strip(), f"{rule.code} has an empty documentation field"
        assert rule.failing_example.strip() and rule.passing_example.strip()


def test_json_output_doc_names_every_field():
    from constitution_rules.reports.json import JSON_SCHEMA_VERSION, JsonFile, JsonFinding, JsonReport, JsonSummary

    text = (DOCS / "json-output.md").read_text(encoding="utf-8")
    assert f'"schema_version": "{JSON_SCHEMA_VERSION}"' in text
    for model in (JsonReport, JsonFile, JsonFinding, JsonSummary):
        for field in model.model_fields:
            assert f"`{field}`" in text, f"docs/json-output.md does not describe {model.__name__}.{field}"
