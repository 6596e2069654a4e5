"""The VS Code extension's files agree with the language: grammars generated from the vocabulary,
the file kinds and the server command as the CLI has them. (The grammars' own tests run with
vscode-tmgrammar-test: editors/vscode/build.sh, in .ci/run when npm is there.)"""

from __future__ import annotations

import importlib.util
import json
import re

from constitution_rules.vocabulary import INSTRUMENTS, KINDS, VERBS
from tests.conftest import ROOT

VSCODE = ROOT / "editors" / "vscode"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_grammar", VSCODE / "syntaxes" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_grammars_are_generated_from_the_vocabulary():
    generate = _generator()
    for name in generate.GRAMMARS:
        committed = (VSCODE / "syntaxes" / name).read_text(encoding="utf-8")
        assert committed == generate.rendered(name), f"run python editors/vscode/syntaxes/generate.py ({name})"


def test_every_verb_kind_and_instrument_is_highlighted():
    grammar = json.loads((VSCODE / "syntaxes" / "constitution.tmLanguage.json").read_text(encoding="utf-8"))
    repository = grammar["repository"]
    for key, words in (("verb", list(VERBS)), ("kind", KINDS), ("instrument", INSTRUMENTS)):
        pattern = re.compile(repository[key]["match"])
        for word in words:
            assert pattern.fullmatch(word), (key, word)


def test_package_declares_both_file_kinds_and_the_server_command():
    package = json.loads((VSCODE / "package.json").read_text(encoding="utf-8"))
    languages = {lang["id"]: lang["extensions"] for lang in package["contributes"]["languages"]}
    assert languages == {"constitution": [".constitution"], "constitution-amendment": [".amendment"]}
    default = package["contributes"]["configuration"]["properties"]["constitutionRules.command"]["default"]
    assert default == ["constitution-rules", "lsp"]
    configuration = json.loads((VSCODE / "language-configuration.json").read_text(encoding="utf-8"))
    assert configuration["comments"] == {"lineComment": "#"}
    assert ["{", "}"] in configuration["brackets"]
