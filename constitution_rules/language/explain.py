"""One article as a reviewer reads it: its citation and title, the wording it encodes (``text``)
and what it says, each statement in canonical form with its line."""

from __future__ import annotations

import difflib
import re

from constitution_rules import model as m
from constitution_rules.display import one_line
from constitution_rules.language import printer
from constitution_rules.language.errors import ConstitutionError, Diagnostic

_REF = re.compile(r"^\s*([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)((?:\s*\(\s*[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\s*\))*)\s*$")


def matching(constitution: m.Constitution, ref: str) -> list[m.Provision]:
    """The provisions an article reference covers: ``44`` covers 44, 44(2), 44(3)..."""
    match = _REF.match(ref)
    if match is None:
        return []
    number = match.group(1)
    paragraphs = tuple(re.findall(r"\(\s*([^)\s]+)\s*\)", match.group(2)))
    return [p for p in constitution.provisions if p.article == number and p.paragraphs[: len(paragraphs)] == paragraphs]


def explain_article(constitution: m.Constitution, ref: str) -> str:
    """The text of ``explain``-like output for article ``ref``; an unknown article is an error."""
    found = matching(constitution, ref)
    if not found:
        known = [printer.article_ref(p) for p in constitution.provisions]
        close = difflib.get_close_matches(ref.replace(" ", ""), known, n=1, cutoff=0.5)
        raise ConstitutionError(
            [
                Diagnostic(
                    constitution.file,
                    1,
                    1,
                    f"no article {ref} in {constitution.name or constitution.file}",
                    help=f"did you mean article {close[0]}?" if close else "articles: " + ", ".join(known[:12]),
                )
            ]
        )
    out: list[str] = []
    for provision in found:
        where = f"  ({provision.location})" if provision.location else ""
        title = f' "{one_line(provision.title)}"' if provision.title else ""
        out.append(f"{provision.citation}{title}{where}")
        if provision.text is not None:
            out.append("  text:")
            out.extend("    " + one_line(line) for line in provision.text.split("\n"))
        else:
            out.append('  text: (not given; add `text "..."` to the article block)')
        items = [*provision.clauses, *printer.provision_statements(provision)]
        for item in items:
            sentence = printer.clause_text(item) if isinstance(item, m.PowerClause) else printer.statement_text(item)
            line = f"  [line {item.location.line}]" if item.location and item.location.line > 0 else ""
            out.append(f"  {one_line(sentence)}.{line}")
        out.append("")
    return "\n".join(out)
