"""The project's own error type: what a user sees when a file is wrong.

Every diagnostic names file:line:col, shows the offending line with a caret, says what was
expected, and where a name is misspelt offers the closest known one.
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Diagnostic:
    file: str
    line: int
    column: int
    message: str
    width: int = 1
    help: str | None = None
    source_line: str | None = field(default=None, compare=False)

    def render(self) -> str:
        out = [f"{self.file}:{self.line}:{self.column}: error: {self.message}"]
        if self.source_line is not None:
            gutter = f"{self.line:>4}"
            line = self.source_line.rstrip("\r\n").replace("\t", " ")
            out.append(f"{gutter} | {line}")
            caret_width = max(1, min(self.width, len(line) - self.column + 1))
            out.append(" " * len(gutter) + " | " + " " * (self.column - 1) + "^" * caret_width)
        if self.help:
            out.append(f"  = help: {self.help}")
        return "\n".join(out)


class ConstitutionError(Exception):
    """One or more problems in an input file. ``str()`` gives the full, user-facing report."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = sorted(diagnostics)
        super().__init__(self.render())

    def render(self) -> str:
        body = "\n\n".join(d.render() for d in self.diagnostics)
        count = len(self.diagnostics)
        if count > 1:
            body += f"\n\nfound {count} errors"
        return body


def did_you_mean(word: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate, phrased as a hint, or None when nothing is close."""
    suggester = _suggester(candidates)
    if suggester.asked >= suggester.MAX_HINTS:  # past this many hints a file needs no more of them
        return None
    suggester.asked += 1
    matches = difflib.get_close_matches(word, suggester.shortlist(word), n=1, cutoff=0.6)
    if not matches:
        matches = [suggester.lowered[word.lower()]] if word.lower() in suggester.lowered else []
    return f"did you mean '{matches[0]}'?" if matches else None


class _Suggester:
    """The candidates of one pool, indexed by character trigram, so that a file with thousands of
    misspelt names among thousands of declared ones is not compared name by name (that was
    quadratic: 1,000 typos among 1,000 names took seconds). A small pool is searched whole, as
    difflib does; a large one only among the names sharing the word's rarer trigrams."""

    WHOLE = 200  # pools up to this size are compared in full
    SHORTLIST = 8  # how many of a large pool's best trigram matches difflib then compares
    MAX_HINTS = 2000  # hints given from one pool; a file with more errors gets the rest without

    def __init__(self, pool: Iterable[str]) -> None:
        self.pool = sorted(set(pool))
        self.asked = 0
        self.lowered = {c.lower(): c for c in self.pool}
        self.postings: dict[str, list[int]] = {}
        self.neighbours: dict[str, list[int]] = {}
        if len(self.pool) > self.WHOLE:
            for index, name in enumerate(self.pool):
                for gram in _trigrams(name):
                    self.postings.setdefault(gram, []).append(index)
                for variant in _deletions(name):
                    self.neighbours.setdefault(variant, []).append(index)

    def shortlist(self, word: str) -> list[str]:
        if len(self.pool) <= self.WHOLE:
            return self.pool
        # Trigrams most names share (a common prefix) say nothing about which name was meant.
        common = max(self.SHORTLIST, len(self.pool) // 20)
        scores: dict[int, float] = {}
        for gram in _trigrams(word):
            holders = self.postings.get(gram, ())
            if 0 < len(holders) <= common:
                weight = 1.0 / len(holders)
                for index in holders:
                    scores[index] = scores.get(index, 0.0) + weight
        best = set(sorted(scores, key=lambda i: (-scores[i], i))[: self.SHORTLIST])
        # Names one edit away (a letter wrong, missing or extra) share a one-deletion variant
        # with the word: found at once, however common their trigrams (Body7 for Bodx7).
        for variant in _deletions(word):
            best.update(self.neighbours.get(variant, ())[: self.SHORTLIST])
        return [self.pool[i] for i in sorted(best)]


def _deletions(name: str) -> set[str]:
    lowered = name.lower()
    return {lowered, *(lowered[:i] + lowered[i + 1 :] for i in range(len(lowered)))}


def _trigrams(name: str) -> set[str]:
    padded = f"  {name.lower()} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


_SUGGESTERS: dict[int, tuple[object, int, _Suggester]] = {}


def _suggester(candidates: Iterable[str]) -> _Suggester:
    """One index per pool object: callers ask again and again with the same collection (the
    declared names, the vocabulary), which would otherwise be re-sorted for every error."""
    if isinstance(candidates, (dict, list, tuple, set, frozenset)):
        key = id(candidates)
        cached = _SUGGESTERS.get(key)
        if cached is not None and cached[0] is candidates and cached[1] == len(candidates):
            return cached[2]
        suggester = _Suggester(candidates)
        if len(_SUGGESTERS) >= 16:
            _SUGGESTERS.pop(next(iter(_SUGGESTERS)))
        _SUGGESTERS[key] = (candidates, len(candidates), suggester)
        return suggester
    return _Suggester(candidates)


def line_of(text: str, line: int) -> str | None:
    lines = _lines(text)
    return lines[line - 1] if 0 < line <= len(lines) else None


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    # Cached: a file with many errors asks for many lines of the same text (splitting it each
    # time made reporting quadratic in the number of errors).
    # Split at "\n" only, as the lexer counts lines (str.splitlines also splits at "\r", "\u2028"...).
    return tuple(text.split("\n"))
