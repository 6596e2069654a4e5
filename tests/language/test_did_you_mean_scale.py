"""The did-you-mean stays cheap on files with thousands of names and errors: a large pool is
searched through a trigram index (a short list, not every name), and one pool gives a bounded
number of hints."""

from __future__ import annotations

from constitution_rules.language import errors
from constitution_rules.language.errors import did_you_mean


def test_a_large_pool_is_searched_through_a_short_list() -> None:
    names = [f"Body{i}" for i in range(5000)]
    suggester = errors._Suggester(names)
    shortlist = suggester.shortlist("Bodx1234")
    assert len(shortlist) <= errors._Suggester.SHORTLIST
    assert "Body1234" in shortlist
    assert did_you_mean("Bodx1234", names) == "did you mean 'Body1234'?"


def test_a_small_pool_is_compared_whole_as_before() -> None:
    names = ["President", "Parliament", "Senate"]
    assert errors._Suggester(names).shortlist("Presidnet") == sorted(names)
    assert did_you_mean("Presidnet", names) == "did you mean 'President'?"
    assert did_you_mean("xyz", names) is None


def test_one_pool_gives_a_bounded_number_of_hints() -> None:
    names = [f"Body{i}" for i in range(300)]
    hints = [did_you_mean(f"Bodx{i % 300}", names) for i in range(errors._Suggester.MAX_HINTS + 50)]
    assert all(hints[: errors._Suggester.MAX_HINTS - 1])
    assert hints[-50:] == [None] * 50
