"""Damaged real specs: the tool answers every one with exit 0, 1 or 2 and a message, never a traceback.

The bulk runs in-process (the pipeline directly, and ``main()`` with its SystemExit caught); a few
cases run as real subprocesses in test_subprocess.py.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from constitution_rules.language.parser import parse_text

from .conftest import time_limit
from .mutations import excerpts, mutants, spec_texts, text_variants, token_mutants
from .pipeline import check_result, cli_argument_sets, invoke, run_core

CASE_SECONDS = 10


def cases(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
    )


def assert_clean_exit(result) -> None:  # type: ignore[no-untyped-def]
    check_result(result)


@cases(1200)
@given(mutants)
def test_pipeline_survives_mutants(data: bytes) -> None:
    with time_limit(CASE_SECONDS):
        run_core(data)


@cases(40)
@given(token_mutants(st.sampled_from(spec_texts())))
def test_pipeline_survives_mutated_whole_specs(data: bytes) -> None:
    with time_limit(CASE_SECONDS):
        run_core(data)


VERB_ARGS = [["fmt"], *cli_argument_sets()]


@cases(400)
@given(mutants, st.sampled_from(VERB_ARGS))
def test_cli_answers_mutants(tmp_path_factory: pytest.TempPathFactory, data: bytes, args: list[str]) -> None:
    path = tmp_path_factory.mktemp("m") / "draft.constitution"
    path.write_bytes(data)
    with time_limit(CASE_SECONDS):
        result = invoke([*args, str(path)])
    assert_clean_exit(result)
    if args == ["fmt"] and result.exit_code == 2:
        assert path.read_bytes() == data, "fmt changed a file it rejected"


@pytest.mark.parametrize("variant", sorted(text_variants("x")))
@pytest.mark.parametrize("spec", range(len(spec_texts())))
def test_encodings_and_layouts(tmp_path: Path, spec: int, variant: str) -> None:
    text = spec_texts()[spec]
    data = text_variants(text)[variant]
    with time_limit(CASE_SECONDS):
        model = run_core(data)
    if variant in ("bom", "crlf", "bom+crlf", "tabs", "no-final-newline", "trailing-spaces"):
        assert model is not None, variant
        assert model.meaning() == parse_text(text).meaning(), variant
    # A spec whose cp1251 bytes are still valid UTF-8 (all ASCII once letters cp1251 lacks, such as
    # German umlauts, are replaced) cannot be told from UTF-8: only the others must be rejected.
    if variant == "utf-16" or (variant == "cp1251" and not _valid_utf8(data)):
        assert model is None, "a file that is not UTF-8 must be rejected, not misread"
    path = tmp_path / "spec.constitution"
    path.write_bytes(data)
    for args in (["parse"], ["fmt", "--check"], ["graph", "--format", "dot"]):
        assert_clean_exit(invoke([*args, str(path)]))


def _valid_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_utf8_errors_point_at_the_byte(tmp_path: Path) -> None:
    path = tmp_path / "bad.constitution"
    path.write_bytes(b'constitution "X"\ninstitution A: executive\n# caf\xe9\n')
    result = invoke(["parse", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:6:" in result.stderr and "UTF-8" in result.stderr


HEADER = 'constitution "X"\ninstitution A: executive\ninstitution B: legislature, seats 10\n'
EXTREMES = {
    # The grammar nests only in article references and lists; push each to a depth no draft reaches.
    "deep-paragraphs": HEADER + "article 1" + "(1)" * 5000 + " {\n  A dissolves B.\n}\n",
    "many-conditions": HEADER + "article 1 {\n  A dissolves B" + ", with consent of B" * 3000 + ".\n}\n",
    "long-joint-sitting": HEADER + "institution C: legislature, joint-sitting-of A" + " and B" * 5000 + "\n",
    "long-line": HEADER + 'article 1 "' + "x" * 1_000_000 + '" {\n  A dissolves B.\n}\n',
    "long-comment": HEADER + "# " + "я" * 500_000 + "\n",
    "long-name": HEADER.replace("B:", "B" + "b" * 100_000 + ":") + "article 1 { A dissolves B. }\n",
    "many-errors": HEADER + "article 1 {\n" + "  A dissolvs B.\n" * 3000 + "}\n",
    "many-syntax-errors": HEADER + "article 1 {\n" + "  A dissolves B\n" * 3000 + "}\n",
    "unclosed-braces": HEADER + "article 1 {" * 20000,
    "closing-braces": HEADER + "}" * 20000,
    "unterminated-string": HEADER + 'article 1 "' + "x" * 100_000,
    "only-comments": "# a\n" * 10000,
    "empty": "",
    "whitespace": " \n\t\r\n" * 1000,
    "nul": HEADER + "\x00",
    "bidi": HEADER + 'institution C "\u202eevil\u202c": advisory\n',
}


@pytest.mark.parametrize("name", sorted(EXTREMES))
def test_extreme_shapes(tmp_path: Path, name: str) -> None:
    data = EXTREMES[name].encode("utf-8")
    with time_limit(30):
        run_core(data)
    path = tmp_path / "x.constitution"
    path.write_bytes(data)
    with time_limit(30):
        assert_clean_exit(invoke(["parse", str(path)]))


def test_every_excerpt_is_valid() -> None:
    """The mutation seeds are themselves valid, so mutants start one edit from a real file."""
    for text in itertools.islice(excerpts(), 0, None, 7):
        assert run_core(text.encode("utf-8")) is not None
