from __future__ import annotations

import os
import subprocess
import sys
from itertools import combinations
from pathlib import Path

import pytest

from constitution_rules.graph import build_graph
from constitution_rules.language.parser import parse_file, parse_text
from constitution_rules.render.layout import layered_layout
from constitution_rules.render.svg import render_svg
from constitution_rules.render.view import build_view
from tests.conftest import ROOT, SPECS, run_cli
from tests.render import geometry
from tests.render.generated import generated_spec

KAZAKHSTAN_2022 = SPECS / "kazakhstan" / "2022.constitution"
CORPUS = sorted(SPECS.rglob("*.constitution"))


def _svg_of_text(text: str) -> str:
    constitution = parse_text(text, "gen.constitution")
    view = build_view(build_graph(constitution), constitution)
    return render_svg(view, layered_layout(view))


def _assert_clean_geometry(svg: str, expected_nodes: int) -> None:
    picture, nodes, texts = geometry.read(svg)
    assert len(nodes) == expected_nodes
    boxes = {name: box for name, (box, _) in nodes.items()}
    for (a, box_a), (b, box_b) in combinations(sorted(boxes.items()), 2):
        assert not box_a.overlaps(box_b), f"{a} overlaps {b}"
    for name, (box, labels) in nodes.items():
        assert picture.contains(box), f"{name} is outside the picture"
        assert labels, f"{name} has no label"
        for label in labels:
            assert box.contains(label, slack=1.0), f"a label of {name} spills out of its box"
    for text in texts:
        assert picture.contains(text), f"a text at {text} is clipped"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_corpus_svgs_have_no_overlaps_or_clipped_labels(path: Path) -> None:
    result = run_cli("graph", str(path), "--format", "svg")
    assert result.returncode == 0, result.stderr
    graph = build_graph(parse_file(path))
    _assert_clean_geometry(result.stdout, graph.number_of_nodes())


def test_kazakhstan_2022_is_in_the_corpus() -> None:
    assert KAZAKHSTAN_2022 in CORPUS


@pytest.mark.parametrize("seed", [7, 11, 23])
def test_sixty_institutions_have_no_overlaps_or_clipped_labels(seed: int) -> None:
    text = generated_spec(institutions=60, clauses=160, seed=seed)
    graph = build_graph(parse_text(text, "gen.constitution"))
    institutions = sum(1 for _, d in graph.nodes(data=True) if d["node_type"] == "institution")
    assert institutions == 60
    _assert_clean_geometry(_svg_of_text(text), graph.number_of_nodes())


def test_layout_reads_like_separation_of_powers() -> None:
    constitution = parse_file(KAZAKHSTAN_2022)
    view = build_view(build_graph(constitution), constitution)
    layout = layered_layout(view)
    boxes = layout.boxes
    people = boxes["People"]
    columns = {n.branch: [] for n in view.nodes}
    for node in view.nodes:
        columns[node.branch].append(boxes[node.id])
    # The electorate is above every column; instruments are below them.
    assert all(people.y + people.h < box.y for branch, bs in columns.items() if branch != "electorate" for box in bs)
    lowest_column = max(b.y + b.h for br, bs in columns.items() if br not in ("electorate", "instrument") for b in bs)
    assert all(box.y > lowest_column for box in columns["instrument"])
    # Legislature left of the executive, left of the judiciary.
    right_of = {br: max(b.x + b.w for b in bs) for br, bs in columns.items()}
    left_of = {br: min(b.x for b in bs) for br, bs in columns.items()}
    assert right_of["legislature"] < left_of["executive"] and right_of["executive"] < left_of["judiciary"]


def test_edges_are_coloured_by_category_with_arrowheads_and_titles() -> None:
    svg = run_cli("graph", str(KAZAKHSTAN_2022), "--format", "svg", "--no-findings").stdout
    assert 'marker-end="url(#arrow-selection)"' in svg and 'id="arrow-removal"' in svg
    assert 'class="line derived"' in svg  # say-so edges are dashed
    assert "<title>" in svg and "Art. " in svg  # hover titles carry citations
    assert 'class="legend"' in svg and "Selection (elects, appoints, nominates)" in svg


def test_findings_outline_institutions_and_mark_evidence_edges() -> None:
    with_findings = run_cli("graph", str(KAZAKHSTAN_2022), "--format", "svg").stdout
    without = run_cli("graph", str(KAZAKHSTAN_2022), "--format", "svg", "--no-findings").stdout
    assert "has-finding" in with_findings and 'class="halo"' in with_findings
    assert "has-finding" not in without


def test_output_is_byte_identical_across_runs_and_hash_seeds(tmp_path: Path) -> None:
    outputs = {}
    for fmt in ("svg", "html", "dot", "mermaid", "graphml", "gexf", "json"):
        seen = set()
        for seed in ("0", "1", "12345"):
            env = {**os.environ, "PYTHONHASHSEED": seed}
            done = subprocess.run(
                [sys.executable, str(ROOT / "cli.py"), "graph", str(KAZAKHSTAN_2022), "--format", fmt],
                capture_output=True,
                env=env,
                cwd=ROOT,
                timeout=120,
            )
            assert done.returncode == 0, done.stderr
            seen.add(done.stdout)
        assert len(seen) == 1, f"{fmt} differs between runs"
        outputs[fmt] = seen.pop()
    assert all(outputs.values())
