"""Helpers shared by the verbs: finding input files, choosing formats, reporting bad input."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from constitution_rules.language.parser import CONSTITUTION_SUFFIX

__all__ = ["CONSTITUTION_SUFFIX", "collect_files", "output_option"]


def collect_files(paths: Iterable[str], suffixes: tuple[str, ...] = (CONSTITUTION_SUFFIX,)) -> list[Path]:
    """Files named on the command line, and the matching files under any folder, in sorted order."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix in suffixes))
        elif path.exists():
            found.append(path)
        else:
            raise click.BadParameter(f"{raw}: no such file or directory", param_hint="PATH")
    unique: dict[Path, None] = dict.fromkeys(found)
    return list(unique)


def output_option(help_text: str = "Write to this file instead of standard output ('-').") -> Any:
    return click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help=help_text)
