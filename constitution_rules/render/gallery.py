"""The corpus gallery: one self-contained HTML page with the table of every spec, and for each spec
its power graph and its findings. No script and no external asset, so it opens offline; each graph
is an ``<img>`` with an SVG data URI, so the drawings' internal ids never clash with each other."""

from __future__ import annotations

import base64
import html
import re
from collections.abc import Sequence

from constitution_rules.corpus import CorpusEntry
from constitution_rules.display import one_line
from constitution_rules.findings import SEVERITY_ORDER
from constitution_rules.reports.corpus import table_rows

_STYLE = """
body { font-family: system-ui, sans-serif; margin: 2rem; color: #1f2328; }
table { border-collapse: collapse; font-size: 0.9rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: right; white-space: nowrap; }
th:nth-child(-n+3), td:nth-child(-n+3) { text-align: left; }
section { margin-top: 2.5rem; border-top: 1px solid #d0d7de; }
img.graph { max-width: 100%; border: 1px solid #d0d7de; }
.error { color: #cf222e; } .warning { color: #9a6700; } .info { color: #0969da; }
pre { background: #f6f8fa; padding: 0.8rem; overflow-x: auto; }
"""


def _anchor(file: str) -> str:
    return "spec-" + re.sub(r"[^A-Za-z0-9]+", "-", file).strip("-")


def render_gallery(entries: Sequence[CorpusEntry], title: str = "Constitution corpus") -> str:
    esc = html.escape
    head, rows = table_rows(entries)
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{esc(title)}</h1>",
        f"<p>{len(entries)} specs. Each row links to the spec's power graph and findings below.</p>",
        '<table id="corpus"><thead><tr>' + "".join(f"<th>{esc(h)}</th>" for h in head) + "</tr></thead><tbody>",
    ]
    for entry, row in zip(entries, rows, strict=True):
        cells = [f'<a href="#{_anchor(entry.file)}">{esc(row[0])}</a>', *(esc(cell) for cell in row[1:])]
        out.append("<tr>" + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    out.append("</tbody></table>")
    for entry in entries:
        out.append(f'<section id="{_anchor(entry.file)}" class="spec">')
        heading = one_line(entry.name or entry.file) + (f", as of {entry.as_of}" if entry.as_of else "")
        out.append(f"<h2>{esc(heading)}</h2>")
        if not entry.ok:
            out.append(f'<p class="error">{esc(entry.file)} could not be read:</p><pre>{esc(entry.error or "")}</pre>')
            out.append("</section>")
            continue
        out.append(f"<p>{esc(entry.file)} · {esc(one_line(entry.version or ''))} · as of {esc(entry.as_of or '-')}</p>")
        if entry.svg:
            data = base64.b64encode(entry.svg.encode("utf-8")).decode("ascii")
            alt = f"Power graph of {one_line(entry.name or entry.file)}"
            out.append(f'<img class="graph" alt="{esc(alt)}" src="data:image/svg+xml;base64,{data}">')
        findings = sorted(entry.findings, key=lambda f: (-SEVERITY_ORDER[f.severity], f.sort_key()))
        if findings:
            out.append('<ul class="findings">')
            for finding in findings:
                where = f" ({finding.location.line}:{finding.location.column})" if finding.location else ""
                out.append(
                    f'<li class="{finding.severity}"><strong>{esc(finding.code)}</strong> '
                    f"[{finding.severity}] {esc(one_line(finding.message))}{esc(where)}</li>"
                )
            out.append("</ul>")
        else:
            out.append("<p>No findings.</p>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
