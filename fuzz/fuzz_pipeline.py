"""Atheris harness: arbitrary bytes through every stage of the pipeline, in-process.

A crash is any exception other than ConstitutionError (the tool's own "bad input" error), and a
file that parses but that the formatter refuses or renders wrongly (see tests/robustness/pipeline.py).
See fuzz/README.md for running it and turning a crash into a regression test.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

with atheris.instrument_imports(include=["constitution_rules", "lark"]):
    from robustness.pipeline import run_one

    import constitution_rules.cli
    import constitution_rules.graph
    import constitution_rules.language.formatter  # noqa: F401

WORKDIR = Path(tempfile.mkdtemp(prefix="constitution-fuzz-"))


def test_one_input(data: bytes) -> None:
    # Inputs that parse also go through every verb and format of the CLI (main(), in-process).
    run_one(data, WORKDIR)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
