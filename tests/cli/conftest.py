"""In-process runs of ``main()`` (errors exit 2 there, as for a user), with standard input."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from constitution_rules.cli import main


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@contextmanager
def _inside(folder: Path | None) -> Iterator[None]:
    before = Path.cwd()
    if folder is not None:
        os.chdir(folder)
    try:
        yield
    finally:
        os.chdir(before)


def invoke(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None) -> Run:
    """``constitution-rules ARGS`` in this process, standard input given; exit code and both streams."""
    runner = CliRunner()
    with _inside(cwd), runner.isolation(input=stdin) as streams:
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = int(exc.code or 0)
        sys.stdout.flush()
        sys.stderr.flush()
        stdout, stderr = streams[0].getvalue(), streams[1].getvalue()
    return Run(code, stdout.decode("utf-8"), stderr.decode("utf-8"))
