"""Helpers shared by the verbs: finding input files, choosing formats, reporting bad input."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from constitution_rules.language.parser import CONSTITUTION_SUFFIX

__all__ = ["CONSTITUTION_SUFFIX", "collect_files", "exclude_option", "output_option"]
PYPROJECT = "pyproject.toml"
F = TypeVar("F", bound=Callable[..., Any])


def collect_files(
    paths: Iterable[str], suffixes: tuple[str, ...] = (CONSTITUTION_SUFFIX,), extra_exclude: Sequence[str] = ()
) -> list[Path]:
    """Files named on the command line, and the matching files under any folder (skipping hidden,
    vendored, .gitignore'd and excluded ones: see :mod:`constitution_rules.walk`), in sorted order.

    The exclude patterns are the configuration's (found from the working folder: ``exclude``
    replaces the defaults, ``extend-exclude`` adds to them) plus ``extra_exclude`` (``--exclude``)."""
    from constitution_rules.config import walk_settings
    from constitution_rules.walk import discover

    patterns = (*walk_settings(Path.cwd()).patterns, *extra_exclude)
    try:
        return discover(paths, suffixes, patterns)
    except FileNotFoundError as exc:
        raise click.BadParameter(f"{exc}: no such file or directory", param_hint="PATH") from None


def exclude_option() -> Callable[[F], F]:
    return click.option(
        "--exclude",
        "exclude",
        multiple=True,
        metavar="PATTERN",
        help="Skip files and folders matching this gitignore-style pattern (in addition to the config's).",
    )


def output_option(help_text: str = "Write to this file instead of standard output ('-').") -> Callable[[F], F]:
    return click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help=help_text)
