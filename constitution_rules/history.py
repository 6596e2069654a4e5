"""A folder of a constitution and its dated amendments as a chain of versions, with findings and
metrics per version, as a table, JSON, or an SVG line chart of the main metrics over time.

The chain starts at the constitution the adopted amendments amend by path; amendments are applied
in date order. Other constitutions in the folder join the timeline at their own date, unless one
of the chain's versions already means the same (then it is noted as that version's file).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from constitution_rules import model as m
from constitution_rules.amendments import ParsedAmendment, apply_amendments, base_path, load_amendment
from constitution_rules.display import text_lines
from constitution_rules.language.errors import ConstitutionError, Diagnostic
from constitution_rules.language.parser import parse_text, read_source

T = TypeVar("T")

#: The series drawn and tabulated: (key, column title).
SERIES = (
    ("head_of_state_share", "head of state share"),
    ("head_of_state_unchecked", "head of state unchecked"),
    ("legislature_share", "legislature share"),
    ("hhi", "HHI"),
    ("oversight_coverage", "oversight coverage"),
)


@dataclass
class Version:
    date: dt.date | None
    label: str
    source: str
    constitution: m.Constitution
    same_as: str | None = None
    errors: int = 0
    warnings: int = 0
    infos: int = 0
    values: dict[str, float] | None = None
    indices: dict[str, float | str | None] | None = None  # constitution_rules.indices.flat_indices


def _date_of(constitution: m.Constitution) -> dt.date | None:
    return constitution.as_of or constitution.adopted


def _chain_root(folder: Path, amendments: list[ParsedAmendment]) -> Path | None:
    for amendment in amendments:
        if amendment.header.amends_path:
            candidate = base_path(amendment)
            if candidate.is_file():
                return candidate
    return None


def build_history(
    folder: str | Path, config: Any = None, errors: list[ConstitutionError] | None = None
) -> list[Version]:
    """The versions in ``folder``, measured. With ``errors`` given, a file that cannot be read,
    parsed or applied is recorded there and left out (with the chain's later versions, which
    depend on it) instead of stopping the whole history."""
    base = Path(folder)
    if not base.is_dir():
        raise ConstitutionError([Diagnostic(str(folder), 1, 1, "is not a folder")])

    def attempt(step: Callable[[], T]) -> T | None:
        if errors is None:
            return step()
        try:
            return step()
        except ConstitutionError as exc:
            errors.append(exc)
            return None

    amendment_files = sorted(base.rglob("*.amendment"))
    parsed = [a for p in amendment_files if (a := attempt(partial(load_amendment, p))) is not None]
    adopted = sorted(
        (a for a in parsed if a.header.status == "adopted"),
        key=lambda a: (a.header.date or dt.date.min, a.file),
    )
    root = attempt(partial(_chain_root, base, adopted))
    versions: list[Version] = []
    start = attempt(partial(_read_and_parse, root)) if root is not None else None
    if root is not None and start is not None:
        text, constitution = start
        versions.append(
            Version(_date_of(constitution), constitution.version or root.name, _display(root), constitution)
        )
        for index in range(len(adopted)):
            applied = attempt(partial(apply_amendments, constitution, adopted[: index + 1], text))
            if applied is None:
                break
            amendment = adopted[index]
            versions.append(
                Version(
                    amendment.header.date, amendment.header.title, _display(Path(amendment.file)), applied.constitution
                )
            )
    for path in sorted(base.glob("*.constitution")):
        if root is not None and path.resolve() == root:
            continue
        read = attempt(partial(_read_and_parse, path))
        if read is None:
            continue
        constitution = read[1]
        twin = next((v for v in versions if v.constitution.meaning() == constitution.meaning()), None)
        if twin is not None:
            twin.same_as = _display(path)
            continue
        versions.append(
            Version(
                _date_of(constitution),
                f"{path.name}: {constitution.version or ''}".rstrip(": "),
                _display(path),
                constitution,
            )
        )
    versions.sort(key=lambda v: (v.date or dt.date.min, v.source))
    for version in versions:
        _measure(version, config)
    return versions


def _read_and_parse(path: Path) -> tuple[str, m.Constitution]:
    text = read_source(path)
    return text, parse_text(text, _display(path))


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _measure(version: Version, config: Any) -> None:
    from constitution_rules.graph import build_graph
    from constitution_rules.indices import compute_indices, flat_indices
    from constitution_rules.metrics import compute_metrics
    from constitution_rules.rules.engine import run_rules

    graph = build_graph(version.constitution)
    result = run_rules(version.constitution, graph, config)
    version.errors, version.warnings, version.infos = result.counts.error, result.counts.warning, result.counts.info
    metrics = compute_metrics(version.constitution, graph, {"weights": dict(config.weights)} if config else None)
    version.indices = flat_indices(compute_indices(version.constitution))
    kinds = {i.id: set(i.kinds) for i in version.constitution.institutions}
    version.values = {
        "head_of_state_share": round(
            sum(s.share for s in metrics.shares if "head-of-state" in kinds.get(s.institution, ())), 4
        ),
        "legislature_share": round(
            sum(s.share for s in metrics.shares if "legislature" in kinds.get(s.institution, ())), 4
        ),
        # The part of all acting powers the head of state's principal (with the agents it may
        # dismiss at will) holds with no independent check: what CB112 measures.
        "head_of_state_unchecked": round(
            max(
                (p.unchecked_share for p in metrics.principals if "head-of-state" in kinds.get(p.principal, ())),
                default=0.0,
            ),
            4,
        ),
        "hhi": metrics.hhi,
        "oversight_coverage": metrics.oversight_coverage,
    }


# ---- output ---------------------------------------------------------------------------------


#: Changes only when a field is removed or changes meaning; new fields keep the version.
HISTORY_SCHEMA_VERSION = "1"


def history_json(versions: list[Version]) -> str:
    rows = [
        {
            "date": v.date.isoformat() if v.date else None,
            "label": v.label,
            "source": v.source,
            "same_as": v.same_as,
            "findings": {"error": v.errors, "warning": v.warnings, "info": v.infos},
            "metrics": v.values,
            "indices": v.indices,
        }
        for v in versions
    ]
    return json.dumps({"schema_version": HISTORY_SCHEMA_VERSION, "versions": rows}, indent=2, ensure_ascii=False) + "\n"


#: Index columns of the table: the PPI over decided items, and the Shugart-Carey total with the
#: number of its ten items the text decides (docs/indices.md).
INDEX_COLUMNS = ("PPI", "Shugart-Carey")


def _index_cells(flat: dict[str, float | str | None]) -> list[str]:
    score, total, decided = flat.get("ppi.score"), flat.get("shugart_carey.total"), flat.get("shugart_carey.decided")
    ppi = f"{score:.3f}" if isinstance(score, float) else "-"
    sc = f"{int(total)} ({int(decided)}/10)" if isinstance(total, float) and isinstance(decided, float) else "-"
    return [ppi, sc]


def history_table(versions: list[Version], markdown: bool = False) -> str:
    head = ["date", "version", "errors", "warnings", "infos", *(title for _, title in SERIES), *INDEX_COLUMNS]
    rows = [
        [
            v.date.isoformat() if v.date else "-",
            v.label + (f" (= {v.source if v.same_as is None else v.same_as})" if v.same_as else ""),
            str(v.errors),
            str(v.warnings),
            str(v.infos),
            *(f"{(v.values or {}).get(key, 0):.3f}" for key, _ in SERIES),
            *_index_cells(v.indices or {}),
        ]
        for v in versions
    ]
    if markdown:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        from constitution_rules.reports.markdown import md

        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(c.ljust(w) if i < 2 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths, strict=True)))
        for r in [head, *rows]
    ]
    return text_lines(line.rstrip() for line in lines)


COLOURS = ("#cf222e", "#bc4c00", "#0969da", "#8250df", "#1a7f37")


def history_svg(versions: list[Version], title: str = "") -> str:
    """A line chart of the main metrics over time; x is proportional to the date."""
    from constitution_rules.render.text import xml_text

    dated = [v for v in versions if v.date is not None and v.values]
    width, height, left, right, top, bottom = 760, 380, 56, 190, 40, 56
    plot_w, plot_h = width - left - right, height - top - bottom
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
        'font-family="sans-serif" font-size="12" role="img">',
        f"<title>{xml_text(title or 'Balance metrics over time')}</title>",
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
        f'<text x="{left}" y="22" font-size="15" font-weight="bold">'
        f"{xml_text(title or 'Balance metrics over time')}</text>",
    ]
    if not dated:
        out.append(f'<text x="{left}" y="{top + 20}">no dated versions</text></svg>')
        return "\n".join(out) + "\n"
    first, last = dated[0].date, dated[-1].date
    assert first is not None and last is not None
    span = max(1, (last - first).days)

    def x(date: dt.date) -> float:
        return left + plot_w * (date - first).days / span if len(dated) > 1 else left + plot_w / 2

    def y(value: float) -> float:
        return top + plot_h * (1 - max(0.0, min(1.0, value)))

    for tick in range(6):
        value = tick / 5
        out.append(f'<line x1="{left}" x2="{left + plot_w}" y1="{y(value):.1f}" y2="{y(value):.1f}" stroke="#e5e7eb"/>')
        out.append(f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end">{value:.1f}</text>')
    for v in dated:
        assert v.date is not None
        out.append(f'<line x1="{x(v.date):.1f}" x2="{x(v.date):.1f}" y1="{top}" y2="{top + plot_h}" stroke="#f0f0f0"/>')
        out.append(f'<text x="{x(v.date):.1f}" y="{top + plot_h + 16}" text-anchor="middle">{v.date.year}</text>')
    for (key, name), colour in zip(SERIES, COLOURS, strict=True):
        points = [(x(v.date), y((v.values or {})[key])) for v in dated if v.date is not None]
        path = " ".join(f"{px:.1f},{py:.1f}" for px, py in points)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        out.extend(f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3" fill="{colour}"/>' for px, py in points)
        legend_y = top + 14 + 20 * [k for k, _ in SERIES].index(key)
        out.append(
            f'<line x1="{left + plot_w + 16}" x2="{left + plot_w + 36}" y1="{legend_y - 4}" y2="{legend_y - 4}" '
            f'stroke="{colour}" stroke-width="2"/>'
        )
        out.append(f'<text x="{left + plot_w + 42}" y="{legend_y}">{xml_text(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"
