"""`schema --for NAME` describes every JSON output: each output validates against its schema, every
schema is open (new fields may come within a version), and every JSON output names its
schema_version under the same key."""

from __future__ import annotations

import json

import jsonschema
import pytest

from tests.conftest import ROOT, SPECS
from tests.robustness.pipeline import invoke

KZ = str(SPECS / "kazakhstan" / "2022.constitution")
AMENDMENT = str(SPECS / "kazakhstan" / "proposals" / "parliamentary-republic.amendment")
OUTPUTS = {
    "constitution": ["parse", KZ, "--format", "json"],
    "check": ["check", KZ, "--format", "json"],
    "graph": ["graph", KZ, "--format", "json"],
    "metrics": ["metrics", KZ, "--format", "json"],
    "indices": ["indices", KZ, "--format", "json"],
    "diff": ["diff", AMENDMENT, "--format", "json"],
}


def _schema(name: str) -> dict:
    result = invoke(["schema", "--for", name])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_each_json_output_validates_against_its_schema(name: str) -> None:
    result = invoke(OUTPUTS[name])
    assert result.exit_code in (0, 1), result.stderr
    data = json.loads(result.stdout)
    jsonschema.validate(data, _schema(name))
    assert data["schema_version"] == ("2" if name == "metrics" else "1") or name == "constitution"


@pytest.mark.parametrize("name", sorted(OUTPUTS))
def test_every_schema_is_open(name: str) -> None:
    assert '"additionalProperties": false' not in json.dumps(_schema(name))


def test_every_json_output_carries_schema_version() -> None:
    others = {
        "history": ["history", str(SPECS / "kazakhstan"), "--format", "json"],
        "compare": ["compare", KZ, str(SPECS / "kazakhstan" / "2026.constitution"), "--format", "json"],
        "corpus": ["corpus", str(SPECS / "kazakhstan"), "--format", "json", "--jobs", "1"],
    }
    for name, args in {**OUTPUTS, **others}.items():
        data = json.loads(invoke(args).stdout)
        assert "schema_version" in data, name


def test_the_documented_graph_schema_is_the_published_one() -> None:
    import re

    text = (ROOT / "docs" / "graph-json.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    assert json.loads(block.group(1)) == _schema("graph")
