"""Finding and compiling the grammar, once per process and cached on disk across processes."""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any

from lark import Lark

GRAMMAR_NAME = "constitution.lark"


def grammar_path() -> Path:
    """The grammar file: inside the installed package, or grammar/ at the top of a checkout."""
    package_dir = Path(__file__).resolve().parent.parent
    candidates = (package_dir / "grammar" / GRAMMAR_NAME, package_dir.parent / "grammar" / GRAMMAR_NAME)
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise FileNotFoundError(f"grammar {GRAMMAR_NAME} not found in {', '.join(map(str, candidates))}")


def _cache_file(grammar_text: str, start: str) -> str | None:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    digest = hashlib.sha256((start + "\n" + grammar_text).encode("utf-8")).hexdigest()[:16]
    folder = Path(base) / "constitution-rules"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        folder = Path(tempfile.gettempdir())
    if not os.access(folder, os.W_OK):
        return None
    return str(folder / f"grammar-{digest}.lark-cache")


def lark_options(strict: bool = False) -> dict[str, Any]:
    return {
        "parser": "lalr",
        "lexer": "contextual",
        "propagate_positions": True,
        "maybe_placeholders": False,
        "strict": strict,
    }


CONSTITUTION_START = "start"
AMENDMENT_START = "amendment_file"


@functools.cache
def build_parser(strict: bool = False, start: str = CONSTITUTION_START) -> Lark:
    """The compiled LALR parser for one file kind (``start``: constitution or amendment).

    Each kind gets its own parser, so adding amendment rules never changes the constitution
    parser's tables. No transformer: the tree is turned into the model right after parsing."""
    text = grammar_path().read_text(encoding="utf-8")
    cache = None if strict else _cache_file(text, start)
    try:
        return Lark(text, start=start, cache=cache or False, **lark_options(strict))
    except OSError:  # an unwritable or corrupt cache must never stop a run
        return Lark(text, start=start, **lark_options(strict))
