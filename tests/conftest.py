"""Shared pytest configuration for the cleantext tests."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

# tests/support.py holds checks several test files share (importlib import mode does not
# put the tests folder on sys.path by itself).
sys.path.insert(0, str(Path(__file__).parent))


def pytest_addoption(parser: pytest.Parser) -> None:
    # Golden corpus: rewrite corpus/*/expected.txt from the current output
    # (tests/test_golden.py). Never done without this flag.
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite corpus/*/expected.txt from cleantext.clean() and print each diff",
    )
