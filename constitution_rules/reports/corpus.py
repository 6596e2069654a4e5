"""The corpus table as text, Markdown or JSON: one row per spec, the same columns in every format."""

from __future__ import annotations

import json
from collections.abc import Sequence

from constitution_rules.corpus import METRIC_COLUMNS, CorpusEntry
from constitution_rules.display import one_line, text_lines

SCHEMA_VERSION = "1"

#: Index columns: (key in CorpusEntry.indices, column title). Shugart-Carey sub-indices are sums of
#: 0-4 item scores, shown as whole numbers; the PPI columns are shares, shown with two decimals.
INDEX_COLUMNS: tuple[tuple[str, str], ...] = (
    ("ppi", "PPI"),
    ("ppi_weighted", "PPI (weighted)"),
    ("sc_legislative", "S-C legislative"),
    ("sc_non_legislative", "S-C non-legislative"),
)
_WHOLE_NUMBERS = frozenset({"sc_legislative", "sc_non_legislative", "ppi_decided"})

_HEAD = ("file", "constitution", "as of", "clauses", "errors", "warnings", "info")


def _number(value: float | None, key: str = "") -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if key in _WHOLE_NUMBERS else f"{value:.2f}"


def table_rows(entries: Sequence[CorpusEntry]) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the table, as strings (shared by text and Markdown)."""
    head = [*_HEAD, *(title for _, title in INDEX_COLUMNS), *(title for _, title in METRIC_COLUMNS)]
    rows: list[list[str]] = []
    for entry in entries:
        if not entry.ok:
            rows.append([entry.file, "(not parsed: see errors below)", *("-" for _ in head[2:])])
            continue
        rows.append(
            [
                entry.file,
                one_line(entry.name or ""),
                entry.as_of or "-",
                str(entry.clauses),
                str(entry.counts.get("error", 0)),
                str(entry.counts.get("warning", 0)),
                str(entry.counts.get("info", 0)),
                *(_number(entry.indices.get(key), key) for key, _ in INDEX_COLUMNS),
                *(_number(entry.metrics.get(key), key) for key, _ in METRIC_COLUMNS),
            ]
        )
    return head, rows


def _errors(entries: Sequence[CorpusEntry]) -> list[str]:
    return [entry.error for entry in entries if entry.error]


def _aligned(column: int, cell: str, width: int) -> str:
    """Names and dates to the left, numbers to the right."""
    return cell.ljust(width) if column < 3 else cell.rjust(width)


def corpus_text(entries: Sequence[CorpusEntry]) -> str:
    head, rows = table_rows(entries)
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = [
        "  ".join(_aligned(i, cell, w) for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
        for row in [head, *rows]
    ]
    out = [line.rstrip() for line in lines]
    for error in _errors(entries):
        out += ["", *error.splitlines()]
    return text_lines(out)


def corpus_markdown(entries: Sequence[CorpusEntry]) -> str:
    from constitution_rules.reports.markdown import md

    head, rows = table_rows(entries)
    align = ["---"] * 3 + ["---:"] * (len(head) - 3)
    out = ["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
    out += ["| " + " | ".join(md(cell).replace("\\|", "&#124;") for cell in row) + " |" for row in rows]
    for error in _errors(entries):
        out += ["", "```", error.replace("```", "'''"), "```"]
    return "\n".join(out) + "\n"


def corpus_json(entries: Sequence[CorpusEntry]) -> str:
    files = []
    for entry in entries:
        files.append(
            {
                "file": entry.file,
                "error": entry.error,
                "constitution": entry.name,
                "version": entry.version,
                "as_of": entry.as_of,
                "clauses": entry.clauses,
                "institutions": entry.institutions,
                "findings": entry.counts,
                "codes": list(entry.codes),
                "indices": entry.indices,
                "metrics": entry.metrics,
            }
        )
    return json.dumps({"schema_version": SCHEMA_VERSION, "files": files}, indent=2, ensure_ascii=False) + "\n"
