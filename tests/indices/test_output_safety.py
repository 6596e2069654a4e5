"""The ``indices`` report with hostile spec strings: every format stays well-formed and inert."""

from __future__ import annotations

from pathlib import Path

from tests.robustness.test_output_safety import both, check_json, check_markdown, run, specs

__all__ = ["specs"]  # the module-scoped fixture of hostile and harmless specs


def test_indices_formats(specs: dict[str, Path]) -> None:
    hostile, benign = both(specs, "indices", "--format", "text", "{base}", "{amendment}")
    assert hostile.count("\n") == benign.count("\n")
    check_markdown(*both(specs, "indices", "--format", "markdown", "{base}", "{amendment}"))
    check_json(run(specs["hostile"], "indices", "--format", "json", "{base}", "{amendment}"))
