"""What each block is on its own, for the story end: measured once per document.

Markers (a "Related Articles" header, an aggregator card's source and time lines), calls
to action, headline shapes, list items and prose, and the language of the prose on either
side of a candidate. The story end (story_end.py) only looks these up per candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import regex

from .. import lang
from ..features import Features
from ..model import Block
from . import markers

#: A header followed by at least this many short headline lines to the end is a list of
#: links (story_end.W_LIST).
MIN_LIST_LINES = 2
#: A headline is this many words at most (the longest in append dev had 19).
MAX_HEADLINE_WORDS = 25
#: The prose that follows a headline: at least this many words in the next kept block.
MIN_PROSE_WORDS = 12
#: ... and at least this share of stopwords: a line of results ("Palm Bay (1-0): Tolivert
#: 25 points. Davis 17 points.") is long but no prose, so the line above it is no headline
#: (aeb gold c81e134e fed alone was cut at "Cocoa d. West Shore 61-21"). Prose in the dev
#: pages runs 0.3-0.5 in English and German; 0.1 leaves room for CJK character counts.
MIN_PROSE_STOP_DENSITY = 0.1
#: Digits share above which a stopword-poor line is results or a table, not prose.
MAX_PROSE_DIGITS = 0.05
#: Letters needed on each side before langdetect is asked, and the sample it gets.
MIN_LANG_LETTERS = 200
LANG_SAMPLE = 400

# A line "ends a clause" when its last character before closing quotes and brackets is
# one of these (the regex [.;:,]['"”’»)\]]*$, tested without scanning the line).
CLAUSE_END = ".;:,"
CLOSERS = "'\"”’»)]"
ELLIPSIS = regex.compile(r"(?:\.\.\.|…)$")
# Interview and list lines look like headlines but belong to the story: "Q: ...", "3. ..."
NOT_HEADLINE = regex.compile(r"^(?:[QA]\s*:|\d{1,2}[.)]\s|[-•*–]\s)")


@dataclass(frozen=True)
class Facts:
    """What each block is on its own, measured once per document (the passes and the
    candidates only look these up: the cost stays linear in blocks)."""

    header: tuple[bool, ...]  # "Related Articles"
    card: tuple[bool, ...]  # a source or relative-time line of an aggregator card
    lone_card: tuple[bool, ...]  # a host name or time stamp: a card even on its own
    card_name: tuple[bool, ...]  # "Straits Times" right before "16 minutes ago"
    call: tuple[bool, ...]  # "Sign up now: ..."
    headline: tuple[bool, ...]  # the shape of a headline (prose after it is checked later)
    short: tuple[bool, ...]  # short and without sentence punctuation: a list item
    prose: tuple[bool, ...]  # long enough to be prose after a headline

    def marker(self, i: int) -> bool:
        return self.header[i] or self.card[i]


def facts_of(blocks: Sequence[Block], feats: Sequence[Features], kept: Sequence[bool]) -> Facts:
    header, card, lone, name, call, headline, short, prose = ([] for _ in range(8))
    times: list[bool] = []
    # Marker lines matter only in a gap between two kept blocks (and the line after the
    # last one, for a card name): the menus above the story and the footer below it are
    # not tested (ANY_MARKER costs ~20 us a line, the largest part of this function).
    first = kept.index(True) if True in kept else len(kept)
    last = len(kept) - 1 - kept[::-1].index(True) if True in kept else -1
    for i, (b, f, k) in enumerate(zip(blocks, feats, kept)):
        text = b.text.strip()
        small = len(text) <= 60
        time = host = head = src = False
        if first <= i <= last + 1 and (small or f.words <= 8) and markers.ANY_MARKER.match(text):
            time = small and markers.is_relative_time(text)
            host = small and bool(markers.SOURCE_HOST.match(text))
            head = markers.is_related_header(text)
            src = small and markers.is_source_line(text)
        bare = text.rstrip(CLOSERS)
        ends = bool(bare) and bare[-1] in CLAUSE_END
        header.append(head)
        card.append(time or src)
        lone.append(time or host)
        times.append(time)
        call.append(k and f.words <= 40 and markers.is_call_to_action(text))
        headline.append(k and headline_shape(b, f, text, ends))
        short.append(f.words <= MAX_HEADLINE_WORDS and not ends)
        # Stopwords are counted with the story's stoplist: an appended article in another
        # language has few of them, but it has clauses (commas) and few digits.
        prose.append(f.words >= MIN_PROSE_WORDS and (
            f.stop_density >= MIN_PROSE_STOP_DENSITY or (f.commas >= 1 and f.digits < MAX_PROSE_DIGITS)))
        name.append(f.words <= 5 and not ends)
    name = [ok and i + 1 < len(times) and times[i + 1] for i, ok in enumerate(name)]
    return Facts(*(tuple(x) for x in (header, card, lone, name, call, headline, short, prose)))


def headline_shape(b: Block, f: Features, text: str, ends: bool) -> bool:
    """A line of 3-25 words without sentence punctuation (an ellipsis is allowed), not an
    interview or list line. Prose must follow it for a headline; the candidate checks that."""
    if b.kind != "line" or not 3 <= f.words <= MAX_HEADLINE_WORDS:
        return False
    if ends and not ELLIPSIS.search(text):
        return False
    return f.sentences <= 1 and not NOT_HEADLINE.match(text)


def only_short_after(facts: Facts, counted: Sequence[bool]) -> list[bool]:
    """Per block: at least MIN_LIST_LINES counted blocks from it to the end, all short
    lines without sentence punctuation (a header followed by a list of headlines)."""
    out = [False] * len(counted)
    lines, ok = 0, True
    for j in range(len(counted) - 1, -1, -1):
        if counted[j]:
            lines += 1
            ok = ok and facts.short[j]
        out[j] = ok and lines >= MIN_LIST_LINES
    return out


class Langs:
    """The story's language and the language after a candidate, from prose blocks only
    (a list of scores or names is no sample: langdetect called one "fi"). Asked at most
    once per pass, and the story's language once per document."""

    def __init__(self, texts: Sequence[str], facts: Facts, kept: Sequence[bool]):
        self.texts, self.facts, self.kept = texts, facts, kept
        self._story: str | None | bool = False

    def story(self) -> str | None:
        if self._story is False:
            self._story = self._detect(range(len(self.texts)))
        return self._story  # type: ignore[return-value]

    def after(self, i: int, end: int) -> str | None:
        return self._detect(range(i, end))

    def _detect(self, idx: range) -> str | None:
        picked: list[str] = []
        size = 0
        for j in idx:
            if size >= LANG_SAMPLE:
                break
            if self.kept[j] and self.facts.prose[j]:
                picked.append(self.texts[j])
                size += len(self.texts[j])
        sample = " ".join(picked)[:LANG_SAMPLE]
        # The letters counted by a map in C, not a generator: a third of the story end's
        # time per candidate went to this count.
        if sum(map(str.isalpha, sample)) < MIN_LANG_LETTERS:
            return None
        # The stoplist vote answers only for running text (a list of names and scores
        # has too few stopwords; langdetect called one such story "fi"); langdetect is
        # asked only for scripts without stoplists.
        return lang.stopword_vote(sample) or (lang.detect(sample) if lang.is_cjk(sample) else None)
