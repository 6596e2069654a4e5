"""The pre-commit hooks: valid YAML, both file kinds formatted, a fixing hook beside the checking
one, and each entry a command that exists and runs on the files pre-commit passes."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import yaml

from constitution_rules.cli import COMMANDS
from tests.conftest import ROOT, SPECS
from tests.robustness.pipeline import invoke

HOOKS = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}


def test_format_hooks_cover_both_file_kinds() -> None:
    for hook_id in ("constitution-rules-format", "constitution-rules-fmt"):
        pattern = re.compile(HOOKS[hook_id]["files"])
        assert pattern.search("drafts/reform.amendment") and pattern.search("specs/kz.constitution")
        assert not pattern.search("notes.md")


def test_a_fixing_hook_rewrites_files(tmp_path: Path) -> None:
    assert HOOKS["constitution-rules-format"]["entry"] == "constitution-rules fmt"
    amendment = tmp_path / "reform.amendment"
    shutil.copy(SPECS / "kazakhstan" / "amendments" / "1998.amendment", amendment)
    text = amendment.read_text(encoding="utf-8")
    amendment.write_text(text.replace("\n  ", "\n      "), encoding="utf-8")
    verb, *flags = shlex.split(HOOKS["constitution-rules-format"]["entry"])[1:]
    result = invoke([verb, *flags, str(amendment)])
    assert result.exit_code in (0, 1), result.stderr
    assert amendment.read_text(encoding="utf-8") == text


def test_every_entry_is_a_real_command() -> None:
    for hook in HOOKS.values():
        program, verb, *_ = shlex.split(hook["entry"])
        assert program == "constitution-rules" and verb in COMMANDS, hook["id"]
        assert hook["language"] == "python"
