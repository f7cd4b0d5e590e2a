"""Block verdicts: a story probability per block alone, then revised from its neighbours.

Two logistic models whose weights are data (``data/classifier.json``), fitted on the dev
half by ``benchmarks/fit.py``. Stage one sees a block's own features; stage two sees the
block's stage-one score, its neighbours' scores, and whether it lies in the densest
region of prose (the best-scoring contiguous run of blocks, see :func:`best_region`).
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import Sequence

from .features import Features

#: Neighbour windows of stage two: mean stage-one logit of the blocks within k positions.
WINDOWS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Model:
    alone: tuple[float, ...]
    context: tuple[float, ...]


@functools.lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The fitted weights shipped with the package (read-only data, loaded once)."""
    raw = json.loads(resources.files("cleantext").joinpath("data", "classifier.json").read_text("utf-8"))
    return Model(alone=tuple(raw["alone"]), context=tuple(raw["context"]))


def alone_vector(f: Features, kind: str) -> list[float]:
    """Stage-one inputs of one block (the order is the weight order in classifier.json)."""
    lw = math.log1p(f.words)
    return [
        1.0,
        lw,
        min(lw, 2.5),  # separates 1-10 word lines (menus, headings) from the rest
        f.stop_density,
        f.stop_density * lw,
        1.0 if f.ends_sentence else 0.0,
        math.log1p(f.sentences),
        math.log1p(f.commas),
        f.title_case,
        f.title_case * lw,
        f.upper,
        f.digits,
        1.0 if f.urls else 0.0,
        1.0 if f.separators else 0.0,
        1.0 if f.repeats else 0.0,
        f.position,
        f.position * f.position,
        1.0 if kind == "sentence" else 0.0,
    ]


def _dot(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(a * b for a, b in zip(w, x))


def sigmoid(z: float) -> float:
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def best_region(scores: Sequence[float]) -> tuple[int, int]:
    """The contiguous run [start, end) with the largest sum of scores (Kadane).

    >>> best_region([-1, 2, 3, -1, 2, -5, 1])
    (1, 5)
    """
    best, best_span = float("-inf"), (0, 0)
    run, run_start = 0.0, 0
    for i, s in enumerate(scores):
        if run <= 0:
            run, run_start = s, i
        else:
            run += s
        if run > best:
            best, best_span = run, (run_start, i + 1)
    return best_span


def context_vectors(logits: Sequence[float], feats: Sequence[Features]) -> list[list[float]]:
    """Stage-two inputs: own logit, neighbour logits, region membership, position."""
    n = len(logits)
    prefix = [0.0]
    for z in logits:
        prefix.append(prefix[-1] + z)
    # Region weights: a block's vote is its stage-one margin times its length, so one
    # long paragraph outweighs a menu item; the run with the largest sum is the story.
    region_scores = [z * math.log1p(f.words) for z, f in zip(logits, feats)]
    r0, r1 = best_region(region_scores)
    out = []
    for i, z in enumerate(logits):
        row = [1.0, z]
        for k in WINDOWS:
            a, b = max(0, i - k), min(n, i + k + 1)
            others = b - a - 1
            row.append((prefix[b] - prefix[a] - z) / others if others else 0.0)
        inside = r0 <= i < r1
        row.append(1.0 if inside else 0.0)
        dist = 0 if inside else min(abs(i - r0), abs(i - (r1 - 1)))
        row.append(math.log1p(dist))
        row.append(1.0 if i < r0 else 0.0)
        row.append(1.0 if i >= r1 else 0.0)
        out.append(row)
    return out


def score_blocks(feats: Sequence[Features], kinds: Sequence[str], model: Model) -> tuple[list[float], list[float]]:
    """Stage-one and stage-two story probabilities of each block."""
    logits = [_dot(model.alone, alone_vector(f, k)) for f, k in zip(feats, kinds)]
    ctx = context_vectors(logits, feats)
    alone = [sigmoid(z) for z in logits]
    context = [sigmoid(_dot(model.context, row)) for row in ctx]
    return alone, context
