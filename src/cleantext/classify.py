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
import operator
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from .features import Features

#: Neighbour windows of stage two: mean stage-one logit of the blocks within k positions.
WINDOWS = (1, 2, 4, 8)


@dataclass(frozen=True)
class Model:
    alone: tuple[float, ...]
    #: One weight vector per context stage: stage k reads the logits of stage k-1.
    context: tuple[tuple[float, ...], ...]


@functools.lru_cache(maxsize=1)
def shipped_model() -> Model:
    """The fitted weights shipped with the package (read-only data, loaded once)."""
    raw = json.loads(resources.files("cleantext").joinpath("data").joinpath("classifier.json").read_text("utf-8"))
    stages = raw["context"]
    if stages and not isinstance(stages[0], list):
        stages = [stages]
    return Model(alone=tuple(raw["alone"]), context=tuple(tuple(w) for w in stages))


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
        1.0 if f.ends_colon else 0.0,
        math.log1p(f.shape_repeats),
        1.0 if f.datelike else 0.0,
        1.0 if f.bullet else 0.0,
        1.0 if f.paren_number else 0.0,
        1.0 if f.words <= 3 else 0.0,
    ]


def _dot(w: Sequence[float], x: Sequence[float]) -> float:
    return sum(map(operator.mul, w, x))


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
    runs = short_runs(feats)
    prose = [z > 0 and f.words >= PROSE_MIN_WORDS for z, f in zip(logits, feats)]
    # Share of the document that is prose: near 1 for a clean article (every short line is
    # a subheading or a quote), low for a page dump full of menus.
    prose_share = sum(prose) / n if n else 0.0
    island_of, island_weight = islands(logits, feats)
    main_weight = max(island_weight) if island_weight else 0.0
    main = island_weight.index(main_weight) if island_weight else -1
    main_blocks = [i for i, k in enumerate(island_of) if k == main]
    m0, m1 = (main_blocks[0], main_blocks[-1]) if main_blocks else (0, -1)
    chrome_prefix = [0]
    for z in logits:
        chrome_prefix.append(chrome_prefix[-1] + (1 if z < 0 else 0))
    # Topic overlap: the main island's vocabulary (a headline, a subheading or a list
    # item of the story shares its words; a menu item or a teaser for another story
    # does not), and the first line's (the page title).
    vocab: dict[str, int] = {}
    for i in main_blocks:
        if logits[i] > 0:
            for t in feats[i].terms:
                vocab[t] = vocab.get(t, 0) + 1
    title_terms = feats[0].terms if feats else frozenset()
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
        row.append(math.log1p(runs[i]))
        prev_prose = i > 0 and prose[i - 1]
        next_prose = i + 1 < n and prose[i + 1]
        row.append(1.0 if prev_prose and next_prose else 0.0)
        row.append(1.0 if prev_prose or next_prose else 0.0)
        row.append(prose_share)
        row.append(prose_share * (1.0 if feats[i].words < PROSE_MIN_WORDS else 0.0))
        share = island_weight[island_of[i]] / main_weight if main_weight > 0 else 0.0
        row.append(share)
        row.append(1.0 if island_of[i] == main else 0.0)
        if i < m0:
            between = chrome_prefix[m0] - chrome_prefix[i + 1]
        elif i > m1:
            between = chrome_prefix[i] - chrome_prefix[m1 + 1]
        else:
            between = 0
        row.append(math.log1p(between))
        terms = feats[i].terms
        if terms:
            own = island_of[i] == main and z > 0
            shared = sum(1 for t in terms if vocab.get(t, 0) > (1 if own else 0))
            row.append(shared / len(terms))
            row.append(sum(1 for t in terms if t in title_terms) / len(terms) if i else 0.0)
            row.append(sum(1 for t in title_terms if t in terms) / len(title_terms) if i and title_terms else 0.0)
        else:
            row += [0.0, 0.0, 0.0]
        out.append(row)
    return out


#: Islands of prose are separated by at least this many consecutive chrome blocks (stage-one
#: logit < 0): one caption or ad line inside a story does not split it, a comment header
#: plus a date line between the story and the comments does.
ISLAND_GAP = 2


def islands(logits: Sequence[float], feats: Sequence[Features]) -> tuple[list[int], list[float]]:
    """Group blocks into islands of prose; return each block's island and island weights.

    An island's weight is the sum of its blocks' positive margins times log length: the
    story is usually the heaviest island, comments and teaser lists are light ones.
    """
    island_of: list[int] = []
    weights: list[float] = []
    chrome_run = 0
    current = -1
    for z, f in zip(logits, feats):
        if z >= 0:
            if current < 0 or chrome_run >= ISLAND_GAP:
                weights.append(0.0)
                current = len(weights) - 1
            weights[current] += z * math.log1p(f.words)
            chrome_run = 0
        else:
            chrome_run += 1
            if current < 0:
                weights.append(0.0)
                current = 0
        island_of.append(current)
    return island_of, weights


#: A block counts as prose for its neighbours when stage one leans story and it has at
#: least this many words (a full sentence in the aeb pages is rarely shorter).
PROSE_MIN_WORDS = 12
#: Lines of at most this many words without a sentence ending are "short" for runs.
RUN_MAX_WORDS = 14


def short_runs(feats: Sequence[Features]) -> list[int]:
    """For each block, the length of the run of consecutive short lines it belongs to (0 if long).

    Menus, link lists, tag clouds and footers are runs of short lines; a subheading
    between paragraphs is a run of one.
    """
    n = len(feats)
    short = [f.words <= RUN_MAX_WORDS and not (f.ends_sentence and f.words > 3) for f in feats]
    out = [0] * n
    i = 0
    while i < n:
        if not short[i]:
            i += 1
            continue
        j = i
        while j < n and short[j]:
            j += 1
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


def score_blocks(feats: Sequence[Features], kinds: Sequence[str], model: Model) -> tuple[list[float], list[float]]:
    """Stage-one and final-stage story probabilities of each block.

    Each context stage re-reads the neighbourhood through the previous stage's verdicts
    (stacking): a menu line next to a paragraph the first stage doubted is judged again
    once that paragraph is known to be story.
    """
    logits = [_dot(model.alone, alone_vector(f, k)) for f, k in zip(feats, kinds)]
    alone = [sigmoid(z) for z in logits]
    for weights in model.context:
        logits = [_dot(weights, row) for row in context_vectors(logits, feats)]
    return alone, [sigmoid(z) for z in logits]
