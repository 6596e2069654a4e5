"""Random configuration files, baselines and amendment headers driven through the verbs: whatever
they hold, the answer is a result or a located message, never an internal error."""

from __future__ import annotations

import json
import re
import shutil

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import SPECS
from tests.robustness.conftest import time_limit
from tests.robustness.pipeline import check_result, invoke

SPEC = SPECS / "kazakhstan" / "2022.constitution"
KEYS = [
    "select", "extend-select", "ignore", "severity", "fail-on", "independent-kinds", "thresholds",
    "weights", "exclude", "extend-exclude", "selec", "",
]  # fmt: skip
SCALARS = st.one_of(
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.booleans(),
    st.text(max_size=12),
    st.sampled_from(["CB1", "CB101", "ALL", "error", "never", "judiciary", "selection", "max_share", "nan"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(
            st.sampled_from(["CB101", "CB201", "selection", "max_share", "exempt_kinds", "x"]), inner, max_size=3
        )
    ),
    max_leaves=6,
)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return (
            "nan"
            if value != value
            else ("inf" if value == float("inf") else "-inf" if value == float("-inf") else repr(value))
        )
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)} = {_toml_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def _answered(result) -> None:  # type: ignore[no-untyped-def]
    """A result, or a located message: not an internal error, nor a rule that crashed on a value."""
    check_result(result)
    assert not re.search(r"rule [A-Z]+\d+ \([a-z-]+\) failed", result.stderr), result.stderr


def _settings(n: int) -> settings:
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )


CONFIGS = st.fixed_dictionaries(
    {},
    optional={
        "weights": st.dictionaries(
            st.sampled_from(["selection", "removal", "oversight", "bogus"]), SCALARS, max_size=3
        ),
        "thresholds": st.dictionaries(
            st.sampled_from(["CB101", "CB112", "CB201", "unchecked-power-share", "x"]),
            st.dictionaries(
                st.sampled_from(["max_share", "exempt_kinds", "min_institutions", "zz"]), VALUES, max_size=2
            ),
            max_size=2,
        ),
        **{key: VALUES for key in KEYS if key not in ("weights", "thresholds")},
    },
)


@_settings(80)
@given(CONFIGS, st.sampled_from(["check", "metrics", "graph"]))
@example({"weights": {"selection": float("nan")}}, "check")
@example({"weights": {"selection": 1e308, "removal": 1e308}}, "metrics")
@example({"thresholds": {"CB201": {"exempt_kinds": [["x"]]}}}, "check")
def test_random_configs_never_cause_an_internal_error(tmp_path_factory, table: dict, verb: str) -> None:
    folder = tmp_path_factory.mktemp("cfg")
    shutil.copy(SPEC, folder / "k.constitution")
    text = "".join(f"{json.dumps(key)} = {_toml_value(value)}\n" for key, value in table.items())
    (folder / "constitution-rules.toml").write_text(text, encoding="utf-8")
    with time_limit(30):
        _answered(invoke([verb, str(folder / "k.constitution")]))


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.sampled_from(["file", "key", "findings", "schema_version", "x"]), inner, max_size=3)
    ),
    max_leaves=8,
)


@_settings(60)
@given(JSON_VALUES)
def test_random_baselines_never_cause_an_internal_error(tmp_path_factory, data: object) -> None:
    folder = tmp_path_factory.mktemp("base")
    baseline = folder / "baseline.json"
    baseline.write_text(json.dumps(data), encoding="utf-8")
    with time_limit(30):
        _answered(invoke(["check", str(SPEC), "--baseline", str(baseline)]))


FIELDS = st.sampled_from([
    'amends "../k.constitution"', 'amends "/etc/passwd"', 'amends "k"', 'amends version "x"', "date 2024-13-45",
    "status adopted", "status maybe", 'proposer ""', "in-force 2024-01-01", 'source "\x00"',
])  # fmt: skip
OPERATIONS = st.sampled_from([
    "repeal article 44(3)", "repeal article 999", 'insert article 999 {\n  President issues decrees.\n}',
    "in article 44(3) {\n  repeal President dismisses PrimeMinister at will.\n}", "rename institution President to Head",
    "repeal institution Senate", "renumber article 44(3) as 44(3)", 'set version "v"', "set as-of 2024-02-30",
])  # fmt: skip


@_settings(60)
@given(st.lists(FIELDS, max_size=4), st.lists(OPERATIONS, max_size=4), st.sampled_from(["diff", "apply", "compare"]))
def test_random_amendments_never_cause_an_internal_error(
    tmp_path_factory, fields: list, operations: list, verb: str
) -> None:
    folder = tmp_path_factory.mktemp("amend")
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    shutil.copy(SPEC, folder / "k.constitution")
    (folder / "amendments").mkdir()
    amendment = folder / "amendments" / "a.amendment"
    amendment.write_text(
        'amendment "A"\n' + "".join(f"  {f}\n" for f in fields) + "\n" + "\n".join(operations) + "\n", encoding="utf-8"
    )
    args = {"diff": ["diff", str(amendment)], "apply": ["apply", str(folder / "k.constitution"), str(amendment)],
            "compare": ["compare", str(folder / "k.constitution"), str(amendment)]}[verb]  # fmt: skip
    with time_limit(30):
        _answered(invoke(args))
