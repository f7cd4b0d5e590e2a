"""Lexical cohesion across a cut: does the text after a block still talk about the text before?

Content words (stoplist removed, crudely stemmed) are weighted by an IDF computed over the
blocks of the one document, so a word every paragraph repeats counts less than a name
that marks one article. For every candidate cut the whole text before is compared with
the whole text after, with running sums (one pass over the terms, no O(n^2) re-counting).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain

import numpy as np
import regex

from ..features import stopwords

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}\p{N}'’-]*")
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
# One pass over a block: a CJK run (cut into character pairs) or a word.
_TOKEN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+|[\p{L}][\p{L}\p{M}\p{N}'’-]*")
# _TOKEN on lower-cased ASCII text (no CJK, letters a-z, digits 0-9), in plain re: the
# same words, found several times faster.
_ASCII_TOKEN = re.compile(r"[a-z][a-z0-9'-]*")
#: Words are cut to this many characters: a stemmer for free in most European languages
#: ("officials"/"official", "Russia's"/"Russian" fall together); longer did not help.
STEM_CHARS = 7
#: Words shorter than this carry no topic (articles, particles the stoplist misses).
MIN_WORD_CHARS = 3


def terms(text: str, stops: frozenset[str], memo: dict[str, str] | None = None) -> Counter[str]:
    """The content terms of one block: stemmed words, or character pairs of CJK text.

    `memo` maps a lower-cased word to its term ("" for a stopword or a short word); one
    document repeats its words, so a memo shared across its blocks halves the cost.

    >>> sorted(terms("Officials said the officials' plan", frozenset({"the", "said"})).items())
    [('officia', 2), ('plan', 1)]
    """
    memo = {} if memo is None else memo
    low = text.lower()
    words = _ASCII_TOKEN.findall(low) if low.isascii() else _TOKEN.findall(low)
    for w in set(words).difference(memo):
        memo[w] = _term(w, stops)
    seq = [memo[w] for w in words]
    if _CJK not in seq:
        return Counter(filter(None, seq))  # counted in C, keys in first-seen order as below
    out: Counter[str] = Counter()
    for w, term in zip(words, seq):
        if term == _CJK:
            out.update(w[i : i + 2] for i in range(max(1, len(w) - 1)))
        elif term:
            out[term] += 1
    return out


_CJK = "\x00"  # the memo's mark for a CJK run (counted as character pairs)


def _term(word: str, stops: frozenset[str]) -> str:
    """The term of one lower-cased word; "" when it carries no topic."""
    if not word.isascii() and _CJK_RUN.match(word):
        return _CJK
    low = word.rstrip("'’-")
    if low.endswith(("'s", "’s")):
        low = low[:-2]
    if len(low) < MIN_WORD_CHARS or low in stops:
        return ""
    return low[:STEM_CHARS]


@dataclass(frozen=True)
class Cohesion:
    """Per candidate cut i (before block i): similarity of before and after.

    `cosine[i]`: IDF-weighted cosine of all counted text before block i with all after it.
    `covered[i]`: share of the weighted terms after block i that also occur before it.
    `before_terms[i]` / `after_terms[i]`: how many counted term tokens lie on each side.
    """

    cosine: tuple[float, ...]
    covered: tuple[float, ...]
    before_terms: tuple[int, ...]
    after_terms: tuple[int, ...]
    vectors: tuple[Counter[str], ...]
    idf: dict[str, float]
    first: dict[str, int]  # the first block each term occurs in


def term_vectors(
    texts: Sequence[str], language: str | None, only: Sequence[bool] | None = None
) -> tuple[Counter[str], ...]:
    """The content terms of every block (computed once per document); blocks with
    `only[i]` False get an empty vector (the story end never counts removed blocks)."""
    stops = stopwords(language)
    memo: dict[str, str] = {}
    empty: Counter[str] = Counter()
    return tuple(terms(t, stops, memo) if only is None or only[i] else empty for i, t in enumerate(texts))


def cohesion(all_vectors: Sequence[Counter[str]], counted: Sequence[bool]) -> Cohesion:
    """Cohesion for a cut before every block; blocks with counted[i] False are ignored.

    >>> v = term_vectors(["Rain fell on Paris.", "Paris streets flooded in the rain.",
    ...                   "Apple shares rose on Wall Street."], "en")
    >>> c = cohesion(v, [True, True, True])
    >>> c.cosine[1] > c.cosine[2]
    True

    The running sums move term occurrence by term occurrence, in block order: each step's
    increment is computed for the whole document at once and the sums are numpy running
    sums (np.add.accumulate adds left to right, never pairwise), so every value has the
    bits of the per-term loop this replaced (pinned in tests/test_fast_paths.py); the
    loop was a third of the story end's time.
    """
    empty: Counter[str] = Counter()
    vectors = tuple(v if ok else empty for v, ok in zip(all_vectors, counted))
    n = len(vectors)
    if not n:
        return Cohesion((), (), (), (), vectors, {}, {})
    n_docs = sum(1 for v in vectors if v) or 1
    # Every occurrence (a term of a block), in block order and each block's item order.
    items = list(chain.from_iterable(v.items() for v in vectors))
    occ_terms = [t for t, _ in items]
    ids_of = {t: k for k, t in enumerate(dict.fromkeys(occ_terms))}  # first-seen order
    ids = np.array([ids_of[t] for t in occ_terms], dtype=np.intp)
    counts = np.array([c for _, c in items], dtype=np.int64)
    sizes = np.array([len(v) for v in vectors], dtype=np.intp)
    block_of = np.repeat(np.arange(n), sizes)
    n_terms = len(ids_of)
    df = np.bincount(ids, minlength=n_terms)
    total = np.bincount(ids, weights=counts, minlength=n_terms).astype(np.int64)  # whole numbers
    # Occurrences grouped by term, in their order within each group.
    order = np.argsort(ids, kind="stable")
    group_start = np.searchsorted(ids[order], np.arange(n_terms))
    # Smoothed IDF over the blocks of this document only: no corpus statistics to ship.
    idf_values = [math.log(1.0 + n_docs / d) for d in df.tolist()]
    idf = dict(zip(ids_of, idf_values))
    first = dict(zip(ids_of, block_of[order[group_start]].tolist()))
    w_idf = np.array(idf_values, dtype=float)
    w_sq = w_idf * w_idf
    totals = total.tolist()
    na0 = sum(w * c * c for w, c in zip(w_sq.tolist(), totals))
    mass0 = sum(w * c for w, c in zip(idf_values, totals))
    # How often each occurrence's term came before it: a running count per term.
    sorted_counts = counts[order]
    run = np.cumsum(sorted_counts)
    base = np.concatenate(([0], run))[group_start]
    before = np.empty_like(counts)
    before[order] = run - sorted_counts - base[ids[order]]
    ct = total[ids]
    w = w_sq[ids]
    i_ = w_idf[ids]
    wc = w * counts
    dot = np.add.accumulate(np.concatenate(([0.0], wc * (ct - 2 * before - counts))))
    nb = np.add.accumulate(np.concatenate(([0.0], wc * (2 * before + counts))))
    na = np.add.accumulate(np.concatenate(([na0], wc * (counts - 2 * (ct - before)))))
    covered_mass = np.add.accumulate(np.concatenate(([0.0], np.where(before == 0, i_ * (ct - counts),
                                                                      -(i_ * counts)))))
    mass_after = np.add.accumulate(np.concatenate(([mass0], -(i_ * counts))))
    # The state after each block (the occurrences up to its last), then the cut before
    # block i reads the state after the last block before i that had terms.
    ends = np.cumsum(sizes)
    d, b_, a_ = dot[ends], nb[ends], na[ends]
    with np.errstate(divide="ignore", invalid="ignore"):
        cos_after = np.where((b_ > 0) & (a_ > 0), d / np.sqrt(b_ * a_), 0.0)
        m = mass_after[ends]
        cov_after = np.where(m > 1e-9, covered_mass[ends] / m, 0.0)
    has = sizes > 0
    last = np.maximum.accumulate(np.where(has, np.arange(n), -1))  # last block with terms, up to i
    prev = np.concatenate(([-1], last[:-1]))
    cos_out = np.where(prev >= 0, cos_after[prev], 0.0)
    cov_out = np.where(prev >= 0, cov_after[prev], 0.0)
    tokens = np.bincount(block_of, weights=counts, minlength=n).astype(np.int64)
    bt = np.concatenate(([0], np.cumsum(tokens)[:-1]))
    nterms_total = int(counts.sum())
    return Cohesion(tuple(cos_out.tolist()), tuple(cov_out.tolist()), tuple(bt.tolist()),
                    tuple((nterms_total - bt).tolist()), vectors, idf, first)


def window_cosine(c: Cohesion, cut: int, before: Counter[str], span: int, end: int | None = None) -> float:
    """Cosine of `before` (term counts) with the next `span` term tokens from block `cut`."""
    window: Counter[str] = Counter()
    size = 0
    for v in c.vectors[cut:end]:
        if size >= span:
            break
        window.update(v)
        size += sum(v.values())
    return _cos(before, window, c.idf)


def _cos(a: Counter[str], b: Counter[str], idf: dict[str, float]) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(idf[t] ** 2 * c * b[t] for t, c in a.items() if t in b)
    na = sum(idf[t] ** 2 * c * c for t, c in a.items())
    nb = sum(idf[t] ** 2 * c * c for t, c in b.items())
    return dot / math.sqrt(na * nb) if na and nb else 0.0


def local_cosines(c: Cohesion, span: int) -> list[float]:
    """For every cut i: cosine of the last `span` term tokens before block i with the first
    `span` from block i on (TextTiling's block comparison), in one sliding pass with the
    dot product and norms kept up to date term by term. Blocks without terms are skipped:
    a cut before one of them is the cut before the next block that has terms."""
    idx = [i for i, v in enumerate(c.vectors) if v]
    vecs = [c.vectors[i] for i in idx]
    sizes = [sum(v.values()) for v in vecs]
    m = len(vecs)
    dense = [0.0] * (m + 1)
    win = _Windows(c.idf)
    lsize = rsize = 0
    lo = hi = 0  # the left window is vecs lo..k-1, the right one k..hi-1
    for k in range(m):
        if k > 0:
            win.move(win.left, win.right, vecs[k - 1], 1)
            lsize += sizes[k - 1]
            while lo < k - 1 and lsize - sizes[lo] >= span:
                win.move(win.left, win.right, vecs[lo], -1)
                lsize -= sizes[lo]
                lo += 1
            if hi >= k:
                win.move(win.right, win.left, vecs[k - 1], -1)
                rsize -= sizes[k - 1]
        hi = max(hi, k)
        while hi < m and rsize < span:
            win.move(win.right, win.left, vecs[hi], 1)
            rsize += sizes[hi]
            hi += 1
        dense[k] = win.cosine()
    return [dense[bisect_left(idx, i)] for i in range(len(c.vectors))]


class _Windows:
    """Two term windows with their weighted dot product and squared norms."""

    def __init__(self, idf: dict[str, float]):
        # Each term's squared weight, once: every block moves through both windows, so
        # squaring in move() took four powers per term occurrence (the same value).
        self.w2 = {t: w ** 2 for t, w in idf.items()}
        self.left: dict[str, int] = {}
        self.right: dict[str, int] = {}
        self.norms = {id(self.left): 0.0, id(self.right): 0.0}
        self.dot = 0.0

    def move(self, window: dict[str, int], other: dict[str, int], v: Counter[str], sign: int) -> None:
        key = id(window)
        weights = self.w2
        norm, dot = self.norms[key], self.dot
        for t, k in v.items():
            w2 = weights[t]
            old = window.get(t, 0)
            new = old + sign * k
            norm += w2 * (new * new - old * old)
            dot += w2 * (new - old) * other.get(t, 0)
            if new:
                window[t] = new
            else:
                del window[t]
        self.norms[key], self.dot = norm, dot

    def cosine(self) -> float:
        nl, nr = self.norms[id(self.left)], self.norms[id(self.right)]
        return self.dot / math.sqrt(nl * nr) if nl > 1e-12 and nr > 1e-12 else 0.0
