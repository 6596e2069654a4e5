"""The language server's latency and memory, measured over stdio as an editor sees them.

    python benchmarks/lsp.py                         # all three measures
    python benchmarks/lsp.py --skip-large            # without the 10,000-clause file (about a minute less)

1. Diagnostics after an edit of the largest spec in specs/: the time from sending didChange (one
   character added or removed at the end of a clause line, alternately) to receiving the
   publishDiagnostics of that version; median and 90th percentile of ``--edits`` edits.
   (Also, on the large file, a line break near the top: the worst case of the statement cache.)
2. The same on a 10,000-clause file (benchmarks/generate.py), against a floor taken in the same run
   on the same text: Lark's lexer alone (``list(parser.lex(text))``, as benchmarks/run.py's floor).
   Floor and server take turns, A B A B, ``--repeat`` times; each side's best is kept. Before each
   floor run the benchmark waits ``--settle`` seconds, so that the server's garbage collection after
   publishing does not run at the same time and slow the floor.
3. Memory: the server's resident set (VmRSS) after the first edit of the largest spec and after
   ``--memory-edits`` edits, each waited for (so each was analysed).

The machine's load average is printed with the figures: other work on it slows every number.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from generate import generate  # noqa: E402

from tests.lsp.client import LspClient, edit  # noqa: E402


def largest_spec() -> Path:
    return max(sorted((ROOT / "specs").rglob("*.constitution")), key=lambda p: p.stat().st_size)


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError("no VmRSS (Linux only)")


class Editing:
    """One open document and a clause line whose end is toggled: a space added, then removed."""

    def __init__(self, client: LspClient, path: Path, text: str) -> None:
        self.client = client
        self.uri = path.resolve().as_uri()
        self.version = 1
        lines = text.split("\n")
        self.line = next(i for i, line in enumerate(lines) if line.startswith("  ") and line.rstrip().endswith("."))
        self.end = len(lines[self.line])
        self.added = False
        self.added_line = False
        client.open(self.uri, text)
        client.wait_diagnostics(self.uri, 1, timeout=600)

    def edit(self, at_top: bool = False) -> float:
        """One edit (``at_top``: a line break added or removed after the header, which moves every
        statement below it); seconds until its diagnostics arrived."""
        self.version += 1
        if at_top:
            change = edit(1, 0, 2, 0, "") if self.added_line else edit(1, 0, 1, 0, "\n")
            self.added_line = not self.added_line
            sent = self.client.change(self.uri, self.version, [change])
            _, received = self.client.wait_published(self.uri, self.version, timeout=600)
            return received - sent
        change = (
            edit(self.line, self.end, self.line, self.end + 1, "")
            if self.added
            else edit(self.line, self.end, self.line, self.end, " ")
        )
        self.added = not self.added
        sent = self.client.change(self.uri, self.version, [change])
        _, received = self.client.wait_published(self.uri, self.version, timeout=600)
        return received - sent


def lexer_floor(text: str) -> float:
    from constitution_rules.language.grammar import build_parser

    parser = build_parser()
    start = time.perf_counter()
    for _ in parser.lex(text):
        pass
    return time.perf_counter() - start


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    options.add_argument("--edits", type=int, default=41)
    options.add_argument("--memory-edits", type=int, default=1000)
    options.add_argument("--clauses", type=int, default=10_000)
    options.add_argument("--repeat", type=int, default=3)
    options.add_argument("--skip-large", action="store_true")
    options.add_argument("--settle", type=float, default=5.0, help="seconds of quiet before each floor run")
    args = options.parse_args()

    print(
        f"machine: {platform.machine()} {platform.system()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    spec = largest_spec()
    text = spec.read_text(encoding="utf-8")
    folder = Path(os.environ.get("TMPDIR", "/tmp")) / f"constitution-rules-lsp-bench-{os.getpid()}"
    folder.mkdir(parents=True, exist_ok=True)

    client = LspClient(cwd=ROOT)
    client.initialize(ROOT)
    try:
        document = Editing(client, spec, text)
        first = [document.edit()]
        memory_first = rss_kib(client.process.pid)
        latencies = first + [document.edit() for _ in range(args.edits - 1)]
        median = statistics.median(latencies) * 1000
        p90 = sorted(latencies)[int(0.9 * (len(latencies) - 1))] * 1000
        print(
            f"\n1. diagnostics after an edit of {spec.relative_to(ROOT)} ({len(text):,} bytes), {len(latencies)} edits:"
        )
        print(
            f"   median {median:.1f} ms, p90 {p90:.1f} ms, best {min(latencies) * 1000:.1f} ms (target: median <= 100)"
        )
        for _ in range(args.memory_edits - len(latencies)):
            document.edit()
        memory_last = rss_kib(client.process.pid)
        print(
            f"\n3. memory (VmRSS) after the first edit: {memory_first / 1024:.1f} MiB; "
            f"after {args.memory_edits} edits: "
            f"{memory_last / 1024:.1f} MiB; ratio {memory_last / memory_first:.2f}x (target <= 1.5x)"
        )
    finally:
        client.shutdown()

    if args.skip_large:
        return
    large = folder / f"synthetic-{args.clauses}.constitution"
    large_text = generate(args.clauses)
    large.write_text(large_text, encoding="utf-8")
    client = LspClient(cwd=ROOT)
    client.initialize(ROOT)
    try:
        document = Editing(client, large, large_text)
        floors, subjects, moved = [], [], []
        for _ in range(args.repeat):
            time.sleep(args.settle)  # the server collects garbage after publishing: let it finish first
            floors.append(lexer_floor(large_text))
            subjects.append(document.edit())
            time.sleep(args.settle)
            moved.append(document.edit(at_top=True))
        floor, subject = min(floors), min(subjects)
        print(f"\n2. {args.clauses:,}-clause file ({len(large_text):,} bytes), A B A B x {args.repeat}, best of each:")
        print(
            f"   lexer alone {floor * 1000:.0f} ms; diagnostics after an edit {subject * 1000:.0f} ms; "
            f"ratio {subject / floor:.2f}x (target <= 5x)"
        )
        print(
            f"   all runs (ms): floor {[round(f * 1000) for f in floors]}, server {[round(s * 1000) for s in subjects]}"
        )
        print(
            f"   a line break added or removed near the top (every statement moves): best {min(moved) * 1000:.0f} ms, "
            f"{min(moved) / floor:.2f}x the floor; runs (ms) {[round(m * 1000) for m in moved]}"
        )
    finally:
        client.shutdown()
        large.unlink(missing_ok=True)
        folder.rmdir()
    print(f"\nload average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
