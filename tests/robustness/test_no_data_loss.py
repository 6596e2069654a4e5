"""No command that writes can lose a file: it writes a temporary file beside the target and renames it.

Each writing command runs with the write failing midway (the rename or the fsync raising, or the
process killed between writing and renaming); the file it would have replaced must be untouched,
and no temporary file may be left behind by a failure the process survives.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from constitution_rules.cli import COMMANDS

from .pipeline import check_result, invoke

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs" / "kazakhstan"
OLD = b"the previous contents, which must survive\n"
UNFORMATTED = 'constitution "X"\ninstitution   A :executive\ninstitution B: legislature\narticle 1 {A dissolves B .}\n'

# name -> (verb, function(tmp folder, target) -> argument list); the target exists with OLD beforehand.
Scenario = tuple[str, Callable[[Path, Path], list[str]]]
SCENARIOS: dict[str, Scenario] = {
    "fmt": ("fmt", lambda d, t: ["fmt", str(t)]),
    "parse -o": ("parse", lambda d, t: ["parse", "--format", "json", str(SPECS / "2026.constitution"), "-o", str(t)]),
    "schema -o": ("schema", lambda d, t: ["schema", "-o", str(t)]),
    "graph -o": ("graph", lambda d, t: ["graph", str(SPECS / "2026.constitution"), "--format", "dot", "-o", str(t)]),
    "check -o": ("check", lambda d, t: ["check", str(SPECS / "2026.constitution"), "--format", "json", "-o", str(t)]),
    "check --write-baseline": (
        "check",
        lambda d, t: ["check", str(SPECS / "2026.constitution"), "--write-baseline", str(t)],
    ),
    "apply -o": (
        "apply",
        lambda d, t: [
            "apply",
            str(SPECS / "1995.constitution"),
            str(SPECS / "amendments" / "1998.amendment"),
            "-o",
            str(t),
        ],
    ),
}


def prepare(tmp_path: Path, name: str) -> tuple[list[str], Path, bytes]:
    verb, build = SCENARIOS[name]
    if verb not in COMMANDS:
        pytest.skip(f"the '{verb}' command does not exist yet")
    target = tmp_path / ("draft.constitution" if verb == "fmt" else "out.txt")
    original = UNFORMATTED.encode() if verb == "fmt" else OLD
    target.write_bytes(original)
    return build(tmp_path, target), target, original


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_writes_go_through_a_rename_in_the_same_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    args, target, original = prepare(tmp_path, name)
    renames: list[tuple[Path, Path]] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        renames.append((Path(src), Path(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    result = check_result(invoke(args))
    assert result.exit_code in (0, 1), result
    assert target.read_bytes() != original, "the command did not write its output"
    assert [dst.resolve() for _, dst in renames] == [target.resolve()]
    assert all(src.parent.resolve() == target.parent.resolve() for src, _ in renames)
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("failing", ["os.replace", "os.fsync"])
@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_a_failed_write_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, failing: str
) -> None:
    args, target, original = prepare(tmp_path, name)

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing.split(".")[1], broken)
    result = check_result(invoke(args))
    assert result.exit_code == 2
    assert "No space left on device" in result.stderr
    assert target.read_bytes() == original
    assert leftovers(tmp_path) == []


KILLED_WRITER = textwrap.dedent(
    """
    import os, sys, time
    sys.path.insert(0, {root!r})
    real_replace = os.replace
    def slow_replace(src, dst):
        print("READY", flush=True)   # the temporary file is written and synced; now hang
        time.sleep(60)
        real_replace(src, dst)
    os.replace = slow_replace
    from constitution_rules.cli import main
    main(sys.argv[1:])
    """
)


@pytest.mark.parametrize("name", ["fmt", "graph -o"])
def test_killing_the_process_midway_leaves_the_original(tmp_path: Path, name: str) -> None:
    args, target, original = prepare(tmp_path, name)
    script = KILLED_WRITER.format(root=str(ROOT))
    with subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    ) as process:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = process.stdout.readline()
        assert "READY" in line and time.monotonic() < deadline, process.stderr.read() if process.stderr else ""
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=30)
    assert target.read_bytes() == original
    # A killed process cannot clean up; its temporary file is a hidden sibling, never the target.
    assert all(name.startswith(".") for name in leftovers(tmp_path))


def test_fmt_refuses_to_write_when_a_safety_check_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from constitution_rules.language import formatter

    path = tmp_path / "draft.constitution"
    path.write_text(UNFORMATTED, encoding="utf-8")
    real = formatter.format_model

    def lossy(constitution, source_text=""):  # type: ignore[no-untyped-def]
        # A formatter bug that drops the last article: the meaning check must catch it.
        return real(constitution.model_copy(update={"provisions": constitution.provisions[:-1]}), source_text)

    monkeypatch.setattr(formatter, "format_model", lossy)
    result = check_result(invoke(["fmt", str(path)]))
    assert result.exit_code == 2
    assert "refusing to format" in result.stderr and "meaning" in result.stderr
    assert path.read_text(encoding="utf-8") == UNFORMATTED
    assert leftovers(tmp_path) == []


def test_fmt_refuses_to_write_when_a_comment_would_be_lost(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from constitution_rules.language import formatter

    path = tmp_path / "draft.constitution"
    text = UNFORMATTED + "# a drafter's note\n"
    path.write_text(text, encoding="utf-8")
    real = formatter.format_model
    monkeypatch.setattr(formatter, "format_model", lambda c, s="": real(c, s).replace("# a drafter's note\n", ""))
    result = check_result(invoke(["fmt", str(path)]))
    assert result.exit_code == 2 and "lose comments" in result.stderr
    assert path.read_text(encoding="utf-8") == text


def test_fmt_keeps_file_permissions(tmp_path: Path) -> None:
    path = tmp_path / "draft.constitution"
    path.write_text(UNFORMATTED, encoding="utf-8")
    path.chmod(0o640)
    assert check_result(invoke(["fmt", str(path)])).exit_code == 0
    assert path.stat().st_mode & 0o777 == 0o640
    assert path.read_text(encoding="utf-8") != UNFORMATTED


@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_an_unwritable_output_is_a_clear_error(tmp_path: Path, where: str) -> None:
    target = tmp_path / "nowhere" / "out.dot" if where == "missing-folder" else tmp_path
    result = check_result(invoke(["graph", str(SPECS / "2026.constitution"), "--format", "dot", "-o", str(target)]))
    assert result.exit_code == 2
    assert "error:" in result.stderr and "internal error" not in result.stderr
