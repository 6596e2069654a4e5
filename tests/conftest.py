from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SPECS = ROOT / "specs"


@pytest.fixture
def write(tmp_path: Path):
    """Write a source file into a temporary folder and return its path."""

    def _write(text: str, name: str = "test.constitution") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return _write


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """``constitution-rules ARGS`` in-process, through ``main()`` as the installed command runs it
    (its error handling and exit codes included), in the folder ``cwd``. Start-up is paid once for
    the whole run instead of once per call; tests where a separate process is the point (start-up,
    imports, hash seeds, closed streams) use :func:`run_cli_process`."""
    import os

    from tests.robustness.pipeline import invoke

    previous = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        result = invoke(list(args), stdin=input or "")
    finally:
        os.chdir(previous)
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def run_cli_process(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python cli.py ARGS`` as a user would, in a subprocess."""
    return subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        input=input,
        timeout=120,
    )
