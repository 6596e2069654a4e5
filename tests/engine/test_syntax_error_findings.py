"""One unparsable file never hides the others: it is reported as CB000 syntax-error findings in
every format (SARIF is always written), the other files are checked, and the exit code is 2."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SPECS
from tests.robustness.pipeline import invoke

BROKEN = 'constitution "Broken"\ninstitution President: executive\narticle 1 {\n  President apoints President.\n}\n'


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shutil.copy(SPECS / "kazakhstan" / "2022.constitution", tmp_path / "good.constitution")
    (tmp_path / "bad.constitution").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def test_sarif_is_written_with_the_error_and_the_other_files_findings(folder: Path) -> None:
    out = folder / "results.sarif"
    result = invoke(["check", str(folder), "--format", "sarif", "-o", str(out)])
    assert result.exit_code == 2
    run = json.loads(out.read_text(encoding="utf-8"))["runs"][0]
    by_rule = {r["ruleId"] for r in run["results"]}
    assert "CB000" in by_rule and len(by_rule) > 1
    error = next(r for r in run["results"] if r["ruleId"] == "CB000")
    region = error["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (4, 13)
    assert "did you mean 'appoints'" in error["message"]["text"]
    assert "CB000" in {d["id"] for d in run["tool"]["driver"]["rules"]}
    assert "bad.constitution:4:13: error: unknown verb 'apoints'" in result.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "markdown", "github"])
def test_every_format_reports_the_broken_file_and_the_good_one(folder: Path, fmt: str) -> None:
    result = invoke(["check", str(folder), "--format", fmt])
    assert result.exit_code == 2
    assert "CB000" in result.stdout and "good.constitution" in result.stdout
    assert "internal error" not in result.stderr


def test_catalogue_documents_cb000() -> None:
    explained = invoke(["explain", "CB000"])
    assert explained.exit_code == 0
    assert "syntax-error" in explained.stdout
