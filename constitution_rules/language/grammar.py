"""Finding and compiling the grammar, once per process and cached on disk across processes."""

from __future__ import annotations

import functools
import hashlib
import os
import stat
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


def _private_folder(folder: Path) -> bool:
    """True when ``folder`` is a real directory of ours that no one else can write into.

    Lark reads its cache with ``pickle``: a file another user could plant or change would run their
    code in our process, so the cache lives only where no one else can write."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = folder.lstat()
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.geteuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
        and os.access(folder, os.W_OK)
    )


def trusted_cache_file(path: Path) -> bool:
    """A cache file may be unpickled only if it is absent (Lark then writes it) or a regular file of
    ours that no one else can write: never a link, never another user's file."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return (
        stat.S_ISREG(info.st_mode) and info.st_uid == os.geteuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def cache_folder() -> Path:
    """The per-user cache folder: ``$XDG_CACHE_HOME/constitution-rules`` or ``~/.cache/constitution-rules``."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "constitution-rules"


def _cache_file(grammar_text: str, start: str) -> str | None:
    """Where the compiled grammar is cached, or None for no cache (never a shared folder such as /tmp)."""
    digest = hashlib.sha256((start + "\n" + grammar_text).encode("utf-8")).hexdigest()[:16]
    folder = cache_folder()
    if not _private_folder(folder):
        return None
    path = folder / f"grammar-{digest}.lark-cache"
    return str(path) if trusted_cache_file(path) else None


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
