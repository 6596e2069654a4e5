"""The exports are read by the lowest networkx version the project allows (pyproject: networkx>=3.2),
installed in a fresh virtual environment: GEXF by read_gexf, GraphML by read_graphml, node-link JSON
by node_link_graph with the key docs/graph-json.md gives for that version."""

from __future__ import annotations

import re
import subprocess
import venv
from pathlib import Path

import pytest

from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_file
from tests.conftest import ROOT, SPECS
from tests.robustness.pipeline import invoke

KZ = SPECS / "kazakhstan" / "2022.constitution"

READER = """
import json, sys
import networkx as nx
folder = sys.argv[1]
counts = [
    nx.read_gexf(folder + "/g.gexf"),
    nx.read_graphml(folder + "/g.graphml", force_multigraph=True),
    nx.node_link_graph(json.load(open(folder + "/g.json", encoding="utf-8")), link="edges"),
]
print(nx.__version__, *[(g.number_of_nodes(), g.number_of_edges()) for g in counts])
"""


def _lowest_networkx() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    found = re.search(r'"networkx>=([0-9.]+)"', text)
    assert found, "pyproject.toml names no lower bound for networkx"
    return found.group(1)


@pytest.mark.slow
def test_exports_read_by_the_lowest_allowed_networkx(tmp_path: Path) -> None:
    for fmt, name in (("gexf", "g.gexf"), ("graphml", "g.graphml"), ("json", "g.json")):
        result = invoke(["graph", str(KZ), "--format", fmt, "-o", str(tmp_path / name)])
        assert result.exit_code == 0, result.stderr
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    lowest = _lowest_networkx()
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", f"networkx=={lowest}"],
        check=True,
        capture_output=True,
        timeout=600,
    )
    done = subprocess.run([str(python), "-c", READER, str(tmp_path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    version, counts = done.stdout.split(maxsplit=1)
    assert version.startswith(lowest)
    graph = build_graph(parse_file(KZ))
    expected = (graph.number_of_nodes(), graph.number_of_edges())
    assert counts.count(str(expected)) == 3, (done.stdout, expected)
