"""The ``indices`` verb: the Parliamentary Powers Index and Shugart-Carey presidential powers of
each file, item by item, with the clauses that decide them (docs/indices.md)."""

from __future__ import annotations

import sys
from typing import Any

import click

from constitution_rules.cli.common import output_option
from constitution_rules.io import atomic_write

FORMATS = ["text", "json", "markdown"]


@click.command("indices")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option()
def indices_command(files: tuple[str, ...], fmt: str, output: str) -> None:
    """Score FILES on Fish & Kroenig's Parliamentary Powers Index and Shugart & Carey's presidential
    powers, each item with the clauses that decide it; items the text cannot decide are left open
    with the reason.

    FILES are constitutions, or amendments (each applied, with those before it, to the constitution
    named before it). A file that cannot be read is reported on standard error and the others are
    still scored; the exit status is then 2.

    \b
    Examples:
      constitution-rules indices specs/kazakhstan/2026.constitution
      constitution-rules indices specs/kazakhstan/1995.constitution specs/kazakhstan/amendments/1998.amendment
      constitution-rules indices specs/*/*.constitution --format json -o indices.json
    """
    from constitution_rules.amendments import AMENDMENT_SUFFIX
    from constitution_rules.indices import compute_indices
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.reports import indices as report

    reports = []
    problems: list[str] = []
    base: tuple[str, Any, str] | None = None  # (path, model, text) of the last constitution
    applied: list[str] = []
    for path in files:
        try:
            if path.endswith(AMENDMENT_SUFFIX):
                if base is None:
                    raise click.BadParameter(f"{path}: an amendment needs a constitution before it", param_hint="FILES")
                applied.append(path)
                constitution = _amended(base, applied)
                label = " + ".join([base[0], *applied])
            else:
                base, applied = _load(path), []
                constitution, label = base[1], path
        except ConstitutionError as exc:
            problems.append(str(exc))
            continue
        reports.append(compute_indices(constitution, label))
    render = {"text": report.render_text, "json": report.render_json, "markdown": report.render_markdown}[fmt]
    if reports:
        atomic_write(output, render(reports), inputs=files)
    if problems:
        click.echo("\n\n".join(problems), err=True)
        click.echo(f"\n{len(problems)} of {len(files)} files could not be scored", err=True)
        sys.exit(2)


def _load(path: str) -> tuple[str, Any, str]:
    from constitution_rules.language.parser import parse_text, read_source

    text = read_source(path)
    return path, parse_text(text, path), text


def _amended(base: tuple[str, Any, str], amendments: list[str]) -> Any:
    from constitution_rules.amendments import apply_amendments, load_amendment

    return apply_amendments(base[1], [load_amendment(p) for p in amendments], base[2]).constitution
