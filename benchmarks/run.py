"""Time every stage of the pipeline on synthetic constitutions and fit how each one scales.

    python benchmarks/run.py                     # 10 .. 100,000 clauses (several minutes)
    python benchmarks/run.py --sizes 100 1000    # a quick look
    python benchmarks/run.py --json results.json

Each stage is reported against floors measured in the same run on the same text: Lark's lexer
alone (``parser.lex(text)``) for the language stages, and ``python -c "import lark, networkx,
pydantic, click"`` for start-up. Times are the best of ``--repeat`` runs (wall clock); peak memory
is measured separately with tracemalloc. The exponent k of each stage is the least-squares slope
of log(time) against log(clauses) from 1,000 clauses up (time ~ clauses**k; 1.0 is linear).
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from generate import SIZES, generate  # noqa: E402

from constitution_rules.graph import build_graph  # noqa: E402
from constitution_rules.language.formatter import format_model  # noqa: E402
from constitution_rules.language.grammar import build_parser  # noqa: E402
from constitution_rules.language.semantics import Resolver  # noqa: E402
from constitution_rules.language.transformer import ToRaw  # noqa: E402

LINEAR_LIMIT = 1.15
STAGE_BUDGET_S = 120.0  # a stage slower than this at one size is not run at the next


def best_of(repeat: int, fn: Callable[[], Any]) -> tuple[float, Any]:
    best, result = math.inf, None
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def invoke_cli(args: list[str]) -> int:
    """Run a verb in-process with its output discarded; returns the exit code."""
    from constitution_rules.cli import main

    saved = sys.stdout
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - restored below
    try:
        main(args)
        return 0
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.stdout.close()
        sys.stdout = saved


def cli_formats(verb: str) -> list[str]:
    import click

    from constitution_rules.cli import cli

    command = cli.get_command(click.Context(cli), verb)
    for param in getattr(command, "params", []):
        if "--format" in getattr(param, "opts", ()) and isinstance(param.type, click.Choice):
            return [str(c) for c in param.type.choices]
    return []


def run_rules(model: Any) -> float:
    """All rules in one context, as ``check`` runs them: the first rule that needs the shared
    clause index, control closures and metrics builds them (kept with the model)."""
    from constitution_rules.rules.registry import RuleContext, all_rules

    rules = all_rules()
    context = RuleContext(constitution=model)
    start = time.perf_counter()
    for rule in rules:
        rule.run(context)
    return time.perf_counter() - start


def shared_rule_data(model: Any) -> None:
    """What the rules share, built from scratch: clause index, control and dependence closures, metrics."""
    from constitution_rules.metrics import compute_metrics
    from constitution_rules.rules import queries

    index = queries.Index.of(model)
    queries.dependence_closure(index)
    compute_metrics(model, index=index)


def run_rules_each(model: Any) -> dict[str, float]:
    """Each rule alone, on the shared data already built (so a rule's time is its own work)."""
    from constitution_rules.rules.registry import RuleContext, all_rules

    times = {}
    for rule in all_rules():
        context = RuleContext(constitution=model)
        start = time.perf_counter()
        rule.run(context)
        times[f"rule {rule.code}"] = time.perf_counter() - start
    return times


def measure_size(clauses: int, repeat: int, skip: set[str], folder: Path, every_format: bool) -> dict[str, Any]:
    text = generate(clauses)
    path = folder / f"synthetic-{clauses}.constitution"
    path.write_text(text, encoding="utf-8")
    parser = build_parser()
    row: dict[str, Any] = {"clauses": clauses, "bytes": len(text.encode("utf-8")), "times": {}}
    times = row["times"]

    times["floor: lex only"], _ = best_of(repeat, lambda: sum(1 for _ in parser.lex(text)))
    times["parse (Lark tree)"], tree = best_of(repeat, lambda: parser.parse(text))
    times["model: tree -> raw"], raw = best_of(repeat, lambda: ToRaw().transform(tree))
    tree = None  # let the parse tree go before the model is timed, as the CLI does
    times["model: checks + pydantic"], model = best_of(repeat, lambda: Resolver(raw, text, str(path)).resolve())
    raw = None
    times["graph (not needed by check)"], _ = best_of(repeat, lambda: build_graph(model))
    if "fmt" not in skip:
        times["fmt (format_model)"], _ = best_of(repeat, lambda: format_model(model, text))
    if "rules" not in skip:
        times["all rules (one context, as check)"] = run_rules(model)  # first: builds the shared data
        times["rules: shared index + closures + metrics"], _ = best_of(repeat, lambda: shared_rule_data(model))
        times.update(run_rules_each(model))
    for verb in ("check", "graph"):
        for fmt in cli_formats(verb):
            name = f"{verb} --format {fmt} (end to end)"
            if name in skip or (not every_format and (verb, fmt) != ("check", "json")):
                continue
            elapsed, code = best_of(1, lambda v=verb, f=fmt: invoke_cli([v, "--format", f, str(path)]))
            if code == 2:  # a format with a documented size limit (Mermaid) refuses; not timed beyond it
                row.setdefault("refused", []).append(name)
                skip.add(name)
                continue
            times[name] = elapsed
    for name, value in times.items():
        if value > STAGE_BUDGET_S:
            skip.add(name)
            if name.startswith("rule") or name.startswith("all rules"):
                skip.add("rules")
            if name.startswith("fmt"):
                skip.add("fmt")
    return row


def peak_memory(clauses: int, folder: Path) -> dict[str, float]:
    """Peak traced memory (MB) of Lark's parse alone, and of the whole check pipeline."""
    from constitution_rules.cli import main

    text = generate(clauses)
    path = folder / f"synthetic-{clauses}.constitution"
    path.write_text(text, encoding="utf-8")
    parser = build_parser()
    out = {}
    gc.collect()
    tracemalloc.start()
    tree = parser.parse(text)
    out["lark parse alone"] = tracemalloc.get_traced_memory()[1] / 1e6
    del tree
    tracemalloc.stop()
    gc.collect()
    tracemalloc.start()
    saved = sys.stdout
    sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    try:
        main(["check", "--format", "text", str(path)])
    except SystemExit:
        pass
    finally:
        sys.stdout.close()
        sys.stdout = saved
    out["check (whole pipeline)"] = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return out


def startup(repeat: int) -> dict[str, float]:
    """End-to-end wall time of a fresh process: the import floor, and `check` on the largest real spec.

    The commands take turns, ``repeat`` rounds, and the best of each is kept, so that load from
    other processes affects the floor and the commands alike."""
    largest = max((ROOT / "specs").rglob("*.constitution"), key=lambda p: p.stat().st_size)
    floor = "import lark, networkx, pydantic, click"
    commands = {
        f"floor: {floor}": [sys.executable, "-c", floor],
        f"check {largest.relative_to(ROOT)}": [sys.executable, str(ROOT / "cli.py"), "check", str(largest)],
        f"parse {largest.relative_to(ROOT)}": [sys.executable, str(ROOT / "cli.py"), "parse", str(largest)],
    }
    for command in commands.values():  # warm the grammar cache, the bytecode and the OS file cache
        subprocess.run(command, capture_output=True, check=False)
    best = dict.fromkeys(commands, math.inf)
    for _ in range(repeat):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            best[name] = min(best[name], time.perf_counter() - start)
    return best


def exponent(points: list[tuple[int, float]]) -> float | None:
    pts = [(math.log(n), math.log(t)) for n, t in points if n >= 1000 and t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def report(rows: list[dict[str, Any]], memory: dict[str, float], start: dict[str, float]) -> str:
    stages = list(dict.fromkeys(name for row in rows for name in row["times"]))
    sizes = [row["clauses"] for row in rows]
    lines = ["| stage | " + " | ".join(f"{n:,}" for n in sizes) + " | exponent | x lex floor at max |"]
    lines.append("|" + "---|" * (len(sizes) + 3))
    floor = {row["clauses"]: row["times"]["floor: lex only"] for row in rows}
    for stage in stages:
        points = [(row["clauses"], row["times"][stage]) for row in rows if stage in row["times"]]
        k = exponent(points)
        cells = [f"{row['times'][stage] * 1000:.1f}" if stage in row["times"] else "-" for row in rows]
        top_n, top_t = points[-1]
        ratio = top_t / floor[top_n] if floor[top_n] else float("nan")
        flag = " **over**" if k is not None and k > LINEAR_LIMIT else ""
        k_text = f"{k:.2f}{flag}" if k is not None else "-"
        lines.append(f"| {stage} | " + " | ".join(cells) + f" | {k_text} | {ratio:.1f}x |")
    lines.append("")
    sizes_text = ", ".join(f"{r['clauses']:,}: {r['bytes']:,}" for r in rows)
    lines.append("Times in milliseconds; bytes per size: " + sizes_text)
    lines.append("")
    for name, value in memory.items():
        lines.append(f"- peak memory, {name}: {value:.1f} MB")
    if len(memory) == 2:
        a, b = memory.values()
        lines.append(f"- ratio check / Lark parse: {b / a:.2f}x (target <= 2x)")
    lines.append("")
    for name, value in start.items():
        lines.append(f"- start-up, {name}: {value * 1000:.0f} ms")
    values = list(start.values())
    if len(values) >= 2:
        lines.append(f"- ratio check / import floor: {values[1] / values[0]:.2f}x (target <= 1.3x)")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--memory-size", type=int, default=10_000)
    parser.add_argument("--json", type=Path)
    parser.add_argument("--only-check", action="store_true", help="end to end, time only check --format json")
    parser.add_argument("--startup-repeat", type=int, default=10)
    parser.add_argument("--skip-fmt", action="store_true", help="do not time format_model (quadratic today)")
    args = parser.parse_args()
    skip: set[str] = {"fmt"} if args.skip_fmt else set()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for clauses in args.sizes:
            print(f"... {clauses:,} clauses", file=sys.stderr, flush=True)
            repeat = args.repeat if clauses < 100_000 else 1
            rows.append(measure_size(clauses, repeat, skip, folder, not args.only_check))
        memory = peak_memory(args.memory_size, folder)
    start = startup(args.startup_repeat)
    print(
        f"machine: {platform.platform()}, {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(report(rows, memory, start))
    if args.json:
        args.json.write_text(json.dumps({"rows": rows, "memory": memory, "startup": start}, indent=2))


if __name__ == "__main__":
    main()
