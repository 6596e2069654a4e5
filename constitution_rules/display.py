"""Strings from a spec, made safe to show on one line of a terminal or a text report."""

from __future__ import annotations

import re
from collections.abc import Iterable

# Bidirectional embeddings, overrides and isolates can make shown text read differently from what
# it is ("Trojan Source"); a name in a report never needs them.
_LINE_BREAKS = "\n\r\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_ONE_LINE: dict[int, str | None] = {
    **dict.fromkeys([*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]),
    **{ord(c): " " for c in _LINE_BREAKS},
}


# Characters XML 1.0 does not allow anywhere in a document (not even as character references).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids (C0 controls other than tab, newline and
    carriage return, lone surrogates, U+FFFE and U+FFFF), so every XML writer produces a
    well-formed document whatever a spec's strings hold.

    >>> xml_safe("Pres\x01ident\ufffe")
    'President'
    """
    return _NOT_XML.sub("", text)


def one_line(text: str) -> str:
    """``text`` for a one-line display (a label, a line of a text report): every line break (also
    U+2028) becomes a space; other control characters and bidirectional overrides are dropped."""
    return text.translate(_ONE_LINE)


def text_lines(lines: Iterable[str]) -> str:
    """The lines of a text report, each kept on one line whatever the spec's strings hold, so that
    tools reading one finding per line are not misled."""
    return "".join(one_line(line) + "\n" for line in lines)
