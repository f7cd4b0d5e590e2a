"""A related-links box inside the story: a tail header with the story going on after it.

A tail rule ("Related articles" on its own line) cuts everything after it: on most pages
that header starts the links, comments and footer below the story. Some sites put a box
of two or three headline links in the middle of the story under the same header, and the
story goes on below it (aeb dev 624fcd90: the cut took 85% of the story). This pass
tells the two apart before the verdicts are made: when the header is followed by a few
short link lines and then by paragraphs of prose that go on talking about what the story
before the header talked about, only the header and its links are cut (as block hits of
the same rule), and the tail is looked for again after the resumed prose.

An appended article after a related header (the append set) does not pass: its first
lines are a source and a time ("vg247.com", "7 minutes ago"), not headline links, and its
prose talks about something else.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..classify import PROSE_MIN_WORDS
from ..features import Features, stopwords
from ..model import Block
from .cohesion import terms
from .markers import is_relative_time, is_source_line
from .match import Hit, KeywordIndex, RuleHits, match_rules

#: A box holds at least one and at most this many link lines between the header and the
#: resumed prose. Inline boxes seen on the aeb pages hold 2-3 links; a related section
#: at the end of a page holds more, or no prose after it.
BOX_MAX_ITEMS = 4
#: ... each a headline: at most this many words (decide.HEADLINE_MAX_WORDS).
BOX_ITEM_MAX_WORDS = 25
#: The story resumes with at least this many consecutive paragraphs that read as prose on
#: their own: a full sentence (PROSE_MIN_WORDS words, ending in sentence punctuation) that
#: stage one leans to keep (RESUME_MIN_ALONE).
RESUME_MIN_BLOCKS = 2
RESUME_MIN_ALONE = 0.5
#: ... that together hold at least this many characters.
RESUME_MIN_CHARS = 250
#: ... and at least this share of the content terms (cohesion.terms: stemmed, no stopwords)
#: of those paragraphs (the first RESUME_WINDOW blocks of prose) occurs on the page before
#: the header. A weak guard, not the test: on the dev half the two inline boxes (aeb
#: 624fcd90, traf reuters "Related Coverage") share 0.15 and 0.11, while 15 of the 25
#: articles appended after a related header in the append set share less than 0.1 (all 25
#: already fail the shape test: a source or time line comes first).
RESUME_MIN_SHARED = 0.1
RESUME_WINDOW = 4
#: In a glued line (a page dumped in one line, split into sentences) the chrome after a
#: related header splits into sentences that read as prose too (a comment form, an
#: author's bio, "This story has been shared 44,976 times."), so there the prose that
#: resumes must also run on for at least this share of the prose above the header: a box
#: inside the story sits in its first part. Dev half: the glued inline box (aeb 624fcd90)
#: resumes with 509 characters of prose after 516 (0.99), the seven glued related
#: sections that passed the other tests with 0.07-0.33 (comment forms, bios, share
#: counts); the line inline boxes of aeb and traf have 1.7 and 0.68 (not tested).
GLUED_RESUME_MIN_SHARE = 0.5

#: The categories of the tail headers that can open a box inside the story. An author box
#: ("About the author", metadata.author-box) is a header, the author's name and a bio:
#: the shape of a box followed by resumed prose, but the bio is not the story (traf dev
#: basicthinking, 2 kept bio snippets; traf P 0.9230 -> 0.9236, other sets unchanged).
#: Comment headers (comments.*) open no inline box either: the prose after them is the
#: thread (no dev output changed).
BOX_CATEGORIES = frozenset({"related"})

#: Added to the tail rule's reason on the blocks of an inline box.
REASON_SUFFIX = "; here a box of links inside the story, which goes on after it"


def inline_boxes(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
                 hits: RuleHits, tail_rules: KeywordIndex, site: str | None, timeout: float,
                 language: str | None) -> RuleHits:
    """`hits` with each tail hit that opens a box inside the story made block hits.

    `tail_rules` is the keyword index of the document's tail rules (its `rules`), built
    once per rule set, as the engine builds the index of all its rules.

    The header and its link lines become block hits of the tail rule; the tail is then the
    next tail-rule header after the resumed prose (or none). Returns `hits` itself when no
    tail hit opens an inline box.
    """
    tail = hits.tail
    if tail is None:
        return hits
    blocks_hit = dict(hits.blocks)
    changed = False
    while tail is not None and tail.rule.category in BOX_CATEGORIES:
        resume = _resumes_at(blocks, feats, alone, tail.block)
        if resume is None or not _continues_story(blocks, feats, alone, tail.block, resume, language):
            break
        box_rule = replace(tail.rule, reason=tail.rule.reason + REASON_SUFFIX)
        for i in range(tail.block, resume):
            blocks_hit.setdefault(i, Hit(box_rule, i, 0, len(blocks[i].text)))
        changed = True
        tail = _next_tail(blocks, feats, tail_rules, site, resume, timeout)
    if not changed:
        return hits
    return replace(hits, blocks=dict(sorted(blocks_hit.items())), tail=tail)


def _is_prose(f: Features, a: float) -> bool:
    return f.words >= PROSE_MIN_WORDS and f.ends_sentence and a >= RESUME_MIN_ALONE


def _resumes_at(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
                header: int) -> int | None:
    """The block where prose resumes after a header and 1..BOX_MAX_ITEMS link lines."""
    n = len(feats)
    i = header + 1
    while i < n and i - header - 1 <= BOX_MAX_ITEMS and not _is_prose(feats[i], alone[i]):
        f = feats[i]
        if f.words > BOX_ITEM_MAX_WORDS or f.datelike or _source_or_time(blocks[i].text):
            return None
        i += 1
    items = i - header - 1
    glued = blocks[header].kind == "sentence"  # a header split out of a glued line
    # In a glued line the links run into the next sentence: no line of their own.
    least = 0 if glued else 1
    if not least <= items <= BOX_MAX_ITEMS or i >= n:
        return None
    run = i
    chars = 0
    while run < n and _is_prose(feats[run], alone[run]):
        chars += feats[run].chars
        run += 1
    if run - i < RESUME_MIN_BLOCKS or chars < RESUME_MIN_CHARS:
        return None
    if glued:
        before = sum(feats[k].chars for k in range(header) if _is_prose(feats[k], alone[k]))
        if chars < GLUED_RESUME_MIN_SHARE * before:
            return None
    return i


def _continues_story(blocks: Sequence[Block], feats: Sequence[Features], alone: Sequence[float],
                     header: int, resume: int, language: str | None) -> bool:
    """Whether the prose after the box shares words with the page before the header."""
    stops = stopwords(language)
    memo: dict[str, str] = {}
    before: set[str] = set()
    for i in range(header):
        before.update(terms(blocks[i].text, stops, memo))
    after: set[str] = set()
    for i in range(resume, min(len(feats), resume + RESUME_WINDOW)):
        if not _is_prose(feats[i], alone[i]):
            break
        after.update(terms(blocks[i].text, stops, memo))
    return bool(after) and len(after & before) >= RESUME_MIN_SHARED * len(after)


def _next_tail(blocks: Sequence[Block], feats: Sequence[Features], tail_rules: KeywordIndex,
               site: str | None, start: int, timeout: float) -> Hit | None:
    """The first block from `start` on that a tail rule fires on.

    The tail rules are matched by match_rules itself, as on the whole page: the same
    keyword prefilter, whitespace collapsing and per-rule time budget for the document.
    """
    tail = match_rules(blocks[start:], tail_rules.rules, site, timeout, [f.words for f in feats[start:]],
                       tail_rules).tail
    return None if tail is None else replace(tail, block=tail.block + start)


def _source_or_time(text: str) -> bool:
    """Whether a line is a source or time line (an appended article's head, not a link)."""
    return is_source_line(text) or is_relative_time(text)
