"""Seed corpus for the harness: the real specs, and each of their statements on its own."""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seeds() -> list[bytes]:
    out = []
    for spec in sorted((ROOT / "specs").rglob("*.constitution")):
        text = spec.read_text(encoding="utf-8")
        out.append(text.encode("utf-8"))
        header_end = text.find("\ninstitution ")
        header = text[: header_end + 1] if header_end > 0 else 'constitution "X"\n'
        institutions = "".join(line + "\n" for line in text.splitlines() if line.startswith("institution "))
        for block in re.findall(r"^article [^\n]*\{.*?^\}", text, flags=re.S | re.M)[:40]:
            out.append((header + institutions + block + "\n").encode("utf-8"))
    return out


def main(folder: str) -> None:
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for data in seeds():
        (target / hashlib.sha1(data).hexdigest()).write_bytes(data)
    print(f"wrote {len(seeds())} seeds to {target}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus")
