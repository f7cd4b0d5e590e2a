"""benchmarks/recall_frontier.py: a snippet comes back once every block it overlaps is restored."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import recall_frontier  # noqa: E402  (benchmarks/recall_frontier.py)


def test_a_snippet_counts_once_all_its_blocks_are_restored():
    snippets = [
        (True, frozenset({(0, 1)})),           # a with snippet in one block
        (False, frozenset({(0, 2)})),          # a without snippet in one block
        (True, frozenset({(0, 3), (1, 4)})),   # a with snippet across two blocks
    ]
    order = [(0, 1), (0, 3), (0, 2), (1, 4)]
    points = recall_frontier.curve(order, snippets, tp=1, fp=0, total=4)
    # (0, 3) alone completes nothing, so it makes no point.
    assert [(step, round(p, 4), round(r, 4)) for step, p, r, _ in points] == [
        (1, 1.0, 0.5), (3, 0.6667, 0.5), (4, 0.75, 0.75)]
    assert points[-1][3] == pytest.approx(0.75)


def test_restoring_blocks_that_hold_no_snippet_changes_nothing():
    snippets = [(True, frozenset({(0, 5)}))]
    assert recall_frontier.curve([(0, 1), (0, 2)], snippets, tp=3, fp=1, total=4) == []
