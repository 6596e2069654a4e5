"""The rule registry, in the manner of ruff: each rule is metadata plus one pure function.

A rule function takes the :class:`Rule` itself and a :class:`RuleContext` (the model, the graph,
the settings in force) and yields :class:`~constitution_rules.findings.Finding` objects. It must
not mutate anything; the engine sorts what it yields.

Built-in rules register themselves with :func:`rule` when their family module is imported;
third-party rules are discovered through the ``constitution_rules.rules`` entry-point group
(each entry point names a module to import, or a :class:`Rule` object, or a list of them).
"""

from __future__ import annotations

import contextlib
import importlib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from constitution_rules.findings import Evidence, Finding, Severity
from constitution_rules.model import Constitution, PowerClause, SourceLocation
from constitution_rules.vocabulary import DEFAULT_INDEPENDENT_KINDS

if TYPE_CHECKING:
    import networkx as nx

ENTRY_POINT_GROUP = "constitution_rules.rules"
T = TypeVar("T")

__all__ = ["DEFAULT_INDEPENDENT_KINDS"]

#: Rule codes: letters then digits, e.g. ``CB103``; a plugin uses its own letters (``XYZ001``).
CODE_PATTERN = re.compile(r"^[A-Z]{1,4}[0-9]{2,4}$")
NAME_PATTERN = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

#: ``model`` rules read the constitution; ``findings`` rules (the engine's own, such as unused
#: waivers) also read the findings of every model rule, so they run after them; ``input`` rules
#: report a file that could not be parsed (from the parser's diagnostics, never from a model).
Phase = Literal["input", "model", "findings"]


class RuleContext:
    """What a rule sees: the model, its power graph, and the settings in force.

    ``settings`` holds one mapping of parameters per rule code (``{"CB101": {"share": 0.4}}``) and
    the global settings: ``independent_kinds`` (tuple of kinds) and ``weights`` (category ->
    weight, empty for the documented defaults). ``findings`` is filled only for ``findings`` rules.

    The graph is built on first use when none is given: the built-in rules read the clauses
    through :mod:`~constitution_rules.rules.queries`, so ``check`` need not import networkx. Read-only.
    """

    __slots__ = ("_graph", "_memo", "constitution", "findings", "settings")

    constitution: Constitution
    settings: Mapping[str, Any]
    findings: tuple[Finding, ...]
    _graph: nx.MultiDiGraph | None
    _memo: dict[str, Any]

    def __init__(
        self,
        constitution: Constitution,
        graph: nx.MultiDiGraph | None = None,
        settings: Mapping[str, Any] | None = None,
        findings: tuple[Finding, ...] = (),
    ) -> None:
        object.__setattr__(self, "constitution", constitution)
        object.__setattr__(self, "_graph", graph)
        object.__setattr__(self, "settings", settings if settings is not None else {})
        object.__setattr__(self, "findings", findings)
        object.__setattr__(self, "_memo", {})

    def memo(self, key: str, build: Callable[[], T]) -> T:
        """What ``build`` returns, computed once per context: the analyses the rules of one run share."""
        if key not in self._memo:
            self._memo[key] = build()
        value: T = self._memo[key]
        return value

    def clauses(self, clause_ids: Iterable[str]) -> list[PowerClause]:
        """The clauses with these ids (evidence for findings), each once."""
        table: dict[str, PowerClause] = self.memo("clauses by id", lambda: {c.id: c for c in self.constitution.clauses})
        return [table[i] for i in dict.fromkeys(clause_ids) if i in table]

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"RuleContext is read-only (cannot set {name})")

    def __repr__(self) -> str:
        return f"RuleContext(constitution={self.constitution.name!r}, findings={len(self.findings)})"

    @property
    def graph(self) -> nx.MultiDiGraph:
        """The power graph (:func:`~constitution_rules.graph.build_graph`), built on first use."""
        if self._graph is None:
            from constitution_rules.graph import build_graph

            object.__setattr__(self, "_graph", build_graph(self.constitution))
        graph: nx.MultiDiGraph = self._graph
        return graph

    @property
    def built_graph(self) -> nx.MultiDiGraph | None:
        """The graph if it was given or has been built, else None (without building it)."""
        return self._graph

    def setting(self, rule: Rule, name: str) -> Any:
        """A rule's threshold: the configured value, else the rule's documented default."""
        per_rule = self.settings.get(rule.code, {}) or self.settings.get(rule.name, {})
        if name in per_rule:
            return per_rule[name]
        if name in self.settings:
            return self.settings[name]
        return rule.parameters[name]

    @property
    def independent_kinds(self) -> tuple[str, ...]:
        """Institution kinds that count as bodies that must be independent."""
        return tuple(self.settings.get("independent_kinds", DEFAULT_INDEPENDENT_KINDS))

    @property
    def weights(self) -> Mapping[str, float]:
        """Configured category weights (empty: use the metrics module's documented defaults)."""
        return dict(self.settings.get("weights", {}))

    def is_independent_body(self, institution_id: str) -> bool:
        institution = self.constitution.institution(institution_id)
        return institution is not None and any(k in self.independent_kinds for k in institution.kinds)


RuleFunction = Callable[["Rule", RuleContext], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    """A rule's metadata and its check. ``code`` never changes meaning once released."""

    code: str
    name: str
    severity: Severity
    category: str
    summary: str
    what_it_flags: str
    why_it_matters: str
    references: tuple[str, ...]
    failing_example: str
    passing_example: str
    how_to_fix: str
    check: RuleFunction
    parameters: Mapping[str, Any] = field(default_factory=dict)
    complexity: str = "linear in the number of clauses"
    phase: Phase = "model"
    origin: str = "builtin"
    #: Why the rule was retired and what replaces it (ruff keeps removed rules documented the same
    #: way). A retired rule keeps its code and its page, and never fires.
    retired: str | None = None
    replaced_by: tuple[str, ...] = ()

    def run(self, context: RuleContext) -> list[Finding]:
        if self.retired is not None:
            return []
        return list(self.check(self, context))

    def finding(
        self,
        message: str,
        institutions: Iterable[str] = (),
        clauses: Iterable[PowerClause] = (),
        location: SourceLocation | None = None,
        extra_evidence: Iterable[Evidence] = (),
    ) -> Finding:
        """A finding of this rule whose evidence is the given clauses, in source order."""
        from constitution_rules.language.printer import clause_text

        ordered = sorted(set(clauses), key=_source_order)
        evidence = [
            Evidence(
                provision_id=c.provision_id,
                clause_id=c.id,
                citation=c.citation,
                text=clause_text(c.model_copy(update={"waivers": ()}) if c.waivers else c),
                location=c.location,
            )
            for c in ordered
        ]
        evidence.extend(extra_evidence)
        if location is None:
            location = next((e.location for e in evidence if e.location is not None), None)
        return Finding(
            code=self.code,
            rule=self.name,
            severity=self.severity,
            message=message,
            institutions=tuple(sorted(set(institutions))),
            evidence=tuple(evidence),
            location=location,
        )


def _source_order(clause: PowerClause) -> tuple[int, int, str, str]:
    """Source order within a file. Line before file name: an amended constitution mixes clauses of
    the base and the amendment, and the order must not depend on where those files live."""
    loc = clause.location
    return (loc.line, loc.column, loc.file, clause.id) if loc else (0, 0, "", clause.id)


class PluginError(Exception):
    """A third-party rule package could not be loaded or declares a bad rule."""


_ENGINE_MODULE = "constitution_rules.rules.engine"
_REGISTRY: dict[str, Rule] = {}
_LOADED = {"builtin": False, "plugins": False}


def rule(
    code: str,
    name: str,
    *,
    severity: Severity,
    category: str,
    summary: str,
    what_it_flags: str,
    why_it_matters: str,
    references: Iterable[str],
    failing_example: str,
    passing_example: str,
    how_to_fix: str,
    parameters: Mapping[str, Any] | None = None,
    complexity: str = "linear in the number of clauses",
    phase: Phase = "model",
    retired: str | None = None,
    replaced_by: Iterable[str] = (),
) -> Callable[[RuleFunction], RuleFunction]:
    """Decorator: register ``check`` as rule ``code``."""

    def register(check: RuleFunction) -> RuleFunction:
        module = getattr(check, "__module__", "") or ""
        register_rule(
            Rule(
                code=code,
                name=name,
                severity=severity,
                category=category,
                summary=summary,
                what_it_flags=what_it_flags,
                why_it_matters=why_it_matters,
                references=tuple(references),
                failing_example=failing_example,
                passing_example=passing_example,
                how_to_fix=how_to_fix,
                check=check,
                parameters=dict(parameters or {}),
                complexity=complexity,
                phase=phase,
                origin="builtin" if module.startswith("constitution_rules.") else module,
                retired=retired,
                replaced_by=tuple(replaced_by),
            )
        )
        return check

    return register


def register_rule(new: Rule) -> None:
    """Add a rule; a code or name already taken by a different rule is an error."""
    if not CODE_PATTERN.match(new.code):
        raise ValueError(f"rule code {new.code!r} must be 1-4 capital letters then 2-4 digits, e.g. CB103")
    if not NAME_PATTERN.match(new.name):
        raise ValueError(f"rule name {new.name!r} must be lower-case words joined by '-', e.g. unused-waiver")
    if new.severity not in ("error", "warning", "info"):
        raise ValueError(f"rule {new.code}: severity must be error, warning or info, not {new.severity!r}")
    existing = _REGISTRY.get(new.code)
    if existing is not None and existing.check is not new.check:
        raise ValueError(f"rule code {new.code} is registered twice ({existing.name}, {new.name})")
    if any(r.name == new.name and r.code != new.code for r in _REGISTRY.values()):
        raise ValueError(f"rule name {new.name} is registered twice")
    _REGISTRY[new.code] = new


def all_rules() -> list[Rule]:
    """Every registered rule (built-in families, the engine's own rules, plugins), sorted by code."""
    _load_builtin()
    load_plugins()
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


def iter_rules() -> Iterator[Rule]:
    yield from all_rules()


def get_rule(code_or_name: str) -> Rule | None:
    """The rule with this code or name (codes are case-insensitive), or None."""
    for candidate in all_rules():
        if candidate.code == code_or_name.upper() or candidate.name == code_or_name:
            return candidate
    return None


def _load_builtin() -> None:
    if _LOADED["builtin"]:
        return
    _LOADED["builtin"] = True
    from constitution_rules.rules import BUILTIN_FAMILIES

    for family in (_ENGINE_MODULE, *BUILTIN_FAMILIES):
        module = family if "." in family else f"constitution_rules.rules.{family}"
        importlib.import_module(module)


def load_plugins() -> None:
    """Import every ``constitution_rules.rules`` entry point once, registering its rules."""
    if _LOADED["plugins"]:
        return
    _LOADED["plugins"] = True
    from importlib.metadata import entry_points

    for entry in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: (e.name, e.value)):
        where = f"entry point '{entry.name} = {entry.value}' (group {ENTRY_POINT_GROUP})"
        try:
            loaded = entry.load()
        except Exception as exc:
            raise PluginError(f"cannot load {where}: {type(exc).__name__}: {exc}") from exc
        try:
            for found in _rules_in(loaded):
                register_rule(found)
        except (ValueError, TypeError) as exc:
            raise PluginError(f"{where}: {exc}") from exc


def _rules_in(loaded: Any) -> list[Rule]:
    """What an entry point gives: a module (already registered by importing), a Rule, or a list."""
    if isinstance(loaded, Rule):
        return [loaded]
    if isinstance(loaded, (list, tuple)):
        if not all(isinstance(item, Rule) for item in loaded):
            raise TypeError("a list entry point must hold Rule objects only")
        return list(loaded)
    if callable(loaded) and not isinstance(loaded, type):
        return _rules_in(loaded())
    if hasattr(loaded, "__name__") and hasattr(loaded, "__file__"):
        return []  # a module: its @rule decorators registered it on import
    raise TypeError(f"expected a module, a Rule or a list of Rules, got {type(loaded).__name__}")


@contextlib.contextmanager
def isolated_registry(*, builtin: bool = True, plugins: bool = False) -> Iterator[None]:
    """Register rules temporarily (tests): the registry is restored afterwards.

    With ``builtin=False`` only the engine's own rules stay (the catalogue and plugins are
    hidden); with ``plugins=True`` entry points are loaded again inside the block.
    """
    _load_builtin()  # built-in modules register once per process, so they must be in the snapshot
    saved = dict(_REGISTRY)
    saved_loaded = dict(_LOADED)
    if not builtin:
        engine_rules = {code: r for code, r in _REGISTRY.items() if r.check.__module__ == _ENGINE_MODULE}
        _REGISTRY.clear()
        _REGISTRY.update(engine_rules)
    if plugins:
        _LOADED["plugins"] = False
    try:
        yield
    finally:
        _REGISTRY.clear()
        _REGISTRY.update(saved)
        _LOADED.update(saved_loaded)
