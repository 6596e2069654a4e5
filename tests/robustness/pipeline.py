"""Drive every stage over one input; shared by the robustness tests and fuzz/.

``run_core`` calls the stable core in-process (decode, parse, the formatter's safety checks, the
graph); ``run_cli`` runs every verb and every ``--format`` the CLI offers, through ``main()``, so
renderers, rules and reports are covered as they land without this file knowing their APIs. Both
raise only on a real bug: a ConstitutionError, or exit 2 with a message, is the right answer for
garbage; a traceback, an "internal error", another exit code or a silent exit 2 is not.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.formatter import checked_format
from constitution_rules.language.parser import decode_source, parse_text
from constitution_rules.model import Constitution

#: Verbs that read one constitution file as their last argument.
FILE_VERBS = ("parse", "graph", "check", "metrics")


class PipelineBug(AssertionError):
    """A stage misbehaved: a crash, or a wrong answer on an input it accepted."""


@dataclass(frozen=True)
class CliResult:
    args: tuple[str, ...]
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr


def run_core(data: bytes, filename: str = "fuzz.constitution") -> Constitution | None:
    """Decode, parse, format with checks, build the graph; None when the input is (rightly) rejected."""
    try:
        text = decode_source(data, filename)
        constitution = parse_text(text, filename)
    except ConstitutionError as exc:
        if not str(exc).strip():
            raise PipelineBug("a ConstitutionError with no message") from exc
        return None
    result = checked_format(text, filename)
    if result.problems:
        raise PipelineBug("the formatter refuses a file that parses: " + "; ".join(result.problems))
    from constitution_rules.graph import build_graph

    build_graph(constitution)
    return constitution


def invoke(args: Sequence[str], stdin: str = "") -> CliResult:
    """``constitution-rules ARGS`` in-process, as ``main()`` runs it: exit code, stdout and stderr."""
    from constitution_rules.cli import main

    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", write_through=True)
    saved = sys.stdin, sys.stdout, sys.stderr
    sys.stdin, sys.stdout, sys.stderr = io.StringIO(stdin), out, err
    code: Any = 0
    try:
        main(list(args))
    except SystemExit as exc:
        code = exc.code
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
    if not isinstance(code, int):
        code = 2 if code else 0
    return CliResult(tuple(args), code, _text(out), _text(err))


def _text(stream: io.TextIOWrapper) -> str:
    buffer = stream.buffer
    assert isinstance(buffer, io.BytesIO)
    return buffer.getvalue().decode("utf-8", "replace")


def check_result(result: CliResult) -> CliResult:
    """Raise PipelineBug unless the CLI answered like a tool: exit 0/1/2, a message with every 2."""
    if result.exit_code not in (0, 1, 2):
        raise PipelineBug(f"{result.args}: exit code {result.exit_code}\n{result.output}")
    if "Traceback (most recent call last)" in result.output or "internal error" in result.stderr:
        raise PipelineBug(f"{result.args}: crashed\n{result.stderr}")
    if result.exit_code == 2 and not result.stderr.strip():
        raise PipelineBug(f"{result.args}: exit 2 without a message")
    return result


def verb_formats(verb: str) -> list[str]:
    """The ``--format`` choices a verb offers today (empty when the verb does not exist)."""
    from constitution_rules.cli import COMMANDS, cli

    if verb not in COMMANDS:
        return []
    command = cli.get_command(click.Context(cli), verb)
    for param in getattr(command, "params", []):
        if "--format" in getattr(param, "opts", ()) and isinstance(param.type, click.Choice):
            return [str(c) for c in param.type.choices]
    return []


def cli_argument_sets() -> list[list[str]]:
    """Every verb over one file, in every format it offers (the file is appended last)."""
    sets: list[list[str]] = [["fmt", "--check"], ["fmt", "--diff"]]
    for verb in FILE_VERBS:
        formats = verb_formats(verb)
        sets.extend([verb, "--format", f] for f in formats)
        if not formats and verb in _known_verbs():
            sets.append([verb])
    return sets


def _known_verbs() -> set[str]:
    from constitution_rules.cli import COMMANDS

    return set(COMMANDS)


def run_cli(path: Path, argument_sets: Sequence[Sequence[str]] | None = None) -> list[CliResult]:
    """Every verb and format over ``path``; raises PipelineBug on the first bad answer."""
    results = []
    for args in argument_sets if argument_sets is not None else cli_argument_sets():
        results.append(check_result(invoke([*args, str(path)])))
    return results


def run_one(data: bytes, folder: Path | None = None) -> Constitution | None:
    """The core in-process, then, for inputs that parse, every verb and format through the CLI."""
    model = run_core(data)
    if model is not None and folder is not None:
        path = folder / "input.constitution"
        path.write_bytes(data)
        run_cli(path)
    return model


def corpus_argument_sets(specs: Path) -> list[list[str]]:
    """Every verb in every format over the real specs, including the verbs that read several files."""
    folder = specs / "kazakhstan"
    files = sorted(str(p) for p in folder.glob("*.constitution"))
    sets = [[*args, f] for f in files for args in cli_argument_sets()]
    sets.append(["schema"])
    amendment = folder / "amendments" / "1998.amendment"
    multi = {
        "diff": [str(folder / "1995.constitution"), str(amendment)],
        "compare": files,
        "history": [str(folder)],
        "apply": [str(folder / "1995.constitution"), str(amendment)],
    }
    for verb, paths in multi.items():
        if verb not in _known_verbs() or not all(Path(p).exists() for p in paths):
            continue
        formats = verb_formats(verb)
        sets.extend([verb, "--format", f, *paths] for f in formats) if formats else sets.append([verb, *paths])
    return sets
