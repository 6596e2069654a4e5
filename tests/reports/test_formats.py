"""Each report format: content, schema validity, and byte-identical output for the same input."""

from __future__ import annotations

import json

import jsonschema
import pytest

from constitution_rules.reports import FORMATS, renderer
from constitution_rules.reports.json import JSON_SCHEMA_VERSION, json_schema
from constitution_rules.reports.sarif import FINGERPRINT_NAME, build_sarif
from tests.conftest import run_cli_process as run_cli  # the fake plugin is found as installed
from tests.engine.conftest import SPEC

from .conftest import WAIVED_SPEC, make_report


def test_sarif_validates_against_the_official_schema(report, sarif_schema):
    log = json.loads(renderer("sarif")(report))
    jsonschema.validate(log, sarif_schema)
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["CB900", "CB901", "TS101", "TS102", "TS201"]
    descriptor = run["tool"]["driver"]["rules"][2]
    assert descriptor["shortDescription"]["text"] == "An institution removes another at will."
    assert descriptor["help"]["markdown"].startswith("## TS101 `at-will-removal`")
    assert descriptor["defaultConfiguration"] == {"level": "error"}


def test_sarif_results(report):
    results = build_sarif(report)["runs"][0]["results"]
    by_message = {r["message"]["text"]: r for r in results}
    waived = by_message["President dismisses Court (an independent body) at will"]
    assert waived["suppressions"] == [
        {"kind": "inSource", "status": "accepted", "justification": "judges answer | by <law>"}
    ]
    assert waived["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "test.constitution", "index": 0},
        "region": {"startLine": 15, "startColumn": 3, "endLine": 15, "endColumn": 76},
    }
    many = by_message["President holds 3 powers (limit 2)"]
    assert many["level"] == "warning" and many["ruleIndex"] == 4
    assert [loc["message"]["text"] for loc in many["relatedLocations"]] == [
        "Art. 2(1) art_2__para_1: President dismisses Court at will",
        "Art. 2(1) art_2__para_1: President appoints Court",
        "Art. 2(1) art_2__para_1: President dismisses Parliament at will",
    ]
    info = by_message["Court holds no power"]
    assert info["level"] == "note"
    assert "suppressions" not in many and "baselineState" not in many


def test_sarif_fingerprints_ignore_line_numbers(fake_rules):
    before = build_sarif(make_report())["runs"][0]["results"]
    moved = build_sarif(make_report("# a comment\n\n\n" + WAIVED_SPEC))["runs"][0]["results"]

    def prints(results):
        return sorted(r["partialFingerprints"][FINGERPRINT_NAME] for r in results)

    assert prints(before) == prints(moved)
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in before] != [
        r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved
    ]


def test_json_report_follows_its_schema(report):
    data = json.loads(renderer("json")(report))
    jsonschema.validate(data, json_schema())
    assert data["schema_version"] == JSON_SCHEMA_VERSION
    assert data["tool"]["name"] == "constitution-rules"
    (file,) = data["files"]
    waived = [f for f in file["findings"] if f["waived"]]
    assert [(f["code"], f["waiver_reason"], f["key"]) for f in waived] == [
        ("TS101", "judges answer | by <law>", "TS101|Court,President|art_2__para_1")
    ]
    assert file["findings"][2]["evidence"][0]["location"] == {
        "file": "test.constitution",
        "line": 15,
        "column": 3,
        "end_line": 15,
        "end_column": 76,
    }


def test_json_summary_counts(report):
    summary = json.loads(renderer("json")(report))["summary"]
    assert summary["by_severity"] == {"error": 1, "warning": 1, "info": 2}
    assert summary["findings"] == 4 and summary["waived"] == 1 and summary["failing"] is True
    assert summary["by_rule"] == {"TS101": 1, "TS102": 2, "TS201": 1}


def test_markdown_for_a_pull_request(report):
    text = renderer("markdown")(report)
    assert text.startswith("## constitution-rules: 1 error, 1 warning, 2 info\n")
    assert "| `test.constitution` | Testland | 1 | 1 | 2 | 1 |" in text
    assert "### Errors (1)\n\n- **TS101** `at-will-removal`: President dismisses Parliament at will\n" in text
    assert "  <details><summary>Evidence (1 item)</summary>" in text
    assert "_1 waived finding not listed (use `--show-waived`)._" in text
    shown = renderer("markdown")(make_report(show_waived=True))
    assert "### Waived (1)" in shown and "Waived: judges answer \\| by \\<law\\>" in shown


def test_text_report_and_clean_summary(report, fake_rules):
    text = renderer("text")(report)
    assert "test.constitution:15:3: TS101" not in text  # waived, hidden
    assert text.endswith(
        "Found 4 findings in 1 file: 1 error, 1 warning, 2 info; 1 waived (listed with --show-waived).\n"
    )
    clean = make_report(SPEC.replace(" at will.", " for cause."))
    clean_text = renderer("text")(type(clean)(files=clean.files, rules=clean.rules, statistics=True))
    assert clean_text.splitlines()[-1] == "Found 3 findings in 1 file: 0 errors, 1 warning, 2 info."
    nothing = make_report('constitution "Empty"\n')
    assert renderer("text")(nothing) == "All checks passed: 1 file, 5 rules.\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_input_gives_byte_identical_output(tmp_path, plugin_site, fmt):
    path = tmp_path / "test.constitution"
    path.write_text(WAIVED_SPEC, encoding="utf-8")
    outputs = []
    for name in ("one", "two"):
        result = run_cli("check", "test.constitution", "--select", "TS,CB9", "--format", fmt, "-o", name, cwd=tmp_path)
        assert result.returncode == 1, result.stderr
        outputs.append((tmp_path / name).read_bytes())
    assert outputs[0] == outputs[1]
    assert b"/tmp" not in outputs[0]  # relative paths stay relative: no machine-specific bytes


def test_json_output_includes_metrics_when_available(tmp_path, plugin_site):
    pytest.importorskip("constitution_rules.metrics")
    path = tmp_path / "test.constitution"
    path.write_text(SPEC, encoding="utf-8")
    data = json.loads(run_cli("check", str(path), "--format", "json", "--fail-on", "never").stdout)
    metrics = data["files"][0]["metrics"]
    assert metrics is not None and "hhi" in metrics and metrics["constitution"] == "Testland"
