from __future__ import annotations

import json
import os
import re
from pathlib import Path

import jsonschema
import networkx as nx
import pytest

from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_file
from constitution_rules.render.mermaid import MermaidLimitError, mermaid_label, to_mermaid
from constitution_rules.render.view import build_view
from tests.conftest import ROOT, SPECS, run_cli
from tests.render.generated import dense_spec

KZ = SPECS / "kazakhstan" / "2022.constitution"
CORPUS = sorted(SPECS.rglob("*.constitution"))
INJECTED = "<script>window.__injected = 1; alert(1)</script>"


def _schema() -> dict:
    text = (ROOT / "docs" / "graph-json.md").read_text(encoding="utf-8")
    block = re.search(r"```json\n(.*?)```", text, re.S)
    assert block is not None
    return json.loads(block.group(1))


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_graphml_and_gexf_round_trip_node_and_edge_counts(path: Path, tmp_path: Path) -> None:
    graph = build_graph(parse_file(path))
    for fmt, reader in (
        ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
        ("gexf", nx.read_gexf),
    ):
        out = tmp_path / f"g.{fmt}"
        done = run_cli("graph", str(path), "--format", fmt, "-o", str(out))
        assert done.returncode == 0, done.stderr
        back = reader(out)
        assert back.number_of_nodes() == graph.number_of_nodes()
        assert back.number_of_edges() == graph.number_of_edges()
        # attributes are scalars: nothing a reader cannot take
        for _, _, data in back.edges(data=True):
            assert all(isinstance(v, (str, int, float, bool)) for v in data.values())


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_json_matches_the_documented_schema(path: Path) -> None:
    done = run_cli("graph", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    jsonschema.validate(data, _schema())
    graph = build_graph(parse_file(path))
    assert len(data["nodes"]) == graph.number_of_nodes() and len(data["edges"]) == graph.number_of_edges()
    assert data["findings"], "the Kazakhstan specs have findings"
    assert json.loads(run_cli("graph", str(path), "--format", "json", "--no-findings").stdout)["findings"] == []


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_mermaid_stays_within_githubs_limits_for_the_corpus(path: Path) -> None:
    done = run_cli("graph", str(path), "--format", "mermaid")
    assert done.returncode == 0, done.stderr
    text = done.stdout
    assert "flowchart TB" in text and len(text) < 50_000
    arrows = len(re.findall(r" (?:-->|-\.->)\|", text))
    assert 0 < arrows <= 500
    assert "linkStyle 0 stroke:" in text


def test_mermaid_labels_are_escaped() -> None:
    assert mermaid_label('a "b" <i>&#') == "a #quot;b#quot; #lt;i#gt;#amp;#35;"


def test_mermaid_refuses_beyond_the_edge_limit(write, tmp_path: Path) -> None:
    path = write(dense_spec(24, 501), "dense.constitution")
    out = tmp_path / "dense.mmd"
    done = run_cli("graph", str(path), "--format", "mermaid", "-o", str(out))
    assert done.returncode == 2
    assert "501" in done.stderr and "--format html" in done.stderr
    assert not out.exists()  # nothing half-written
    view = build_view(build_graph(parse_file(KZ)))
    with pytest.raises(MermaidLimitError, match="characters"):
        to_mermaid(view, max_text_size=1000)


def test_dot_output_has_clusters_colours_and_escaping(write) -> None:
    path = write(
        'constitution "X"\ninstitution P "Pres \\"the\\" one": executive, head-of-state\n'
        "institution L: legislature\narticle 1 {\n  P dissolves L.\n}\n"
    )
    done = run_cli("graph", str(path), "--format", "dot", "--no-findings")
    assert done.returncode == 0, done.stderr
    assert 'subgraph "cluster_executive"' in done.stdout
    assert 'label="Pres \\"the\\" one"' in done.stdout
    assert 'color="#e07b00"' in done.stdout  # dissolution


def test_html_escapes_user_text_and_needs_no_network(write) -> None:
    text = KZ.read_text(encoding="utf-8") + f'\ninstitution Injected "{INJECTED}": advisory\n'
    path = write(text, "kz.constitution")
    done = run_cli("graph", str(path), "--format", "html")
    assert done.returncode == 0, done.stderr
    page = done.stdout
    assert INJECTED not in page
    assert "&lt;script&gt;window.__injected" in page  # the SVG label, as text
    assert "\\u003cscript\\u003ewindow.__injected" in page  # the embedded JSON
    assert page.count("<script") == 2  # the data block and the page's own script, nothing else
    assert not re.search(r"(src|href)=\"(https?:)?//", page)  # nothing fetched from anywhere


def test_stdout_and_atomic_file_output(tmp_path: Path) -> None:
    out = tmp_path / "kz.svg"
    assert run_cli("graph", str(KZ), "-o", str(out)).returncode == 0
    assert out.read_text(encoding="utf-8") == run_cli("graph", str(KZ), "-o", "-").stdout
    assert [p.name for p in tmp_path.iterdir()] == ["kz.svg"]  # no temporary file left behind


def test_only_keeps_the_named_categories() -> None:
    data = json.loads(run_cli("graph", str(KZ), "--format", "json", "--only", "selection,removal").stdout)
    assert {e["category"] for e in data["edges"]} == {"selection", "removal"}
    institutions = [n for n in data["nodes"] if n["node_type"] == "institution"]
    full = json.loads(run_cli("graph", str(KZ), "--format", "json").stdout)
    assert len(institutions) == sum(1 for n in full["nodes"] if n["node_type"] == "institution")


def test_focus_keeps_the_neighbourhood() -> None:
    data = json.loads(run_cli("graph", str(KZ), "--format", "json", "--focus", "president", "--depth", "1").stdout)
    ids = {n["id"] for n in data["nodes"]}
    assert "President" in ids
    graph = build_graph(parse_file(KZ))
    expected = {"President"} | set(graph.successors("President")) | set(graph.predecessors("President"))
    assert ids == expected
    alone = json.loads(run_cli("graph", str(KZ), "--format", "json", "--focus", "President", "--depth", "0").stdout)
    assert [n["id"] for n in alone["nodes"]] == ["President"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--only", "selectoin"], "did you mean 'selection'"),
        (["--focus", "Presidnet"], "did you mean 'President'"),
        (["--depth", "2"], "--depth only applies with --focus"),
        (["--format", "dot", "--layout", "dot"], "--layout applies to --format svg and html only"),
    ],
)
def test_bad_options_exit_2_with_a_hint(args: list[str], message: str) -> None:
    done = run_cli("graph", str(KZ), *args)
    assert done.returncode == 2
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def test_layout_dot_without_graphviz_says_so(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    env = {**os.environ, "PATH": str(tmp_path)}  # no dot on this PATH
    done = subprocess.run(
        [sys.executable, str(ROOT / "cli.py"), "graph", str(KZ), "--layout", "dot"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert "Graphviz's 'dot' program" in done.stderr and "--layout layered" in done.stderr


def test_layout_dot_with_graphviz(tmp_path: Path) -> None:
    import shutil

    if shutil.which("dot") is None:
        pytest.skip("Graphviz is not installed")
    done = run_cli("graph", str(KZ), "--layout", "dot", "--format", "svg")
    assert done.returncode == 0, done.stderr
    assert done.stdout.count("data-node=") == build_graph(parse_file(KZ)).number_of_nodes()


def test_focus_depth_is_bounded_by_the_graph() -> None:
    """--depth 99999999999999999999 looped once per step; the walk ends when nothing new is reached."""
    from tests.robustness.pipeline import invoke

    kz = str(SPECS / "kazakhstan" / "2022.constitution")
    deep = invoke(["graph", kz, "--focus", "Senate", "--depth", "99999999999999999999", "--format", "mermaid"])
    whole = invoke(["graph", kz, "--focus", "Senate", "--depth", "50", "--format", "mermaid"])
    assert deep.exit_code == 0, deep.stderr
    assert deep.stdout == whole.stdout


def test_dot_export_lays_out_near_square() -> None:
    """The DOT export drew about eleven times wider than high (ranks top to bottom)."""
    import shutil
    import subprocess

    if shutil.which("dot") is None:
        if os.environ.get("CI"):
            pytest.fail("Graphviz must be installed in CI")
        pytest.skip("Graphviz is not installed")
    from tests.robustness.pipeline import invoke

    dot_text = invoke(["graph", str(KZ), "--format", "dot"]).stdout
    svg = subprocess.run(["dot", "-Tsvg"], input=dot_text, capture_output=True, text=True, timeout=120, check=True)
    width, height = (float(v) for v in re.search(r'<svg width="([\d.]+)pt" height="([\d.]+)pt"', svg.stdout).groups())
    assert max(width, height) / min(width, height) < 3
