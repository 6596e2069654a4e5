"""Finding the files to work on under the folders a user names, as ruff and git do: hidden folders,
vendored folders and whatever .gitignore ignores are skipped, ``exclude`` patterns too; a file
named on the command line is always taken, whatever the patterns say.

Patterns are gitignore patterns (pathspec's GitIgnoreSpec, the matcher pip, black and mypy use),
read relative to the folder the user walks from.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import pathspec

#: Folders never walked into unless named explicitly: tool and dependency folders.
DEFAULT_EXCLUDE: tuple[str, ...] = (
    "node_modules/",
    "venv/",
    "__pycache__/",
    "site-packages/",
    "build/",
    "dist/",
)
GITIGNORE = ".gitignore"


class _Ignores:
    """The .gitignore files met on the way down, each applying to the folder it sits in."""

    def __init__(self, start: Path) -> None:
        self.specs: dict[Path, pathspec.GitIgnoreSpec] = {}
        for folder in (start, *start.parents):  # the .gitignore files above the walked folder too
            self._read(folder)
            if (folder / ".git").exists():
                break

    def _read(self, folder: Path) -> None:
        ignore_file = folder / GITIGNORE
        if folder not in self.specs and ignore_file.is_file():
            try:
                lines = ignore_file.read_text(encoding="utf-8", errors="replace").splitlines()
            except OSError:
                return
            self.specs[folder] = pathspec.GitIgnoreSpec.from_lines(lines)

    def enter(self, folder: Path) -> None:
        self._read(folder)

    def ignored(self, path: Path, is_dir: bool) -> bool:
        for folder, spec in self.specs.items():
            try:
                relative = path.relative_to(folder).as_posix()
            except ValueError:
                continue
            if spec.match_file(relative + ("/" if is_dir else "")):
                return True
        return False


def discover(
    paths: Iterable[str | os.PathLike[str]],
    suffixes: Sequence[str],
    exclude: Sequence[str] = DEFAULT_EXCLUDE,
    respect_gitignore: bool = True,
) -> list[Path]:
    """Files named in ``paths``, and the files with one of ``suffixes`` under the folders among them,
    in sorted order without repeats. Raises FileNotFoundError for a path that does not exist."""
    excluded = pathspec.GitIgnoreSpec.from_lines(exclude)
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(_walk(path, tuple(suffixes), excluded, respect_gitignore))
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(str(raw))
    return list(dict.fromkeys(found))


def _walk(
    top: Path, suffixes: tuple[str, ...], excluded: pathspec.GitIgnoreSpec, respect_gitignore: bool
) -> list[Path]:
    ignores = _Ignores(top.resolve()) if respect_gitignore else None
    out: list[Path] = []
    for folder, dirs, files in os.walk(top):
        here = Path(folder)
        resolved = here.resolve()
        if ignores is not None:
            ignores.enter(resolved)
        kept = []
        for name in sorted(dirs):
            relative = (here / name).relative_to(top).as_posix() + "/"
            if name.startswith(".") or excluded.match_file(relative):
                continue
            if ignores is not None and ignores.ignored(resolved / name, is_dir=True):
                continue
            kept.append(name)
        dirs[:] = kept
        for name in sorted(files):
            if not name.endswith(suffixes) or name.startswith("."):
                continue
            relative = (here / name).relative_to(top).as_posix()
            if excluded.match_file(relative):
                continue
            if ignores is not None and ignores.ignored(resolved / name, is_dir=False):
                continue
            out.append(here / name)
    return sorted(out)
