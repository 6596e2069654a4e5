"""``watch``: the first look lists the findings; each save reports new and resolved ones."""

from __future__ import annotations

from pathlib import Path

from constitution_rules.cli.watch import watch_loop
from tests.cli.conftest import invoke

DRAFT = """\
constitution "Testland"
institution President: executive, head-of-state
institution Prosecutor: prosecution
article 1 {
  President appoints Prosecutor.
  President dismisses Prosecutor at will.
}
"""


def run_with_saves(paths: list[str], saves: dict[int, tuple[Path, str | None]], polls: int) -> list[str]:
    """Run the loop for ``polls`` looks; before look N (from 2), ``saves[N]`` writes (or deletes) a file."""
    out: list[str] = []
    look = [1]

    def sleep(_seconds: float) -> None:
        look[0] += 1
        if look[0] in saves:
            path, text = saves[look[0]]
            if text is None:
                path.unlink()
            else:
                path.write_text(text, encoding="utf-8")

    watch_loop(paths, 0.01, polls, echo=out.append, sleep=sleep)
    return "\n".join(out).splitlines()


def reports(lines: list[str]) -> list[list[str]]:
    """The output cut into one block per file report (a head line, then indented lines)."""
    blocks: list[list[str]] = []
    for line in lines[1:]:
        if line.startswith("  "):
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def test_reports_new_and_resolved_findings(tmp_path: Path):
    draft = tmp_path / "draft.constitution"
    draft.write_text(DRAFT, encoding="utf-8")
    fixed = DRAFT.replace("at will", 'for cause "misconduct"')
    broken = DRAFT.replace("executive,", "executiv,")
    new_file = tmp_path / "new.constitution"
    lines = run_with_saves(
        [str(tmp_path)],
        {2: (draft, fixed), 4: (draft, broken), 5: (draft, fixed), 6: (new_file, DRAFT)},
        polls=7,
    )
    assert lines[0] == "watching 1 file (every 0.01 s; Ctrl-C to stop)"
    first, saved, failed, repaired, added = reports(lines)
    assert first[0] == f"{draft}: 4 findings (3 errors, 1 warning)"  # CB112 (error) replaced CB101
    assert (
        f"  {draft}:5:3: CB103 [error] President appoints and may dismiss Prosecutor at will; Prosecutor should be independent"
        in first
    )
    assert saved[0] == f"{draft}: 2 findings (1 error, 1 warning)"
    assert [line[:14] for line in saved[1:]] == ["  - resolved: "] * 2
    assert saved[1].startswith(f"  - resolved: {draft}:5:3: CB103 [error]")
    assert failed == [
        f"{draft}: 1 error (not checked)",
        f"  ! {draft}:2:24: error: unknown institution kind 'executiv'",
    ]
    # fixed again: compared with the last clean check (the one before the errors), nothing changed
    assert repaired == [f"{draft}: 2 findings (1 error, 1 warning)", "  errors fixed", "  no change in findings"]
    assert added[0] == f"{new_file}: 4 findings (3 errors, 1 warning)"


def test_an_unchanged_file_is_not_checked_again(tmp_path: Path):
    draft = tmp_path / "draft.constitution"
    draft.write_text(DRAFT, encoding="utf-8")
    lines = run_with_saves([str(draft)], {}, polls=3)
    assert sum(1 for line in lines if line.startswith(str(draft))) == 1


def test_a_save_that_changes_no_finding_says_so(tmp_path: Path):
    draft = tmp_path / "draft.constitution"
    draft.write_text(DRAFT, encoding="utf-8")
    lines = run_with_saves([str(draft)], {2: (draft, DRAFT + "# a note\n")}, polls=2)
    assert lines[-1] == "  no change in findings"


def test_a_deleted_file_is_reported(tmp_path: Path):
    draft = tmp_path / "draft.constitution"
    draft.write_text(DRAFT, encoding="utf-8")
    lines = run_with_saves([str(tmp_path)], {2: (draft, None)}, polls=2)
    assert lines[-1] == f"{draft}: removed"


def test_watch_command_with_bounded_polls(tmp_path: Path):
    draft = tmp_path / "draft.constitution"
    draft.write_text(DRAFT, encoding="utf-8")
    run = invoke("watch", str(draft), "--polls", "2", "--interval", "0.05")
    assert run.code == 0
    assert run.stdout.startswith("watching 1 file") and "CB103" in run.stdout


def test_an_amendment_is_checked_again_when_its_base_is_saved(tmp_path: Path):
    (tmp_path / "pyproject.toml").write_text("", encoding="utf-8")
    base = tmp_path / "base.constitution"
    base.write_text(DRAFT.replace("  President dismisses Prosecutor at will.\n", ""), encoding="utf-8")
    amendment = tmp_path / "reform.amendment"
    amendment.write_text(
        'amendment "Reform"\n  amends "base.constitution"\n\nin article 1 {\n'
        "  insert President dismisses Prosecutor at will.\n}\n",
        encoding="utf-8",
    )
    # the base no longer lets the President appoint the Prosecutor: the amendment's CB103 is gone
    without_appointment = base.read_text(encoding="utf-8").replace("  President appoints Prosecutor.\n", "")
    lines = run_with_saves([str(tmp_path)], {2: (base, without_appointment)}, polls=2)
    first = next(block for block in reports(lines) if block[0].startswith(str(amendment)))
    assert any("CB103" in line for line in first)
    last = reports(lines)[-1]
    assert last[0].startswith(f"{amendment}: ")
    assert any(line.startswith("  - resolved: ") and "CB103" in line for line in last)
