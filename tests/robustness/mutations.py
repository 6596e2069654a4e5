"""Hypothesis strategies for bad input: real specs, damaged the ways real drafts get damaged."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parents[2]
SPEC_FILES = sorted((ROOT / "specs").rglob("*.constitution"))

# Words, quoted strings, comments, punctuation and runs of whitespace: every byte of a spec is in a token.
_TOKEN = re.compile(r'"(?:[^"\\\n]|\\.)*"|#[^\n]*|[A-Za-z0-9_/-]+|\s+|.', re.S)


@functools.cache
def spec_texts() -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in SPEC_FILES)


@functools.cache
def excerpts() -> tuple[str, ...]:
    """Small valid files cut from the specs: the header, every institution, and one article."""
    out = []
    for text in spec_texts():
        start = text.find("constitution ")
        header_end = text.find("\ninstitution ")
        # Two comment lines of the long file comment are kept: enough to mutate, cheap to parse.
        header = "".join(text.splitlines(keepends=True)[:2]) + text[start : header_end + 1]
        institutions = "".join(line + "\n" for line in text.splitlines() if line.startswith("institution "))
        for block in re.findall(r"^article [^\n]*\{.*?^\}", text, flags=re.S | re.M):
            out.append(header + institutions + block + "\n")
    return tuple(out)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _delete(toks: list[str], i: int, j: int) -> list[str]:
    return toks[:i] + toks[i + 1 :]


def _duplicate(toks: list[str], i: int, j: int) -> list[str]:
    return [*toks[: i + 1], toks[i], *toks[i + 1 :]]


def _swap(toks: list[str], i: int, j: int) -> list[str]:
    out = list(toks)
    out[i], out[j] = out[j], out[i]
    return out


def _move(toks: list[str], i: int, j: int) -> list[str]:
    out = list(toks)
    out.insert(j, out.pop(i))
    return out


TOKEN_MUTATIONS = {"delete": _delete, "duplicate": _duplicate, "swap": _swap, "move": _move}

# Bytes that break things: invalid UTF-8, NUL, a BOM in the middle, other scripts, control characters.
NASTY = [
    b"\xff",
    b"\xc3\x28",
    b"\xed\xa0\x80",
    b"\x00",
    b"\xef\xbb\xbf",
    "Құрылтай".encode(),
    "Парламент".encode(),
    "مجلس".encode(),
    b"\r",
    b"\x0b\x0c",
    b"\t",
    "\u2028".encode(),
    "\u200b".encode(),
    b'"',
    b"\\",
    b"{",
    b"}",
    b"#",
]


@st.composite
def token_mutants(draw: st.DrawFn, source: st.SearchStrategy[str]) -> bytes:
    """A spec with 1-4 token-level edits: deleted, duplicated, swapped or moved tokens."""
    toks = tokens(draw(source))
    for _ in range(draw(st.integers(1, 4))):
        if len(toks) < 2:
            break
        op = TOKEN_MUTATIONS[draw(st.sampled_from(sorted(TOKEN_MUTATIONS)))]
        i = draw(st.integers(0, len(toks) - 1))
        j = draw(st.integers(0, len(toks) - 1))
        toks = op(toks, i, j)
    return "".join(toks).encode("utf-8")


@st.composite
def byte_mutants(draw: st.DrawFn, source: st.SearchStrategy[str]) -> bytes:
    """A spec truncated, or with random or nasty bytes overwritten or inserted."""
    data = bytearray(draw(source).encode("utf-8"))
    kind = draw(st.sampled_from(["truncate", "insert", "overwrite", "nasty"]))
    at = draw(st.integers(0, len(data)))
    if kind == "truncate":
        return bytes(data[:at])
    if kind == "nasty":
        data[at:at] = draw(st.sampled_from(NASTY))
        return bytes(data)
    chunk = draw(st.binary(min_size=1, max_size=8))
    if kind == "insert":
        data[at:at] = chunk
    else:
        data[at : at + len(chunk)] = chunk
    return bytes(data)


def text_variants(text: str) -> dict[str, bytes]:
    """The same file in the encodings and layouts that editors and paste buffers produce."""
    body = text.encode("utf-8")
    return {
        "bom": b"\xef\xbb\xbf" + body,
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "bom+crlf": b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"),
        "cr-only": text.replace("\n", "\r").encode("utf-8"),
        "tabs": text.replace("  ", "\t").encode("utf-8"),
        "no-final-newline": text.rstrip("\n").encode("utf-8"),
        "trailing-spaces": "\n".join(line + "   " for line in text.splitlines()).encode("utf-8"),
        "one-line": " ".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).encode(),
        "utf-16": text.encode("utf-16"),
        "cp1251": text.encode("cp1251", "replace"),
    }


mutants = st.one_of(
    token_mutants(st.sampled_from(excerpts())),
    byte_mutants(st.sampled_from(excerpts())),
)
