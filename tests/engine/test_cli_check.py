"""`check`, `rules` and `explain` as a user runs them (subprocess), with the fake plugin's rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import SPECS
from tests.conftest import run_cli_process as run_cli  # the plugin is found as an installed user finds it

from .conftest import SPEC

ONLY_FAKE = ("--select", "TS,CB9")


@pytest.fixture
def spec_file(tmp_path: Path, plugin_site: Path) -> Path:
    path = tmp_path / "work" / "test.constitution"
    path.parent.mkdir()
    path.write_text(SPEC, encoding="utf-8")
    return path


def test_text_report_in_ruff_style(spec_file):
    result = run_cli("check", "test.constitution", *ONLY_FAKE, cwd=spec_file.parent)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        "test.constitution:6:1: TS102 [info] Court holds no power\n"
        "test.constitution:7:1: TS102 [info] Auditor holds no power\n"
        "test.constitution:15:3: TS101 [error] President dismisses Court (an independent body) at will\n"
        "  = Art. 2(1) art_2__para_1 test.constitution:15:3: President dismisses Court at will\n"
        "test.constitution:15:3: TS201 [warning] President holds 3 powers (limit 2)\n"
        "  = Art. 2(1) art_2__para_1 test.constitution:15:3: President dismisses Court at will\n"
        "  = Art. 2(1) art_2__para_1 test.constitution:16:3: President appoints Court\n"
        "  = Art. 2(1) art_2__para_1 test.constitution:17:3: President dismisses Parliament at will\n"
        "test.constitution:17:3: TS101 [error] President dismisses Parliament at will\n"
        "  = Art. 2(1) art_2__para_1 test.constitution:17:3: President dismisses Parliament at will\n"
        "\n"
        "Found 5 findings in 1 file: 2 errors, 1 warning, 2 info.\n"
    )


@pytest.mark.parametrize(
    ("args", "code"),
    [
        ((), 1),
        (("--fail-on", "never"), 0),
        (("--ignore", "TS101"), 0),
        (("--ignore", "TS101", "--fail-on", "warning"), 1),
        (("--ignore", "TS101,TS201", "--fail-on", "warning"), 0),
        (("--ignore", "TS101,TS201", "--fail-on", "info"), 1),
        (("--severity", "TS101=warning"), 0),
        (("--select", "TS102"), 0),
    ],
)
def test_exit_codes(spec_file, args, code):
    selection = () if "--select" in args else ONLY_FAKE
    result = run_cli("check", str(spec_file), *selection, *args)
    assert result.returncode == code, result.stdout + result.stderr


def test_statistics_and_show_waived(spec_file):
    spec_file.write_text(
        SPEC.replace("President dismisses Court at will.", 'President dismisses Court at will waive TS101 "by law".')
    )
    stats = run_cli("check", str(spec_file), *ONLY_FAKE, "--statistics")
    assert stats.stdout.splitlines()[:3] == [
        "2  TS102  powerless-institution  [info]",
        "1  TS101  at-will-removal        [error]  (1 waived)",
        "1  TS201  many-powers            [warning]",
    ]
    hidden = run_cli("check", str(spec_file), *ONLY_FAKE)
    assert "waived" not in hidden.stdout.split("Found")[0]
    assert "1 waived (listed with --show-waived)" in hidden.stdout
    shown = run_cli("check", str(spec_file), *ONLY_FAKE, "--show-waived")
    assert "TS101 [error, waived] President dismisses Court" in shown.stdout
    assert "  = waived: by law\n" in shown.stdout


def test_config_file_is_found_and_flags_override_it(spec_file):
    (spec_file.parent.parent / "pyproject.toml").write_text(
        '[tool.constitution-rules]\nselect = ["TS1"]\nfail-on = "info"\n', encoding="utf-8"
    )
    from_file = run_cli("check", str(spec_file))
    assert from_file.returncode == 1
    assert {line.split()[1] for line in from_file.stdout.splitlines() if ": TS" in line} == {"TS101", "TS102"}
    overridden = run_cli("check", str(spec_file), "--select", "TS2", "--fail-on", "error")
    assert overridden.returncode == 0
    assert {line.split()[1] for line in overridden.stdout.splitlines() if ": TS" in line} == {"TS201"}
    isolated = run_cli("check", str(spec_file), "--isolated", *ONLY_FAKE, "--fail-on", "never")
    assert "Found 5 findings" in isolated.stdout


def test_bad_config_exits_2(spec_file):
    (spec_file.parent / "constitution-rules.toml").write_text('selec = ["TS1"]\n', encoding="utf-8")
    result = run_cli("check", str(spec_file))
    assert result.returncode == 2
    assert "constitution-rules.toml:1:1: error: unknown setting 'selec'" in result.stderr
    assert "did you mean 'select'?" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_selector_on_the_command_line(spec_file):
    result = run_cli("check", str(spec_file), "--select", "TS1O1")
    assert result.returncode == 2
    assert "no rule matches 'TS1O1'; did you mean 'TS101'?" in result.stderr


def test_syntax_errors_in_several_files_are_all_reported(tmp_path, plugin_site):
    (tmp_path / "a.constitution").write_text('constitution "A"\ninstitution X: executiv\n', encoding="utf-8")
    (tmp_path / "b.constitution").write_text('constitution "B"\narticle 1 {\n  X apoints Y.\n}\n', encoding="utf-8")
    (tmp_path / "c.constitution").write_text(SPEC, encoding="utf-8")
    result = run_cli("check", str(tmp_path), "-o", str(tmp_path / "out.txt"))
    assert result.returncode == 2
    assert "a.constitution:2:" in result.stderr and "b.constitution:3:" in result.stderr
    assert "2 of 3 files could not be checked" in result.stderr
    # The report is still written: the broken files as CB000, the good one checked.
    report = (tmp_path / "out.txt").read_text(encoding="utf-8")
    assert "a.constitution:2:" in report and "CB000" in report and "c.constitution" in report


def test_no_files_is_a_warning_not_bad_input(tmp_path):
    """As ruff and fmt --check: an empty folder has nothing wrong in it."""
    result = run_cli("check", str(tmp_path))
    assert result.returncode == 0 and "warning: no .constitution files found" in result.stderr


def test_baseline_round_trip_survives_reformat_and_renumbering(spec_file):
    baseline = spec_file.parent / "baseline.json"
    written = run_cli("check", str(spec_file), *ONLY_FAKE, "--write-baseline", str(baseline))
    assert written.returncode == 0, written.stderr
    data = json.loads(baseline.read_text())
    assert data["schema_version"] == "1"
    assert [(e["file"], e["key"]) for e in data["findings"]] == [
        ("test.constitution", "TS101|Court,President|art_2__para_1"),
        ("test.constitution", "TS101|Parliament,President|art_2__para_1"),
        ("test.constitution", "TS102|Auditor|"),
        ("test.constitution", "TS102|Court|"),
        ("test.constitution", "TS201|President|art_2__para_1"),
    ]
    assert run_cli("check", str(spec_file), *ONLY_FAKE, "--baseline", str(baseline)).returncode == 0
    # reformat, add comments and blank lines, reorder articles: every line number changes
    moved = SPEC.replace('constitution "Testland"\n', 'constitution "Testland"\n\n# comment\n# another\n\n')
    moved = moved.replace("article 3 {\n  Parliament adopts laws.\n}\n", "")
    moved = moved.replace("article 1 {", "article 3 {\n      Parliament   adopts laws.\n}\n\narticle 1 {")
    spec_file.write_text(moved, encoding="utf-8")
    again = run_cli("check", str(spec_file), *ONLY_FAKE, "--baseline", str(baseline))
    assert again.returncode == 0, again.stdout
    assert "All checks passed" in again.stdout and "5 in the baseline" in again.stdout
    # the baseline works from another working directory too
    elsewhere = run_cli(
        "check", "work/test.constitution", *ONLY_FAKE, "--baseline", "work/baseline.json", cwd=spec_file.parent.parent
    )
    assert elsewhere.returncode == 0, elsewhere.stdout + elsewhere.stderr
    # a new finding fails, and only it is listed
    spec_file.write_text(
        moved.replace("Parliament   adopts laws.", "Parliament adopts laws.\n  Parliament dismisses Court at will.")
    )
    new = run_cli("check", str(spec_file), *ONLY_FAKE, "--baseline", str(baseline))
    assert new.returncode == 1
    listed = [line for line in new.stdout.splitlines() if ": TS" in line or ": CB" in line]
    assert [line.split(": ", 1)[1] for line in listed] == [
        "TS101 [error] Parliament dismisses Court (an independent body) at will",
    ]
    assert "5 in the baseline" in new.stdout


def test_baseline_is_sorted_and_deterministic(spec_file):
    one, two = spec_file.parent / "one.json", spec_file.parent / "two.json"
    run_cli("check", str(spec_file), *ONLY_FAKE, "--write-baseline", str(one))
    run_cli("check", str(spec_file), *ONLY_FAKE, "--write-baseline", str(two))
    assert one.read_bytes() == two.read_bytes()


def test_bad_baseline_exits_2(spec_file):
    bad = spec_file.parent / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("check", str(spec_file), "--baseline", str(bad))
    assert result.returncode == 2 and "bad.json:1:2: error: invalid JSON" in result.stderr
    missing = run_cli("check", str(spec_file), "--baseline", str(spec_file.parent / "none.json"))
    assert missing.returncode == 2 and "no such baseline file" in missing.stderr


def test_rules_lists_the_catalogue(plugin_site):
    text = run_cli("rules", "--select", "TS")
    assert text.returncode == 0
    assert text.stdout.splitlines() == [
        "TS101  at-will-removal        error    An institution removes another at will.",
        "TS102  powerless-institution  info     A declared institution holds no power.",
        "TS201  many-powers            warning  An institution holds more than `limit` powers.",
    ]
    data = json.loads(run_cli("rules", "--format", "json").stdout)
    codes = [r["code"] for r in data]
    assert codes == sorted(codes) and {"CB900", "CB901", "TS101"} <= set(codes)
    assert next(r for r in data if r["code"] == "TS201")["parameters"] == {"limit": 2}


def test_explain_by_code_or_name(plugin_site):
    for key in ("CB900", "cb900", "unused-waiver"):
        result = run_cli("explain", key)
        assert result.returncode == 0
        for heading in (
            "# CB900 `unused-waiver`",
            "## What it flags",
            "## Why it matters",
            "References:",
            "## Example: failing",
            "## Example: passing",
            "## How to fix",
            "## Parameters",
            "## Complexity",
        ):
            assert heading in result.stdout
    params = run_cli("explain", "many-powers")
    assert "| `limit` | `2` |" in params.stdout
    as_json = json.loads(run_cli("explain", "TS201", "--format", "json").stdout)
    assert as_json["parameters"] == {"limit": 2} and as_json["name"] == "many-powers"


def test_explain_misspelt(plugin_site):
    result = run_cli("explain", "unused-waivr")
    assert result.returncode == 2
    assert "no rule 'unused-waivr'; did you mean 'unused-waiver'?" in result.stderr


def test_broken_plugin_is_a_clear_error(tmp_path, monkeypatch):
    site = tmp_path / "broken"
    info = site / "broken-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[constitution_rules.rules]\nbad = no_such_module\n", encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(site))
    result = run_cli("rules")
    assert result.returncode == 2
    assert "cannot load entry point 'bad = no_such_module'" in result.stderr
    assert "Traceback" not in result.stderr


def test_kazakhstan_2022_fails_on_errors():
    result = run_cli("check", str(SPECS / "kazakhstan" / "2022.constitution"))
    assert result.returncode == 1, result.stderr
    assert "[error]" in result.stdout and "Found " in result.stdout
