"""Text measuring and escaping for the drawn formats, without a font library.

Widths come from the Helvetica/Arial metrics (which Liberation Sans and Arimo share), in 1/1000 em,
with a safety margin so that a label measured here still fits its box in a real browser.
"""

from __future__ import annotations

import unicodedata
from xml.sax.saxutils import escape

from constitution_rules.display import xml_safe

# Advance widths of Helvetica (AFM), printable ASCII from the space (32) to the tilde (126).
_ASCII_WIDTHS = (
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
)  # fmt: skip
_OTHER_WIDTH = 680  # Cyrillic and other letters: about the width of a wide Latin letter
_WIDE_WIDTH = 1000  # East Asian wide and fullwidth characters (CJK, kana, hangul) take a full em
_SAFETY = 1.06


def char_width(char: str) -> int:
    """Advance width of one character in 1/1000 em: Helvetica for ASCII, a full em for East Asian
    wide and fullwidth characters, nothing for combining marks and zero-width format characters."""
    code = ord(char)
    if 32 <= code <= 126:
        return _ASCII_WIDTHS[code - 32]
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return _WIDE_WIDTH
    return _OTHER_WIDTH


def text_width(text: str, size: float, bold: bool = False) -> float:
    units = sum(char_width(char) for char in text)
    factor = 1.07 if bold else 1.0
    return units * size / 1000 * _SAFETY * factor


def wrap(text: str, size: float, max_width: float, max_lines: int = 3, bold: bool = False) -> list[str]:
    """Greedy word wrap; a word longer than a line is cut, and the last line ends in an ellipsis
    when the text does not fit in ``max_lines``."""
    words = text.split()
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if text_width(candidate, size, bold) <= max_width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while text_width(current, size, bold) > max_width and len(current) > 1:
            cut = len(current)
            while cut > 1 and text_width(current[:cut], size, bold) > max_width:
                cut -= 1
            lines.append(current[:cut])
            current = current[cut:]
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and text_width(last + "…", size, bold) > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines or [""]


def xml_text(text: object) -> str:
    """Escape for XML character data."""
    return escape(xml_safe(str(text)))


def xml_attr(text: object) -> str:
    """Escape for a double-quoted XML attribute (newlines kept as character references)."""
    return escape(xml_safe(str(text)), {'"': "&quot;", "\n": "&#10;", "\r": "", "\t": "&#9;"})
