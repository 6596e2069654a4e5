"""The specs with a published PPI row, each as it stood c. 2007, and the validation tables.

Run ``python -m tests.indices.cases`` to print the tables docs/validation.md shows (the test in
test_validation.py pins their figures).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from constitution_rules import model as m
from constitution_rules.amendments import apply_amendments, load_amendment
from constitution_rules.history import build_history
from constitution_rules.indices import compute_indices
from constitution_rules.indices.ppi import ITEM_NAMES, PPI
from constitution_rules.indices.shugart_carey import ITEM_NAMES as SC_ITEMS
from constitution_rules.indices.shugart_carey import ShugartCarey
from constitution_rules.indices.validation import ELGIE_ORDINAL, PUBLISHED, compare_items, spearman
from constitution_rules.language.parser import parse_file, read_source
from tests.conftest import SPECS

#: The reference date of the published codes (the Handbook's survey, c. 2007).
AS_OF = dt.date(2007, 12, 31)

#: Folder names a country's specs may live under.
FOLDERS: dict[str, tuple[str, ...]] = {
    "Kazakhstan": ("kazakhstan",),
    "Russia": ("russia",),
    "Germany": ("germany",),
    "United States": ("united-states", "usa", "us", "united_states"),
    "France": ("france",),
    "United Kingdom": ("united-kingdom", "uk"),
    "Brazil": ("brazil",),
    "Mexico": ("mexico",),
    "Ukraine": ("ukraine",),
    "Georgia": ("georgia",),
}

#: Kazakhstan c. 2007: the 1995 text with the 1998 and May 2007 amendments applied.
KZ_CHAIN = ("1998", "2007")


@dataclass
class Case:
    country: str
    label: str
    constitution: m.Constitution


def _kazakhstan() -> Case | None:
    folder = SPECS / "kazakhstan"
    base = folder / "1995.constitution"
    if not base.is_file():
        return None
    amendments = [load_amendment(folder / "amendments" / f"{name}.amendment") for name in KZ_CHAIN]
    applied = apply_amendments(parse_file(base), amendments, read_source(base))
    label = "specs/kazakhstan/1995.constitution + " + " + ".join(f"amendments/{n}.amendment" for n in KZ_CHAIN)
    return Case("Kazakhstan", label, applied.constitution)


def _date(constitution: m.Constitution) -> dt.date | None:
    return constitution.as_of or constitution.adopted


def _as_of_2007(country: str) -> Case | None:
    """The country's constitution file in force at the end of 2007: the latest one dated on or
    before it (files without a date are used only when they are the only file)."""
    for name in FOLDERS[country]:
        folder = SPECS / name
        files = sorted(folder.glob("*.constitution")) if folder.is_dir() else []
        if not files:
            continue
        parsed = [(path, parse_file(path)) for path in files]
        dated = [(d, path, c) for path, c in parsed if (d := _date(c)) is not None and d <= AS_OF]
        if dated:
            _, path, constitution = max(dated, key=lambda t: (t[0], str(t[1])))
        elif len(parsed) == 1:
            path, constitution = parsed[0]
        else:
            continue
        return Case(country, str(Path(path).relative_to(SPECS.parent)), constitution)
    return None


def cases() -> list[Case]:
    found = []
    for country in PUBLISHED:
        case = _kazakhstan() if country == "Kazakhstan" else _as_of_2007(country)
        if case is not None:
            found.append(case)
    return found


@dataclass
class Row:
    case: Case
    ppi: PPI
    agree: int
    compared: int
    disagreements: list[tuple[str, bool, bool]]


def rows() -> list[Row]:
    out = []
    for case in cases():
        ppi = compute_indices(case.constitution, case.label).ppi
        comparisons = compare_items(ppi, PUBLISHED[case.country])
        out.append(
            Row(
                case=case,
                ppi=ppi,
                agree=sum(c.agrees for c in comparisons),
                compared=len(comparisons),
                disagreements=[(c.item, c.computed, c.published) for c in comparisons if not c.agrees],
            )
        )
    return out


def summary(table: list[Row]) -> dict[str, float]:
    agree = sum(r.agree for r in table)
    compared = sum(r.compared for r in table)
    out = {
        "specs": float(len(table)),
        "agreement": round(agree / compared, 4) if compared else 0.0,
        "decided_mean": round(sum(r.ppi.decided for r in table) / len(table), 2) if table else 0.0,
    }
    if len(table) >= 3:
        published = [PUBLISHED[r.case.country].ppi for r in table]
        out["spearman_score"] = round(spearman([r.ppi.score or 0.0 for r in table], published), 4)
        out["spearman_weighted"] = round(spearman([r.ppi.weighted or 0.0 for r in table], published), 4)
    return out


def markdown(table: list[Row]) -> str:
    yes = {True: "1", False: "0"}
    lines = [
        "| country | spec | decided | computed score | weighted | published PPI | agreement |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for r in table:
        lines.append(
            f"| {r.case.country} | `{r.case.label}` | {r.ppi.decided} | {r.ppi.score:.4f} | {r.ppi.weighted:.4f} | "
            f"{PUBLISHED[r.case.country].ppi:.2f} | {r.agree}/{r.compared} |"
        )
    lines += ["", "| country | item | computed | published |", "|---|---|---:|---:|"]
    for r in table:
        for item, computed, published in r.disagreements:
            lines.append(f"| {r.case.country} | {item} | {yes[computed]} | {yes[published]} |")
    lines += ["", "Items decided per spec:", ""]
    for r in table:
        done = [n for n in ITEM_NAMES if r.ppi.items[n].value is not None]
        lines.append(f"- {r.case.country} ({len(done)}): {', '.join(done)}")
    lines += ["", "Summary: " + ", ".join(f"{k} {v}" for k, v in summary(table).items())]
    return "\n".join(lines)


def presidential_rows() -> list[tuple[Case, ShugartCarey]]:
    """Shugart-Carey scores of every spec with a popularly elected president."""
    scored = [(case, compute_indices(case.constitution, case.label).shugart_carey) for case in cases()]
    return [(case, sc) for case, sc in scored if sc.president is not None]


def presidential_spearman(table: list[tuple[Case, ShugartCarey]]) -> float:
    """Spearman between the Shugart-Carey totals and Elgie et al.'s ordinal scores."""
    pairs = [
        (float(sc.total), float(ELGIE_ORDINAL[case.country])) for case, sc in table if case.country in ELGIE_ORDINAL
    ]
    return round(spearman([a for a, _ in pairs], [b for _, b in pairs]), 4)


def presidential_markdown(table: list[tuple[Case, ShugartCarey]]) -> str:
    def cell(value: int | bool | None) -> str:
        return "-" if value is None else str(int(value))

    lines = [
        "| country | " + " | ".join(SC_ITEMS) + " | total (decided) | Elgie et al. |",
        "|---|" + "---:|" * (len(SC_ITEMS) + 2),
    ]
    for case, sc in table:
        values = " | ".join(cell(sc.items[n].value) for n in SC_ITEMS)
        elgie = ELGIE_ORDINAL.get(case.country)
        lines.append(f"| {case.country} | {values} | {sc.total} ({sc.decided}) | {cell(elgie)} |")
    lines += ["", f"Spearman (totals, Elgie et al.): {presidential_spearman(table)}"]
    return "\n".join(lines)


#: Kazakhstan's versions as docs/validation.md names them, by date.
KZ_VERSIONS = {
    "1995-09-05": "1995 original",
    "1998-10-07": "1998 law",
    "2007-05-21": "2007 law",
    "2011-02-02": "2011 law",
    "2017-03-10": "2017 law",
    "2022-06-05": "2022 June referendum",
    "2022-09-17": "2022 September law",
    "2026-07-01": "2026 constitution",
}
#: The Shugart-Carey items in the Kazakhstan table (partial veto is never decided).
KZ_ITEMS = tuple(n for n in SC_ITEMS if n != "partial_veto")


def kazakhstan_series() -> dict[str, tuple[ShugartCarey, m.Institution | None]]:
    """Each Kazakhstan version (by date): its Shugart-Carey scores and its President's declaration."""
    out = {}
    for version in build_history(SPECS / "kazakhstan"):
        constitution = version.constitution
        president = next((i for i in constitution.institutions if i.id == "President"), None)
        out[str(version.date)] = (compute_indices(constitution).shugart_carey, president)
    return out


def kazakhstan_markdown() -> str:
    def cell(value: int | bool | None) -> str:
        return "-" if value is None else str(int(value))

    def term(president: m.Institution | None) -> str:
        if president is None or president.term_years is None:
            return "-"
        limit = "no limit" if president.term_limit is None else str(president.term_limit)
        consecutive = " consecutive" if president.term_limit_consecutive else ""
        return f"{president.term_years} years, {limit}{consecutive}"

    lines = [
        "| version | " + " | ".join(KZ_ITEMS) + " | total (decided) | President's term, limit |",
        "|---|" + "---:|" * (len(KZ_ITEMS) + 1) + "---|",
    ]
    for date, (sc, president) in kazakhstan_series().items():
        values = " | ".join(cell(sc.items[n].value) for n in KZ_ITEMS)
        lines.append(f"| {KZ_VERSIONS.get(date, date)} | {values} | {sc.total} ({sc.decided}) | {term(president)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown(rows()))
    print()
    print(presidential_markdown(presidential_rows()))
    print()
    print(kazakhstan_markdown())
