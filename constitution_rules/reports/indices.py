"""The ``indices`` report: the PPI and Shugart-Carey items of each file as text, JSON or Markdown.

JSON: ``{"schema_version": "1", "files": [{"file", "ppi": {"items": {name: {"value", "evidence",
"reason"}}, "decided", "score", "weighted"}, "shugart_carey": {...}}]}``; items in codebook order,
keys of every object sorted, so output is byte-identical run to run.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from constitution_rules.display import one_line, text_lines
from constitution_rules.indices import SCHEMA_VERSION, FileIndices
from constitution_rules.indices.items import Item
from constitution_rules.indices.ppi import ITEMS as PPI_ITEMS
from constitution_rules.indices.shugart_carey import ITEM_NAMES as SC_ITEMS
from constitution_rules.indices.shugart_carey import LEGISLATIVE

SC_MAX = 4


def _item_json(item: Item) -> dict[str, Any]:
    return {
        "value": item.value,
        "evidence": [e.model_dump(mode="json") for e in item.evidence],
        "reason": item.reason,
    }


def file_json(report: FileIndices) -> dict[str, Any]:
    ppi, sc = report.ppi, report.shugart_carey
    return {
        "file": report.file,
        "ppi": {
            "items": {i.name: _item_json(ppi.items[i.name]) for i in PPI_ITEMS},
            "decided": ppi.decided,
            "score": ppi.score,
            "weighted": ppi.weighted,
        },
        "shugart_carey": {
            "president": sc.president,
            "items": {name: _item_json(sc.items[name]) for name in SC_ITEMS},
            "decided": sc.decided,
            "legislative": sc.legislative,
            "non_legislative": sc.non_legislative,
            "total": sc.total,
        },
    }


def render_json(reports: Sequence[FileIndices]) -> str:
    payload = {"schema_version": SCHEMA_VERSION, "files": [file_json(r) for r in reports]}
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _ppi_value(item: Item) -> str:
    return {True: "yes", False: "no", None: "-"}[item.value]  # type: ignore[index]


def _sc_value(item: Item) -> str:
    return "-" if item.value is None else str(item.value)


def _score(value: float | None) -> str:
    return "-" if value is None else f"{value:.4f}"


def _articles(item: Item) -> str:
    seen: list[str] = []
    for e in item.evidence:
        label = e.article or (e.text.split(":")[0] if e.text.startswith("institution ") else "")
        if label and label not in seen:
            seen.append(label)
    return ", ".join(seen)


def _sc_summary(report: FileIndices) -> str:
    sc = report.shugart_carey
    legislative = sum(1 for n in LEGISLATIVE if sc.items[n].value is not None)
    return (
        f"legislative {sc.legislative} (of {SC_MAX * legislative} decided), "
        f"non-legislative {sc.non_legislative} (of {SC_MAX * (sc.decided - legislative)} decided), "
        f"total {sc.total}; {sc.decided} of {len(SC_ITEMS)} items decided"
    )


def _text_row(name: str, width: int, value: str, item: Item) -> str:
    where = _articles(item)
    return f"    {name:<{width}}  {value:<3}  {one_line(item.reason)}" + (f"  [{one_line(where)}]" if where else "")


def render_text(reports: Sequence[FileIndices]) -> str:
    out: list[str] = []
    for report in reports:
        ppi, sc = report.ppi, report.shugart_carey
        out.append(f"{one_line(report.file)}")
        out.append(
            f"  Parliamentary Powers Index: score {_score(ppi.score)}, weighted {_score(ppi.weighted)} "
            f"({ppi.decided} of {len(PPI_ITEMS)} items decided)"
        )
        width = max(len(i.name) for i in PPI_ITEMS)
        out.extend(_text_row(i.name, width, _ppi_value(ppi.items[i.name]), ppi.items[i.name]) for i in PPI_ITEMS)
        who = f" ({one_line(sc.president)})" if sc.president else ""
        out.append(f"  Shugart-Carey presidential powers{who}: {_sc_summary(report)}")
        width = max(len(n) for n in SC_ITEMS)
        out.extend(_text_row(name, width, _sc_value(sc.items[name]), sc.items[name]) for name in SC_ITEMS)
        out.append("")
    return text_lines(out[:-1] if out else out)


def render_markdown(reports: Sequence[FileIndices]) -> str:
    from constitution_rules.reports.markdown import code, md

    out = ["## Indices", ""]
    if len(reports) > 1:
        out += [
            "| file | PPI score | weighted | decided | Shugart-Carey total | decided |",
            "|---|---:|---:|---:|---:|---:|",
        ]
        out += [
            f"| {code(r.file)} | {_score(r.ppi.score)} | {_score(r.ppi.weighted)} | {r.ppi.decided} | "
            f"{r.shugart_carey.total} | {r.shugart_carey.decided} |"
            for r in reports
        ]
        out.append("")
    for report in reports:
        ppi, sc = report.ppi, report.shugart_carey
        out += [f"### {code(report.file)}", ""]
        out.append(
            f"**Parliamentary Powers Index:** score {_score(ppi.score)}, weighted {_score(ppi.weighted)} "
            f"({ppi.decided} of {len(PPI_ITEMS)} items decided)"
        )
        out += ["", "| item | value | reason | articles |", "|---|---|---|---|"]
        for spec in PPI_ITEMS:
            item = ppi.items[spec.name]
            out.append(f"| {spec.name} | {_ppi_value(item)} | {md(item.reason)} | {md(_articles(item))} |")
        out += ["", f"**Shugart-Carey presidential powers:** {md(_sc_summary(report))}"]
        out += ["", "| item | score | reason | articles |", "|---|---:|---|---|"]
        for name in SC_ITEMS:
            item = sc.items[name]
            out.append(f"| {name} | {_sc_value(item)} | {md(item.reason)} | {md(_articles(item))} |")
        out.append("")
    return "\n".join(out)
