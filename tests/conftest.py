"""Shared pytest configuration for the cleantext tests."""

from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    # Golden corpus: rewrite corpus/*/expected.txt from the current output
    # (tests/test_golden.py). Never done without this flag.
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite corpus/*/expected.txt from cleantext.clean() and print each diff",
    )
