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
form (traf nymag, utopia; aeb two science-news boxes), 2 first links of related boxes
(traf gay.ch, hertha-blog) and an appended article's source line; none is story.
The same shape on the other side (a kept line before a heading, after a removed line) cut
no without snippet, and the other chrome categories as heading cut story (a comment
thread's replies, a story's first paragraph after a share bar): both are left out.

A third box is the profile box of a blog's sidebar: a label ("Über Creeny", "About me",
"Über uns") that the page drops, then the blogger's or the club's self-portrait ("Hallo,
ich bin Foodbloggerin ...", "Seit 50 Jahren sind wir als Knabenchor aktiv ..."), which
reads as prose, then chrome ("Zeige alle Beiträge von Creeny »"). No rule knows the label
as chrome on its own ("Über den Wolken", "About Python" open stories and sections too), so
the label is a pattern here and counts only when the page removed it. Dev half, text path:
traf P 0.9249 -> 0.9267 (F1 0.9115 -> 0.9124: creeny, backenmachtgluecklich, chorknaben,
4 without snippets), other sets unchanged; the other line it cuts is a cookie notice. Like
the other boxes, only below the story's first paragraph ("Über uns" ends many menus above
the headline). A kept label is the story's ("About my6sense" over a press release's
company paragraph, aeb dev dfd43bc0: gold).
"""

from __future__ import annotations

from collections.abc import Container, Sequence

import regex

from ..article import CHROME_CATEGORIES
from ..classify import PROSE_MIN_WORDS
from ..decide import Decision
from ..features import Features
from .example_story import HARBOUR_LATER, HARBOUR_STORY

#: The rule that cuts the lone line, by the category of the heading above it.
RULES = {
    "newsletter": ("newsletter.box-pitch", "the pitch of a newsletter box, between its heading and its form"),
    "related": ("related.box-item", "a link of a related box, between its heading and the rest of the box"),
}
PITCH_RULE_ID, ITEM_RULE_ID = (RULES[c][0] for c in ("newsletter", "related"))
ABOUT_RULE_ID = "navigation.about-box"
TEASER_RULE_ID = "related.teaser-headline"
RULE_IDS = frozenset({PITCH_RULE_ID, ITEM_RULE_ID, ABOUT_RULE_ID, TEASER_RULE_ID})
TEASER_REASON = "the first headline of a list of other stories (headline, byline, date) after the story"
ABOUT_REASON = "the self-portrait in a profile box ('About me', 'Über uns') beside the story"
#: The label of a profile box: "About" / "Über" / "À propos de" / "Sobre" and one to three
#: words, or a fixed "about us" label (Polish, Italian, Dutch).
ABOUT_LABEL = regex.compile(
    r"^\W*(?:(?:about|über|à\s+propos\s+d(?:e|u|['’])|sobre)\s*\S+(?:\s+\S+){0,2}"
    r"|o\s+(?:nas|mnie|autorze|autorce|blogu|firmie)|chi\s+(?:siamo|sono)|over\s+(?:ons|mij))\W*$",
    regex.IGNORECASE,
)

#: A newsletter or related heading opens a box only below the story's first paragraph of
#: prose (a block of PROSE_MIN_WORDS words kept above it): "Newsletter", "Top stories" and
#: "Latest news" are menu entries above the story as often as boxes below it, and the line
#: under them there can be the headline (dev half: bbc's "Related Topics" over a topic link
#: at the top and one of utopia's two consent lines are left alone; no other cut changes).
#: A lone line has at most this many words: the kept lines it cuts on the dev half have
#: 2-28 (the longest a consent line of a form); a paragraph of the story after a heading
#: has more, and the story goes on after it (the next line is kept).
LINE_MAX_WORDS = 30
#: The line after it is chrome: the classifier's or a chrome rule's (the form, a share
#: bar, more links). A promo line ("Mehr zum Thema: ...") after it is not: a newsletter
#: prompt and a promo sit inside a story, and the paragraph between them is the story's
#: (corpus de-newsletter-abonnieren).
CLASSIFIER = "boilerplate.classifier"
#: A profile box's label has at most this many words ("À propos de l'auteur").
ABOUT_LABEL_MAX_WORDS = 5

# A fourth lone line is the first headline of a list of other stories after the story,
# each a headline, its byline and its date ("Liberman: Both parties are to blame ..." /
# "By JERUSALEM POST STAFF" / "11/20/2019 01:14 PM"): the metadata rules cut the bylines
# and dates, the classifier the later headlines, but the first headline sits right after
# the story's last paragraph and is kept with it. A kept headline-like line (no sentence
# end) right after kept prose, followed by lines a metadata rule cut and then by a line
# that is not kept, is that headline: a subheading of the story has the story after its
# date line, and the headline above the story has the story after its byline. An item
# inside the list (the previous item's date above it, its headline cut) is the same line
# (bbc's "More on this story": headline, date, headline, date). Dev half, text path: aeb P
# 0.9411 -> 0.9427 (F1 0.9460 -> 0.9468: jpost, bbc), glued F1 0.9069 -> 0.9071
# (autoindustriya), traf and append unchanged (traf journal.3960's "Kommentieren &
# diskutieren auf Twitter" under a post goes too); none of the 4 lines is gold.
#: The headline has at least this many words (and at most TEASER_MAX_WORDS): the two gold
#: lines of the same shape on the dev half are a credit ("Contributing: Kristine
#: Phillips", 3 words) and a quoted tweet's sign-off ("— Rep. Ilhan Omar (@Ilhan) ...",
#: which opens with a dash).
TEASER_MIN_WORDS = 5
TEASER_MAX_WORDS = 20
_OPENS_WITH_DASH = regex.compile(r"^\s*[-–—―]")


def _teaser_headline(texts: Sequence[str], feats: Sequence[Features], decisions: Sequence[Decision], i: int) -> bool:
    """Whether kept block `i` is the first headline of a teaser list after the story."""
    if not decisions[i][0]:
        return False
    before = decisions[i - 1]
    first = before[0] and feats[i - 1].words >= PROSE_MIN_WORDS  # the list's first item
    # ... or an item inside the list: the previous item's date above, its headline cut.
    inside = not before[0] and before[2] == "metadata" and i >= 2 and not decisions[i - 2][0]
    if not (first or inside):
        return False
    if not TEASER_MIN_WORDS <= feats[i].words <= TEASER_MAX_WORDS:
        return False
    if feats[i].ends_sentence or _OPENS_WITH_DASH.match(texts[i]):
        return False
    j = i + 1
    while j < len(decisions) and not decisions[j][0] and decisions[j][2] == "metadata":
        j += 1
    return j > i + 1 and j < len(decisions) and not decisions[j][0]


def cut_box_lines(texts: Sequence[str], feats: Sequence[Features], decisions: list[Decision],
                  rules_on: Container[str] | None = None) -> list[Decision]:
    """`decisions` with the lone kept lines of newsletter, related and profile boxes removed.

    Read on the decisions as they came in: a line cut here does not open another box.
    `rules_on` holds the enabled rule ids (a Config can disable each rule; None: all).
    """
    out = list(decisions)
    about_on = rules_on is None or ABOUT_RULE_ID in rules_on
    teaser_on = rules_on is None or TEASER_RULE_ID in rules_on
    story_seen = False  # a paragraph of prose kept above: the story has begun
    for i in range(1, len(decisions) - 1):
        before, here, after = decisions[i - 1], decisions[i], decisions[i + 1]
        story_seen = story_seen or (before[0] and feats[i - 1].words >= PROSE_MIN_WORDS)
        if teaser_on and _teaser_headline(texts, feats, decisions, i):
            out[i] = (False, TEASER_RULE_ID, "related", TEASER_REASON)
            continue
        if before[0] or not here[0] or after[0] or not (after[1] == CLASSIFIER or after[2] in CHROME_CATEGORIES):
            continue
        rule = RULES.get(before[2])
        if (rule is not None and (rules_on is None or rule[0] in rules_on) and feats[i].words <= LINE_MAX_WORDS
                and story_seen):
            out[i] = (False, rule[0], before[2], rule[1])
        elif (about_on and story_seen and feats[i - 1].words <= ABOUT_LABEL_MAX_WORDS
              and ABOUT_LABEL.match(texts[i - 1])):
            out[i] = (False, ABOUT_RULE_ID, "navigation", ABOUT_REASON)
    return out


_STORY = HARBOUR_STORY
_PITCH = "Daily news about the harbour, the port and the people who work there."
_BOX = f"Sign up for the Harbour News newsletter\n{_PITCH}\nEmail address\n"
_FOOTER = "Privacy Policy\nTerms of Use\nContact Us\n"
_LATER = HARBOUR_LATER
PITCH_DROP_EXAMPLES = (_STORY + _BOX + _FOOTER,)
PITCH_KEEP_EXAMPLES = (
    # The story goes on after the heading: the next line is kept.
    _STORY + "Sign up for the Harbour News newsletter\n" + _PITCH + "\n" + _LATER + _FOOTER,
)
_LINK = "Fishermen in the old port say the harbour dredging will cost them their moorings for months."
ITEM_DROP_EXAMPLES = (_STORY + f"Most popular\n{_LINK}\nPrivacy Policy\n" + _FOOTER,)
ITEM_KEEP_EXAMPLES = (_STORY + f"Most popular\n{_LINK}\n" + _LATER + _FOOTER,)
_PORTRAIT = ("Hello, I am Lena, a reporter who has lived by the old port for twenty years and writes about the "
             "harbour, its boats and its people.")
ABOUT_DROP_EXAMPLES = (_STORY + f"Home\nNews\nAbout Lena\n{_PORTRAIT}\nView all posts by Lena\n" + _FOOTER,)
ABOUT_KEEP_EXAMPLES = (
    # The label is kept (a section of the story or a press release's company note).
    _STORY + f"About the harbour\n{_PORTRAIT}\n" + _FOOTER,
)
_TEASERS = ("Ferry line to the islands returns after two years\nBy Harbour News Staff\n11/20/2019 01:14 PM\n"
            "School board elects a new chair on Thursday\nBy Harbour News Staff\n11/20/2019 10:08 AM\n")
TEASER_DROP_EXAMPLES = (_STORY + _TEASERS + _FOOTER,)
TEASER_KEEP_EXAMPLES = (
    # A subheading with its date line: the story goes on after it.
    _STORY + "The work starts in the spring\n11/20/2019 01:14 PM\n" + _LATER + _FOOTER,
    # A credit line after the story is short, a tweet's sign-off opens with a dash.
    _STORY + "Contributing: Ana Costa\nBy Harbour News Staff\n11/20/2019 01:14 PM\n" + _FOOTER,
)
