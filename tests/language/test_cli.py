"""The CLI of the language stage: parse, schema, --version, --help, usage errors."""

from __future__ import annotations

import json

import jsonschema

from constitution_rules import __version__
from tests.conftest import SPECS, run_cli

TEXT = 'constitution "X"\ninstitution A: executive\narticle 1 {\n  A issues decrees.\n}\n'


def test_parse_text_summary(write):
    path = write(TEXT)
    result = run_cli("parse", str(path))
    assert result.returncode == 0
    assert result.stdout == f"{path}: X\n  1 institutions, 1 articles, 1 power clauses\n"


def test_parse_json_validates_against_schema(write):
    path = write(TEXT)
    model = json.loads(run_cli("parse", str(path), "--format", "json").stdout)
    schema = json.loads(run_cli("schema").stdout)
    jsonschema.validate(model, schema)
    assert model["provisions"][0]["clauses"][0]["verb"] == "issues"


def test_every_spec_parses():
    specs = sorted(SPECS.rglob("*.constitution"))
    for spec in specs:
        result = run_cli("parse", str(spec))
        assert result.returncode == 0, result.stderr


def test_version_and_help():
    assert run_cli("--version").stdout.strip() == f"constitution-rules, version {__version__}"
    help_text = run_cli("--help").stdout
    for verb in ("parse", "fmt", "graph", "schema"):
        assert verb in help_text
    assert "Examples:" in run_cli("parse", "--help").stdout


def test_usage_errors_exit_2():
    unknown = run_cli("pasre", "x")
    assert unknown.returncode == 2 and "Did you mean 'parse'?" in unknown.stderr
    bad_option = run_cli("parse", "--formt", "json", "x")
    assert bad_option.returncode == 2 and "Traceback" not in bad_option.stderr


def test_output_file_is_written_atomically(write, tmp_path):
    path = write(TEXT)
    out = tmp_path / "model.json"
    assert run_cli("parse", str(path), "--format", "json", "-o", str(out)).returncode == 0
    assert json.loads(out.read_text())["name"] == "X"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
