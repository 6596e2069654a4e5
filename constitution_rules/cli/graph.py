"""The ``graph`` verb: the power graph as a picture (SVG, HTML) or in an exchange format."""

from __future__ import annotations

from typing import Any

import click

from constitution_rules.cli.common import config_anchor, file_inputs, output_option, parse_input, stdin_filename_option
from constitution_rules.io import atomic_write

FORMATS = ["svg", "html", "dot", "mermaid", "graphml", "gexf", "json"]
LAYOUTS = ["layered", "dot"]


@click.command("graph")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="svg", show_default=True)
@output_option()
@click.option("--only", "only", metavar="CATEGORIES", help="Keep only these power categories, e.g. selection,removal.")
@click.option("--focus", "focus_on", metavar="INSTITUTION", help="Draw only this institution and its neighbours.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(min=0), help="How far --focus reaches.")
@click.option("--no-findings", is_flag=True, help="Do not run the rules; draw the graph without findings.")
@click.option(
    "--layout",
    type=click.Choice(LAYOUTS),
    default="layered",
    show_default=True,
    help="layered: built in, no dependency; dot: Graphviz's dot program (must be installed).",
)
@stdin_filename_option()
def graph_command(
    file: str,
    fmt: str,
    output: str,
    only: str | None,
    focus_on: str | None,
    depth: int,
    no_findings: bool,
    layout: str,
    stdin_filename: str | None,
) -> None:
    """Draw or export the power graph of FILE ('-': standard input).

    Institutions with findings are outlined by severity, and the powers a finding rests on are
    marked. The HTML page is one self-contained file that works offline.

    \b
    Examples:
      constitution-rules graph specs/kazakhstan/2022.constitution -o kz.svg
      constitution-rules graph kz.constitution --format html -o kz.html
      constitution-rules graph kz.constitution --focus President --depth 1 --format mermaid
      constitution-rules graph kz.constitution --only selection,removal --format dot -o kz.dot
    """
    from constitution_rules.graph import build_graph
    from constitution_rules.render import filters

    if depth != 1 and focus_on is None:
        raise click.UsageError("--depth only applies with --focus")
    if layout == "dot" and fmt not in ("svg", "html"):
        raise click.UsageError("--layout applies to --format svg and html only")
    constitution = parse_input(file, stdin_filename)
    graph = build_graph(constitution)
    findings = [] if no_findings else _findings(constitution, graph, config_anchor(file, stdin_filename))
    try:
        if only:
            graph = filters.keep_categories(graph, filters.parse_categories(only))
        if focus_on:
            graph = filters.focus(graph, filters.resolve_institution(graph, focus_on), depth)
    except filters.FilterError as exc:
        raise click.UsageError(str(exc)) from exc
    atomic_write(output, _render(fmt, layout, graph, constitution, findings), inputs=file_inputs(file))


def _findings(constitution: Any, graph: Any, file: str) -> list[Any]:
    """Findings of the configured rules (the same ones ``check`` runs)."""
    from constitution_rules.config import config_for
    from constitution_rules.rules.engine import run_rules

    return list(run_rules(constitution, graph=graph, config=config_for(file)).findings)


def _render(fmt: str, layout_name: str, graph: Any, constitution: Any, findings: list[Any]) -> str:
    from constitution_rules.render import exports

    if fmt == "json":
        return exports.to_json(graph, findings)
    if fmt == "graphml":
        return exports.to_graphml(graph)
    if fmt == "gexf":
        return exports.to_gexf(graph)
    from constitution_rules.render.view import build_view

    view = build_view(graph, constitution, findings)
    if fmt == "dot":
        from constitution_rules.render.dot import to_dot

        return to_dot(view)
    if fmt == "mermaid":
        from constitution_rules.render.mermaid import MermaidLimitError, to_mermaid

        try:
            return to_mermaid(view)
        except MermaidLimitError as exc:
            raise click.ClickException(str(exc)) from exc
    layout = _layout(layout_name, view)
    if fmt == "html":
        from constitution_rules.render.html import render_html

        return render_html(view, layout)
    from constitution_rules.render.svg import render_svg

    return render_svg(view, layout)


def _layout(name: str, view: Any) -> Any:
    if name == "dot":
        from constitution_rules.render.graphviz import GraphvizMissing, graphviz_layout

        try:
            return graphviz_layout(view)
        except GraphvizMissing as exc:
            raise click.ClickException(str(exc)) from exc
    from constitution_rules.render.layout import layered_layout

    return layered_layout(view)
