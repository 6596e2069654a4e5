"""Amendments: applying a ``.amendment`` to a constitution, always to a copy.

:func:`apply_amendments` runs each operation in order against the constitution in force at that
point. An operation that does not fit its base (repealing a clause that is not there, say) is an
error at the amendment's own line and column, with the closest existing clause, article or
institution as a did-you-mean. The result remembers what changed (which articles, by which
amendment; renumberings; renamings) so that ``apply`` can mark changed articles and ``diff`` can
match findings across renumbered provisions.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, SupportsIndex

from constitution_rules import model as m
from constitution_rules.language import printer
from constitution_rules.language.amendment_parser import (
    AMENDMENT_SUFFIX,
    AmendmentHeader,
    AmendmentResolver,
    ArticleRef,
    ChangeInstitution,
    InArticle,
    InsertArticle,
    InsertClause,
    InsertInstitution,
    Operation,
    ParsedAmendment,
    RenameInstitution,
    RenumberArticle,
    RepealArticle,
    RepealClause,
    RepealInstitution,
    SetHeader,
    SetText,
    SetTitle,
    SubstituteArticle,
    SubstituteClause,
    parse_amendment_file,
    parse_amendment_text,
)
from constitution_rules.language.errors import ConstitutionError, Diagnostic, line_of
from constitution_rules.language.layout import source_lines
from constitution_rules.language.parser import CONSTITUTION_SUFFIX
from constitution_rules.language.semantics import STATEMENT_FIELDS
from constitution_rules.language.transformer import Span

__all__ = [
    "AMENDMENT_SUFFIX",
    "AmendmentHeader",
    "Applied",
    "ParsedAmendment",
    "apply_amendments",
    "load_amendment",
    "parse_amendment_text",
    "ref_text",
]

#: An inert location: the formatter attaches no comment to it and puts no blank line before it.
_NOWHERE_LINE = 0


def load_amendment(path: str | os.PathLike[str]) -> ParsedAmendment:
    return parse_amendment_file(path)


#: Files that mark the top of a project: an amendment's base must be inside its project.
PROJECT_MARKERS = (".git", "pyproject.toml", "constitution-rules.toml")


def amendment_root(amendment_file: str | os.PathLike[str]) -> Path:
    """Where an amendment's base may live: the project holding it (the nearest folder up with a
    ``.git``, a pyproject.toml or a constitution-rules.toml), or, outside any project, the folder
    holding the amendment's folder (a constitution keeps its amendments in ``amendments/`` beside
    it, and such a folder is often copied on its own)."""
    folder = Path(amendment_file).resolve().parent
    for candidate in (folder, *folder.parents):
        if any((candidate / marker).exists() for marker in PROJECT_MARKERS):
            return candidate
    return folder.parent


def base_path(amendment: ParsedAmendment, root: str | os.PathLike[str] | None = None) -> Path:
    """The constitution the amendment's ``amends "PATH"`` names, relative to the amendment file.

    It must be a ``.constitution`` file inside ``root`` (default :func:`amendment_root`), so that an
    amendment from an untrusted source cannot make the tool read, and echo in its errors, any other
    file of the machine (``amends "/etc/passwd"``)."""
    header = amendment.header
    span = _span_of(header.amends_location)
    if header.amends_path is None:
        raise ConstitutionError([_diagnostic(amendment, span, 'the amendment names no base (amends "PATH")', None)])
    resolved = (Path(amendment.file).parent / header.amends_path).resolve()
    if resolved.suffix != CONSTITUTION_SUFFIX:
        raise ConstitutionError([_diagnostic(amendment, span, f"amends must name a {CONSTITUTION_SUFFIX} file", None)])
    allowed = Path(root).resolve() if root is not None else amendment_root(amendment.file)
    if not resolved.is_relative_to(allowed):
        raise ConstitutionError(
            [
                _diagnostic(
                    amendment,
                    span,
                    "amends names a file outside the amendment's repository or folder",
                    f"the base must be inside {allowed}",
                )
            ]
        )
    return resolved


def ref_text(ref: ArticleRef) -> str:
    number, paragraphs = ref
    return str(number) + "".join(f"({p})" for p in paragraphs)


def natural_key(article: str, paragraphs: Sequence[str] = ()) -> tuple[Any, ...]:
    """Article order as a reader expects it: 2 < 10, 83 < 83-1 < 84, 44 < 44(2)."""

    def part(text: str) -> tuple[Any, ...]:
        return tuple((0, int(p), "") if p.isdigit() else (1, 0, p) for p in re.split(r"-", text))

    return (part(article), tuple(part(p) for p in paragraphs))


@dataclass
class Applied:
    """A constitution with amendments applied, and the record of what they changed."""

    constitution: m.Constitution
    base: m.Constitution
    base_text: str
    amendments: list[ParsedAmendment]
    #: provision id -> labels of the amendments that changed it, in order
    changed_by: dict[str, list[str]] = field(default_factory=dict)
    #: institution id -> labels of the amendments that inserted, renamed or changed it
    institutions_changed_by: dict[str, list[str]] = field(default_factory=dict)
    #: provision id in the base -> provision id now (only renumbered provisions)
    renumbered: dict[str, str] = field(default_factory=dict)
    #: institution id in the base -> id now (only renamed institutions)
    renamed: dict[str, str] = field(default_factory=dict)
    #: base source lines whose comments no longer describe anything (repealed or replaced text)
    stale_lines: set[int] = field(default_factory=set)


class _Applier:
    """Applies one amendment's operations to a working copy; collects every problem."""

    def __init__(self, amendment: ParsedAmendment, state: _State):
        self.amendment = amendment
        self.state = state
        self.label = amendment.header.label()
        self.problems: list[Diagnostic] = []

    # ---- reporting
    def error(self, span: Span, message: str, help: str | None = None) -> None:
        text = self.amendment.text
        width = span.end_column - span.column if span.end_line == span.line else len(line_of(text, span.line) or "")
        self.problems.append(
            Diagnostic(
                self.amendment.file,
                span.line,
                span.column,
                message,
                width=max(1, width),
                help=help,
                source_line=line_of(text, span.line),
            )
        )

    def resolver(self) -> AmendmentResolver:
        return AmendmentResolver(self.amendment, self.state.institutions)

    def run(self) -> None:
        for operation in self.amendment.operations:
            try:
                self.apply(operation)
            except ConstitutionError as exc:
                self.problems.extend(exc.diagnostics)
        if not self.problems:
            self.check_references()
        if self.problems:
            raise ConstitutionError(self.problems)

    def apply(self, op: Operation) -> None:
        handlers: dict[type, Any] = {
            InsertArticle: self.insert_article,
            SubstituteArticle: self.substitute_article,
            RepealArticle: self.repeal_article,
            RenumberArticle: self.renumber_article,
            InArticle: self.in_article,
            InsertInstitution: self.insert_institution,
            RepealInstitution: self.repeal_institution,
            RenameInstitution: self.rename_institution,
            ChangeInstitution: self.change_institution,
            SetHeader: self.set_header,
        }
        handlers[type(op)](op)

    # ---- articles
    def _matching(self, ref: ArticleRef) -> list[int]:
        """Indexes of the provisions an article reference covers: 44 covers 44, 44(2), 44(3)..."""
        number, paragraphs = str(ref[0]), tuple(ref[1])
        return [
            i
            for i, p in enumerate(self.state.provisions)
            if p.article == number and p.paragraphs[: len(paragraphs)] == paragraphs
        ]

    def _missing_article(self, ref: ArticleRef, span: Span, verb: str) -> None:
        wanted = ref_text(ref)
        existing = [printer.article_ref(p) for p in self.state.provisions]
        close = difflib.get_close_matches(wanted, existing, n=1, cutoff=0.5)
        hint = f"did you mean article {close[0]}?" if close else "the base has no article like it"
        self.error(span, f"cannot {verb} article {wanted}: the base has no such article", help=hint)

    def insert_article(self, op: InsertArticle) -> None:
        provision = self.resolver().article(op.article)
        if self.state.index_of(provision.id) is not None:
            self.error(
                Span.of(op.article.number),
                f"article {printer.article_ref(provision)} already exists",
                help=f"use 'substitute article {printer.article_ref(provision)} {{ ... }}' to replace it",
            )
            return
        self.state.place(provision)
        self.state.mark(provision.id, self.label)

    def substitute_article(self, op: SubstituteArticle) -> None:
        ref = (op.article.number, op.article.paragraphs)
        indexes = self._matching(ref)
        if not indexes:
            self._missing_article(ref, Span.of(op.article.number), "substitute")
            return
        provision = self.resolver().article(op.article)
        position = indexes[0]
        for index in reversed(indexes):
            self.state.remove(index)
        self.state.provisions.insert(position, provision)
        self.state.mark(provision.id, self.label)

    def repeal_article(self, op: RepealArticle) -> None:
        indexes = self._matching(op.ref)
        if not indexes:
            self._missing_article(op.ref, op.span, "repeal")
            return
        for index in reversed(indexes):
            self.state.remove(index)

    def renumber_article(self, op: RenumberArticle) -> None:
        indexes = self._matching(op.ref)
        if not indexes:
            self._missing_article(op.ref, op.span, "renumber")
            return
        old_paragraphs = tuple(op.ref[1])
        moved = []
        for index in indexes:
            p = self.state.provisions[index]
            paragraphs = tuple(op.new_ref[1]) + p.paragraphs[len(old_paragraphs) :]
            moved.append((p, str(op.new_ref[0]), paragraphs))
        taken = {m.provision_id_for(a, ps) for _, a, ps in moved}
        staying = {p.id for i, p in enumerate(self.state.provisions) if i not in indexes}
        clash = sorted(taken & staying)
        if clash:
            self.error(
                op.span,
                f"cannot renumber article {ref_text(op.ref)} as {ref_text(op.new_ref)}: "
                f"article {_ref_of(clash[0])} already exists",
                help="renumber or repeal that article first",
            )
            return
        for index in reversed(indexes):
            del self.state.provisions[index]
        for provision, article, paragraphs in moved:
            renumbered = _renumber(provision, article, paragraphs)
            self.state.record_renumbering(provision.id, renumbered.id)
            self.state.place(renumbered)
            self.state.mark(renumbered.id, self.label)

    def in_article(self, op: InArticle) -> None:
        pid = m.provision_id_for(str(op.ref[0]), op.ref[1])
        index = self.state.index_of(pid)
        if index is None:
            self._missing_article(op.ref, op.span, "amend")
            return
        provision = self.state.provisions[index]
        items = _items_of(provision)
        update: dict[str, Any] = {}
        resolver = self.resolver()
        failed = False
        for sub in op.operations:
            if isinstance(sub, SetTitle):
                update["title"] = sub.title
                continue
            if isinstance(sub, SetText):
                update["text"] = sub.text
                update["text_location"] = resolver.span_location(sub.span) if sub.text is not None else None
                continue
            try:
                items = self._clause_operation(sub, provision, items, resolver)
            except ConstitutionError as exc:
                self.problems.extend(exc.diagnostics)
                failed = True
        if failed:
            return
        self.state.provisions[index] = _with_items(provision, items, update)
        kept = {id(item) for field_items in items.values() for item in field_items}
        self.state.stale_clauses(item for item in _all_items(provision) if id(item) not in kept)
        if "text" in update and provision.text_location is not None:
            self.state.stale_location(provision.text_location)
        self.state.mark(pid, self.label)

    def _find_item(
        self, raw: Any, provision: m.Provision, items: _Items, resolver: AmendmentResolver
    ) -> tuple[str, int]:
        """Where the clause or statement ``raw`` names sits: its Provision field and index."""
        wanted_item = resolver.any_statement(raw, provision)
        field = _field_of(wanted_item)
        wanted = _item_text(wanted_item)
        for index, item in enumerate(items[field]):
            if _item_text(item) == wanted:
                return field, index
        noun = "clause" if field == "clauses" else "statement"
        texts = [_item_text(item) for item in items[field]]
        close = difflib.get_close_matches(wanted, texts, n=1, cutoff=0.0)
        elsewhere = [p.citation for p in self.state.provisions for item in _all_items(p) if _item_text(item) == wanted]
        if elsewhere:
            hint = f"that {noun} is in {elsewhere[0]}, not {provision.citation}"
        elif close:
            hint = f"did you mean '{close[0]}.'?"
        else:
            hint = f"{provision.citation} has no {'clauses' if field == 'clauses' else 'statements of that kind'}"
        raise ConstitutionError(
            [_diagnostic(self.amendment, raw.span, f"{provision.citation} has no {noun} '{wanted}.'", hint)]
        )

    def _clause_operation(self, sub: Any, provision: m.Provision, items: _Items, resolver: AmendmentResolver) -> _Items:
        items = {field: list(values) for field, values in items.items()}
        if isinstance(sub, RepealClause):
            field, index = self._find_item(sub.clause, provision, items, resolver)
            del items[field][index]
        elif isinstance(sub, SubstituteClause):
            field, index = self._find_item(sub.old, provision, items, resolver)
            new = resolver.any_statement(sub.new, provision)
            if _field_of(new) == field:
                items[field][index] = new
            else:
                del items[field][index]
                items[_field_of(new)].append(new)
        elif isinstance(sub, InsertClause):
            new = resolver.any_statement(sub.clause, provision)
            field, text = _field_of(new), _item_text(new)
            if any(_item_text(item) == text for item in items[field]):
                raise ConstitutionError(
                    [_diagnostic(self.amendment, sub.clause.span, f"{provision.citation} already has '{text}.'")]
                )
            if sub.placement is None:
                items[field].append(new)
            else:
                anchor_field, anchor = self._find_item(sub.placement.anchor, provision, items, resolver)
                if anchor_field != field:
                    raise ConstitutionError(
                        [
                            _diagnostic(
                                self.amendment,
                                sub.placement.anchor.span,
                                f"'{text}.' cannot be placed {sub.placement.where} a statement of another kind",
                                "place a clause by a clause, an immunity by an immunity, and so on",
                            )
                        ]
                    )
                items[field].insert(anchor + (1 if sub.placement.where == "after" else 0), new)
        return items

    # ---- institutions
    def _known(self, token: Any) -> m.Institution | None:
        found = self.state.institution(str(token))
        if found is None:
            close = difflib.get_close_matches(str(token), [i.id for i in self.state.institutions], n=1)
            hint = f"did you mean '{close[0]}'?" if close else None
            self.error(Span.of(token), f"the base has no institution '{token}'", help=hint)
        return found

    def insert_institution(self, op: InsertInstitution) -> None:
        name = str(op.institution.name)
        if self.state.institution(name) is not None:
            self.error(
                Span.of(op.institution.name),
                f"institution '{name}' already exists",
                help=f"use 'change institution {name}: ...' to change its attributes",
            )
            return
        institution = self.resolver().institution(op.institution)
        position = len(self.state.institutions)
        if op.placement is not None:
            anchor = self._known(op.placement.anchor)
            if anchor is None:
                return
            position = self.state.institutions.index(anchor) + (1 if op.placement.where == "after" else 0)
        self.state.institutions.insert(position, institution)
        self.state.mark_institution(institution.id, self.label)

    def repeal_institution(self, op: RepealInstitution) -> None:
        institution = self._known(op.name)
        if institution is None:
            return
        users = self.state.references(institution.id)
        if users:
            self.error(
                Span.of(op.name),
                f"cannot repeal institution '{institution.id}': it is still referred to",
                help="first repeal or substitute: " + ", ".join(users[:6]) + (" ..." if len(users) > 6 else ""),
            )
            return
        self.state.institutions.remove(institution)
        self.state.applied.institutions_changed_by.pop(institution.id, None)
        self.state.stale_location(institution.location)

    def rename_institution(self, op: RenameInstitution) -> None:
        institution = self._known(op.name)
        if institution is None:
            return
        new = str(op.new_name)
        if self.state.institution(new) is not None:
            self.error(Span.of(op.new_name), f"institution '{new}' already exists", help="choose another name")
            return
        self.state.rename(institution.id, new)
        self.state.mark_institution(new, self.label)
        for provision in self.state.provisions:
            if any(new in _item_names(item) for item in _all_items(provision)):
                self.state.mark(provision.id, self.label, only_if_unmarked_by=self.label)

    def change_institution(self, op: ChangeInstitution) -> None:
        institution = self._known(op.name)
        if institution is None:
            return
        changes = self.resolver().attributes(op.items)
        if "term_years" in changes:  # a term of years replaces life tenure, and the other way round
            changes.setdefault("term_life", False)
        if changes.get("term_life"):
            changes.setdefault("term_years", None)
        changed = institution.model_copy(update=changes)
        self.state.institutions[self.state.institutions.index(institution)] = changed
        self.state.mark_institution(changed.id, self.label)
        if changed.seats is not None:
            for clause in self.state.all_clauses():
                share = clause.share
                if clause.target == changed.id and share and share.of is not None and share.of > changed.seats:
                    self.error(
                        op.span,
                        f"{changed.id} would have {changed.seats} seats, but {clause.citation} gives "
                        f"'{printer.clause_text(clause)}'",
                        help=f"change that clause in the same amendment: in article {clause.citation[5:]} {{ ... }}",
                    )

    def set_header(self, op: SetHeader) -> None:
        value = op.value
        if op.field in ("as_of", "adopted"):
            import datetime as dt

            try:
                value = dt.date.fromisoformat(str(value))
            except ValueError:
                self.error(op.span, f"'{op.value}' is not a valid date", help="write dates as YYYY-MM-DD")
                return
        self.state.header[op.field] = value

    # ---- after all operations
    def check_references(self) -> None:
        """Every name a clause or statement uses must still exist once the whole amendment is applied."""
        known = {i.id for i in self.state.institutions}
        for provision in self.state.provisions:
            for item in _all_items(provision):
                for name in _item_names(item):
                    if name not in known:
                        self.problems.append(
                            _diagnostic(
                                self.amendment,
                                self.amendment_span(),
                                f"after this amendment {provision.citation} refers to '{name}', which no longer exists",
                                f"repeal or substitute '{_item_text(item)}.'",
                            )
                        )

    def amendment_span(self) -> Span:
        loc = self.amendment.header.location
        return Span(loc.line, loc.column, loc.line, loc.column + 9) if loc else Span(1, 1, 1, 2)


def _ref_of(pid: str) -> str:
    """``art_10__para_2`` -> ``10(2)``."""
    article, *rest = pid.removeprefix("art_").split("__")
    return article + "".join(f"({part.split('_', 1)[1]})" for part in rest)


def _diagnostic(amendment: ParsedAmendment, span: Span, message: str, help: str | None = None) -> Diagnostic:
    width = span.end_column - span.column if span.end_line == span.line else 1
    return Diagnostic(
        amendment.file,
        span.line,
        span.column,
        message,
        width=max(1, width),
        help=help,
        source_line=line_of(amendment.text, span.line),
    )


def _names_in(clause: m.PowerClause) -> list[str]:
    names = [clause.actor, *clause.joint_actors[1:]]
    if clause.target_type == "institution":
        names.append(clause.target)
    for condition in clause.conditions:
        names.extend(getattr(condition, "institutions", ()))
    return names


def _item_names(item: Any) -> list[str]:
    """The institutions a clause or another statement of an article names."""
    if isinstance(item, m.PowerClause):
        return _names_in(item)
    if isinstance(item, m.Immunity):
        return [item.holder, *([item.lifted_by] if item.lifted_by else [])]
    if isinstance(item, m.Incompatibility):
        return [item.office, item.other]
    if isinstance(item, m.TenureRule):
        return [item.institution]
    return []


def _renumber(provision: m.Provision, article: str, paragraphs: tuple[str, ...]) -> m.Provision:
    pid = m.provision_id_for(article, paragraphs)
    citation = m.citation_for(article, paragraphs)
    clauses = tuple(
        c.model_copy(update={"id": f"{pid}#{n}", "provision_id": pid, "citation": citation})
        for n, c in enumerate(provision.clauses, start=1)
    )
    return provision.model_copy(update={"id": pid, "article": article, "paragraphs": paragraphs, "clauses": clauses})


#: An article's clauses and statements by Provision field, as operations change them.
_Items = dict[str, list[Any]]
_ITEM_FIELDS = ("clauses", *STATEMENT_FIELDS.values())


def _items_of(provision: m.Provision) -> _Items:
    return {field: list(getattr(provision, field)) for field in _ITEM_FIELDS}


def _all_items(provision: m.Provision) -> list[Any]:
    return [item for field in _ITEM_FIELDS for item in getattr(provision, field)]


def _field_of(item: Any) -> str:
    return "clauses" if isinstance(item, m.PowerClause) else STATEMENT_FIELDS[type(item)]


def _item_text(item: Any) -> str:
    return printer.clause_text(item) if isinstance(item, m.PowerClause) else printer.statement_text(item)


def _with_items(provision: m.Provision, items: _Items, update: dict[str, Any]) -> m.Provision:
    """The provision with its new clauses and statements (clause ids numbered in order) and ``update``."""
    clauses = tuple(c.model_copy(update={"id": f"{provision.id}#{n}"}) for n, c in enumerate(items["clauses"], 1))
    statements = {field: tuple(items[field]) for field in STATEMENT_FIELDS.values()}
    return provision.model_copy(update={"clauses": clauses, **statements, **update})


def _nowhere(base: m.SourceLocation | None) -> m.SourceLocation | None:
    """A location the formatter treats as inert: no comments attach to it, no blank line before it."""
    if base is None:
        return None
    return m.SourceLocation(file=base.file, line=_NOWHERE_LINE, column=0, end_line=_NOWHERE_LINE, end_column=0)


class _Provisions(list[m.Provision]):
    """The working list of provisions, keeping count of the ids it holds as it changes, so that
    "does this article exist?" costs nothing per operation (a scan of the list made an amendment
    of thousands of inserts quadratic)."""

    def __init__(self, provisions: Iterable[m.Provision] = ()) -> None:
        super().__init__(provisions)
        self.ids: Counter[str] = Counter(p.id for p in self)

    def insert(self, index: SupportsIndex, provision: m.Provision) -> None:
        super().insert(index, provision)
        self.ids[provision.id] += 1

    def append(self, provision: m.Provision) -> None:
        super().append(provision)
        self.ids[provision.id] += 1

    def pop(self, index: SupportsIndex = -1) -> m.Provision:
        provision = super().pop(index)
        self.ids[provision.id] -= 1
        return provision

    def __setitem__(self, index: Any, value: Any) -> None:
        removed = self[index] if isinstance(index, slice) else [self[index]]
        super().__setitem__(index, value)
        added = value if isinstance(index, slice) else [value]
        self.ids.subtract(p.id for p in removed)
        self.ids.update(p.id for p in added)

    def __delitem__(self, index: Any) -> None:
        removed = self[index] if isinstance(index, slice) else [self[index]]
        super().__delitem__(index)
        self.ids.subtract(p.id for p in removed)

    def has(self, pid: str) -> bool:
        return self.ids[pid] > 0


class _State:
    """The working copy an amendment changes."""

    def __init__(self, applied: Applied):
        c = applied.constitution
        self.applied = applied
        self.header: dict[str, Any] = {"version": c.version, "as_of": c.as_of, "adopted": c.adopted}
        self.institutions = list(c.institutions)
        self._provisions = _Provisions(c.provisions)
        self._keys: dict[str, tuple[Any, ...]] = {}
        self.base_file = applied.base.file

    @property
    def provisions(self) -> _Provisions:
        return self._provisions

    @provisions.setter
    def provisions(self, provisions: Iterable[m.Provision]) -> None:
        self._provisions = _Provisions(provisions)

    def institution(self, name: str) -> m.Institution | None:
        return next((i for i in self.institutions if i.id == name), None)

    def index_of(self, pid: str) -> int | None:
        if not self.provisions.has(pid):
            return None
        return next((i for i, p in enumerate(self.provisions) if p.id == pid), None)

    def _key(self, provision: m.Provision) -> tuple[Any, ...]:
        key = self._keys.get(provision.id)
        if key is None:
            key = self._keys[provision.id] = natural_key(provision.article, provision.paragraphs)
        return key

    def all_clauses(self) -> list[m.PowerClause]:
        return [c for p in self.provisions for c in p.clauses]

    def place(self, provision: m.Provision) -> None:
        """Insert at the natural position: before the first provision that sorts after it."""
        key = self._key(provision)
        if not self.provisions or self._key(self.provisions[-1]) <= key:  # in order: the usual case
            self.provisions.append(provision)
            return
        position = next((i for i, p in enumerate(self.provisions) if self._key(p) > key), len(self.provisions))
        self.provisions.insert(position, provision)

    def remove(self, index: int) -> None:
        provision = self.provisions.pop(index)
        self.stale_location(provision.location, leading=True)
        self.applied.changed_by.pop(provision.id, None)

    def mark(self, pid: str, label: str, only_if_unmarked_by: str | None = None) -> None:
        labels = self.applied.changed_by.setdefault(pid, [])
        if only_if_unmarked_by is not None and only_if_unmarked_by in labels:
            return
        if not labels or labels[-1] != label:
            labels.append(label)

    def mark_institution(self, name: str, label: str) -> None:
        labels = self.applied.institutions_changed_by.setdefault(name, [])
        if not labels or labels[-1] != label:
            labels.append(label)

    def record_renumbering(self, old: str, new: str) -> None:
        origin = next((k for k, v in self.applied.renumbered.items() if v == old), old)
        self.applied.renumbered[origin] = new
        if old in self.applied.changed_by:
            self.applied.changed_by[new] = self.applied.changed_by.pop(old)

    def rename(self, old: str, new: str) -> None:
        def swap(name: str | None) -> str | None:
            return new if name == old else name

        self.institutions = [
            i.model_copy(
                update={
                    "id": swap(i.id),
                    "member_of": swap(i.member_of),
                    "joint_sitting_of": tuple(swap(j) or j for j in i.joint_sitting_of),
                    "ex_officio": tuple(e.model_copy(update={"source": swap(e.source)}) for e in i.ex_officio),
                }
            )
            for i in self.institutions
        ]

        def swap_all(names: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(new if name == old else name for name in names)

        provisions = []
        for p in self.provisions:
            clauses = []
            for c in p.clauses:
                conditions = tuple(
                    x.model_copy(
                        update={
                            "institution": swap(getattr(x, "institution", None)),
                            "institutions": swap_all(getattr(x, "institutions", ())),
                        }
                    )
                    if hasattr(x, "institutions")
                    else x
                    for x in c.conditions
                )
                update = {
                    "actor": swap(c.actor),
                    "joint_actors": swap_all(c.joint_actors),
                    "target": swap(c.target),
                    "conditions": conditions,
                }
                clauses.append(c.model_copy(update=update))
            statements = {
                "immunities": tuple(
                    i.model_copy(update={"holder": swap(i.holder), "lifted_by": swap(i.lifted_by)})
                    for i in p.immunities
                ),
                "incompatibilities": tuple(
                    i.model_copy(update={"office": swap(i.office), "other": swap(i.other)}) for i in p.incompatibilities
                ),
                "tenure_rules": tuple(
                    t.model_copy(update={"institution": swap(t.institution)}) for t in p.tenure_rules
                ),
            }
            provisions.append(p.model_copy(update={"clauses": tuple(clauses), **statements}))
        self.provisions = provisions
        origin = next((k for k, v in self.applied.renamed.items() if v == old), old)
        self.applied.renamed[origin] = new
        if old in self.applied.institutions_changed_by:
            self.applied.institutions_changed_by[new] = self.applied.institutions_changed_by.pop(old)

    def references(self, name: str) -> list[str]:
        users = sorted(
            {p.citation for p in self.provisions for item in _all_items(p) if name in _item_names(item)},
            key=_citation_key,
        )
        users += [
            f"institution {i.id}"
            for i in self.institutions
            if i.member_of == name or name in i.joint_sitting_of or any(e.source == name for e in i.ex_officio)
        ]
        return users

    def stale_location(self, location: m.SourceLocation | None, leading: bool = False) -> None:
        if location is None or location.file != self.base_file or location.line <= 0:
            return
        lines = set(range(location.line, location.end_line + 1))
        if leading:
            source = source_lines(self.applied.base_text)
            line = location.line - 1
            while line >= 1 and source[line - 1].lstrip().startswith("#"):
                lines.add(line)
                line -= 1
        self.applied.stale_lines |= lines

    def stale_clauses(self, clauses: Iterable[Any]) -> None:
        for clause in clauses:
            self.stale_location(clause.location)

    def result(self, base: m.Constitution) -> m.Constitution:
        return base.model_copy(
            update={
                **self.header,
                "institutions": tuple(self.institutions),
                "provisions": tuple(self.provisions),
            }
        )


def _citation_key(citation: str) -> tuple[Any, ...]:
    match = re.match(r"Art\. ([^(]+)(.*)", citation)
    if not match:
        return ((), ())
    return natural_key(match.group(1), re.findall(r"\(([^)]*)\)", match.group(2)))


def _opening_line(location: m.SourceLocation | None) -> m.SourceLocation | None:
    if location is None:
        return None
    return location.model_copy(update={"end_line": location.line})


def printable(constitution: m.Constitution, base_file: str) -> m.Constitution:
    """The model laid out against the base's text: whatever came from an amendment gets an inert
    location, so the base's comments stay with the base's own statements (see ``_nowhere``)."""

    def foreign(loc: m.SourceLocation | None) -> bool:
        return loc is not None and loc.file != base_file

    def waivers(items: tuple[m.Waiver, ...]) -> tuple[m.Waiver, ...]:
        return tuple(w.model_copy(update={"location": None}) if foreign(w.location) else w for w in items)

    provisions = []
    for provision in constitution.provisions:
        anchor = provision.location if not foreign(provision.location) else _nowhere(provision.location)
        previous = _opening_line(anchor)
        fields: dict[str, Any] = {}
        for name in _ITEM_FIELDS:
            kept: list[Any] = []
            for item in getattr(provision, name):
                if foreign(item.location):
                    # Borrow the place of the statement before it (or of the article's opening
                    # line), so the comments around it stay where they were and no blank line appears.
                    update: dict[str, Any] = {"location": previous}
                    if isinstance(item, m.PowerClause):
                        update["waivers"] = waivers(item.waivers)
                    item = item.model_copy(update=update)
                previous = item.location
                kept.append(item)
            fields[name] = tuple(kept)
        if foreign(provision.text_location):
            fields["text_location"] = _opening_line(anchor)
        provisions.append(
            provision.model_copy(update={"location": anchor, **fields, "waivers": waivers(provision.waivers)})
        )
    institutions = tuple(
        i.model_copy(update={"location": _nowhere(i.location), "waivers": waivers(i.waivers)})
        if foreign(i.location)
        else i
        for i in constitution.institutions
    )
    return constitution.model_copy(update={"provisions": tuple(provisions), "institutions": institutions})


def check_base(amendment: ParsedAmendment, base: m.Constitution, first: bool) -> None:
    """The amendment says what it amends; refuse a base that is not it."""
    header = amendment.header
    span = _span_of(header.amends_location)
    if header.amends_version is not None and header.amends_version != (base.version or ""):
        have = f"'{base.version}'" if base.version else "no version"
        raise ConstitutionError(
            [
                _diagnostic(
                    amendment,
                    span,
                    f"this amendment expects version '{header.amends_version}', but the base has {have}",
                    "apply the amendments that come before it first, in order",
                )
            ]
        )
    if first and header.amends_path is not None and base.file not in ("<string>", ""):
        expected = (Path(amendment.file).parent / header.amends_path).resolve()
        if Path(base.file).resolve() != expected:
            raise ConstitutionError(
                [
                    _diagnostic(
                        amendment,
                        span,
                        f"this amendment amends '{header.amends_path}', not '{base.file}'",
                        f"apply it to {os.path.relpath(expected)}",
                    )
                ]
            )


def _span_of(location: m.SourceLocation | None) -> Span:
    if location is None:
        return Span(1, 1, 1, 2)
    return Span(location.line, location.column, location.end_line, location.end_column)


def apply_amendments(
    base: m.Constitution, amendments: Sequence[ParsedAmendment], base_text: str = "", check: bool = True
) -> Applied:
    """Apply ``amendments`` in order to a copy of ``base``; the base itself is never changed."""
    applied = Applied(constitution=base, base=base, base_text=base_text, amendments=[])
    for position, amendment in enumerate(amendments):
        if check:
            check_base(amendment, applied.constitution, first=position == 0)
        state = _State(applied)
        _Applier(amendment, state).run()
        applied = dataclasses.replace(
            applied, constitution=state.result(base), amendments=[*applied.amendments, amendment]
        )
    return applied


def _blank_comments(text: str, lines: set[int]) -> str:
    """``text`` with the comments on ``lines`` removed; line numbers stay as they were."""
    from constitution_rules.language.formatter import scan_comments

    out = source_lines(text)
    for comment in scan_comments(text):
        if comment.line in lines:
            out[comment.line - 1] = out[comment.line - 1][: comment.column - 1].rstrip()
    return "\n".join(out)


def _note(labels: list[str]) -> str:
    return "# amended by " + "; then ".join(" ".join(label.split()) for label in labels)


def render_applied(applied: Applied) -> str:
    """The amended constitution as canonical text: the base's comments kept where they still
    describe something, and a comment above each changed article naming the amendments."""
    from constitution_rules.language.formatter import format_model, format_source
    from constitution_rules.language.parser import parse_text

    constitution = applied.constitution
    layout = printable(constitution, applied.base.file)
    source = _blank_comments(applied.base_text, applied.stale_lines)
    lines = source_lines(format_model(layout, source).removesuffix("\n"))
    notes = {
        f"article {printer.article_ref(p)}": _note(applied.changed_by[p.id])
        for p in constitution.provisions
        if applied.changed_by.get(p.id)
    }
    notes.update(
        (f"institution {i.id}", _note(applied.institutions_changed_by[i.id]))
        for i in constitution.institutions
        if applied.institutions_changed_by.get(i.id)
    )
    out: list[str] = []
    for line in lines:
        head = re.split(r' \{| "|:', line, maxsplit=1)[0]
        if head in notes:
            out.append(notes[head])
        out.append(line)
    # One more formatting pass lays the notes out like any comment (a blank line before a noted
    # institution, say); then the same safety checks as fmt: the text means the model, and
    # formatting it again changes nothing.
    text = format_source("\n".join(out) + "\n", constitution.file)
    reparsed = parse_text(text, constitution.file)
    if reparsed.meaning() != constitution.meaning():
        raise AssertionError("the amended text does not parse back to the amended model")
    if format_source(text, constitution.file) != text:
        raise AssertionError("the amended text is not in canonical layout")
    return text
