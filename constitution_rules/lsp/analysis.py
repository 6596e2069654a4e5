"""One document, analysed as ``check`` would: parsed, resolved, its rules run.

A ``.constitution`` is checked on its own; an ``.amendment`` is parsed, applied to the base its
``amends "PATH"`` names (read through ``reader``, so an unsaved buffer of the base counts) and the
amended constitution checked: findings located in the amendment are shown, and so are findings the
amendment introduces elsewhere (matched against the base's findings as ``diff`` matches them).

Nothing here raises on bad input: every problem becomes part of the :class:`Analysis`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from constitution_rules.findings import Finding
from constitution_rules.language.errors import ConstitutionError, Diagnostic
from constitution_rules.lsp.incremental import StatementCache
from constitution_rules.model import Constitution, SourceLocation

DocumentKind = Literal["constitution", "amendment"]
Reader = Callable[[str], str]

AMENDMENT_SUFFIX = ".amendment"


def kind_of(path: str) -> DocumentKind:
    return "amendment" if path.endswith(AMENDMENT_SUFFIX) else "constitution"


@dataclass(frozen=True)
class Analysis:
    """What is known of one version of a document."""

    file: str
    text: str
    kind: DocumentKind
    #: syntax and meaning errors (some may be located in another file: the base, the config)
    errors: tuple[Diagnostic, ...] = ()
    #: active (unwaived) findings to show in this document
    findings: tuple[Finding, ...] = ()
    #: keys of findings the amendment introduces (new or changed against the base's)
    introduced: frozenset[str] = frozenset()
    #: this file's model, or for an amendment the amended constitution
    constitution: Constitution | None = None
    #: an amendment's base, its file and text
    base: Constitution | None = None
    base_text: str = ""
    #: where an amendment's ``amends`` header is (errors about the base are shown there)
    amends_location: SourceLocation | None = None
    #: text of every file a location may point into (this one and the base)
    texts: Mapping[str, str] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        return not self.errors


def read_file(path: str) -> str:
    from constitution_rules.language.parser import read_source

    return read_source(path)


def analyse(
    text: str,
    file: str,
    kind: DocumentKind | None = None,
    reader: Reader = read_file,
    statements: StatementCache | None = None,
) -> Analysis:
    """Analyse ``text`` as the document ``file`` (its kind from its suffix unless given);
    ``statements`` keeps the syntax of a constitution's unchanged statements from its last version."""
    kind = kind or kind_of(file)
    try:
        if kind == "amendment":
            return _amendment(text, file, reader)
        return _constitution(text, file, statements)
    except ConstitutionError as exc:
        return Analysis(file, text, kind, errors=tuple(exc.diagnostics), texts={file: text})
    except Exception as exc:  # noqa: BLE001 - a bug must cost a diagnostic, never the server
        message = f"internal error: {type(exc).__name__}: {exc} (a bug in constitution-rules; please report it)"
        return Analysis(file, text, kind, errors=(Diagnostic(file, 1, 1, message),), texts={file: text})


#: config file -> its (mtime, size) when last read: a saved config is read again
_CONFIG_STAMPS: dict[Path, tuple[int, int]] = {}


def _config(file: str) -> object:
    from constitution_rules.config import Config, config_for, find_config, forget_configs

    if file.startswith(("untitled:", "<")):
        return Config()
    found = find_config(file)
    if found is not None:
        try:
            info = found.stat()
            stamp = (info.st_mtime_ns, info.st_size)
        except OSError:
            stamp = (0, 0)
        if _CONFIG_STAMPS.get(found, stamp) != stamp:
            forget_configs()  # loading is cached per path, for one run of a command; a server runs on
        _CONFIG_STAMPS[found] = stamp
    return config_for(file)


def _check(constitution: Constitution, file: str) -> tuple[Finding, ...]:
    from constitution_rules.config import Config
    from constitution_rules.rules.engine import RuleFailure, run_rules

    config = _config(file)
    assert isinstance(config, Config)
    try:
        return tuple(run_rules(constitution, config=config).findings)
    except RuleFailure as exc:
        raise ConstitutionError([Diagnostic(file, 1, 1, str(exc))]) from None


def _constitution(text: str, file: str, statements: StatementCache | None = None) -> Analysis:
    from constitution_rules.language.parser import parse_text

    constitution = statements.parse(text, file) if statements is not None else parse_text(text, file)
    findings = tuple(f for f in _check(constitution, file) if not f.waived)
    return Analysis(file, text, "constitution", findings=findings, constitution=constitution, texts={file: text})


def _amendment(text: str, file: str, reader: Reader) -> Analysis:
    from constitution_rules.amendments import apply_amendments, base_path, parse_amendment_text
    from constitution_rules.diff import finding_changes
    from constitution_rules.language.parser import parse_text

    parsed = parse_amendment_text(text, file)
    amends = parsed.header.amends_location
    if parsed.header.amends_path is None:  # `amends version "..."` alone: nothing to apply it to here
        return Analysis(file, text, "amendment", amends_location=amends, texts={file: text})
    path = str(base_path(parsed))
    try:
        base_text = reader(path)
        base = parse_text(base_text, path)
    except ConstitutionError as exc:
        raise ConstitutionError([_about_base(file, amends, path, exc)]) from None
    applied = apply_amendments(base, [parsed], base_text)
    texts = {file: text, path: base_text}
    before = [f for f in _check(base, file) if not f.waived]
    after = [f for f in _check(applied.constitution, file) if not f.waived]
    changes = finding_changes(before, after, applied.renamed, applied.renumbered)
    introduced = frozenset(c.key for c in changes if c.status in ("new", "changed"))
    shown = tuple(f for f in after if (f.location is not None and f.location.file == file) or f.key in introduced)
    return Analysis(
        file,
        text,
        "amendment",
        findings=shown,
        introduced=introduced,
        constitution=applied.constitution,
        base=base,
        base_text=base_text,
        amends_location=amends,
        texts=texts,
    )


def _about_base(file: str, amends: SourceLocation | None, path: str, exc: ConstitutionError) -> Diagnostic:
    first = exc.diagnostics[0]
    shown = os.path.relpath(path, Path(file).parent) if os.path.isabs(file) else path
    more = f" (and {len(exc.diagnostics) - 1} more)" if len(exc.diagnostics) > 1 else ""
    line, column, width = (amends.line, amends.column, amends.end_column - amends.column) if amends else (1, 1, 1)
    return Diagnostic(
        file,
        line,
        column,
        f"the base {shown} cannot be read: {first.line}:{first.column}: {first.message}{more}",
        width=max(1, width),
        help="fix the base first (open it to see every problem)",
    )
