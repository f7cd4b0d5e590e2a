"""The examples in the library's docstrings run and give what they show."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cleantext

MODULES = sorted(m.name for m in pkgutil.walk_packages(cleantext.__path__, "cleantext.")
                 if m.name != "cleantext.__main__")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_modules_are_found() -> None:
    assert {"cleantext.engine", "cleantext.settle", "cleantext.rules.match"} <= set(MODULES)
