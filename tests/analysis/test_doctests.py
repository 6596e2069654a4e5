"""The analysis layer documents itself by example: every module's doctests run here."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import constitution_rules.analysis as analysis

MODULES = sorted(m.name for m in pkgutil.iter_modules(analysis.__path__, analysis.__name__ + "."))


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
    assert result.attempted > 0 or name.endswith("__init__"), f"{name} has no examples"
