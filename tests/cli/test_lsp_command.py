"""``constitution-rules lsp`` without pygls: a clear message naming the extra, exit 2."""

from __future__ import annotations

import sys

import pytest

from tests.cli.conftest import invoke


def test_missing_pygls_is_a_clear_message(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setitem(sys.modules, "pygls", None)  # import pygls now raises ImportError
    run = invoke("lsp")
    assert run.code == 2
    assert "pip install 'constitution-rules[lsp]'" in run.stderr and "Traceback" not in run.stderr


def test_lsp_is_listed():
    assert "lsp" in invoke("--help").stdout
