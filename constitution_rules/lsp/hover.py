"""Hover: what the word under the cursor means in this document.

- an institution: its name, kinds, seats and term, the powers it holds, the powers others hold over
  it, and where it has a say in another's power, each with its citation;
- a verb: its category and meaning (also the multi-word ones, ``votes no confidence in``);
- a kind or an instrument: what it is and which verbs act on it;
- a rule code (``waive CB103``), and any finding under the cursor: the rule's explanation;
- in an amendment, an article reference (``in article 50(2)``): the clauses of that article in
  the base it amends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lsprotocol import types

from constitution_rules.findings import Finding
from constitution_rules.lsp.analysis import Analysis
from constitution_rules.lsp.positions import LineIndex, Token, word_at
from constitution_rules.model import Constitution, Institution, PowerClause, Provision, provision_id_for
from constitution_rules.vocabulary import (
    BASE_FORMS,
    DEFAULT_INDEPENDENT_KINDS,
    INSTITUTION,
    INSTRUMENTS,
    KINDS,
    VERBS,
)

LIST_LIMIT = 20
CODE = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
#: ``article 44(3)``, ``article 83-1``: an article reference as the amendment grammar writes it
ARTICLE_REF = re.compile(
    r"\barticle\s+([0-9A-Za-z]+(?:-[0-9A-Za-z]+)*)((?:\s*\(\s*[0-9A-Za-z]+(?:-[0-9A-Za-z]+)*\s*\))*)"
)


def markdown(value: str, found: types.Range | None = None) -> types.Hover:
    return types.Hover(types.MarkupContent(types.MarkupKind.Markdown, value), found)


def clause_line(clause: PowerClause) -> str:
    from constitution_rules.language.printer import clause_text

    return f"- **{clause.citation}**: `{clause_text(clause.model_copy(update={'waivers': ()}))}`"


def _listed(title: str, clauses: Sequence[PowerClause]) -> list[str]:
    if not clauses:
        return [f"**{title}**: none"]
    lines = [f"**{title}** ({len(clauses)})", ""]
    lines += [clause_line(c) for c in clauses[:LIST_LIMIT]]
    if len(clauses) > LIST_LIMIT:
        lines.append(f"- … and {len(clauses) - LIST_LIMIT} more")
    return lines


def _names_in_conditions(clause: PowerClause) -> set[str]:
    names: set[str] = set()
    for condition in clause.conditions:
        names.update(n for n in getattr(condition, "institutions", ()) if isinstance(n, str))
        name = getattr(condition, "institution", None)
        if isinstance(name, str):
            names.add(name)
    return names


def institution_markdown(constitution: Constitution, institution: Institution) -> str:
    from constitution_rules.language.printer import institution_text

    head = f"**{institution.id}**" + (f" — {institution.label}" if institution.name else "")
    independent = [k for k in institution.kinds if k in DEFAULT_INDEPENDENT_KINDS]
    clauses = constitution.clauses
    holds = [c for c in clauses if institution.id in c.actors]
    subject = [c for c in clauses if c.target_type == "institution" and c.target == institution.id]
    say = [c for c in clauses if institution.id in _names_in_conditions(c) and institution.id not in c.actors]
    declaration = institution_text(institution.model_copy(update={"waivers": ()}))
    parts = [f"{head} (institution)", "", "```constitution", declaration, "```"]
    if independent:
        parts += ["", f"an independent body by default ({', '.join(independent)})"]
    parts += ["", *_listed("Holds", holds), "", *_listed("Subject to", subject)]
    if say:
        parts += ["", *_listed("Has a say in", say)]
    return "\n".join(parts)


def verb_markdown(name: str) -> str:
    verb = VERBS[name]
    targets = ", ".join("any institution" if t == INSTITUTION else f"`{t}`" for t in verb.targets)
    return f"**{name}** (verb, {verb.category})\n\n{verb.meaning}.\n\nActs on: {targets}."


def kind_markdown(kind: str) -> str:
    independent = (
        " It counts as an independent body by default (`independent_kinds`)."
        if kind in DEFAULT_INDEPENDENT_KINDS
        else ""
    )
    return f"**{kind}** (institution kind).{independent}"


def instrument_markdown(instrument: str) -> str:
    verbs = ", ".join(f"`{v.name}`" for v in VERBS.values() if instrument in v.targets)
    return f"**{instrument}** (instrument): a power over an act, not over an institution.\n\nVerbs: {verbs}."


def rule_markdown_for(code: str) -> str | None:
    from constitution_rules.rules.registry import get_rule

    found = get_rule(code)
    if found is None:
        return None
    return "\n\n".join(
        [
            f"**{found.code}** `{found.name}` ({found.severity}, {found.category})",
            found.summary,
            f"*What it flags.* {found.what_it_flags}",
            f"*Why it matters.* {found.why_it_matters}",
            f"*How to fix.* {found.how_to_fix}",
        ]
    )


def _verb_phrase(line: str, column: int) -> tuple[str, int, int] | None:
    """The verb (a multi-word one, a base form too) covering ``column`` of ``line``, with its columns."""
    forms = {**{name: name for name in VERBS}, **BASE_FORMS}
    for form in sorted(forms, key=len, reverse=True):
        for match in re.finditer(r"(?<![\w-])" + re.escape(form).replace(r"\ ", r"\s+") + r"(?![\w-])", line):
            if match.start() <= column <= match.end():
                return forms[form], match.start(), match.end()
    return None


def findings_at(findings: Iterable[Finding], file: str, line: int, column: int) -> list[Finding]:
    """Findings whose location (1-based) covers the position."""
    out = []
    for finding in findings:
        loc = finding.location
        if loc is None or loc.file != file:
            continue
        if (loc.line, loc.column) <= (line, column) <= (loc.end_line, loc.end_column):
            out.append(finding)
    return out


def article_at(text: str, offset: int) -> tuple[str, tuple[str, ...], int, int] | None:
    """The article reference (``article 50(2)``) covering ``offset``: number, paragraphs, span."""
    line_start = text.rfind("\n", 0, offset) + 1
    line_end = text.find("\n", offset)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    for match in ARTICLE_REF.finditer(line):
        if match.start() <= offset - line_start <= match.end():
            paragraphs = tuple(re.findall(r"\(\s*([0-9A-Za-z-]+)\s*\)", match.group(2)))
            return match.group(1), paragraphs, line_start + match.start(), line_start + match.end()
    return None


def provision_markdown(provision: Provision, heading: str) -> str:
    from constitution_rules.language.printer import clause_text

    title = f' "{provision.title}"' if provision.title else ""
    lines = [f"**{provision.citation}**{title} — {heading}", "", "```constitution"]
    lines += [clause_text(c) for c in provision.clauses] or ["# no clauses"]
    lines.append("```")
    return "\n".join(lines)


def _amended_article(analysis: Analysis, text: str, offset: int, index: LineIndex) -> types.Hover | None:
    found = article_at(text, offset)
    if found is None or analysis.base is None:
        return None
    number, paragraphs, start, end = found
    pid = provision_id_for(number, paragraphs)
    before = next((p for p in analysis.base.provisions if p.id == pid), None)
    after = next((p for p in analysis.constitution.provisions if p.id == pid), None) if analysis.constitution else None
    parts = []
    if before is not None:
        parts.append(provision_markdown(before, "in the base"))
    else:
        parts.append(f"**Art. {number}{''.join(f'({p})' for p in paragraphs)}** is not in the base")
    if after is not None and (before is None or after.clauses != before.clauses):
        parts.append(provision_markdown(after, "after this amendment"))
    elif after is None and before is not None:
        parts.append("*Repealed or renumbered by this amendment.*")
    return markdown("\n\n---\n\n".join(parts), index.range(start, end))


def hover(analysis: Analysis, model: Analysis | None, text: str, offset: int, index: LineIndex) -> types.Hover | None:
    """The hover at ``offset`` of ``text``. ``model`` is the newest analysis that has a model (the
    document may not parse right now; names and articles are looked up there)."""
    source = model if model is not None and model.constitution is not None else analysis
    if analysis.kind == "amendment":
        article = _amended_article(source, text, offset, index)
        if article is not None:
            return article
    token = word_at(text, offset)
    parts: list[str] = []
    found: types.Range | None = None
    if token is not None:
        found = index.range(token.start, token.end)
        main = _word_markdown(token, source, text, index)
        if isinstance(main, tuple):
            value, found = main
            parts.append(value)
        elif main:
            parts.append(main)
    position = index.position(offset)
    line_text = index.line_text(position.line)
    column = len(line_text[: offset - index.starts[position.line]]) + 1
    for finding in findings_at(analysis.findings, analysis.file, position.line + 1, column):
        explanation = rule_markdown_for(finding.code)
        if explanation and explanation not in parts:
            parts.append(explanation)
    return markdown("\n\n---\n\n".join(parts), found) if parts else None


def _word_markdown(token: Token, source: Analysis, text: str, index: LineIndex) -> str | tuple[str, types.Range] | None:
    word = token.text
    constitution = source.constitution
    institution = constitution.institution(word) if constitution is not None else None
    if institution is None and source.base is not None:
        institution = source.base.institution(word)
        constitution = source.base
    if institution is not None and constitution is not None:
        return institution_markdown(constitution, institution)
    if CODE.match(word):
        return rule_markdown_for(word)
    line_start = text.rfind("\n", 0, token.start) + 1
    line_end = text.find("\n", token.start)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    phrase = _verb_phrase(line, token.start - line_start)
    if phrase is not None:
        name, start, end = phrase
        return verb_markdown(name), index.range(line_start + start, line_start + end)
    if word in KINDS:
        return kind_markdown(word)
    if word in INSTRUMENTS:
        return instrument_markdown(word)
    return None
