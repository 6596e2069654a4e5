"""Helpers shared by the verbs: finding input files, choosing formats, reporting bad input."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, BinaryIO, TypeVar

import click

from constitution_rules.language.parser import CONSTITUTION_SUFFIX

__all__ = [
    "CONSTITUTION_SUFFIX",
    "STDIN",
    "collect_files",
    "config_anchor",
    "exclude_option",
    "file_inputs",
    "input_name",
    "output_option",
    "parse_input",
    "read_input",
    "stdin_filename_option",
]
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


#: The path that means standard input.
STDIN = "-"
#: How standard input is named in messages when --stdin-filename is not given.
STDIN_NAME = "<stdin>"


def stdin_filename_option() -> Callable[[F], F]:
    return click.option(
        "--stdin-filename",
        metavar="NAME",
        help="Name standard input ('-') in messages, SARIF and config lookup (an editor passes the buffer's path).",
    )


def input_name(path: str, stdin_filename: str | None) -> str:
    """How an input is named in messages and reports: ``-`` is ``--stdin-filename`` (or <stdin>)."""
    if path != STDIN:
        if stdin_filename:
            raise click.UsageError("--stdin-filename applies only when the input is '-' (standard input)")
        return path
    return stdin_filename or STDIN_NAME


def config_anchor(path: str, stdin_filename: str | None) -> str:
    """Where the config of an input is looked up from: the file, or for standard input the file it
    stands for (``--stdin-filename``), else the working folder."""
    if path == STDIN:
        return stdin_filename or str(Path.cwd() / STDIN_NAME)
    return path


def read_input(path: str, stdin_filename: str | None = None) -> tuple[str, str]:
    """The text of an input and its name: a file (read as ``read_source`` reads it) or, for ``-``,
    standard input as UTF-8, up to the same size limit as a file."""
    from constitution_rules.language.errors import ConstitutionError, Diagnostic
    from constitution_rules.language.parser import MAX_SOURCE_BYTES, decode_source, read_source

    name = input_name(path, stdin_filename)
    if path != STDIN:
        return read_source(path), name
    if sys.stdin is None:
        raise ConstitutionError([Diagnostic(name, 1, 1, "standard input is closed")])
    stream: BinaryIO = sys.stdin.buffer
    data = stream.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        raise ConstitutionError([Diagnostic(name, 1, 1, f"is larger than the {limit} MiB limit for a source file")])
    return decode_source(data, name), name


def parse_input(path: str, stdin_filename: str | None = None) -> Any:
    """The checked model of a constitution read from a file or standard input."""
    from constitution_rules.language.parser import parse_text

    text, name = read_input(path, stdin_filename)
    return parse_text(text, name)


def file_inputs(*paths: str) -> list[str]:
    """The inputs an output must not overwrite (standard input is none of them)."""
    return [p for p in paths if p != STDIN]
