"""Outputs never replace what they should write into: devices, FIFOs, links, inputs, read-only
files; existing files keep their mode, owner and hard links; new files follow the umask; inputs
that are not regular files are refused instead of read forever."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from constitution_rules.io import atomic_write
from tests.conftest import ROOT, SPECS
from tests.robustness.pipeline import invoke as run_main

KZ = SPECS / "kazakhstan" / "2022.constitution"
UNFORMATTED = 'constitution "T"\ninstitution President:executive\narticle 1 {\n President   issues decrees .\n}\n'
root_only = pytest.mark.skipif(os.geteuid() != 0, reason="needs root")


def invoke(*args: str) -> tuple[int, str, str]:
    """The CLI in-process as ``main()`` runs it (its error handling included)."""
    result = run_main(args)
    return result.exit_code, result.stdout, result.stderr


@root_only
def test_a_device_is_written_into_not_replaced(tmp_path: Path) -> None:
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a /dev/null of our own
    code, _, err = invoke("graph", str(KZ), "--format", "dot", "-o", str(device))
    assert code == 0, err
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_fifo_is_written_into_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    atomic_write(fifo, "through the pipe\n")
    out, _ = reader.communicate(timeout=30)
    assert out == b"through the pipe\n"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    spec = tmp_path / "in.constitution"
    shutil.copy(KZ, spec)
    before = spec.read_bytes()
    code, _, err = invoke("graph", str(spec), "-o", str(spec))
    assert code == 2
    assert "is an input of this command" in err
    assert spec.read_bytes() == before


def test_apply_refuses_to_overwrite_its_amendment(tmp_path: Path) -> None:
    amendment = SPECS / "kazakhstan" / "amendments" / "1998.amendment"
    copy = tmp_path / "1998.amendment"
    shutil.copy(amendment, copy)
    text = copy.read_text(encoding="utf-8").replace(
        'amends "../1995.constitution"', f'amends "{SPECS / "kazakhstan" / "1995.constitution"}"'
    )
    copy.write_text(text, encoding="utf-8")
    code, _, err = invoke("apply", str(SPECS / "kazakhstan" / "1995.constitution"), str(copy), "-o", str(copy))
    assert code == 2, err
    assert copy.read_text(encoding="utf-8") == text


def test_fmt_writes_through_a_symlink(tmp_path: Path) -> None:
    target = tmp_path / "real.constitution"
    target.write_text(UNFORMATTED, encoding="utf-8")
    link = tmp_path / "link.constitution"
    link.symlink_to(target)
    code, _, err = invoke("fmt", str(link))
    assert code == 0, err
    assert link.is_symlink()
    assert "President issues decrees." in target.read_text(encoding="utf-8")


def test_hard_links_keep_sharing_the_file(tmp_path: Path) -> None:
    first = tmp_path / "a.constitution"
    first.write_text(UNFORMATTED, encoding="utf-8")
    second = tmp_path / "b.constitution"
    os.link(first, second)
    code, _, err = invoke("fmt", str(first))
    assert code == 0, err
    assert os.path.samefile(first, second)
    assert "President issues decrees." in second.read_text(encoding="utf-8")


@root_only
def test_an_existing_file_keeps_its_owner_and_mode(tmp_path: Path) -> None:
    spec = tmp_path / "user.constitution"
    spec.write_text(UNFORMATTED, encoding="utf-8")
    spec.chmod(0o640)
    os.chown(spec, 65534, 65534)
    code, _, err = invoke("fmt", str(spec))
    assert code == 0, err
    info = os.stat(spec)
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (65534, 65534, 0o640)


def test_a_read_only_file_is_not_rewritten(tmp_path: Path) -> None:
    spec = tmp_path / "frozen.constitution"
    spec.write_text(UNFORMATTED, encoding="utf-8")
    spec.chmod(0o444)
    code, _, err = invoke("fmt", str(spec))
    assert code == 2
    assert "read-only" in err
    assert spec.read_text(encoding="utf-8") == UNFORMATTED


def test_a_new_file_follows_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write(tmp_path / "new.svg", "<svg/>")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.svg").st_mode) == 0o644


def test_a_fifo_input_is_refused_not_read(tmp_path: Path) -> None:
    fifo = tmp_path / "waiting.constitution"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "parse", str(fifo)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "is not a regular file" in done.stderr


def test_a_closed_standard_output_is_a_one_line_error() -> None:
    done = subprocess.run(
        ["bash", "-c", f'"{sys.executable}" "{ROOT / "cli.py"}" parse "{KZ}" >&-'],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert "standard output is closed" in done.stderr


def test_a_narrow_output_encoding_does_not_fail() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "check", str(KZ)], capture_output=True, env=env, timeout=60
    )
    assert done.returncode == 1, done.stderr
    assert "Мәжіліс".encode() in done.stdout
