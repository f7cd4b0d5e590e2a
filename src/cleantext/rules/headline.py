"""The page title and its copy over the story: a page dump's headline, twice.

A page saved as text opens with its <title> ("Son of former German president stabbed to
death in Berlin - The Jerusalem Post") and shows the same headline again as the heading
over the story. The headline is the page's metadata (``Result.title`` reports it, and
the HTML path leaves it out of the text as trafilatura does): the article-extraction gold
of aeb holds neither copy. A clean article opens with its headline once, with no title
line above it: that headline stays (the append set's gold holds it). So the rule cuts
only a title that the page repeats: the first line and every later line with the same
words.

Dev half, text path: aeb P 0.9226 -> 0.9389, R 0.9510 -> 0.9509 (F1 0.9366 -> 0.9448; 45
of 83 pages change, 41 sites; 3 lose a little recall where the gold keeps a line with
the title's words); traf P 0.9292 -> 0.9315, R 0.8986 -> 0.8966 (F1 0.9136 -> 0.9138: 4
pages lose a without snippet that is the headline, 3 a with snippet that is); glued and
append unchanged. Only copies above the story's first paragraph go (a later copy is a
box's link or a footer's). The engine runs it after the story end, which reads the
headline-like lines of the page (run before it, one traf page's story end moved).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..classify import PROSE_MIN_WORDS
from ..decide import Decision
from ..metadata import TITLE_MIN_WORDS, title_of
from ..model import Block
from .example_story import HARBOUR_STORY

RULE_ID = "metadata.repeated-title"
CATEGORY = "metadata"
REASON = "the page's title and its copy over the story (the headline is metadata: Result.title)"

_WORD = re.compile(r"\w+")
#: cut_title judges at most this many lines as the page's title (each pass scans the
#: page once). A page has one title; the next pass only checks that the line that now
#: opens the output is no title too: on the aeb, traf, glued and append dev pages it made
#: at most 2 passes. Unbounded, a hostile text of title-and-copy pairs made it quadratic
#: (4,000 lines: 10 s).
MAX_TITLE_PASSES = 4


def _key(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text.lower()))


def title_copies(blocks: Sequence[Block], at: int = 0, kept: Sequence[bool] | None = None) -> list[int]:
    """The lines after block `at` that repeat it, when it reads as a title (else none).
    With `kept`, the blocks' keep flags: only the kept copies above the story's first
    paragraph (the first kept block of at least PROSE_MIN_WORDS words that is no copy),
    and the scan stops there.

    >>> from cleantext.segment import segment
    >>> title_copies(segment("Ferry fares rise - Harbour News\\nMenu\\nFerry fares rise\\nThe fares rise."))
    [2]
    """
    title = title_of((blocks[at],))
    if title is None:
        return []
    key = _key(title)
    if len(key) < TITLE_MIN_WORDS:
        return []
    full = _key(blocks[at].text)
    # A copy holds every word of the title (or of the title line), so its longest word: that
    # substring test skips the word split of nearly every other block (it was 90% of this
    # rule's time).
    a, b = max(key, key=len), max(full, key=len)
    found = []
    for k in range(at + 1, len(blocks)):
        if kept is not None and not kept[k]:
            continue
        text = blocks[k].text
        low = text.lower()
        if (a in low or b in low) and blocks[k].kind == "line" and _key(text) in (key, full):
            found.append(k)
        elif kept is not None and len(text.split()) >= PROSE_MIN_WORDS:
            break  # the story's first paragraph
    return found


def cut_title(blocks: Sequence[Block], decisions: list[Decision]) -> list[Decision]:
    """`decisions` with the page title and its copies cut, when the page repeats its title.

    The title is the first line, and then the first kept line: once a title and its
    copies go, the line that opens the output is the title of the next pass, so it is
    judged the same way here (cleaning twice gives the same text, for up to
    MAX_TITLE_PASSES titles in a row). Only the copies above the story's first paragraph
    count and go (see title_copies): a copy further down is a box's or a footer's link,
    which the other rules judge (and the story end reads the lines around it).
    """
    out = list(decisions)
    at = 0
    for _ in range(MAX_TITLE_PASSES):
        if at >= len(blocks):
            break
        # Every block above `at` is dropped here (`at` is the line that opens the output),
        # so the story's first paragraph lies below it. Copies that the output shows count:
        # a dropped copy is not there for the next pass.
        above = title_copies(blocks, at, [d[0] for d in out])
        if above:
            for i in (at, *above):
                if out[i][0]:
                    out[i] = (False, RULE_ID, CATEGORY, REASON)
        elif out[at][0]:
            break  # the line that opens the output has no copy: the next pass stops here too
        # The next title is the line that now opens the output.
        at = next((i for i in range(at + 1, len(blocks)) if out[i][0]), len(blocks))
    return out


_HEADLINE = "Harbour dredging approved after long debate"
DROP_EXAMPLES = (
    f"{_HEADLINE} - Harbour News\nHome\nNews\nSport\n{_HEADLINE}\n" + HARBOUR_STORY,
    f"{_HEADLINE} | Local | Harbour News\n{_HEADLINE}\nBy Ana Costa\n" + HARBOUR_STORY,
)
KEEP_EXAMPLES = (
    # A clean article: the headline once, over its story.
    f"{_HEADLINE}\n" + HARBOUR_STORY,
    # A heading that shares the title's first words is not its copy.
    f"{_HEADLINE} - Harbour News\nHarbour dredging approved\n" + HARBOUR_STORY,
)
