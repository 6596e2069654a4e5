"""Verbs of the language stage: ``parse``, ``fmt``, ``schema``. None of them imports networkx."""

from __future__ import annotations

import difflib
import json
import sys

import click

from constitution_rules.cli.common import (
    STDIN,
    collect_files,
    exclude_option,
    file_inputs,
    output_option,
    parse_input,
    read_input,
    stdin_filename_option,
)
from constitution_rules.io import atomic_write


@click.command("parse")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--article",
    metavar="REF",
    help="Show one article (44, 44(3)): its title, the wording it encodes (text) and what it says.",
)
@output_option()
@stdin_filename_option()
def parse_command(file: str, fmt: str, article: str | None, output: str, stdin_filename: str | None) -> None:
    """Parse and check FILE ('-': standard input); print a summary or the model as JSON.

    \b
    Examples:
      constitution-rules parse specs/kazakhstan/2022.constitution
      constitution-rules parse kz.constitution --format json -o kz.json
      cat draft.constitution | constitution-rules parse - --stdin-filename draft.constitution
      constitution-rules parse kz.constitution --article "44(3)"
    """
    constitution = parse_input(file, stdin_filename)
    file = constitution.file
    if article is not None:
        from constitution_rules.language.explain import explain_article

        atomic_write(output, explain_article(constitution, article), inputs=file_inputs(file))
        return
    if fmt == "json":
        from constitution_rules.model import SCHEMA_VERSION

        payload = {"schema_version": SCHEMA_VERSION, **constitution.model_dump(mode="json")}
        text = json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
    else:
        clauses = constitution.clauses
        lines = [
            f"{file}: {constitution.name}" + (f" ({constitution.version})" if constitution.version else ""),
            f"  {len(constitution.institutions)} institutions, {len(constitution.provisions)} articles, "
            f"{len(clauses)} power clauses",
        ]
        text = "\n".join(lines) + "\n"
    atomic_write(output, text, inputs=file_inputs(file))


@click.command("fmt")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--check", is_flag=True, help="Change nothing; exit 1 if any file would be reformatted.")
@click.option("--diff", "show_diff", is_flag=True, help="Change nothing; print a unified diff of the changes.")
@exclude_option()
@stdin_filename_option()
def fmt_command(
    paths: tuple[str, ...], check: bool, show_diff: bool, exclude: tuple[str, ...], stdin_filename: str | None
) -> None:
    """Rewrite files into the canonical layout, keeping every comment.

    PATHS are files or folders (every .constitution and .amendment file under them), or '-':
    standard input, formatted to standard output (an .amendment when --stdin-filename ends so;
    nothing is written to standard output when it cannot be formatted). Before
    writing, fmt checks that the result parses to the same model, that formatting again changes
    nothing, and that no comment was lost; if any check fails it refuses to write. Files are
    replaced atomically.

    \b
    Examples:
      constitution-rules fmt specs/
      constitution-rules fmt --check --diff drafts/reform.constitution
      constitution-rules fmt --diff specs/kazakhstan/proposals/parliamentary-republic.amendment
      constitution-rules fmt - --stdin-filename draft.constitution < draft.constitution
    """
    from pathlib import Path

    from constitution_rules.cli.common import CONSTITUTION_SUFFIX
    from constitution_rules.language.amendment_formatter import checked_format_amendment
    from constitution_rules.language.amendment_parser import AMENDMENT_SUFFIX
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.formatter import checked_format

    stdin = STDIN in paths
    if stdin and len(paths) > 1:
        raise click.UsageError("'-' (standard input) cannot be mixed with other paths")
    inputs: list[Path | str] = (
        [STDIN] if stdin else list(collect_files(paths, (CONSTITUTION_SUFFIX, AMENDMENT_SUFFIX), extra_exclude=exclude))
    )
    changed = 0
    failed = 0
    for source in inputs:
        try:
            text, name = read_input(str(source), stdin_filename)
            path = Path(name)
            # A file named on the command line is a constitution unless it is called *.amendment.
            formatter = checked_format_amendment if path.suffix == AMENDMENT_SUFFIX else checked_format
            result = formatter(text, name)
        except ConstitutionError as exc:
            click.echo(str(exc), err=True)
            failed += 1
            continue
        if result.problems:
            click.echo(f"{path}: refusing to format: " + "; ".join(result.problems), err=True)
            failed += 1
            continue
        if stdin and not (check or show_diff):
            atomic_write(STDIN, result.formatted)  # the whole text, changed or not: an editor replaces its buffer
            changed += result.changed
            continue
        if not result.changed:
            continue
        changed += 1
        if show_diff:
            diff = difflib.unified_diff(
                result.original.splitlines(keepends=True),
                result.formatted.splitlines(keepends=True),
                fromfile=f"{path} (original)",
                tofile=f"{path} (formatted)",
            )
            sys.stdout.writelines(diff)
        if check or show_diff:
            if not show_diff:
                click.echo(f"would reformat {path}")
        else:
            atomic_write(path, result.formatted)
            click.echo(f"reformatted {path}", err=True)
    if failed:
        sys.exit(2)
    if (check or show_diff) and changed:
        sys.exit(1)


SCHEMA_TARGETS = ["constitution", "check", "graph", "metrics", "indices", "diff"]


@click.command("schema")
@click.option(
    "--for",
    "--model",
    "target",
    type=click.Choice(SCHEMA_TARGETS),
    default="constitution",
    show_default=True,
    help="Whose JSON output to describe: the parsed model (parse --format json), or a verb's JSON.",
)
@output_option()
def schema_command(target: str, output: str) -> None:
    """Print the JSON Schema of a JSON output: the parsed model (`parse --format json`) or the JSON
    of `check`, `graph`, `metrics`, `indices` or `diff`. Every schema is open: new fields may appear
    within a schema_version, which changes only when a field is removed or changes meaning.

    \b
    Examples:
      constitution-rules schema
      constitution-rules schema --for check -o check.schema.json
    """
    from constitution_rules.reports.schemas import output_schema

    atomic_write(output, json.dumps(output_schema(target), indent=2, sort_keys=True) + "\n")


@click.command("coverage")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@exclude_option()
@output_option()
def coverage_command(paths: tuple[str, ...], fmt: str, exclude: tuple[str, ...], output: str) -> None:
    """How much of each spec is checked against its text.

    For each .constitution file under PATHS: how many articles carry their wording (`text "..."`)
    and how many clauses carry a review tag in a comment on them or just above them: [T] seen in
    the text, [N] a secondary source, [K] not confirmed. JSON lists the untagged clauses.

    \b
    Examples:
      constitution-rules coverage specs/
      constitution-rules coverage specs/kazakhstan/2022.constitution --format json
    """
    from constitution_rules.language.coverage import coverage
    from constitution_rules.language.parser import parse_text, read_source

    reports = []
    for path in collect_files(paths, extra_exclude=exclude):
        text = read_source(path)
        reports.append(coverage(parse_text(text, str(path)), text))
    if fmt == "json":
        payload = {"schema_version": "1", "files": [r.as_json() for r in reports]}
        out = json.dumps(payload, indent=2, ensure_ascii=False) + "\n"
    else:
        out = "".join(r.line() + "\n" for r in reports)
    atomic_write(output, out, inputs=list(paths))
