"""Configuration of ``check``: which rules run, how severe they are, and their thresholds.

Read from ``[tool.constitution-rules]`` in a pyproject.toml, or from the top level of a
``constitution-rules.toml``, whichever is found first walking up from the checked file (in one
folder, constitution-rules.toml wins). Command-line flags form a second layer over the file, as in
ruff: ``--select`` replaces the file's selection, ``--extend-select`` and ``--ignore`` adjust it.

Selectors name a rule by code (``CB103``), by name (``appoint-and-dismiss-at-will``), by code
prefix (``CB1``), or ``ALL``. When a rule matches selectors of both kinds in one layer, the more
specific selector wins (a name or full code beats a prefix, a longer prefix beats a shorter one);
on a tie, ignore wins.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from constitution_rules.findings import Severity
from constitution_rules.language.errors import ConstitutionError, Diagnostic, did_you_mean, line_of
from constitution_rules.vocabulary import CATEGORIES, DEFAULT_INDEPENDENT_KINDS, KINDS
from constitution_rules.walk import DEFAULT_EXCLUDE

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 only
    import tomli as tomllib

if TYPE_CHECKING:
    from constitution_rules.rules.registry import Rule

FailOn = Literal["error", "warning", "info", "never"]
#: Bounds of configured numbers: beyond them a weight or a threshold is a mistake, and huge values
#: overflow the exact arithmetic of the measures (1e308 made a share overflow).
MAX_WEIGHT = 1000.0
MAX_THRESHOLD = 1e9
CONFIG_FILE = "constitution-rules.toml"
PYPROJECT = "pyproject.toml"
TOOL_TABLE = "constitution-rules"


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class Selection(BaseModel):
    """One layer of rule selection (the config file, or the command line)."""

    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True)

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


class WalkSettings(BaseModel):
    """Which files folder walking skips (gitignore-style patterns, as ruff's exclude and extend-exclude)."""

    model_config = ConfigDict(frozen=True, extra="ignore", alias_generator=_kebab, populate_by_name=True)

    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()

    @property
    def patterns(self) -> tuple[str, ...]:
        return (*self.exclude, *self.extend_exclude)


class Config(Selection, WalkSettings):
    """The settings of one check. Field names appear in TOML in kebab-case (``fail-on``)."""

    model_config = ConfigDict(frozen=True, extra="forbid", alias_generator=_kebab, populate_by_name=True)

    severity: dict[str, Severity] = Field(default_factory=dict)
    fail_on: FailOn = "error"
    independent_kinds: tuple[str, ...] = DEFAULT_INDEPENDENT_KINDS
    thresholds: dict[str, dict[str, Any]] = Field(default_factory=dict)
    weights: dict[str, float] = Field(default_factory=dict)
    # Not settable from a file: where the settings came from, and the command-line layer.
    source: str | None = Field(default=None, exclude=True)
    overrides: Selection | None = Field(default=None, exclude=True)

    def with_overrides(
        self,
        *,
        select: Sequence[str] | None = None,
        extend_select: Sequence[str] = (),
        ignore: Sequence[str] = (),
        severity: Mapping[str, Severity] | None = None,
        fail_on: FailOn | None = None,
    ) -> Config:
        """This config with command-line flags layered on top."""
        update: dict[str, Any] = {}
        if select is not None or extend_select or ignore:
            update["overrides"] = Selection(
                select=tuple(select) if select is not None else None,
                extend_select=tuple(extend_select),
                ignore=tuple(ignore),
            )
        if severity:
            update["severity"] = {**self.severity, **severity}
        if fail_on is not None:
            update["fail_on"] = fail_on
        return self.model_copy(update=update)

    # --- resolving against the registry -------------------------------------------------------

    def selected(self, rules: Iterable[Rule]) -> list[Rule]:
        """The rules this config enables, in code order. Input rules (CB000) are not selectable: a
        file that cannot be parsed is always reported, as ruff always reports E999."""
        catalogue = sorted((r for r in rules if r.phase != "input"), key=lambda r: r.code)
        enabled = {r.code for r in catalogue}
        layers = [self, *([self.overrides] if self.overrides is not None else [])]
        for layer in layers:
            enabled = _apply_layer(layer, catalogue, enabled)
        return [r for r in catalogue if r.code in enabled]

    def severity_for(self, rule: Rule) -> Severity | None:
        """The configured severity of a rule, by its most specific selector, or None."""
        best: tuple[int, Severity] | None = None
        for selector, level in sorted(self.severity.items()):
            score = specificity(selector, rule)
            if score is not None and (best is None or score > best[0]):
                best = (score, level)
        return best[1] if best else None

    def rule_settings(self, rules: Iterable[Rule]) -> dict[str, Any]:
        """What RuleContext.settings holds: parameters per rule code, plus the global settings."""
        settings: dict[str, Any] = {}
        for r in rules:
            params = {**self.thresholds.get(r.name, {}), **self.thresholds.get(r.code, {})}
            if params:
                settings[r.code] = params
        settings["independent_kinds"] = tuple(self.independent_kinds)
        settings["weights"] = dict(self.weights)
        return settings

    def check_references(self, rules: Sequence[Rule], text: str | None = None) -> None:
        """Raise ConfigError for a selector, rule, parameter, kind or category that does not exist."""
        problems: list[Diagnostic] = []
        where = self.source or "<configuration>"

        def bad(message: str, needle: str, hint: str | None) -> None:
            problems.append(_diagnostic(where, text, message, needle, hint))

        vocabulary = _selector_vocabulary(rules)
        layers: list[tuple[str, Selection]] = [("", self)]
        if self.overrides is not None:
            layers.append(("--", self.overrides))
        for prefix, layer in layers:
            for key in ("select", "extend-select", "ignore"):
                for selector in getattr(layer, key.replace("-", "_")) or ():
                    if not any(specificity(selector, r) is not None for r in rules):
                        bad(
                            f"{prefix}{key}: no rule matches '{selector}'", selector, did_you_mean(selector, vocabulary)
                        )
        for selector in sorted(self.severity):
            if not any(specificity(selector, r) is not None for r in rules):
                bad(f"severity: no rule matches '{selector}'", selector, did_you_mean(selector, vocabulary))
        by_key = {r.code: r for r in rules} | {r.name: r for r in rules}
        for key in sorted(self.thresholds):
            target = by_key.get(key) or by_key.get(key.upper())
            if target is None:
                names = [r.code for r in rules] + [r.name for r in rules]
                bad(f"thresholds: no rule '{key}'", key, did_you_mean(key, names))
                continue
            for param, value in sorted(self.thresholds[key].items()):
                if param not in target.parameters:
                    known = ", ".join(sorted(target.parameters)) or "none"
                    hint = did_you_mean(param, target.parameters) or f"{target.code} takes: {known}"
                    bad(f"thresholds.{key}: rule {target.code} has no parameter '{param}'", param, hint)
                elif not _same_type(value, target.parameters[param]):
                    expected = type(target.parameters[param]).__name__
                    bad(f"thresholds.{key}.{param}: expected a {expected}, got {value!r}", param, None)
        for kind in self.independent_kinds:
            if kind not in KINDS:
                bad(f"independent-kinds: unknown institution kind '{kind}'", kind, did_you_mean(kind, KINDS))
        for category, weight in sorted(self.weights.items()):
            if category not in CATEGORIES:
                bad(f"weights: unknown category '{category}'", category, did_you_mean(category, CATEGORIES))
            elif not math.isfinite(weight) or not 0 <= weight <= MAX_WEIGHT:
                bad(
                    f"weights.{category}: a weight must be a number from 0 to {MAX_WEIGHT:g}, got {weight}",
                    category,
                    None,
                )
        if problems:
            raise ConfigError(problems)


class ConfigError(ConstitutionError):
    """A configuration file or flag that cannot be used; exit 2 like any bad input."""


# --- selection ----------------------------------------------------------------------------------


def specificity(selector: str, rule: Rule) -> int | None:
    """How specifically ``selector`` names ``rule`` (higher is more specific), or None."""
    if selector == "ALL":
        return 0
    if selector == rule.name:
        return 1000
    upper = selector.upper()
    if re.fullmatch(r"[A-Z]+[0-9]*", upper) and rule.code.startswith(upper):
        return len(upper)
    return None


def _apply_layer(layer: Selection, rules: list[Rule], carried: set[str]) -> set[str]:
    base = carried if layer.select is None else set()
    choices = [(s, True) for s in (*(layer.select or ()), *layer.extend_select)] + [(s, False) for s in layer.ignore]
    enabled: set[str] = set()
    for r in rules:
        best: tuple[int, bool] | None = None
        for selector, enable in choices:
            score = specificity(selector, r)
            if score is None:
                continue
            # on equal specificity, ignore (enable=False) wins
            if best is None or score > best[0] or (score == best[0] and not enable):
                best = (score, enable)
        on = best[1] if best is not None else r.code in base
        if on:
            enabled.add(r.code)
    return enabled


def _selector_vocabulary(rules: Iterable[Rule]) -> list[str]:
    words = {"ALL"}
    for r in rules:
        words.update({r.code, r.name, r.code.rstrip("0123456789")})
    return sorted(words)


def _same_type(value: Any, default: Any) -> bool:
    """Whether a threshold has the shape of the rule's default: numbers finite and in range, lists
    of the same kind of item (``[["x"]]`` for a list of kinds is refused, not left to fail in the rule)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return isinstance(value, bool) and isinstance(default, bool)
    if isinstance(default, (int, float)):
        return isinstance(value, (int, float)) and math.isfinite(value) and abs(value) <= MAX_THRESHOLD
    if isinstance(default, (list, tuple)):
        items = [type(d) for d in default]
        return isinstance(value, (list, tuple)) and all(any(isinstance(v, t) for t in items or [str]) for v in value)
    return isinstance(value, type(default))


# --- files --------------------------------------------------------------------------------------


def find_config(start: str | os.PathLike[str]) -> Path | None:
    """The nearest constitution-rules.toml, or pyproject.toml with our table, at or above ``start``."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / PYPROJECT
        if pyproject.is_file() and TOOL_TABLE in _read_toml(pyproject)[0].get("tool", {}):
            return pyproject
    return None


def load_config(path: str | Path) -> Config:
    """Read and validate a config file (either kind); errors name the file and line."""
    return _load_config_cached(str(Path(path).resolve()), str(path))


def walk_settings(start: str | os.PathLike[str]) -> WalkSettings:
    """Only the walking settings of the config found upward from ``start``: cheap enough for ``fmt``
    (no rule catalogue is loaded to check the rest of the file; ``check`` validates all of it)."""
    found = find_config(start)
    if found is None:
        return WalkSettings()
    data, text = _read_toml(found, str(found))
    table = data.get("tool", {}).get(TOOL_TABLE, {}) if found.name == PYPROJECT else data
    prefix = f"tool.{TOOL_TABLE}." if found.name == PYPROJECT else ""
    try:
        return WalkSettings.model_validate(table)
    except ValidationError as exc:
        raise ConfigError([_validation_diagnostic(str(found), text, prefix, e) for e in exc.errors()]) from None


def config_for(checked: str | os.PathLike[str]) -> Config:
    """The config that applies to a checked file: discovered upward, else the defaults."""
    found = find_config(checked)
    return load_config(found) if found is not None else Config()


def forget_configs() -> None:
    """Read config files afresh from now on (a long-running process: the language server, watch)."""
    _load_config_cached.cache_clear()


@lru_cache(maxsize=64)
def _load_config_cached(resolved: str, shown: str) -> Config:
    path = Path(resolved)
    data, text = _read_toml(path, shown)
    if path.name == PYPROJECT:
        table = data.get("tool", {}).get(TOOL_TABLE)
        if table is None:
            raise ConfigError([Diagnostic(shown, 1, 1, f"no [tool.{TOOL_TABLE}] table in this file")])
        prefix = f"tool.{TOOL_TABLE}."
    else:
        table, prefix = data, ""
    try:
        config = Config.model_validate({**table, "source": shown})
    except ValidationError as exc:
        raise ConfigError([_validation_diagnostic(shown, text, prefix, error) for error in exc.errors()]) from None
    if "source" in table or "overrides" in table:
        bad = "source" if "source" in table else "overrides"
        raise ConfigError([_diagnostic(shown, text, f"{prefix}{bad}: not a setting", bad, None)])
    from constitution_rules.rules.registry import all_rules

    config.check_references(all_rules(), text)
    return config


def _read_toml(path: Path, shown: str | None = None) -> tuple[dict[str, Any], str]:
    shown = shown or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([Diagnostic(shown, 1, 1, f"cannot read the configuration: {exc}")]) from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        found = re.search(r"line (\d+), column (\d+)", str(exc))
        line, column = (int(found.group(1)), int(found.group(2))) if found else (1, 1)
        message = re.sub(r"\s*\(at .*\)$", "", str(exc))
        raise ConfigError(
            [Diagnostic(shown, line, column, f"invalid TOML: {message}", source_line=line_of(text, line))]
        ) from None


_FIELDS = sorted(_kebab(name) for name in Config.model_fields if name not in ("source", "overrides"))


def _validation_diagnostic(shown: str, text: str, prefix: str, error: Any) -> Diagnostic:
    loc = [str(part) for part in error["loc"]]
    dotted = prefix + ".".join(loc)
    if error["type"] == "extra_forbidden" and len(loc) == 1:
        return _diagnostic(shown, text, f"unknown setting '{dotted}'", loc[0], did_you_mean(loc[0], _FIELDS))
    needle = next((part for part in reversed(loc) if not part.isdigit()), loc[0] if loc else "")
    value = error.get("input")
    message = f"{dotted}: {error['msg'].lower()}"
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        message += f" (got {value!r})"
    hint = None
    if loc and loc[0] == "fail-on":
        hint = "one of error, warning, info, never"
    elif loc and loc[0] == "severity":
        hint = "one of error, warning, info"
    return _diagnostic(shown, text, message, needle, hint)


def _diagnostic(shown: str, text: str | None, message: str, needle: str, hint: str | None) -> Diagnostic:
    line, column, width = _find(text or "", needle)
    source_line = line_of(text, line) if text else None
    return Diagnostic(shown, line, column, message, width=width, help=hint, source_line=source_line)


def _find(text: str, needle: str) -> tuple[int, int, int]:
    """Where a key or value first appears in the TOML text (1, 1 when it cannot be found)."""
    if not needle:
        return 1, 1, 1
    patterns = [
        rf'(?m)^\s*"?{re.escape(needle)}"?\s*=',  # key = ...
        rf"(?m)^\s*\[[^\]]*(?<![\w-]){re.escape(needle)}(?![\w-])[^\]]*\]",  # [table.key]
        rf'"{re.escape(needle)}"',  # "value"
        rf"(?<![\w-]){re.escape(needle)}(?![\w-])",
    ]
    for pattern in patterns:
        match = re.search(pattern, text)
        if match:
            start = text.find(needle, match.start())
            line = text.count("\n", 0, start) + 1
            column = start - (text.rfind("\n", 0, start) + 1) + 1
            return line, column, len(needle)
    return 1, 1, 1
