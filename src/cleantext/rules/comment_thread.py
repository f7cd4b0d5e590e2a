"""A comment thread found by its signatures: "jjackwagon says: November 19, 2019 at 9:03 am".

Blogs and news sites on WordPress sign every comment with the author, "says:", the date
and the time. On a page dumped with its line breaks the author line is a block of its own
(comments.author-says cuts it); on a page glued into one line (the glued set) the
signatures sit inside sentences, and the comments read as prose: aeb dev 8e3efab5 glued
kept 35 comments after the story (precision 0.12). Two or more such signatures mark a
thread: everything from the block holding the first one to the end of the page is cut.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

import regex

from ..decide import TAIL_MIN_PROSE_BEFORE, Decision
from ..model import Block

RULE_ID = "comments.signature-thread"
CATEGORY = "comments"
REASON = "a comment thread: comments signed 'name says: date at time'"

#: A thread has at least this many signatures: one "X says: <date> at <time>" can be a
#: quoted post; two with a date and a time each are comments (dev half: 2 aeb/glued pages
#: and 2 traf pages have two or more, all of them comment threads after the story).
THREAD_MIN_SIGNATURES = 2

# "says:" then a date with a time ("November 19, 2019 at 6:34 am", "19.11.2019 at 18:34").
# The date and the time are required: "The report says: November was the wettest month"
# is prose.
_SIGNATURE = regex.compile(
    r"\bsays\s*:\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})\s+(?:at\s+)?\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?",
    regex.IGNORECASE,
)


def thread_start(text: str, blocks: Sequence[Block]) -> int | None:
    """The block holding the first comment signature, when the page has a thread."""
    if "says" not in text and "Says" not in text and "SAYS" not in text:
        return None
    found = []
    for m in _SIGNATURE.finditer(text):
        found.append(m.start())
        if len(found) >= THREAD_MIN_SIGNATURES:
            break
    if len(found) < THREAD_MIN_SIGNATURES or not blocks:
        return None
    starts = [b.start for b in blocks]
    return max(0, bisect_right(starts, found[0]) - 1)


def cut_thread(text: str, blocks: Sequence[Block], decisions: list[Decision]) -> tuple[list[Decision], int | None]:
    """`decisions` with the comment thread cut, and the block it starts at (None: no cut).

    The thread is cut only after TAIL_MIN_PROSE_BEFORE characters of kept text, like a
    tail rule: a page that opens with the thread has no story above it to protect.
    """
    start = thread_start(text, blocks)
    if start is None:
        return decisions, None
    if sum(len(blocks[i].text) for i in range(start) if decisions[i][0]) < TAIL_MIN_PROSE_BEFORE:
        return decisions, None
    out = list(decisions)
    for i in range(start, len(out)):
        if out[i][0] or out[i][1] == "boilerplate.classifier":
            out[i] = (False, RULE_ID, CATEGORY, REASON)
    return out, start


_STORY = (
    "The city council approved the new harbour budget on Monday after a three-hour debate, "
    "with nine members voting in favour and two against the plan to dredge the old port. "
    "Mayor Ana Ruiz said the harbour dredging would begin in spring and cost the city about "
    "4 million euros, most of it covered by a regional grant for ports. "
    "Opponents of the harbour plan said the council had not studied the effect of dredging "
    "on the fishing boats that still use the old port every morning. "
    "The first dredgers are expected in the harbour in April, and the work should take about "
    "six months if the weather allows, the council said in a statement on Tuesday. "
    "Fishermen who moor their boats in the old port said the dredging would close the port for "
    "weeks, and asked the council for compensation before the work starts in spring. "
    "Ruiz said the council would publish the engineers' report on the harbour before the "
    "dredging starts, and promised that the fishing boats could keep their moorings."
)
_THREAD = (
    " 2 thoughts on “Council approves dredging” harbourfan says: November 19, 2019 at 6:34 am "
    "About time the council did something for the port, it has been silting up for years. "
    "Jo Smith says: November 19, 2019 at 7:02 am Four million euros is a lot of money for mud. "
    "Sam says: November 19, 2019 at 8:15 am My grandfather fished from that port, and it was "
    "never this shallow when he was young, so something has to be done about it."
)
# Without the "2 thoughts on" header when glued: in a glued line the header is a block of
# its own and comments.thread-header (a data rule) cuts from it before this rule runs.
_GLUED_THREAD = _THREAD.replace(" 2 thoughts on “Council approves dredging”", "")
DROP_EXAMPLES = (_STORY + _GLUED_THREAD,
                 _STORY.replace(". ", ".\n") + _THREAD.replace(" harbourfan", "\nharbourfan"))
KEEP_EXAMPLES = (
    # One signed quote is not a thread; "says:" without a date and time is prose. (The
    # stories are glued into one line of over LONG_LINE_CHARS, split into sentences.)
    _STORY + " The harbour master says: November 19, 2019 at 6:34 am the tide was at its lowest in years.",
    _STORY + " The report says: dredging will cost more. The mayor says: it will not.",
)
