"""Lexical cohesion across a cut: does the text after a block still talk about the text before?

Content words (stoplist removed, crudely stemmed) are weighted by an IDF computed over the
blocks of the one document, so a word every paragraph repeats counts less than a name
that marks one article. For every candidate cut the whole text before is compared with
the whole text after, with running sums (one pass over the terms, no O(n^2) re-counting).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from ..features import stopwords

_WORD = regex.compile(r"[\p{L}][\p{L}\p{M}\p{N}'’-]*")
_CJK_RUN = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]+")
#: Words are cut to this many characters: a stemmer for free in most European languages
#: ("officials"/"official", "Russia's"/"Russian" fall together); longer did not help.
STEM_CHARS = 7
#: Words shorter than this carry no topic (articles, particles the stoplist misses).
MIN_WORD_CHARS = 3


def terms(text: str, stops: frozenset[str]) -> Counter[str]:
    """The content terms of one block: stemmed words, or character pairs of CJK text."""
    out: Counter[str] = Counter()
    for run in _CJK_RUN.findall(text):
        out.update(run[i : i + 2] for i in range(max(1, len(run) - 1)))
    for w in _WORD.findall(text):
        if _CJK_RUN.match(w):
            continue
        low = w.lower().rstrip("'’-")
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        if len(low) < MIN_WORD_CHARS or low in stops:
            continue
        out[low[:STEM_CHARS]] += 1
    return out


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

    def seen_before(self, i: int) -> frozenset[str]:
        """The terms of block i that occur in a counted block before it."""
        return frozenset(t for t in self.vectors[i] if self.first[t] < i)


def term_vectors(texts: Sequence[str], language: str | None) -> tuple[Counter[str], ...]:
    """The content terms of every block (computed once per document)."""
    stops = stopwords(language)
    return tuple(terms(t, stops) for t in texts)


def cohesion(all_vectors: Sequence[Counter[str]], counted: Sequence[bool]) -> Cohesion:
    """Cohesion for a cut before every block; blocks with counted[i] False are ignored.

    >>> v = term_vectors(["Rain fell on Paris.", "Paris streets flooded in the rain.",
    ...                   "Apple shares rose on Wall Street."], "en")
    >>> c = cohesion(v, [True, True, True])
    >>> c.cosine[1] > c.cosine[2]
    True
    """
    empty: Counter[str] = Counter()
    vectors = tuple(v if ok else empty for v, ok in zip(all_vectors, counted))
    n_docs = sum(1 for v in vectors if v) or 1
    df: Counter[str] = Counter()
    first: dict[str, int] = {}
    for i, v in enumerate(vectors):
        df.update(v.keys())
        for t in v:
            first.setdefault(t, i)
    # Smoothed IDF over the blocks of this document only: no corpus statistics to ship.
    idf = {t: math.log(1.0 + n_docs / d) for t, d in df.items()}
    total: Counter[str] = Counter()
    for v in vectors:
        total.update(v)
    w2 = {t: idf[t] ** 2 for t in total}
    before: Counter[str] = Counter()
    dot = 0.0
    nb = 0.0
    na = sum(w2[t] * c * c for t, c in total.items())
    mass_after = sum(idf[t] * c for t, c in total.items())
    covered_mass = 0.0
    nterms_total = sum(total.values())
    nterms_before = 0
    cos_out, cov_out, bt, at = [], [], [], []
    for v in vectors:
        # State describes the cut *before* this block.
        cos_out.append(dot / math.sqrt(nb * na) if nb > 0 and na > 0 else 0.0)
        cov_out.append(covered_mass / mass_after if mass_after > 1e-9 else 0.0)
        bt.append(nterms_before)
        at.append(nterms_total - nterms_before)
        for t, c in v.items():
            cb, ct = before[t], total[t]
            dot += w2[t] * c * (ct - 2 * cb - c)
            nb += w2[t] * c * (2 * cb + c)
            na += w2[t] * c * (c - 2 * (ct - cb))
            if cb == 0:
                covered_mass += idf[t] * (ct - cb - c)
            else:
                covered_mass -= idf[t] * c
            mass_after -= idf[t] * c
            before[t] = cb + c
        nterms_before += sum(v.values())
    return Cohesion(tuple(cos_out), tuple(cov_out), tuple(bt), tuple(at), vectors, idf, first)


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
    dot product and norms kept up to date term by term."""
    n = len(c.vectors)
    sizes = [sum(v.values()) for v in c.vectors]
    out = [0.0] * n
    win = _Windows(c.idf)
    lsize = rsize = 0
    lo = hi = 0  # the left window is blocks lo..i-1, the right one i..hi-1
    for i in range(n):
        if i > 0:
            win.move(win.left, win.right, c.vectors[i - 1], 1)
            lsize += sizes[i - 1]
            while lo < i - 1 and lsize - sizes[lo] >= span:
                win.move(win.left, win.right, c.vectors[lo], -1)
                lsize -= sizes[lo]
                lo += 1
            if hi >= i:
                win.move(win.right, win.left, c.vectors[i - 1], -1)
                rsize -= sizes[i - 1]
        hi = max(hi, i)
        while hi < n and rsize < span:
            win.move(win.right, win.left, c.vectors[hi], 1)
            rsize += sizes[hi]
            hi += 1
        out[i] = win.cosine()
    return out


class _Windows:
    """Two term windows with their weighted dot product and squared norms."""

    def __init__(self, idf: dict[str, float]):
        self.idf = idf
        self.left: dict[str, int] = {}
        self.right: dict[str, int] = {}
        self.norms = {id(self.left): 0.0, id(self.right): 0.0}
        self.dot = 0.0

    def move(self, window: dict[str, int], other: dict[str, int], v: Counter[str], sign: int) -> None:
        key = id(window)
        for t, k in v.items():
            w2 = self.idf[t] ** 2
            old = window.get(t, 0)
            new = old + sign * k
            self.norms[key] += w2 * (new * new - old * old)
            self.dot += w2 * (new - old) * other.get(t, 0)
            if new:
                window[t] = new
            else:
                window.pop(t, None)

    def cosine(self) -> float:
        nl, nr = self.norms[id(self.left)], self.norms[id(self.right)]
        return self.dot / math.sqrt(nl * nr) if nl > 1e-12 and nr > 1e-12 else 0.0
