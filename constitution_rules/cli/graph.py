"""The ``graph`` verb: the power graph in an exchange or picture format."""

from __future__ import annotations

import click

from constitution_rules.cli.common import output_option
from constitution_rules.io import atomic_write

FORMATS = ["json", "graphml", "dot"]


@click.command("graph")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True)
@output_option()
def graph_command(file: str, fmt: str, output: str) -> None:
    """Export the power graph of FILE.

    \b
    Examples:
      constitution-rules graph specs/kazakhstan/2022.constitution --format dot -o kz.dot
      constitution-rules graph kz.constitution --format graphml -o kz.graphml
    """
    from constitution_rules.graph import build_graph
    from constitution_rules.language.parser import parse_file
    from constitution_rules.render import dot, exports

    graph = build_graph(parse_file(file))
    if fmt == "json":
        text = exports.to_json(graph)
    elif fmt == "graphml":
        text = exports.to_graphml(graph)
    else:
        text = dot.to_dot(graph)
    atomic_write(output, text)
