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
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from itertools import chain, groupby

import numpy as np

from .features import Features

#: Neighbour windows of stage two: mean stage-one logit of the blocks within k positions.
WINDOWS = (1, 2, 4, 8)
_WINDOW_SIZES = np.array(WINDOWS)[:, None]  # a column: each window a row of _context_matrix


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


def alone_matrix(feats: Sequence[Features], kinds: Sequence[str]) -> np.ndarray:
    """Stage-one inputs of every block, one row per block (the column order is the weight
    order in classifier.json). Built column by column over the document: numpy does the
    arithmetic, math.log1p the logarithms (so every value equals the per-block formula)."""
    if not feats:
        return np.zeros((0, len(ALONE_COLUMNS)))
    m = _measures(feats)
    return _alone_matrix(m, _log1p(m[_LOGGED]), kinds)


# Every measure of Features but the terms (its last field), one row each in _measures.
_MEASURES = Features._fields[:-1]
assert Features._fields[-1] == "terms"
_ROW = {name: k for k, name in enumerate(_MEASURES)}
# The counts stage one takes the logarithm of, in one _log1p call.
_LOGGED = [_ROW[name] for name in ("words", "sentences", "commas", "shape_repeats")]


def _measures(feats: Sequence[Features]) -> np.ndarray:
    """Every block's measures as one float array, a row per measure (one conversion: the
    measures of a document went to numpy as one array per field)."""
    # Read by np.fromiter from the columns chained: numpy's conversion of nested tuples
    # first discovers their shape and each value's type (1.21M instructions a page on the
    # aeb pages against 1.01M read this way, cachegrind); the same float64 values.
    columns = list(zip(*feats))
    del columns[-1]
    return np.fromiter(chain.from_iterable(columns), float, len(columns) * len(feats)).reshape(len(columns), len(feats))


def _alone_matrix(m: np.ndarray, logged: np.ndarray, kinds: Sequence[str]) -> np.ndarray:
    """alone_matrix from the measures and the logarithms of the _LOGGED counts."""
    col = dict(zip(_MEASURES, m))
    n = m.shape[1]
    lw, log_sentences, log_commas, log_shape_repeats = logged
    position = col["position"]
    columns = {
        "bias": np.ones(n),
        "log_words": lw,
        "log_words_capped": np.minimum(lw, 2.5),  # separates 1-10 word lines (menus, headings)
        "stop_density": col["stop_density"],
        "stop_density_x_log_words": col["stop_density"] * lw,
        "ends_sentence": col["ends_sentence"],
        "log_sentences": log_sentences,
        "log_commas": log_commas,
        "title_case": col["title_case"],
        "title_case_x_log_words": col["title_case"] * lw,
        "upper": col["upper"],
        "digits": col["digits"],
        "has_urls": col["urls"] != 0,  # flags: np.array below makes them 1.0 and 0.0
        "has_separators": col["separators"] != 0,
        "repeated": col["repeats"] != 0,
        "position": position,
        "position_squared": position * position,
        "sentence_block": [k == "sentence" for k in kinds],
        "ends_colon": col["ends_colon"],
        "log_shape_repeats": log_shape_repeats,
        "datelike": col["datelike"],
        # A bullet opens a list item of the story ("- 200 g sugar", "- The first reason is
        # ..."); a title-case entry of one to three words without digits ("- Baseball",
        # "- Criminal Justice") is a menu drawn with dashes, and gets no boost. Grouped
        # 2-fold out-of-fold F1 (benchmarks/cv_gap.py, seeds 0 and 1): aeb +0.0025,
        # traf +0.0003, glued +0.0006 against the plain bullet flag.
        "list_bullet": col["bullet"] * _flag((col["title_case"] < 1.0) | (col["words"] > 3) | (col["digits"] > 0)),
        "paren_number": col["paren_number"],
        "at_most_3_words": col["words"] <= 3,
    }
    # One conversion of all columns (float64), transposed to a row per block.
    return np.array([columns[name] for name in ALONE_COLUMNS], dtype=float).T


#: The stage-one columns, in the weight order of classifier.json.
ALONE_COLUMNS = (
    "bias", "log_words", "log_words_capped", "stop_density", "stop_density_x_log_words",
    "ends_sentence", "log_sentences", "log_commas", "title_case", "title_case_x_log_words",
    "upper", "digits", "has_urls", "has_separators", "repeated", "position", "position_squared",
    "sentence_block", "ends_colon", "log_shape_repeats", "datelike", "list_bullet", "paren_number",
    "at_most_3_words",
)


def alone_vector(f: Features, kind: str) -> list[float]:
    """Stage-one inputs of one block (a row of :func:`alone_matrix`)."""
    return [float(x) for x in alone_matrix([f], [kind])[0]]


def _log1p(values: np.ndarray) -> np.ndarray:
    # math.log1p, not np.log1p: numpy's vectorised log may differ in the last bit, and a
    # logit on a threshold would then flip between the two.
    if values.size and 0 <= values.min() and values.max() < _LOG1P_COUNTS:
        counts = values.astype(np.intp)
        if (counts == values).all():  # counts (words, commas, run lengths): looked up
            return _LOG1P_TABLE[counts]
    return np.array([math.log1p(v) for v in values.ravel().tolist()]).reshape(values.shape)


#: Every count _log1p sees is a small whole number (words of a line, blocks of a run):
#: math.log1p of each, computed once (a constant of the formula, not state).
_LOG1P_COUNTS = 4096
_LOG1P_TABLE = np.array([math.log1p(k) for k in range(_LOG1P_COUNTS)])


def _flag(mask: np.ndarray) -> np.ndarray:
    return mask.astype(float)


def stage_logits(rows: np.ndarray, weights: Sequence[float]) -> np.ndarray:
    """Per row, the weighted sum of its columns, added up column after column: the same
    additions in the same order as the per-row ``sum(map(mul, w, x))`` this replaced, so
    the same bits (on Python 3.12+, whose sum() compensates, the last bit may differ)."""
    # Every product in one multiplication, then added left to right by accumulate (a
    # running sum, never pairwise) from a column of zeros: 0.0 + x0, then + x1, ..., the
    # additions of the loop `z += rows[:, j] * w` in four numpy calls instead of 3 per column.
    products = rows * np.asarray(weights, dtype=float)
    terms = np.concatenate((np.zeros((len(rows), 1)), products), axis=1)
    return np.add.accumulate(terms, axis=1)[:, -1]


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


def context_vectors(logits: Sequence[float], feats: Sequence[Features]) -> np.ndarray:
    """Stage-two inputs, one row per block: own logit, neighbour logits, region
    membership, position. Columns are computed over the whole document at once."""
    if not len(logits):
        return np.zeros((0, CONTEXT_COLUMNS))
    words = np.array([f.words for f in feats], dtype=float)
    return _context_matrix(np.array(logits, dtype=float), feats, words, _log1p(words), _runs_log(feats))


def _runs_log(feats: Sequence[Features]) -> np.ndarray:
    return _log1p(np.array(short_runs(feats), dtype=float))


def _context_matrix(z: np.ndarray, feats: Sequence[Features], words: np.ndarray, log_words: np.ndarray,
                    runs_log: np.ndarray) -> np.ndarray:
    """context_vectors from the stage-one logits `z`, the blocks' word counts and their
    logarithms, and the logarithms of the short runs (measured once per document)."""
    n = len(z)
    idx = np.arange(n)
    prefix = np.concatenate(([0.0], np.cumsum(z)))  # cumsum adds left to right, as a loop would
    # Every window at once, a row per window (the same operations on each value as one
    # window at a time, in a quarter of the numpy calls).
    a, b = np.maximum(idx - _WINDOW_SIZES, 0), np.minimum(idx + _WINDOW_SIZES + 1, n)
    others = b - a - 1
    columns = [np.ones(n), z, *np.where(others > 0, (prefix[b] - prefix[a] - z) / np.maximum(others, 1), 0.0)]
    # Region weights: a block's vote is its stage-one margin times its length, so one
    # long paragraph outweighs a menu item; the run with the largest sum is the story.
    votes = (z * log_words).tolist()
    r0, r1 = best_region(votes)
    inside = (idx >= r0) & (idx < r1)
    dist = np.where(inside, 0, np.minimum(np.abs(idx - r0), np.abs(idx - (r1 - 1))))
    prose = (z > 0) & (words >= PROSE_MIN_WORDS)
    prev_prose = np.concatenate(([False], prose[:-1]))
    next_prose = np.concatenate((prose[1:], [False]))
    # Share of the document that is prose: near 1 for a clean article (every short line is
    # a subheading or a quote), low for a page dump full of menus.
    prose_share = int(prose.sum()) / n
    island_of, island_weight = _islands(z.tolist(), votes)
    main_weight = max(island_weight) if island_weight else 0.0
    main = island_weight.index(main_weight) if island_weight else -1
    island = np.array(island_of)
    in_main = island == main
    main_blocks = np.flatnonzero(in_main)
    m0, m1 = (int(main_blocks[0]), int(main_blocks[-1])) if len(main_blocks) else (0, -1)
    chrome_prefix = np.concatenate(([0], np.cumsum(z < 0)))
    between = np.where(idx < m0, chrome_prefix[m0] - chrome_prefix[np.minimum(idx + 1, n)],
                       np.where(idx > m1, chrome_prefix[idx] - chrome_prefix[m1 + 1], 0))
    log_dist, log_between = _log1p(np.array((dist, between)))
    columns += [inside, log_dist, idx < r0, idx >= r1, runs_log,
                prev_prose & next_prose, prev_prose | next_prose, np.full(n, prose_share),
                prose_share * _flag(words < PROSE_MIN_WORDS),
                np.array(island_weight)[island] / main_weight if main_weight > 0 else np.zeros(n),
                in_main, log_between]
    columns += _topic_columns(z.tolist(), feats, main_blocks.tolist(), in_main.tolist())
    # One conversion of all columns (flags become 1.0 and 0.0), a row per block.
    return np.array(columns, dtype=float).T


#: Stage two's number of inputs (the length of its weight vector).
CONTEXT_COLUMNS = 21


def _topic_columns(z: Sequence[float], feats: Sequence[Features], main_blocks: Sequence[int],
                   in_main: Sequence[bool]) -> list[np.ndarray]:
    """Topic overlap: with the main island's vocabulary (a headline, a subheading or a
    list item of the story shares its words; a menu item or a teaser for another story
    does not), and with the first line's (the page title)."""
    # A block's terms are a set: a term in two of these blocks is met again in the second
    # (set operations on a few dozen blocks, not a count of each of their terms).
    seen: set[str] = set()  # in a story block of the main island
    seen_twice: set[str] = set()  # ... in another one than i
    for i in main_blocks:
        if z[i] > 0:
            terms = feats[i].terms
            seen_twice |= seen & terms
            seen |= terms
    title_terms = feats[0].terms
    # Lists, turned into arrays once: setting numpy items one by one costs more than the
    # set arithmetic.
    n = len(feats)
    shared, in_title, of_title = [0.0] * n, [0.0] * n, [0.0] * n
    for i, f in enumerate(feats):
        terms = f.terms
        if not terms:
            continue
        own = in_main[i] and z[i] > 0
        pool = seen_twice if own else seen
        if not terms.isdisjoint(pool):  # (a menu line shares nothing: its 0.0 stays)
            shared[i] = len(terms & pool) / len(terms)
        # Most blocks share no word with the title: their 0.0 stays without a new set.
        if i and not terms.isdisjoint(title_terms):
            common = len(terms & title_terms)
            in_title[i] = common / len(terms)
            of_title[i] = common / len(title_terms)
    return [np.array(shared), np.array(in_title), np.array(of_title)]


#: Islands of prose are separated by at least this many consecutive chrome blocks (stage-one
#: logit < 0): one caption or ad line inside a story does not split it, a comment header
#: plus a date line between the story and the comments does.
ISLAND_GAP = 2


def islands(logits: Sequence[float], feats: Sequence[Features]) -> tuple[list[int], list[float]]:
    """Group blocks into islands of prose; return each block's island and island weights.

    An island's weight is the sum of its blocks' positive margins times log length: the
    story is usually the heaviest island, comments and teaser lists are light ones.
    """
    return _islands(logits, [z * math.log1p(f.words) for z, f in zip(logits, feats)])


def _islands(logits: Sequence[float], votes: Sequence[float]) -> tuple[list[int], list[float]]:
    """islands from the logits and each block's vote (its logit times log1p of its words)."""
    island_of: list[int] = []
    weights: list[float] = []
    chrome_run = 0
    current = -1
    for z, vote in zip(logits, votes):
        if z >= 0:
            if current < 0 or chrome_run >= ISLAND_GAP:
                weights.append(0.0)
                current = len(weights) - 1
            weights[current] += vote
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
    short = [f.words <= RUN_MAX_WORDS and not (f.ends_sentence and f.words > 3) for f in feats]
    out: list[int] = []
    for is_short, run in groupby(short):  # the runs found in C, not index by index
        k = len(list(run))
        out += [k if is_short else 0] * k
    return out


def score_blocks(feats: Sequence[Features], kinds: Sequence[str], model: Model) -> tuple[list[float], list[float]]:
    """Stage-one and final-stage story probabilities of each block.

    Each context stage re-reads the neighbourhood through the previous stage's verdicts
    (stacking): a menu line next to a paragraph the first stage doubted is judged again
    once that paragraph is known to be story.
    """
    if not feats:
        return [], []
    # The measures go to numpy once, and the word counts' logarithms serve both stages.
    m = _measures(feats)
    logged = _log1p(m[_LOGGED])
    z = stage_logits(_alone_matrix(m, logged, kinds), model.alone)
    alone = list(map(sigmoid, z.tolist()))
    runs_log = _runs_log(feats)
    for weights in model.context:
        z = stage_logits(_context_matrix(z, feats, m[_ROW["words"]], logged[0], runs_log), weights)
    return alone, list(map(sigmoid, z.tolist()))
