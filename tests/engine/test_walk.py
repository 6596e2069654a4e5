"""Folder walking as ruff and git do it: hidden, vendored, .gitignore'd and excluded files are
skipped; a file named explicitly is always taken."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from constitution_rules.walk import discover
from tests.conftest import ROOT
from tests.robustness.pipeline import invoke

GOOD = 'constitution "T"\ninstitution P: executive\narticle 1 {\n  P issues decrees.\n}\n'
BROKEN = 'constitution "T"\narticle 1 {\n  P issues decrees\n'


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for relative in (
        "a.constitution",
        "drafts/b.constitution",
        ".hidden/c.constitution",
        "node_modules/pkg/d.constitution",
        "build/e.constitution",
        "scratch/f.constitution",
        "drafts/old/g.constitution",
        "drafts/notes.txt",
    ):
        path = tmp_path / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(GOOD, encoding="utf-8")
    (tmp_path / ".gitignore").write_text("scratch/\n", encoding="utf-8")
    (tmp_path / "drafts" / ".gitignore").write_text("old/\n", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    return tmp_path


def _names(paths: list[Path], root: Path) -> list[str]:
    return [p.relative_to(root).as_posix() for p in paths]


def test_skips_hidden_vendored_and_gitignored(tree: Path) -> None:
    assert _names(discover([tree], (".constitution",)), tree) == ["a.constitution", "drafts/b.constitution"]


def test_exclude_patterns_replace_the_defaults(tree: Path) -> None:
    found = discover([tree], (".constitution",), ("drafts/",))
    assert _names(found, tree) == ["a.constitution", "build/e.constitution", "node_modules/pkg/d.constitution"]


def test_a_file_named_explicitly_is_always_taken(tree: Path) -> None:
    named = tree / "scratch" / "f.constitution"
    assert discover([named], (".constitution",)) == [named]


def test_cli_exclude_and_config_extend_exclude(tree: Path) -> None:
    (tree / "drafts" / "b.constitution").write_text(BROKEN, encoding="utf-8")
    old = Path.cwd()
    os.chdir(tree)
    try:
        assert invoke(["check", "."]).exit_code == 2
        assert invoke(["check", ".", "--exclude", "drafts/"]).exit_code == 1  # findings, no broken file
        (tree / "constitution-rules.toml").write_text('extend-exclude = ["drafts/"]\n', encoding="utf-8")
        assert invoke(["check", "."]).exit_code == 1
        formatted = invoke(["fmt", "--check", "."])
        assert formatted.exit_code != 2 and "drafts" not in formatted.output
    finally:
        os.chdir(old)


def test_check_in_this_checkout_skips_the_test_fixtures() -> None:
    old = Path.cwd()
    os.chdir(ROOT)
    try:
        result = invoke(["check", ".", "--statistics"])
    finally:
        os.chdir(old)
    assert result.exit_code in (0, 1), result.stderr
    assert "tests/" not in result.stdout
