"""How much of a spec is checked against its text: articles that carry their wording (``text``)
and clauses whose comments carry a review tag.

Spec writers tag each clause in a comment on it or in the block of comments just above it:
``[T]`` the wording was seen in a retrieved text of this version, ``[N]`` a secondary source
(news, an official statement), ``[K]`` background knowledge not confirmed in any text (see
specs/kazakhstan/notes/history.md). A tag may carry a source after the letter (``[T T23]``,
``[K; verify]``). A clause carrying several tags counts under each.

A comment block tags the clauses it stands above, up to a blank line or the article's opening
(``# appointed on the proposal of the Chancellor [T]`` above two clauses tags both). A file may
set a default for clauses with no tag of their own in a comment before its first statement:
``# [T T23] unless another tag is given`` (as specs/kazakhstan do).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from constitution_rules import model as m
from constitution_rules.language.layout import Comment, scan_comments, source_lines

#: The review tags, strongest first.
TAGS = ("T", "N", "K")
_TAG = re.compile(r"\[([TNK])(?=[\s\];,:])")
_DEFAULT = re.compile(r"\[([TNK])(?=[\s\];,:])[^\]]*\]\s+unless another tag is given")


@dataclass
class Coverage:
    file: str
    articles: int
    articles_with_text: int
    clauses: int
    #: tag -> clauses carrying it
    tags: dict[str, int]
    tagged: int
    #: (citation, line) of each clause with no tag, in file order
    untagged: list[tuple[str, int]] = field(default_factory=list)
    #: the file's default tag, if it sets one
    default: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "articles": self.articles,
            "articles_with_text": self.articles_with_text,
            "clauses": self.clauses,
            "tagged": self.tagged,
            "tags": dict(self.tags),
            "default_tag": self.default,
            "untagged": [{"citation": citation, "line": line} for citation, line in self.untagged],
        }

    def line(self) -> str:
        text_share = _percent(self.articles_with_text, self.articles)
        tag_share = _percent(self.tagged, self.clauses)
        tags = ", ".join(f"{tag} {self.tags[tag]}" for tag in TAGS)
        return (
            f"{self.file}: {self.articles_with_text}/{self.articles} articles with text ({text_share}); "
            f"{self.tagged}/{self.clauses} clauses tagged ({tag_share}: {tags}); "
            f"{len(self.untagged)} untagged" + (f" (default [{self.default}] counted)" if self.default else "")
        )


def _percent(part: int, whole: int) -> str:
    return f"{100 * part / whole:.1f}%" if whole else "-"


def clause_tags(clause: m.PowerClause, comments: dict[int, Comment], lines: list[str], floor: int) -> set[str]:
    """The tags in the comments on a clause's lines and in the comment block above it (over the
    clauses between, not past a blank line or line ``floor``, the article's opening)."""
    location = clause.location
    if location is None:
        return set()
    texts = [comments[n].text for n in range(location.line, location.end_line + 1) if n in comments]
    above = location.line - 1
    in_block = False
    while above > floor and lines[above - 1].strip():
        comment = comments.get(above)
        if comment is not None and comment.standalone:
            texts.append(comment.text)
            in_block = True
        elif in_block:
            break  # the nearest block above ends here
        above -= 1
    return {match.group(1) for text in texts for match in _TAG.finditer(text)}


def default_tag(constitution: m.Constitution, comments: list[Comment]) -> str | None:
    """The tag a file gives every clause without one (``[T T23] unless another tag is given``)."""
    first = min((i.location.line for i in constitution.institutions if i.location), default=None)
    for comment in comments:
        if first is not None and comment.line >= first:
            break
        match = _DEFAULT.search(comment.text)
        if match:
            return match.group(1)
    return None


def coverage(constitution: m.Constitution, source_text: str) -> Coverage:
    """The coverage of one parsed file; ``source_text`` is the text it was parsed from (its comments)."""
    scanned = scan_comments(source_text)
    comments = {c.line: c for c in scanned}
    lines = source_lines(source_text)
    default = default_tag(constitution, scanned)
    tags = dict.fromkeys(TAGS, 0)
    tagged = 0
    untagged: list[tuple[str, int]] = []
    for provision in constitution.provisions:
        floor = provision.location.line if provision.location else 0
        for clause in provision.clauses:
            found = clause_tags(clause, comments, lines, floor) or ({default} if default else set())
            for tag in found:
                tags[tag] += 1
            if found:
                tagged += 1
            else:
                untagged.append((clause.citation, clause.location.line if clause.location else 0))
    return Coverage(
        file=constitution.file,
        articles=len(constitution.provisions),
        articles_with_text=sum(1 for p in constitution.provisions if p.text is not None),
        clauses=len(constitution.clauses),
        tags=tags,
        tagged=tagged,
        untagged=untagged,
        default=default,
    )
