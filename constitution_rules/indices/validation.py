"""Computed indices against the field's published codes: item agreement and rank correlation.

The published rows are Fish & Kroenig's (2009) Legislative Powers Survey codes, c. 2007, as given in
the item-level file `Data/HNL_raw.csv` of the public repository `rwrandles/freexp` (from the
authors' site) and transcribed in the project's reference notes. In some rows the item cells do
not add up to the published total (marked ``adds_up=False``): the totals are used as published,
the cells as "probably right".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from constitution_rules.indices.ppi import ITEM_NAMES, PPI


@dataclass(frozen=True)
class PublishedPPI:
    country: str
    lps: int
    ppi: float
    cells: str  # 32 characters, "1" where the legislature has the item, in the survey's order
    adds_up: bool = True

    def item(self, name: str) -> bool:
        return self.cells[ITEM_NAMES.index(name)] == "1"


def _row(country: str, lps: int, ppi: float, groups: str, adds_up: bool = True) -> PublishedPPI:
    cells = groups.replace("|", "")
    assert len(cells) == len(ITEM_NAMES), country
    return PublishedPPI(country, lps, ppi, cells, adds_up)


#: Published PPI rows (c. 2007), items grouped 9|9|8|6 as in the survey.
PUBLISHED: dict[str, PublishedPPI] = {
    r.country: r
    for r in (
        _row("Kazakhstan", 12, 0.38, "001000001|000010110|01110000|110111", adds_up=False),
        _row("Russia", 14, 0.44, "000100001|000010011|01110100|111111", adds_up=False),
        _row("Germany", 27, 0.84, "111111011|011011111|11110101|111111"),
        _row("United States", 20, 0.63, "101110100|110011101|01100100|111111"),
        _row("France", 18, 0.56, "001100001|011010111|01110000|111111"),
        _row("United Kingdom", 25, 0.78, "111111011|011111101|10110001|111111"),
        _row("Brazil", 18, 0.56, "101100000|101000101|11110100|111111"),
        _row("Mexico", 14, 0.44, "101100000|110010101|01110100|011000"),
        _row("Ukraine", 19, 0.59, "001001101|000010111|01110111|110111"),
        _row("Georgia", 19, 0.59, "001110101|000011111|11100101|100111"),
    )
}


#: Elgie, Bucur, Dolez and Laurent (2014), *Political Research Quarterly* 67(3): an ordinal 0-4
#: score of presidential power, as given in the project's reference notes (France: the Fifth
#: Republic). A check on the Shugart-Carey totals' order, not a code the items are compared with.
ELGIE_ORDINAL: dict[str, int] = {
    "United States": 4,
    "Brazil": 4,
    "Mexico": 4,
    "Georgia": 4,
    "Ukraine": 3,
    "France": 3,
}


@dataclass(frozen=True)
class ItemComparison:
    item: str
    computed: bool
    published: bool

    @property
    def agrees(self) -> bool:
        return self.computed == self.published


def compare_items(computed: PPI, published: PublishedPPI) -> list[ItemComparison]:
    """Every item the text decided, beside the published cell."""
    return [
        ItemComparison(name, bool(computed.items[name].value), published.item(name))
        for name in ITEM_NAMES
        if computed.items[name].value is not None
    ]


def ranks(values: Sequence[float]) -> list[float]:
    """Ranks from 1, ties sharing the mean of the ranks they span.

    >>> ranks([0.5, 0.2, 0.5, 0.9])
    [2.5, 1.0, 2.5, 4.0]
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    start = 0
    while start < len(order):
        end = start
        while end + 1 < len(order) and values[order[end + 1]] == values[order[start]]:
            end += 1
        mean = (start + end) / 2 + 1
        for k in range(start, end + 1):
            out[order[k]] = mean
        start = end + 1
    return out


def spearman(xs: Sequence[float], ys: Sequence[float]) -> float:
    """Spearman's rank correlation: Pearson's r between the ranks (ties get mean ranks).

    >>> spearman([1, 2, 3, 4], [10, 20, 30, 40])
    1.0
    >>> spearman([1, 2, 3], [3, 2, 1])
    -1.0
    >>> round(spearman([1, 2, 3, 4, 5], [2, 1, 4, 3, 5]), 4)
    0.8
    """
    if len(xs) != len(ys) or len(xs) < 2:
        raise ValueError("spearman needs two sequences of the same length, at least 2")
    rx, ry = ranks(xs), ranks(ys)
    mx, my = sum(rx) / len(rx), sum(ry) / len(ry)
    cov = sum((a - mx) * (b - my) for a, b in zip(rx, ry, strict=True))
    vx = sum((a - mx) ** 2 for a in rx)
    vy = sum((b - my) ** 2 for b in ry)
    if vx == 0 or vy == 0:
        raise ValueError("spearman is undefined when one sequence is constant")
    return float(round(cov / (vx * vy) ** 0.5, 10))
