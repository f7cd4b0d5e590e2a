"""A lone line left in a box of chrome: a newsletter box's pitch, a related box's first link.

A newsletter box is a heading ("Sign Up for the Intelligencer Newsletter"), one line of
pitch ("Daily news about the politics, business, and technology shaping our world.") and
the form (an e-mail field, a button); a related box is a heading ("Related Topics",
"Beliebte Beiträge zum Thema:") and links. The rules know the heading, the classifier
drops the form and most links; the pitch reads as a sentence of its own and the first
link as a headline, and the classifier keeps them, alone between chrome. A short kept line
right after a line that a newsletter (or related) rule removed, and right before a line of
chrome, is that pitch (or link).

Dev half, text path, with both kinds: traf P 0.9236 -> 0.9249 (F1 0.9109 -> 0.9115), aeb
P 0.9222 -> 0.9226 (F1 0.9363 -> 0.9366), glued and append unchanged, recall unchanged on
every set. The lines cut on the dev sets: 3 newsletter pitches and a consent line of a
form (traf nymag, utopia; aeb two science-news boxes), 3 first links of related boxes
(traf gay.ch, hertha-blog, bbc) and an appended article's source line; none is story.
The same shape on the other side (a kept line before a heading, after a removed line) cut
no without snippet, and the other chrome categories as heading cut story (a comment
thread's replies, a story's first paragraph after a share bar): both are left out.
"""

from __future__ import annotations

from collections.abc import Container, Sequence

from ..article import CHROME_CATEGORIES
from ..decide import Decision
from ..features import Features

#: The rule that cuts the lone line, by the category of the heading above it.
RULES = {
    "newsletter": ("newsletter.box-pitch", "the pitch of a newsletter box, between its heading and its form"),
    "related": ("related.box-item", "a link of a related box, between its heading and the rest of the box"),
}
PITCH_RULE_ID, ITEM_RULE_ID = (RULES[c][0] for c in ("newsletter", "related"))

#: A lone line has at most this many words: the kept lines it cuts on the dev half have
#: 2-28 (the longest a consent line of a form); a paragraph of the story after a heading
#: has more, and the story goes on after it (the next line is kept).
LINE_MAX_WORDS = 30
#: The line after it is chrome: the classifier's or a chrome rule's (the form, a share
#: bar, more links). A promo line ("Mehr zum Thema: ...") after it is not: a newsletter
#: prompt and a promo sit inside a story, and the paragraph between them is the story's
#: (corpus de-newsletter-abonnieren).
CLASSIFIER = "boilerplate.classifier"


def cut_box_lines(feats: Sequence[Features], decisions: list[Decision],
                  rules_on: Container[str] | None = None) -> list[Decision]:
    """`decisions` with the lone kept lines of newsletter and related boxes removed.

    Read on the decisions as they came in: a line cut here does not open another box.
    `rules_on` holds the enabled rule ids (a Config can disable either rule; None: both).
    """
    out = list(decisions)
    for i in range(1, len(decisions) - 1):
        before, here, after = decisions[i - 1], decisions[i], decisions[i + 1]
        rule = RULES.get(before[2])
        if (rule is not None and (rules_on is None or rule[0] in rules_on) and not before[0]
                and here[0] and feats[i].words <= LINE_MAX_WORDS
                and not after[0] and (after[1] == CLASSIFIER or after[2] in CHROME_CATEGORIES)):
            out[i] = (False, rule[0], before[2], rule[1])
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
_LATER = ("The first dredgers are expected in the harbour in April, and the work should take about six "
          "months if the weather allows, the council said in a statement.\n")
PITCH_DROP_EXAMPLES = (_STORY + _BOX + _FOOTER,)
PITCH_KEEP_EXAMPLES = (
    # The story goes on after the heading: the next line is kept.
    _STORY + "Sign up for the Harbour News newsletter\n" + _PITCH + "\n" + _LATER + _FOOTER,
)
_LINK = "Fishermen in the old port say the harbour dredging will cost them their moorings for months."
ITEM_DROP_EXAMPLES = (_STORY + f"Most popular\n{_LINK}\nPrivacy Policy\n" + _FOOTER,)
ITEM_KEEP_EXAMPLES = (_STORY + f"Most popular\n{_LINK}\n" + _LATER + _FOOTER,)
