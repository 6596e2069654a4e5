"""Values from files that are not what they should be get a located message and exit 2, never an
internal error: non-finite or huge weights, thresholds of the wrong shape, oversized numbers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SPECS
from tests.robustness.pipeline import invoke

KZ = SPECS / "kazakhstan" / "2022.constitution"


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    target = tmp_path / "kz.constitution"
    shutil.copy(KZ, target)
    return target


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[weights]\nselection = nan\n", "weights.selection: a weight must be a number from 0 to 1000, got nan"),
        ("weights = { selection = inf }\n", "got inf"),
        ("weights = { selection = 1e308, removal = 1e308 }\n", "got 1e+308"),
        ("weights = { selection = -1 }\n", "got -1"),
        ('thresholds = { CB201 = { exempt_kinds = [["x"]] } }\n', "thresholds.CB201.exempt_kinds: expected a list"),
        ("thresholds = { CB101 = { max_share = nan } }\n", "thresholds.CB101.max_share: expected a float"),
    ],
)
@pytest.mark.parametrize("verb", ["check", "metrics", "graph"])
def test_bad_config_values_are_located_errors(spec: Path, config: str, message: str, verb: str) -> None:
    (spec.parent / "constitution-rules.toml").write_text(config, encoding="utf-8")
    result = invoke([verb, str(spec)])
    assert result.exit_code == 2
    assert "constitution-rules.toml:" in result.stderr and message in result.stderr
    assert "internal error" not in result.stderr and "failed" not in result.stderr


def test_a_baseline_with_a_huge_number_is_a_located_error(spec: Path, tmp_path: Path) -> None:
    baseline = tmp_path / "baseline.json"
    assert invoke(["check", str(spec), "--write-baseline", str(baseline)]).exit_code in (0, 1)
    text = baseline.read_text(encoding="utf-8").replace("{", '{"n": ' + "9" * 5000 + ",", 1)
    baseline.write_text(text, encoding="utf-8")
    json.loads(text.replace("9" * 5000, "9"))  # otherwise valid JSON
    result = invoke(["check", str(spec), "--baseline", str(baseline)])
    assert result.exit_code == 2
    assert "baseline.json:1:1: error: invalid baseline" in result.stderr
    assert "internal error" not in result.stderr
