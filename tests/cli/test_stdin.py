"""``check -``, ``fmt -``, ``parse -``, ``metrics -``, ``graph -``: the text comes from standard input,
and ``--stdin-filename`` names it in messages, SARIF and config lookup."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import invoke
from tests.conftest import SPECS

KZ = SPECS / "kazakhstan" / "2022.constitution"
AT_WILL = """\
constitution "Testland"
institution President: executive, head-of-state
institution Prosecutor: prosecution
article 1 {
  President appoints Prosecutor.
  President dismisses Prosecutor at will.
}
"""
MESSY = 'constitution "Testland"\ninstitution President:executive ,head-of-state\narticle 1{President issues decrees . # why\n}\n'
MISSPELT = 'constitution "Testland"\ninstitution President: executiv\n'


def test_check_names_stdin_by_its_filename_in_messages():
    run = invoke("check", "-", "--stdin-filename", "drafts/reform.constitution", stdin=AT_WILL)
    assert run.code == 1
    assert "\ndrafts/reform.constitution:5:3: CB103 [error]" in run.stdout


def test_check_without_a_filename_calls_it_stdin():
    run = invoke("check", "-", stdin=AT_WILL)
    assert run.code == 1 and "<stdin>:5:3: CB103" in run.stdout


def test_bad_stdin_is_located_and_exits_2():
    """A file that cannot be parsed is a CB000 finding in the report (the caret goes to stderr with
    machine formats, where the report itself is not for people)."""
    run = invoke("check", "-", "--stdin-filename", "draft.constitution", stdin=MISSPELT)
    assert run.code == 2
    assert "draft.constitution:2:24: CB000 [error] unknown institution kind 'executiv'" in run.stdout
    assert "did you mean 'executive'?" in run.stdout
    as_json = invoke("check", "-", "--stdin-filename", "draft.constitution", "--format", "json", stdin=MISSPELT)
    assert as_json.code == 2 and "draft.constitution:2:24: error: unknown institution kind 'executiv'" in as_json.stderr
    assert "^^^^^^^^" in as_json.stderr


def test_check_sarif_uses_the_stdin_filename():
    run = invoke("check", "-", "--stdin-filename", "drafts/reform.constitution", "--format", "sarif", stdin=AT_WILL)
    uris = {
        loc["physicalLocation"]["artifactLocation"]["uri"]
        for result in json.loads(run.stdout)["runs"][0]["results"]
        for loc in result["locations"]
    }
    assert uris == {"drafts/reform.constitution"}


def test_config_is_found_from_the_stdin_filename(tmp_path: Path):
    project = tmp_path / "project"
    (project / "drafts").mkdir(parents=True)
    (project / "constitution-rules.toml").write_text('ignore = ["CB103"]\n', encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    named = str(project / "drafts" / "reform.constitution")
    assert "CB103" not in invoke("check", "-", "--stdin-filename", named, stdin=AT_WILL, cwd=elsewhere).stdout
    # without the name, the config is looked up from the working folder (none there)
    assert "CB103" in invoke("check", "-", stdin=AT_WILL, cwd=elsewhere).stdout


def test_fmt_stdin_prints_the_formatted_text():
    run = invoke("fmt", "-", stdin=MESSY)
    assert run.code == 0, run.stderr
    assert run.stdout == (
        'constitution "Testland"\n\ninstitution President: executive, head-of-state\n\n'
        "article 1 {  # why\n  President issues decrees.\n}\n"
    )
    # already formatted text comes back byte for byte (an editor replaces its buffer with it)
    assert invoke("fmt", "-", stdin=run.stdout).stdout == run.stdout


def test_fmt_stdin_that_does_not_parse_prints_nothing_on_stdout():
    run = invoke("fmt", "-", "--stdin-filename", "draft.constitution", stdin=MISSPELT)
    assert run.code == 2 and run.stdout == ""
    assert "draft.constitution:2:" in run.stderr


def test_fmt_stdin_check_and_diff():
    run = invoke("fmt", "-", "--check", "--stdin-filename", "draft.constitution", stdin=MESSY)
    assert run.code == 1 and run.stdout == "would reformat draft.constitution\n"
    diff = invoke("fmt", "-", "--diff", stdin=MESSY)
    assert diff.code == 1 and diff.stdout.startswith("--- <stdin> (original)")


def test_fmt_stdin_amendment_by_its_filename_suffix():
    proposal = SPECS / "kazakhstan" / "proposals" / "parliamentary-republic.amendment"
    text = proposal.read_text(encoding="utf-8")
    run = invoke("fmt", "-", "--stdin-filename", "reform.amendment", stdin=text)
    assert run.code == 0, run.stderr
    assert run.stdout == text
    # as a constitution the same text does not parse
    assert invoke("fmt", "-", stdin=text).code == 2


def test_parse_metrics_graph_read_stdin():
    text = KZ.read_text(encoding="utf-8")
    parsed = invoke("parse", "-", "--format", "json", "--stdin-filename", "kz.constitution", stdin=text)
    assert parsed.code == 0 and json.loads(parsed.stdout)["file"] == "kz.constitution"
    from_file = invoke("metrics", str(KZ), "--format", "json")
    assert invoke("metrics", "-", "--format", "json", stdin=text).stdout == from_file.stdout
    graph = invoke("graph", "-", "--format", "json", stdin=text)
    assert graph.code == 0 and json.loads(graph.stdout)["nodes"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("check", "-", str(KZ)), "cannot be mixed"),
        (("fmt", "-", str(KZ)), "cannot be mixed"),
        (("parse", str(KZ), "--stdin-filename", "x.constitution"), "only when the input is '-'"),
    ],
)
def test_misuse_of_stdin_is_a_usage_error(args: tuple[str, ...], message: str):
    run = invoke(*args, stdin="")
    assert run.code == 2 and message in run.stderr


def test_stdin_that_is_not_utf8_is_a_located_error():
    run = invoke("parse", "-", "--stdin-filename", "x.constitution", stdin=b'constitution "\xff"\n')
    assert run.code == 2 and "x.constitution:1:15: error: the file is not valid UTF-8" in run.stderr
