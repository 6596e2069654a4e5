"""Verbs of amendments: ``apply``, ``diff``, ``history``, ``compare``."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from constitution_rules.cli.common import output_option
from constitution_rules.io import atomic_write

DIFF_FORMATS = ["text", "json", "markdown", "html"]


def _load_base(path: str) -> tuple[Any, str]:
    from constitution_rules.language.parser import parse_text, read_source

    text = read_source(path)
    return parse_text(text, path), text


def _apply(base_path: str, amendment_paths: tuple[str, ...]) -> Any:
    from constitution_rules.amendments import apply_amendments, load_amendment

    base, text = _load_base(base_path)
    amendments = [load_amendment(p) for p in amendment_paths]
    return apply_amendments(base, amendments, text)


def _config_for(path: str, config_path: str | None) -> Any:
    from constitution_rules.config import config_for, load_config

    return load_config(config_path) if config_path else config_for(path)


@click.command("apply")
@click.argument("base", type=click.Path(dir_okay=False))
@click.argument("amendments", nargs=-1, required=True, type=click.Path(dir_okay=False))
@output_option()
def apply_command(base: str, amendments: tuple[str, ...], output: str) -> None:
    """Apply AMENDMENTS in order to BASE and print the amended constitution.

    The result is in canonical layout; the base's comments stay with what they describe, and
    each changed article carries a comment naming the amendments that changed it. BASE is never
    modified: write the result elsewhere with -o.

    \b
    Examples:
      constitution-rules apply specs/kazakhstan/1995.constitution specs/kazakhstan/amendments/1998.amendment
      constitution-rules apply base.constitution a.amendment b.amendment -o amended.constitution
    """
    from constitution_rules.amendments import render_applied

    applied = _apply(base, amendments)
    atomic_write(output, render_applied(applied), inputs=[base, *amendments])


@click.command("diff")
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(DIFF_FORMATS), default="text", show_default=True)
@click.option(
    "--fail-on",
    type=click.Choice(["new-error", "new-warning", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when the change introduces an unwaived finding at this level or above.",
)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Settings file (pyproject.toml).")
@output_option()
def diff_command(old: str, new: tuple[str, ...], fmt: str, fail_on: str, config_path: str | None, output: str) -> None:
    """Compare OLD with NEW: powers, findings and balance metrics.

    NEW is a constitution, or one or more amendments that are applied to OLD in order. Powers are
    matched by their text (after renamings), findings by rule, institutions and provisions
    (after renumberings), so reformatting and renumbering are not reported as changes.

    When only amendments are given, each is compared with the base its `amends "PATH"` names:
    the form a pre-commit hook or a CI job uses to gate every changed proposal.

    \b
    Examples:
      constitution-rules diff specs/kazakhstan/2017.constitution specs/kazakhstan/2022.constitution
      constitution-rules diff kz.constitution proposals/reform.amendment --format markdown --fail-on new-error
      constitution-rules diff proposals/*.amendment --fail-on new-error
    """
    from constitution_rules.amendments import AMENDMENT_SUFFIX

    if old.endswith(AMENDMENT_SUFFIX):
        _diff_each(old, new, fmt, fail_on, config_path, output)
        return
    if not new:
        raise click.BadParameter("give a constitution or amendments to compare OLD with", param_hint="NEW")
    text, fails = _diff_one(old, new, fmt, fail_on, config_path)
    atomic_write(output, text, inputs=[old, *new])
    if fails:
        sys.exit(1)


def _diff_each(first: str, rest: tuple[str, ...], fmt: str, fail_on: str, config_path: str | None, output: str) -> None:
    """Gate mode: every amendment against the base it names."""
    from constitution_rules.amendments import AMENDMENT_SUFFIX, base_path, load_amendment

    if fmt == "html":
        raise click.BadParameter("html needs one OLD and NEW; give the base explicitly", param_hint="--format")
    texts: list[str] = []
    failing = False
    for path in (first, *rest):
        if not path.endswith(AMENDMENT_SUFFIX):
            raise click.BadParameter(f"{path}: give only amendments, or OLD first", param_hint="NEW")
        base = os.path.relpath(base_path(load_amendment(path)))
        text, fails = _diff_one(base, (path,), fmt, fail_on, config_path)
        texts.append(text)
        failing = failing or fails
    atomic_write(output, ("\n" if fmt != "json" else "").join(texts), inputs=[first, *rest])
    if failing:
        sys.exit(1)


def _diff_one(old: str, new: tuple[str, ...], fmt: str, fail_on: str, config_path: str | None) -> tuple[str, bool]:
    from constitution_rules.amendments import AMENDMENT_SUFFIX
    from constitution_rules.diff import diff_constitutions

    config = _config_for(old, config_path)
    amendments = [p for p in new if p.endswith(AMENDMENT_SUFFIX)]
    if amendments and len(amendments) != len(new):
        raise click.BadParameter("give either one constitution or amendments as NEW, not both", param_hint="NEW")
    if not amendments and len(new) != 1:
        raise click.BadParameter("give one constitution to compare with", param_hint="NEW")
    if amendments:
        applied = _apply(old, tuple(amendments))
        result = diff_constitutions(
            applied.base,
            applied.constitution,
            renamed=applied.renamed,
            renumbered=applied.renumbered,
            amendments=[a.header.label() for a in applied.amendments],
            config=config,
            new_file=" + ".join([old, *amendments]),
        )
    else:
        result = diff_constitutions(_load_base(old)[0], _load_base(new[0])[0], config=config)
    if fmt == "html":
        from constitution_rules.reports.diff_html import render_html

        old_model = applied.base if amendments else _load_base(old)[0]
        new_model = applied.constitution if amendments else _load_base(new[0])[0]
        text = render_html(result, old_model, new_model, fail_on)
    else:
        from constitution_rules.reports import diff_report

        text = {
            "text": diff_report.render_text,
            "json": diff_report.render_json,
            "markdown": diff_report.render_markdown,
        }[fmt](result, fail_on)
    return text, result.fails(fail_on)


@click.command("history")
@click.argument("folder", type=click.Path(file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--chart", type=click.Path(dir_okay=False), help="Also write an SVG line chart of the main metrics.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Settings file (pyproject.toml).")
@output_option()
def history_command(folder: str, fmt: str, chart: str | None, config_path: str | None, output: str) -> None:
    """The versions of a constitution over time: findings and balance metrics per version.

    FOLDER holds a constitution and its dated amendments (adopted ones are applied in date
    order); other constitutions in it join the timeline at their own date.

    \b
    Examples:
      constitution-rules history specs/kazakhstan
      constitution-rules history specs/kazakhstan --format json --chart kz-history.svg
    """
    from constitution_rules import history

    errors: list[Any] = []
    versions = history.build_history(folder, _config_for(folder, config_path), errors)
    if fmt == "json":
        text = history.history_json(versions)
    else:
        text = history.history_table(versions, markdown=fmt == "markdown")
    if chart:
        atomic_write(chart, history.history_svg(versions, f"Balance metrics over time: {Path(folder).resolve().name}"))
    atomic_write(output, text)
    if errors:  # the history of what could be read is written; the broken files are named, exit 2
        click.echo("\n\n".join(str(e) for e in errors), err=True)
        click.echo(f"{len(errors)} files of the history could not be read or applied", err=True)
        sys.exit(2)


@click.command("compare")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Settings file (pyproject.toml).")
@output_option()
def compare_command(files: tuple[str, ...], fmt: str, config_path: str | None, output: str) -> None:
    """Constitutions side by side: balance metrics and aspects, each with the clauses behind it.

    FILES are constitutions, or amendments (each applied to the constitution named before it).

    \b
    Examples:
      constitution-rules compare specs/kazakhstan/1995.constitution specs/kazakhstan/2022.constitution
      constitution-rules compare kz.constitution proposals/reform.amendment --format markdown
    """
    from constitution_rules import compare
    from constitution_rules.amendments import AMENDMENT_SUFFIX

    if len(files) < 2:
        raise click.BadParameter("give at least two files to compare", param_hint="FILES")
    items: list[tuple[Any, str]] = []
    last: str | None = None
    for path in files:
        if path.endswith(AMENDMENT_SUFFIX):
            if last is None:
                raise click.BadParameter(f"{path}: an amendment needs a constitution before it", param_hint="FILES")
            items.append((_apply(last, (path,)).constitution, Path(path).stem))
        else:
            last = path
            constitution = _load_base(path)[0]
            items.append((constitution, Path(path).stem))
    columns = compare.compare(items, _config_for(files[0], config_path))
    render = {"text": compare.compare_text, "json": compare.compare_json, "markdown": compare.compare_markdown}[fmt]
    atomic_write(output, render(columns), inputs=files)
