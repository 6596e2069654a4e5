"""Baselines: accept today's findings so that only new ones fail a CI run.

A baseline lists each active finding by its file and ``Finding.key`` (rule, institutions,
provision ids): keys survive reformatting and renumbering of lines, so a baseline stays valid
while the text is edited. Paths are stored relative to the baseline's folder, so the same baseline
works from any working directory. Entries are counted: two identical findings need two entries.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from constitution_rules.findings import Finding
from constitution_rules.io import atomic_write
from constitution_rules.language.errors import ConstitutionError, Diagnostic

BASELINE_VERSION = "1"

Entry = tuple[str, str]


def _relative(checked: str, baseline: str | Path) -> str:
    folder = Path(baseline).resolve().parent
    return Path(os.path.relpath(Path(checked).resolve(), folder)).as_posix()


def baseline_text(findings: Iterable[tuple[str, Finding]], baseline: str | Path) -> str:
    """The baseline file for (checked path, finding) pairs; waived findings are left out."""
    entries = sorted(
        (
            {"file": _relative(path, baseline), "key": f.key, "code": f.code, "message": f.message}
            for path, f in findings
            if not f.waived
        ),
        key=lambda e: (e["file"], e["key"], e["message"]),
    )
    payload = {"schema_version": BASELINE_VERSION, "tool": "constitution-rules", "findings": entries}
    return json.dumps(payload, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def write_baseline(findings: Iterable[tuple[str, Finding]], baseline: str | Path) -> None:
    atomic_write(baseline, baseline_text(findings, baseline))


class Baseline:
    """A loaded baseline: which (file, key) pairs are accepted, and how many times."""

    def __init__(self, path: str | Path, entries: Iterable[Entry]):
        self.path = str(path)
        self.remaining: Counter[Entry] = Counter(entries)

    @classmethod
    def load(cls, path: str | Path) -> Baseline:
        shown = str(path)
        try:
            data: Any = json.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise _error(shown, "no such baseline file (create one with --write-baseline)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise _error(shown, f"cannot read the baseline: {exc}") from None
        except json.JSONDecodeError as exc:
            raise ConstitutionError([Diagnostic(shown, exc.lineno, exc.colno, f"invalid JSON: {exc.msg}")]) from None
        except ValueError as exc:  # a number past Python's int-string limit (4,300 digits)
            raise _error(shown, f"invalid baseline: {str(exc).split(';')[0]}") from None
        if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
            raise _error(shown, "not a constitution-rules baseline (no 'findings' list)")
        if data.get("schema_version") != BASELINE_VERSION:
            raise _error(shown, f"unsupported baseline schema_version {data.get('schema_version')!r}")
        entries: list[Entry] = []
        for number, item in enumerate(data["findings"]):
            if (
                not isinstance(item, dict)
                or not isinstance(item.get("file"), str)
                or not isinstance(item.get("key"), str)
            ):
                raise _error(shown, f"findings[{number}] needs string 'file' and 'key'")
            entries.append((item["file"], item["key"]))
        return cls(shown, entries)

    def absorb(self, checked: str, finding: Finding) -> bool:
        """True (and one entry used up) when the baseline accepts this finding."""
        if finding.waived:
            return False
        entry = (_relative(checked, self.path), finding.key)
        if self.remaining[entry] > 0:
            self.remaining[entry] -= 1
            return True
        return False


def _error(path: str, message: str) -> ConstitutionError:
    return ConstitutionError([Diagnostic(path, 1, 1, message)])
