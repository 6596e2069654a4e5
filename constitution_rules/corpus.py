"""A corpus of constitutions measured side by side: one row per spec with its version, findings by
severity, indices and key metrics, for the ``corpus`` verb's table and gallery.

Each file is measured on its own (in a worker process when there are several), so one unparsable
file becomes a row with its error and never hides the others. Rows come back in the sorted order of
their paths whatever the number of workers, so the output is the same for one worker or eight.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from constitution_rules.findings import Finding

#: Key metrics shown for every spec: (key, column title).
METRIC_COLUMNS: tuple[tuple[str, str], ...] = (
    ("oversight_coverage", "oversight"),
    ("hhi", "HHI"),
)


@dataclass(frozen=True)
class CorpusEntry:
    """One spec of the corpus, measured; ``error`` is set (and the rest empty) when it did not parse."""

    file: str
    name: str | None = None
    version: str | None = None
    as_of: str | None = None
    clauses: int = 0
    institutions: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    codes: tuple[str, ...] = ()
    metrics: dict[str, float] = field(default_factory=dict)
    indices: dict[str, float | None] = field(default_factory=dict)
    findings: tuple[Finding, ...] = ()
    svg: str | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def measure_file(path: str, draw: bool = False) -> CorpusEntry:
    """Parse, check and measure one spec; a bad file gives an entry carrying its error message.

    Top-level (not a closure) so that a process pool can send it to its workers.
    """
    from constitution_rules.config import config_for
    from constitution_rules.graph import build_graph
    from constitution_rules.language.errors import ConstitutionError
    from constitution_rules.language.parser import parse_file
    from constitution_rules.metrics import compute_metrics
    from constitution_rules.rules.engine import run_rules

    try:
        constitution = parse_file(path)
    except ConstitutionError as exc:
        return CorpusEntry(file=path, error=str(exc))
    config = config_for(path)
    graph = build_graph(constitution)
    result = run_rules(constitution, graph=graph, config=config)
    findings = tuple(f for f in result.findings if not f.waived)
    metrics = compute_metrics(constitution, graph, {"weights": dict(config.weights)})
    return CorpusEntry(
        file=path,
        name=constitution.name,
        version=constitution.version,
        as_of=dated.isoformat() if (dated := constitution.as_of or constitution.adopted) else None,
        clauses=len(constitution.clauses),
        institutions=len(constitution.institutions),
        counts={"error": result.counts.error, "warning": result.counts.warning, "info": result.counts.info},
        codes=tuple(sorted({f.code for f in findings})),
        metrics={key: float(getattr(metrics, key)) for key, _ in METRIC_COLUMNS},
        indices=_index_scores(constitution),
        findings=findings,
        svg=_draw(constitution, graph, list(result.findings)) if draw else None,
    )


def _index_scores(constitution: Any) -> dict[str, float | None]:
    """The headline index scores: PPI (share and weighted), items decided, Shugart-Carey sub-indices."""
    from constitution_rules.indices import compute_indices

    indices = compute_indices(constitution)
    ppi, sc = indices.ppi, indices.shugart_carey
    return {
        "ppi": ppi.score,
        "ppi_weighted": ppi.weighted,
        "ppi_decided": float(ppi.decided),
        "sc_legislative": float(sc.legislative) if sc.president else None,
        "sc_non_legislative": float(sc.non_legislative) if sc.president else None,
    }


def _draw(constitution: Any, graph: Any, findings: list[Finding]) -> str:
    from constitution_rules.render.layout import layered_layout
    from constitution_rules.render.svg import render_svg
    from constitution_rules.render.view import build_view

    view = build_view(graph, constitution, findings)
    return render_svg(view, layered_layout(view))


def measure_corpus(
    files: Sequence[str],
    draw: bool = False,
    jobs: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> list[CorpusEntry]:
    """Measure every file, in parallel when there are several; entries in the order of ``files``.

    ``jobs`` is the number of worker processes (default: the CPUs available, at most one per file);
    ``progress(done, total)`` is called as files complete.
    """
    total = len(files)
    workers = max(1, min(jobs or _cpu_count(), total))
    entries: list[CorpusEntry | None] = [None] * total
    if workers == 1:
        for index, path in enumerate(files):
            entries[index] = measure_file(path, draw)
            if progress:
                progress(index + 1, total)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending = {pool.submit(measure_file, path, draw): index for index, path in enumerate(files)}
            for done, future in enumerate(as_completed(pending), start=1):
                entries[pending[future]] = future.result()
                if progress:
                    progress(done, total)
    return [entry for entry in entries if entry is not None]


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


def display_path(path: Path) -> str:
    """A path relative to the working folder when it is inside it (stable across machines)."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
