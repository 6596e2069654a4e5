"""``constitution-rules lsp`` over stdio, spoken to as an editor does (tests/lsp/client.py).

One server for the module: initialise, open, diagnostics, incremental edits, hover, definition,
references, symbols, completion, formatting, code actions, bad input, an amendment against its
base, and a clean shutdown.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.lsp.client import LspClient, edit

pytest.importorskip("pygls", reason="the lsp extra is not installed (pip install -e '.[test]')")

DRAFT = """\
constitution "Testland"

institution President: executive, head-of-state
institution Senate: legislature, seats 50
institution Prosecutor: prosecution

article 1 {
  President appoints Prosecutor.
  President dismisses Prosecutor at will.
}
"""
BASE = """\
constitution "Testland"
  version "1"

institution President: executive, head-of-state
institution Senate: legislature, seats 50
institution Court: judiciary

article 1 {
  Senate adopts laws.
}

article 2 {
  President appoints Court with consent of Senate.
}
"""
AMENDMENT = """\
amendment "Reform"
  amends "base.constitution"

in article 2 {
  insert President dismisses Court at will.
}
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("lsp")
    (folder / "pyproject.toml").write_text('[project]\nname = "drafts"\n', encoding="utf-8")
    (folder / "draft.constitution").write_text(DRAFT, encoding="utf-8")
    (folder / "base.constitution").write_text(BASE, encoding="utf-8")
    (folder / "reform.amendment").write_text(AMENDMENT, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def client(workspace: Path) -> Iterator[LspClient]:
    lsp = LspClient(cwd=workspace)
    result = lsp.initialize(workspace)
    capabilities = result["capabilities"]
    assert capabilities["textDocumentSync"]["change"] == 2  # incremental
    for feature in ("hoverProvider", "definitionProvider", "referencesProvider", "documentFormattingProvider"):
        assert capabilities[feature], feature
    assert "completionProvider" in capabilities and "codeActionProvider" in capabilities
    yield lsp
    lsp.close()


@pytest.fixture(scope="module")
def draft(client: LspClient, workspace: Path) -> str:
    uri = (workspace / "draft.constitution").as_uri()
    client.open(uri, DRAFT)
    return uri


def codes(diagnostics: list[dict]) -> list[str]:
    return sorted(d.get("code", "") for d in diagnostics)


def at(line: int, character: int) -> dict:
    return {"line": line, "character": character}


def test_diagnostics_on_open_carry_code_link_and_evidence(client: LspClient, draft: str):
    diagnostics = client.wait_diagnostics(draft, 1)
    cb103 = next(d for d in diagnostics if d.get("code") == "CB103")
    assert cb103["severity"] == 1 and cb103["source"] == "constitution-rules"
    assert cb103["range"]["start"] == at(7, 2)  # the appointment clause
    assert cb103["codeDescription"]["href"].endswith("rules.md#cb103-appoint-and-dismiss-at-will")
    related = cb103["relatedInformation"]
    assert [r["location"]["range"]["start"]["line"] for r in related] == [7, 8]
    assert related[0]["message"] == "Art. 1 President appoints Prosecutor"


def test_incremental_edits_update_diagnostics(client: LspClient, draft: str):
    # "at will" -> "for cause": CB103 goes away
    client.change(draft, 2, [edit(8, 33, 8, 40, 'for cause "misconduct"')])
    assert "CB103" not in codes(client.wait_diagnostics(draft, 2))
    # a misspelt kind: a located error with its did-you-mean
    client.change(draft, 3, [edit(2, 23, 2, 32, "executiv")])
    (error,) = client.wait_diagnostics(draft, 3)
    assert error["range"] == {"start": at(2, 23), "end": at(2, 31)}
    assert error["message"] == "unknown institution kind 'executiv'\ndid you mean 'executive'?"
    assert error["severity"] == 1


def test_did_you_mean_quick_fix(client: LspClient, draft: str):
    (error,) = client.wait_diagnostics(draft, 3)
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": draft}, "range": error["range"], "context": {"diagnostics": [error]}},
    )
    (fix,) = actions
    assert fix["title"] == "Change to 'executive'" and fix["isPreferred"]
    (change,) = fix["edit"]["changes"][draft]
    assert change == {"range": error["range"], "newText": "executive"}
    client.change(draft, 4, [{"range": change["range"], "text": change["newText"]}])
    assert "CB103" not in codes(client.wait_diagnostics(draft, 4))


def test_hover_on_institution_verb_and_code(client: LspClient, draft: str):
    hover = client.request("textDocument/hover", {"textDocument": {"uri": draft}, "position": at(7, 4)})
    value = hover["contents"]["value"]
    assert value.startswith("**President** (institution)")
    assert "institution President: executive, head-of-state" in value
    assert "**Art. 1**: `President appoints Prosecutor`" in value
    verb = client.request("textDocument/hover", {"textDocument": {"uri": draft}, "position": at(7, 14)})
    assert verb["contents"]["value"].startswith("**appoints** (verb, selection)")
    assert verb["range"] == {"start": at(7, 12), "end": at(7, 20)}


def test_definition_and_references(client: LspClient, draft: str):
    found = client.request("textDocument/definition", {"textDocument": {"uri": draft}, "position": at(7, 24)})
    assert found == [{"uri": draft, "range": {"start": at(4, 12), "end": at(4, 22)}}]
    refs = client.request(
        "textDocument/references",
        {"textDocument": {"uri": draft}, "position": at(4, 14), "context": {"includeDeclaration": True}},
    )
    assert sorted(r["range"]["start"]["line"] for r in refs) == [4, 7, 8]


def test_document_symbols_outline(client: LspClient, draft: str):
    symbols = client.request("textDocument/documentSymbol", {"textDocument": {"uri": draft}})
    assert [s["name"] for s in symbols] == ["President", "Senate", "Prosecutor", "article 1"]
    children = [c["name"] for c in symbols[3]["children"]]
    assert children == ["President appoints Prosecutor", 'President dismisses Prosecutor for cause "misconduct"']


def test_completion_after_actor_and_waive(client: LspClient, draft: str):
    client.change(draft, 5, [edit(9, 0, 9, 0, "  Senate \n")])
    items = client.request("textDocument/completion", {"textDocument": {"uri": draft}, "position": at(9, 9)})
    labels = [i["label"] for i in items["items"]]
    assert "appoints" in labels and "votes no confidence in" in labels and "President" not in labels
    client.change(draft, 6, [edit(9, 9, 9, 9, "adopts ")])
    targets = [
        i["label"]
        for i in client.request("textDocument/completion", {"textDocument": {"uri": draft}, "position": at(9, 16)})[
            "items"
        ]
    ]
    assert "laws" in targets and "budget" in targets and "President" not in targets
    client.change(draft, 7, [edit(9, 16, 9, 16, "laws waive ")])
    codes_ = [
        i["label"]
        for i in client.request("textDocument/completion", {"textDocument": {"uri": draft}, "position": at(9, 27)})[
            "items"
        ]
    ]
    assert "CB103" in codes_ and "CB900" in codes_
    client.change(draft, 8, [edit(9, 0, 10, 0, "")])  # remove the line again
    client.wait_diagnostics(draft, 8)


def test_formatting_returns_the_safe_formatters_edits(client: LspClient, draft: str):
    client.change(draft, 9, [edit(3, 0, 3, 41, "institution   Senate:legislature ,seats 50   # upper")])
    client.wait_diagnostics(draft, 9)
    edits = client.request(
        "textDocument/formatting", {"textDocument": {"uri": draft}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    assert edits == [
        {
            "range": {"start": at(3, 0), "end": at(4, 0)},
            "newText": "institution Senate: legislature, seats 50  # upper\n",
        }
    ]


def test_waiver_code_action_then_unused_waiver_fix(client: LspClient, draft: str):
    client.change(draft, 10, [edit(8, 33, 8, 55, "at will")])
    diagnostics = client.wait_diagnostics(draft, 10)
    cb103 = next(d for d in diagnostics if d.get("code") == "CB103")
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": draft}, "range": cb103["range"], "context": {"diagnostics": [cb103]}},
    )
    (waive,) = [a for a in actions if a["title"].startswith("Waive CB103")]
    (insert,) = waive["edit"]["changes"][draft]
    assert insert["range"] == {"start": at(7, 31), "end": at(7, 31)}  # before the clause's full stop
    assert insert["newText"] == ' waive CB103 "REASON: why the drafters accept this"'
    client.change(draft, 11, [{"range": insert["range"], "text": insert["newText"]}])
    assert "CB103" not in codes(client.wait_diagnostics(draft, 11))
    # the finding goes away (for cause), the waiver is now unused: CB900 with its mechanical fix
    client.change(draft, 12, [edit(8, 33, 8, 40, 'for cause "misconduct"')])
    (unused,) = [d for d in client.wait_diagnostics(draft, 12) if d.get("code") == "CB900"]
    actions = client.request(
        "textDocument/codeAction",
        {"textDocument": {"uri": draft}, "range": unused["range"], "context": {"diagnostics": [unused]}},
    )
    (delete,) = [a for a in actions if a["title"] == "Delete the unused waiver"]
    (removal,) = delete["edit"]["changes"][draft]
    assert removal == {"range": {"start": at(7, 31), "end": at(7, 82)}, "newText": ""}
    client.change(draft, 13, [{"range": removal["range"], "text": ""}])
    assert "CB900" not in codes(client.wait_diagnostics(draft, 13))


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x00\x01garbage",
        'constitution "x"\narticle 1 { { { } ' * 50,
        "institution " * 2000,
        'constitution "\udc80"',  # a lone surrogate, as a broken client might send
        "\ufeff" + DRAFT.replace(".", ""),
    ],
)
def test_bad_documents_never_kill_the_server(client: LspClient, workspace: Path, text: str):
    uri = (workspace / "bad.constitution").as_uri()
    client.open(uri, text.encode("utf-8", "surrogatepass").decode("utf-8", "replace"))
    client.wait_diagnostics(uri, 1)
    client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at(0, 3)})
    client.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": at(0, 3)})
    client.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
    client.request(
        "textDocument/formatting", {"textDocument": {"uri": uri}, "options": {"tabSize": 2, "insertSpaces": True}}
    )
    # an edit past the end of the document, a position past the end of a line
    client.change(uri, 2, [edit(999, 0, 999, 5, "article")])
    client.wait_diagnostics(uri, 2)
    client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at(5000, 5000)})
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert client.process.poll() is None


def test_unknown_method_and_unopened_document(client: LspClient, workspace: Path):
    with pytest.raises(RuntimeError):
        client.request("constitution/noSuchMethod", {})
    missing = (workspace / "never-opened.constitution").as_uri()
    assert client.request("textDocument/hover", {"textDocument": {"uri": missing}, "position": at(0, 0)}) is None
    assert client.process.poll() is None


def test_amendment_against_its_base(client: LspClient, workspace: Path):
    uri = (workspace / "reform.amendment").as_uri()
    client.open(uri, AMENDMENT, language="constitution-amendment")
    diagnostics = client.wait_diagnostics(uri, 1)
    (finding,) = [d for d in diagnostics if d.get("code") == "CB206" or d.get("code") == "CB103"]
    assert finding["range"]["start"]["line"] == 4  # the inserted clause, in the amendment
    hover = client.request("textDocument/hover", {"textDocument": {"uri": uri}, "position": at(3, 5)})
    value = hover["contents"]["value"]
    assert "**Art. 2** — in the base" in value and "President appoints Court with consent of Senate" in value
    assert "after this amendment" in value and "President dismisses Court at will" in value
    # the base's declaration, from the amendment
    found = client.request("textDocument/definition", {"textDocument": {"uri": uri}, "position": at(4, 30)})
    assert found[0]["uri"] == (workspace / "base.constitution").as_uri()
    assert found[0]["range"]["start"] == at(5, 12)
    # an unsaved edit of the base counts: the amendment is checked against the buffer
    base_uri = (workspace / "base.constitution").as_uri()
    client.open(base_uri, BASE.replace("article 2 {", "article 3 {"))
    diagnostics = client.wait_until(uri, lambda found: any("article 2" in d["message"] for d in found))
    error = next(d for d in diagnostics if "article 2" in d["message"])
    assert error["severity"] == 1 and error["range"]["start"]["line"] == 3


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-32"])
def test_columns_in_the_negotiated_encoding(workspace: Path, encoding: str):
    lsp = LspClient(cwd=workspace)
    try:
        assert lsp.initialize(workspace, encodings=[encoding])["capabilities"]["positionEncoding"] == encoding
        line = 'institution P "Ünïcödé 𝒳": executiv'
        uri = (workspace / f"columns-{encoding}.constitution").as_uri()
        lsp.open(uri, f'constitution "X"\n{line}\n')
        (error,) = lsp.wait_diagnostics(uri, 1)
        before = line[: line.index("executiv")]
        units = {"utf-8": len(before.encode("utf-8")), "utf-16": len(before.encode("utf-16-le")) // 2}
        assert error["range"]["start"] == at(1, units.get(encoding, len(before)))
    finally:
        lsp.close()


def test_shutdown_and_exit_cleanly(workspace: Path):
    lsp = LspClient(cwd=workspace)
    lsp.initialize(workspace)
    assert lsp.shutdown() == 0
