"""The ``corpus`` verb: every spec under some folders measured side by side, as a table or a gallery."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import click

from constitution_rules.cli.common import collect_files, output_option
from constitution_rules.io import atomic_write

FORMATS = ["text", "json", "markdown", "html"]
#: Show progress only when the work lasts longer than this (seconds), as pip and ruff do.
PROGRESS_AFTER = 1.0


@click.command("corpus")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option()
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Worker processes [default: one per CPU].")
def corpus_command(paths: tuple[str, ...], fmt: str, output: str, jobs: int | None) -> None:
    """Measure every constitution under PATHS side by side: version, findings by severity, indices
    and key metrics; `--format html` writes an offline gallery with each spec's power graph.

    A file that cannot be parsed is reported in its row and the others are still measured; the exit
    code is then 2. The output does not depend on the number of workers.

    \b
    Examples:
      constitution-rules corpus specs/
      constitution-rules corpus specs/ --format markdown -o corpus.md
      constitution-rules corpus specs/ --format html -o gallery.html
    """
    from constitution_rules.corpus import display_path, measure_corpus

    files = [display_path(p) for p in collect_files(paths)]
    if not files:  # as check and fmt --check: nothing to measure is a warning, not bad input
        click.echo("warning: no .constitution files found under " + ", ".join(paths), err=True)
        return
    entries = measure_corpus(files, draw=fmt == "html", jobs=jobs, progress=_progress_reporter())
    if fmt == "html":
        from constitution_rules.render.gallery import render_gallery

        text = render_gallery(entries)
    else:
        from constitution_rules.reports import corpus as report

        text = {"text": report.corpus_text, "json": report.corpus_json, "markdown": report.corpus_markdown}[fmt](
            entries
        )
    atomic_write(output, text)
    for entry in entries:
        if entry.error:
            click.echo(entry.error, err=True)
    if any(not entry.ok for entry in entries):
        sys.exit(2)


def _progress_reporter() -> Callable[[int, int], None] | None:
    """A one-line progress display on standard error when it is a terminal, shown only once the
    work has lasted longer than PROGRESS_AFTER."""
    if not sys.stderr.isatty():
        return None
    started = time.monotonic()

    def report(done: int, total: int) -> None:
        if time.monotonic() - started < PROGRESS_AFTER:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} specs")
        if done == total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report
