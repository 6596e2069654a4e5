"""Same input, same bytes: in every format, across runs and across Python hash seeds; and the
findings do not depend on the order of declarations or articles in the source."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from constitution_rules.cli import COMMANDS

from .pipeline import check_result, corpus_argument_sets, invoke

ROOT = Path(__file__).resolve().parents[2]
SPECS = ROOT / "specs"
SEEDS = ("0", "1", "12345")

DRIVER = textwrap.dedent(
    """
    import hashlib, json, os, sys
    sys.path[:0] = [{root!r}, {tests!r}]
    os.chdir({root!r})
    from pathlib import Path
    from robustness.pipeline import corpus_argument_sets, invoke
    digests = {{}}
    for args in corpus_argument_sets(Path("specs")):
        result = invoke(args)
        digests[" ".join(args)] = [result.exit_code, hashlib.sha256(result.stdout.encode()).hexdigest()]
    print(json.dumps(digests, sort_keys=True))
    """
)


def digests_in_process() -> dict[str, list[Any]]:
    out = {}
    for args in corpus_argument_sets(Path("specs")):
        result = check_result(invoke(args))
        out[" ".join(args)] = [result.exit_code, hashlib.sha256(result.stdout.encode()).hexdigest()]
    return out


@pytest.mark.slow  # a process per hash seed and format
def test_every_format_is_byte_identical_across_hash_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    script = DRIVER.format(root=str(ROOT), tests=str(ROOT / "tests"))
    processes = {
        seed: subprocess.Popen(
            [sys.executable, "-c", script],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        for seed in SEEDS
    }
    runs = {}
    for seed, process in processes.items():
        stdout, stderr = process.communicate(timeout=600)
        assert process.returncode == 0, stderr
        runs[seed] = json.loads(stdout)
    monkeypatch.chdir(ROOT)
    reference = digests_in_process()
    assert len(reference) > 20
    for seed, digests in runs.items():
        differing = sorted(k for k in reference if digests.get(k) != reference[k])
        assert not differing, f"PYTHONHASHSEED={seed} changes the output of: {differing}"


# ---- reordering the source -------------------------------------------------------------------

_STATEMENT = re.compile(r"^(institution|article)\b")


def split_statements(text: str) -> tuple[str, list[str], list[str]]:
    """Header, institution statements and article blocks; comments go with the statement after them
    (comments after the last statement go with it)."""
    header: list[str] = []
    chunks: list[tuple[str, list[str]]] = []
    pending: list[str] = []
    in_article = False
    for line in text.splitlines(keepends=True):
        if in_article:
            chunks[-1][1].append(line)
            in_article = line.rstrip() != "}"
        elif match := _STATEMENT.match(line):
            chunks.append((match.group(1), [*pending, line]))
            pending = []
            in_article = match.group(1) == "article" and not line.rstrip().endswith("}")
        elif chunks:
            pending.append(line)
        else:
            header.append(line)
    if chunks:
        chunks[-1][1].extend(pending)
    institutions = ["".join(lines) for kind, lines in chunks if kind == "institution"]
    articles = ["".join(lines) for kind, lines in chunks if kind == "article"]
    return "".join(header), institutions, articles


def findings_without_locations(text: str, folder: Path, name: str) -> tuple[int, list[str]]:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    result = check_result(invoke(["check", "--format", "json", str(path)]))
    report = json.loads(result.stdout)
    findings = [f for entry in report["files"] for f in entry["findings"]]
    return result.exit_code, sorted(json.dumps(strip_locations(f), sort_keys=True) for f in findings)


def strip_locations(value: Any) -> Any:
    """A finding without where it is: locations go, and evidence is compared as a set (it is listed
    in source order, which is a matter of location), the message as a multiset of words."""
    if isinstance(value, dict):
        out = {k: strip_locations(v) for k, v in value.items() if k not in ("location", "line", "column", "file")}
        if isinstance(out.get("message"), str):
            # Names in a message are listed in declaration order, which is a matter of position too.
            out["message"] = sorted(re.findall(r"\w+", out["message"]))
        if isinstance(out.get("evidence"), list):
            out["evidence"] = sorted(out["evidence"], key=lambda e: json.dumps(e, sort_keys=True))
        return out
    if isinstance(value, list):
        return [strip_locations(v) for v in value]
    return value


@pytest.mark.skipif("check" not in COMMANDS, reason="the check command does not exist yet")
@pytest.mark.parametrize("spec", sorted(p.name for p in (SPECS / "kazakhstan").glob("*.constitution")))
def test_reordering_changes_locations_not_findings(tmp_path: Path, spec: str) -> None:
    text = (SPECS / "kazakhstan" / spec).read_text(encoding="utf-8")
    header, institutions, articles = split_statements(text)
    assert institutions and articles
    shuffled = random.Random(spec)
    orders = {
        "reversed": header + "".join(reversed(institutions)) + "".join(reversed(articles)),
        "articles-first": header + "".join(articles) + "".join(institutions),
        "shuffled": header + "".join(shuffled.sample(institutions + articles, len(institutions + articles))),
    }
    code, expected = findings_without_locations(text, tmp_path, spec)
    assert expected, "the spec has findings, so the comparison means something"
    for name, reordered in orders.items():
        assert reordered != text
        got_code, got = findings_without_locations(reordered, tmp_path, spec)
        assert (got_code, got) == (code, expected), f"reordering ({name}) changed the findings"
