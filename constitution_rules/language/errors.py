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
    pool = sorted(set(candidates))
    matches = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    if not matches:
        lowered = {c.lower(): c for c in pool}
        matches = [lowered[word.lower()]] if word.lower() in lowered else []
    return f"did you mean '{matches[0]}'?" if matches else None


def line_of(text: str, line: int) -> str | None:
    lines = _lines(text)
    return lines[line - 1] if 0 < line <= len(lines) else None


@functools.lru_cache(maxsize=4)
def _lines(text: str) -> tuple[str, ...]:
    # Cached: a file with many errors asks for many lines of the same text (splitting it each
    # time made reporting quadratic in the number of errors).
    # Split at "\n" only, as the lexer counts lines (str.splitlines also splits at "\r", "\u2028"...).
    return tuple(text.split("\n"))
