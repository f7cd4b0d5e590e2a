"""Runs of teasers: excerpts of other stories, each cut off with an ellipsis.

A news page lists other stories as a headline and the first lines of each, cut off
mid-sentence: "... residents of the Indian state may soon...". Each excerpt reads as
prose on its own, so the classifier keeps it (aeb dev 5f9c5ed5: ten of them above the
story, more than half the kept text). One paragraph that ends in an ellipsis is common in
a story ("Here's what he had to say…"); several in a row are a list of teasers.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..classify import PROSE_MIN_WORDS
from ..decide import Decision
from ..features import Features
from ..model import Block
from .example_story import HARBOUR_LATER, HARBOUR_STORY

RULE_ID = "related.teaser-run"
CATEGORY = "related"
REASON = "a run of teasers: excerpts of other stories, each cut off with an ellipsis"

#: At least this many excerpts in a row make a teaser list. On the dev half (aeb, traf,
#: append) every run of 3 or more sits in a list of other stories; single and paired
#: ellipsis endings are a story's own ("Here's what he had to say…").
TEASER_MIN_RUN = 3
#: An excerpt is paragraph-sized: at least this many words (a "Read more..." link is not).
TEASER_MIN_WORDS = 12
#: Two excerpts of one run are adjacent or have at most one line between them of at most
#: this many words (the next teaser's headline or date), counting kept blocks only.
TEASER_GAP_MAX_WORDS = 25
#: The cut is made only when the page keeps at least this many characters of other prose
#: (blocks of at least PROSE_MIN_WORDS words):
#: a page that is only a list of teasers (an archive or section page) keeps them.
TEASER_MIN_OTHER_CHARS = 500

# An excerpt ends in an ellipsis: "...", "....", "…", "[…]", "[...]", after anything.
_ELLIPSIS_END = re.compile(r"(?:\.{3,}|…)\s*\]?[\s\"'”’)]*$")
_TAIL_CHARS = 24


def _ends_in_ellipsis(block: Block) -> bool:
    # The end of a block is enough for the test (a search over the whole block cost more
    # than the rest of this rule).
    return _ELLIPSIS_END.search(block.text[-_TAIL_CHARS:]) is not None


def teaser_runs(blocks: Sequence[Block], feats: Sequence[Features], kept: Sequence[bool]) -> list[tuple[int, int]]:
    """(first, last) block of every run of at least TEASER_MIN_RUN kept excerpts.

    Runs are read over the kept blocks only, the way the output shows them: a run found
    here is found again when the output is cleaned again (idempotence).
    """
    shown = [i for i, k in enumerate(kept) if k]
    # An excerpt is (first, last) positions in `shown`.
    excerpts = []
    for n, i in enumerate(shown):
        if _ends_in_ellipsis(blocks[i]):
            first = _excerpt_start(blocks, feats, shown, n)
            if sum(feats[shown[m]].words for m in range(first, n + 1)) >= TEASER_MIN_WORDS:
                excerpts.append((first, n))
    runs: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(excerpts) + 1):
        if k < len(excerpts) and _joined(feats, shown, excerpts[k - 1][1], excerpts[k][0]):
            continue
        if k - start >= TEASER_MIN_RUN:
            runs.append((shown[excerpts[start][0]], shown[excerpts[k - 1][1]]))
        start = k
    return runs


#: In a glued line an excerpt is cut into pieces: the chunks of a long sentence without
#: punctuation (segment.chunks: the teaser's headline run into its first words) and its
#: sentences ("Headline NEW YORK: An Indian-origin man has pleaded guilty to ... loans.
#: Raminder Singh Rekhi, 41,..."). It starts at most this many pieces before the one that
#: ends in the ellipsis: an excerpt is two or three sentences (aeb dev 5f9c5ed5, glued:
#: ten teasers of two pieces each, the first a chunk of 18 words, the others a sentence
#: of 35-40 words, each ended by a sentence of 3-5 words and an ellipsis).
EXCERPT_MAX_PIECES = 3


def _excerpt_start(blocks: Sequence[Block], feats: Sequence[Features], shown: Sequence[int], n: int) -> int:
    """The first position in `shown` of the excerpt that ends at position n.

    On lines an excerpt is its line. In a glued line it goes back over the adjacent kept
    pieces of the same line: over the chunks of its sentence (pieces that end without
    sentence punctuation) and over whole sentences until it holds TEASER_MIN_WORDS, and
    over whole sentences when the previous excerpt's ellipsis ends right before them
    (between two excerpts lies one teaser); never past an ellipsis.
    """
    def joins(m: int) -> bool:  # whether the piece before position m is of the same line, kept
        a, b = blocks[shown[m - 1]], blocks[shown[m]]
        return b.kind == "sentence" and shown[m - 1] == shown[m] - 1 and a.para == b.para

    first, words = n, feats[shown[n]].words
    while n - first < EXCERPT_MAX_PIECES and first > 0 and joins(first) and (
            not feats[shown[first - 1]].ends_sentence or words < TEASER_MIN_WORDS):
        if _ends_in_ellipsis(blocks[shown[first - 1]]):
            return first
        first -= 1
        words += feats[shown[first]].words
    back = first
    while n - back < EXCERPT_MAX_PIECES and back > 0 and joins(back):
        if _ends_in_ellipsis(blocks[shown[back - 1]]):
            return back
        back -= 1
    return first


def _joined(feats: Sequence[Features], shown: Sequence[int], a: int, b: int) -> bool:
    """Whether the excerpt ending at a and the one starting at b (positions in `shown`)
    are adjacent or one short line apart."""
    return b - a == 1 or (b - a == 2 and feats[shown[a + 1]].words <= TEASER_GAP_MAX_WORDS)


def teaser_cuts(blocks: Sequence[Block], feats: Sequence[Features], kept: Sequence[bool]) -> list[int]:
    """The kept blocks that lie in a teaser run, when the page keeps other prose too."""
    runs = teaser_runs(blocks, feats, kept)
    if not runs:
        return []
    inside = {i for a, b in runs for i in range(a, b + 1)}
    other = sum(len(blocks[i].text) for i, k in enumerate(kept)
                if k and i not in inside and feats[i].words >= PROSE_MIN_WORDS)
    if other < TEASER_MIN_OTHER_CHARS:
        return []
    return sorted(i for i in inside if kept[i])


def cut_teasers(blocks: Sequence[Block], feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """`decisions` with the kept blocks of teaser runs removed."""
    cuts = teaser_cuts(blocks, feats, [d[0] for d in decisions])
    if not cuts:
        return decisions
    out = list(decisions)
    for i in cuts:
        out[i] = (False, RULE_ID, CATEGORY, REASON)
    return out


_STORY = HARBOUR_STORY + HARBOUR_LATER
_TEASERS = (
    "Bridge repairs start in May LONDON: Repairs to the old bridge will start in May and close "
    "the road for cars for about six weeks, the council said on Friday, adding that...\n"
    "Ferry line to the islands returns PORTSMOUTH: The ferry line to the islands will run again "
    "from June after two years, the operator said. Tickets will cost...\n"
    "School board elects new chair LEEDS: The school board elected a former teacher as its chair "
    "on Thursday, the first woman in the post since the board was set up in…\n"
)
DROP_EXAMPLES = (_STORY + _TEASERS, _TEASERS + _STORY)
KEEP_EXAMPLES = (
    # One paragraph ending in an ellipsis is the story's own.
    _STORY + "Asked what the dredging would change for them, the fishermen had one answer, and it "
    "was the same every time...\n",
    # A page that is only teasers (a section page) keeps them.
    _TEASERS,
)
