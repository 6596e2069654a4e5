"""The ``metrics`` verb: the balance metrics of a constitution (docs/metrics.md)."""

from __future__ import annotations

import click

from constitution_rules.cli.common import config_anchor, file_inputs, output_option, parse_input, stdin_filename_option
from constitution_rules.io import atomic_write

FORMATS = ["text", "json"]


@click.command("metrics")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@output_option()
@stdin_filename_option()
def metrics_command(file: str, fmt: str, output: str, stdin_filename: str | None) -> None:
    """Print the balance metrics of FILE ('-': standard input): power shares, concentration,
    oversight coverage, control reach and veto players.

    \b
    Examples:
      constitution-rules metrics specs/kazakhstan/2022.constitution
      constitution-rules metrics kz.constitution --format json -o kz-metrics.json
    """
    from constitution_rules.graph import build_graph
    from constitution_rules.metrics import compute_metrics, render_text

    constitution = parse_input(file, stdin_filename)
    try:
        metrics = compute_metrics(
            constitution, build_graph(constitution), _configured(config_anchor(file, stdin_filename))
        )
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    if fmt == "json":
        from constitution_rules.reports.metrics import render_metrics_json

        text = render_metrics_json(metrics)
    else:
        text = render_text(metrics)
    atomic_write(output, text, inputs=file_inputs(file))


def _configured(file: str) -> dict[str, object]:
    """The category ``weights`` of the configuration that applies to FILE (found upward from it)."""
    from constitution_rules.config import config_for

    return {"weights": dict(config_for(file).weights)}
