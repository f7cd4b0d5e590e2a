"""Posts embedded in a story: a tweet or an Instagram post, signed on its last line.

A story quotes a post by embedding it; a page dump keeps the post's text and its
signature: "— Mike Beauvais (@MikeBeauvais) November 18, 2019" (Twitter) or "A post
shared by Name (@handle) on Apr 21, 2019 at 4:40am PDT" (Instagram). The lines are short,
hold links and handles, and the classifier drops them, though the post is part of what
the story tells (the aeb annotators keep all 10 tweets of the 4 dev pages that embed
them; aeb dev 3f65af7b lost 6 of them). Inside the story (between its first and last kept
paragraph, or right after a kept paragraph), a signature and the few lines of the post
above it are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from ..classify import PROSE_MIN_WORDS
from ..decide import Decision
from ..features import Features
from ..model import Block

#: A post has at most this many lines above its signature (text, link, media line).
EMBED_MAX_LINES = 4

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
          r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
# "— Name (@handle) November 18, 2019" / "A post shared by Name (@handle) on Apr 21, 2019 ..."
_SIGNATURE = regex.compile(
    r"^\s*(?:[—–-]\s*[^\n]{1,80}?\(@\w{1,15}\)\s+" + _MONTH + r"\s+\d{1,2},\s+\d{4}"
    r"|a\s+(?:post|photo|video)\s+shared\s+by\s+[^\n]{1,80}?\(@[\w.]{1,30}\)\s+on\s+" + _MONTH
    + r"\s+\d{1,2},\s+\d{4}(?:\s+at\s+\d{1,2}:\d{2}\s*(?:[ap]m)?(?:\s+[A-Z]{2,5})?)?)\s*$",
    regex.IGNORECASE,
)
# The line an Instagram embed opens with: the post's text lies between it and the signature
# (traf dev elle.de: without it, the shop card above the embed was taken for the post).
_EMBED_HEADER = regex.compile(r"^\s*view\s+this\s+post\s+on\s+\w+\s*$", regex.IGNORECASE)
REASON = "a post embedded in the story (its signature or its text)"


def is_signature(text: str) -> bool:
    """Whether a line signs an embedded post.

    >>> is_signature("— Mike Beauvais (@MikeBeauvais) November 18, 2019")
    True
    >>> is_signature("Follow us on Twitter (@harbournews) for updates")
    False
    """
    return "(@" in text and bool(_SIGNATURE.match(text))


def keep_embeds(blocks: Sequence[Block], feats: Sequence[Features], decisions: list[Decision]) -> list[Decision]:
    """`decisions` with the posts embedded inside the story kept."""
    signatures = [i for i, b in enumerate(blocks) if "(@" in b.text and is_signature(b.text)]
    if not signatures:
        return decisions
    prose = [i for i, d in enumerate(decisions) if d[0] and feats[i].words >= PROSE_MIN_WORDS]
    if not prose:
        return decisions
    first, last = prose[0], prose[-1]
    out = list(decisions)
    for s in signatures:
        if s <= first:
            continue
        restore = [s]
        attached = False  # the post follows a kept paragraph directly
        for i in range(s - 1, max(s - 1 - EMBED_MAX_LINES, first - 1), -1):
            if out[i][0] and feats[i].words >= PROSE_MIN_WORDS:
                attached = True
                break
            if i in signatures or (not out[i][0] and out[i][1] != "boilerplate.classifier"):
                break  # another post, or a rule's cut (a share button, a credit)
            if _EMBED_HEADER.match(blocks[i].text):
                break  # the embed's button line: the post's text is below it, chrome above
            restore.append(i)
        if s > last and not attached:
            continue
        for i in restore:
            if out[i][1] == "boilerplate.classifier":
                out[i] = (True, "", "", REASON)
    return out
