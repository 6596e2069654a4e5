"""Command-line conventions of ruff and mypy users: --quiet, --exit-zero, --output-format,
--show-files, --show-settings."""

from __future__ import annotations

import json

from tests.conftest import SPECS
from tests.robustness.pipeline import invoke

KZ = str(SPECS / "kazakhstan" / "2022.constitution")


def test_quiet_prints_findings_without_the_summary() -> None:
    loud = invoke(["check", KZ]).stdout
    quiet = invoke(["check", KZ, "--quiet"]).stdout
    assert loud.startswith(quiet) and "Found " in loud and "Found " not in quiet
    assert quiet.strip()


def test_exit_zero_keeps_the_report_and_exits_0() -> None:
    failing = invoke(["check", KZ])
    zero = invoke(["check", KZ, "--exit-zero"])
    assert failing.exit_code == 1 and zero.exit_code == 0
    assert zero.stdout == failing.stdout


def test_exit_zero_still_exits_2_on_bad_input(tmp_path) -> None:
    bad = tmp_path / "bad.constitution"
    bad.write_text('constitution "X"\narticle 1 {\n', encoding="utf-8")
    assert invoke(["check", str(bad), "--exit-zero"]).exit_code == 2


def test_output_format_is_an_alias_of_format() -> None:
    assert invoke(["check", KZ, "--output-format", "json"]).stdout == invoke(["check", KZ, "--format", "json"]).stdout


def test_show_files_lists_what_would_be_checked() -> None:
    result = invoke(["check", str(SPECS / "kazakhstan"), "--show-files"])
    assert result.exit_code == 0
    listed = result.stdout.splitlines()
    assert listed == sorted(listed) and all(line.endswith(".constitution") for line in listed)
    assert any(line.endswith("kazakhstan/2022.constitution") for line in listed)


def test_show_settings_gives_the_settings_in_force() -> None:
    result = invoke(["check", KZ, "--show-settings", "--ignore", "CB3", "--fail-on", "warning"])
    assert result.exit_code == 0
    (entry,) = json.loads(result.stdout)["files"]
    assert entry["file"] == KZ
    assert entry["settings"]["fail-on"] == "warning"
    assert entry["rules"] and not any(code.startswith("CB3") for code in entry["rules"])
