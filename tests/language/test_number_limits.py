"""Numbers past any real count (and past Python's int-string limit) are a located error."""

from __future__ import annotations

import pytest

from constitution_rules.language.errors import ConstitutionError
from constitution_rules.language.parser import parse_text

HUGE = "9" * 4400


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (f'constitution "T"\ninstitution P: executive, seats {HUGE}\n', 2, 33),
        (
            f'constitution "T"\ninstitution P: executive\ninstitution Q: legislature\narticle 1 {{\n  P appoints {HUGE} of Q.\n}}\n',
            5,
            14,
        ),
        (f'constitution "T"\ninstitution P: executive\narticle 1 {{\n  P issues decrees by 1/{HUGE}.\n}}\n', 4, 23),
        ('constitution "T"\ninstitution P: executive, term 1234567890123 years\n', 2, 32),
    ],
)
def test_oversized_numbers_are_located(text: str, line: int, column: int) -> None:
    with pytest.raises(ConstitutionError) as caught:
        parse_text(text, "big.constitution")
    (diagnostic,) = caught.value.diagnostics
    assert (diagnostic.line, diagnostic.column) == (line, column)
    assert "number too long" in diagnostic.message


def test_ordinary_numbers_still_parse() -> None:
    model = parse_text('constitution "T"\ninstitution P: executive, seats 999999999999, term 7 years\n')
    assert model.institutions[0].seats == 999999999999
