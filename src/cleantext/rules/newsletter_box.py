"""The pitch of a newsletter box: the line under its heading that says what it sends.

A newsletter box is a heading ("Sign Up for the Intelligencer Newsletter", "Get Tone Deaf
to your inbox daily"), one line of pitch ("Daily news about the politics, business, and
technology shaping our world.") and the form (an e-mail field, a button). The newsletter
rules know the heading and the form; the pitch reads as a sentence of its own, and the
classifier keeps it (traf dev nymag: in the without snippets; aeb dev: "Get breaking
science news on monster snakes and dinosaurs, aliens, spooky particles and more!" on two
pages). A short kept line right after a line a newsletter rule removed, and right before a
removed line, is that pitch.

Dev half, text path: traf P 0.9236 -> 0.9243, aeb P 0.9222 -> 0.9226, recall unchanged on
every set; the 5 lines it cuts on the dev sets are pitches and a consent line of the form.
The same shape on the other side (a kept line right before a newsletter heading, after a
removed line) cut no without snippet on the dev half, and is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..article import CHROME_CATEGORIES
from ..decide import Decision
from ..features import Features

RULE_ID = "newsletter.box-pitch"
CATEGORY = "newsletter"
REASON = "the pitch of a newsletter box, between its heading and its form"

#: A pitch is one line of at most this many words: the kept lines it cuts on the dev half
#: have 12-28 (the longest a consent line of the form); a paragraph of the story after a
#: newsletter heading has more, and the story goes on after it (the next line is kept).
PITCH_MAX_WORDS = 30
#: The line after the pitch is chrome: the classifier's or a chrome rule's (the form, a
#: share bar). A promo line ("Mehr zum Thema: ...") after it is not: a newsletter prompt and
#: a promo sit inside a story, and the paragraph between them is the story's (corpus
#: de-newsletter-abonnieren).
CLASSIFIER = "boilerplate.classifier"


def cut_pitches(feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """`decisions` with the pitch lines of newsletter boxes removed.

    Only lines that a newsletter rule's line opens count, read on the decisions as they
    came in: a pitch cut here does not open another box under it.
    """
    out = list(decisions)
    for i in range(1, len(decisions) - 1):
        before, here, after = decisions[i - 1], decisions[i], decisions[i + 1]
        if (here[0] and feats[i].words <= PITCH_MAX_WORDS and not before[0] and before[2] == CATEGORY
                and not after[0] and (after[1] == CLASSIFIER or after[2] in CHROME_CATEGORIES)):
            out[i] = (False, RULE_ID, CATEGORY, REASON)
    return out


_STORY = (
    "The city council approved the new harbour budget on Monday after a three-hour debate, "
    "with nine members voting in favour and two against the plan to dredge the old port.\n"
    "Mayor Ana Ruiz said the harbour dredging would begin in spring and cost the city about "
    "4 million euros, most of it covered by a regional grant for ports.\n"
    "Opponents of the harbour plan said the council had not studied the effect of dredging "
    "on the fishing boats that still use the old port every morning.\n"
)
_PITCH = "Daily news about the harbour, the port and the people who work there."
_BOX = f"Sign up for the Harbour News newsletter\n{_PITCH}\nEmail address\n"
_FOOTER = "Privacy Policy\nTerms of Use\nContact Us\n"
DROP_EXAMPLES = (_STORY + _BOX + _FOOTER,)
KEEP_EXAMPLES = (
    # The story goes on after the heading: the next line is kept.
    _STORY + "Sign up for the Harbour News newsletter\n" + _PITCH + "\n"
    + "The first dredgers are expected in the harbour in April, and the work should take about six "
    "months if the weather allows, the council said in a statement.\n" + _FOOTER,
)
