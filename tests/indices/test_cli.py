"""The ``indices`` command in-process: formats, determinism, amendments, bad files."""

from __future__ import annotations

import json

from click.testing import CliRunner

from constitution_rules.cli import cli
from constitution_rules.indices.ppi import ITEM_NAMES
from tests.conftest import SPECS

KZ = SPECS / "kazakhstan"


def run(*args: str):
    return CliRunner().invoke(cli, ["indices", *args])


def test_json_shape_and_determinism():
    first = run(str(KZ / "2026.constitution"), "--format", "json")
    assert first.exit_code == 0, first.output
    data = json.loads(first.output)
    assert data["schema_version"] == "1"
    (entry,) = data["files"]
    assert entry["file"].endswith("2026.constitution")
    assert list(entry["ppi"]["items"]) == sorted(ITEM_NAMES)  # keys sorted in the output
    item = entry["ppi"]["items"]["war"]
    assert set(item) == {"value", "evidence", "reason"}
    assert item["value"] is True and item["evidence"][0]["article"] == "Art. 56(3)"
    assert {"decided", "score", "weighted"} <= set(entry["ppi"])
    assert {"items", "decided", "total", "legislative", "non_legislative"} <= set(entry["shugart_carey"])
    assert run(str(KZ / "2026.constitution"), "--format", "json").output == first.output


def test_text_and_markdown_list_every_item():
    for fmt in ("text", "markdown"):
        result = run(str(KZ / "1995.constitution"), str(KZ / "2026.constitution"), "--format", fmt)
        assert result.exit_code == 0, result.output
        for name in ITEM_NAMES:
            assert name in result.output
        assert "cabinet_formation" in result.output


def test_amendments_apply_to_the_constitution_before_them():
    result = run(
        str(KZ / "1995.constitution"),
        str(KZ / "amendments" / "1998.amendment"),
        str(KZ / "amendments" / "2007.amendment"),
        "--format",
        "json",
    )
    assert result.exit_code == 0, result.output
    files = json.loads(result.output)["files"]
    assert len(files) == 3
    assert files[2]["file"].endswith("1998.amendment + " + str(KZ / "amendments" / "2007.amendment"))
    # 2007: the Mazhilis, not the joint sitting, consents to the Prime Minister
    evidence = files[2]["ppi"]["items"]["appoint_pm"]["evidence"]
    assert "consent of Mazhilis" in evidence[0]["text"]


def test_one_bad_file_does_not_hide_the_others(tmp_path):
    bad = tmp_path / "bad.constitution"
    bad.write_text('constitution "X"\ninstitution A: legislatur\n', encoding="utf-8")
    result = CliRunner().invoke(cli, ["indices", str(bad), str(KZ / "2026.constitution"), "--format", "json"])
    assert result.exit_code == 2
    assert "2026.constitution" in result.stdout
    assert "bad.constitution:2" in result.stderr
    assert "1 of 2 files could not be scored" in result.stderr


def test_an_amendment_first_is_a_usage_error():
    result = run(str(KZ / "amendments" / "1998.amendment"))
    assert result.exit_code == 2
    assert "needs a constitution before it" in result.output
