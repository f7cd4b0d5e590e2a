"""Code rules: the rules that need context or statistics, registered with ids and examples.

The engine calls :func:`find_story_end` and :func:`carousel_spans` only when the rules
``story-end.topic-shift`` and ``carousel.headlines`` are in the registry (so both can be
disabled like any data rule). The logic lives in ``story_end.py`` and ``carousel.py``.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence

from ..config import Config
from ..features import Features
from ..model import Block, StoryEnd
from . import box_lines, carousel, comment_thread, headline, story_end, teasers
from .example_story import HARBOUR_STORY
from .registry import CodeRule

Span = tuple[int, int, int, str, str, str]


def carousel_spans(blocks: Sequence[Block], decisions: Sequence[tuple[bool, str, str, str]]) -> list[Span]:
    """Spans of headline carousels glued into kept paragraphs."""
    return carousel.carousel_spans(blocks, decisions)


def find_story_end(
    blocks: Sequence[Block],
    feats: Sequence[Features],
    decisions: Sequence[tuple[bool, str, str, str]],
    language: str | None,
    config: Config,
    strictness: float = 1.0,
) -> StoryEnd | None:
    """Where the story ends: the first block of appended unrelated text, or None."""
    return story_end.find_story_end(blocks, feats, decisions, language, config, strictness)


def _story_end_fires(text: str) -> bool:
    from ..api import clean_document  # the engine imports this module: import late

    return clean_document(text).story_end is not None


def _removes_with(rule_id: str, text: str) -> bool:
    """Whether cleaning `text` removes something by the rule `rule_id` (the `fires` of a
    code rule that the engine applies with context)."""
    from ..api import clean_document  # the engine imports this module: import late

    return any(r.rule == rule_id for r in clean_document(text).removals)


def _fires_by(rule_id: str) -> Callable[[str], bool]:
    return functools.partial(_removes_with, rule_id)


def _carousel_fires(text: str) -> bool:
    from ..segment import segment

    blocks = segment(text)
    return bool(carousel.carousel_spans(blocks, [(True, "", "", "")] * len(blocks)))


_STORY = HARBOUR_STORY
_APPENDED = (
    "Apple unveils thinner laptops with longer battery life\n"
    "Apple on Tuesday showed a new line of laptops that the company says are thinner and last "
    "longer on one charge, as the technology giant tries to revive slowing computer sales "
    "before the holiday shopping season and fend off rivals from Asia.\n"
    "Analysts expect the new machines to lift quarterly revenue, although chip shortages could "
    "limit how many units reach stores before December, the company warned investors.\n"
)

CODE_RULES: tuple[CodeRule, ...] = (
    CodeRule(
        id="story-end.topic-shift",
        category="story-end",
        scope="tail",
        reason="after the end of the story: appended articles (markers, headline, topic or language shift)",
        fires=_story_end_fires,
        drop_examples=(
            _STORY + "Related Articles\nStraits Times\n16 minutes ago\n- Straits Times\n" + _APPENDED,
            _STORY + _APPENDED,
        ),
        keep_examples=(
            _STORY + "Fishermen's worries\nFishermen who moor their boats in the old port said the harbour "
            "dredging would close the port for weeks, and asked the council and Mayor Ruiz for compensation "
            "before the dredging starts in spring.\n",
        ),
    ),
    CodeRule(
        id=teasers.RULE_ID,
        category=teasers.CATEGORY,
        scope="block",
        reason=teasers.REASON,
        fires=_fires_by(teasers.RULE_ID),
        drop_examples=teasers.DROP_EXAMPLES,
        keep_examples=teasers.KEEP_EXAMPLES,
    ),
    CodeRule(
        id=headline.RULE_ID,
        category=headline.CATEGORY,
        scope="head",
        reason=headline.REASON,
        fires=_fires_by(headline.RULE_ID),
        drop_examples=headline.DROP_EXAMPLES,
        keep_examples=headline.KEEP_EXAMPLES,
    ),
    CodeRule(
        id=comment_thread.RULE_ID,
        category=comment_thread.CATEGORY,
        scope="tail",
        reason=comment_thread.REASON,
        fires=_fires_by(comment_thread.RULE_ID),
        drop_examples=comment_thread.DROP_EXAMPLES,
        keep_examples=comment_thread.KEEP_EXAMPLES,
    ),
    CodeRule(
        id=box_lines.PITCH_RULE_ID,
        category="newsletter",
        scope="block",
        reason=box_lines.RULES["newsletter"][1],
        fires=_fires_by(box_lines.PITCH_RULE_ID),
        drop_examples=box_lines.PITCH_DROP_EXAMPLES,
        keep_examples=box_lines.PITCH_KEEP_EXAMPLES,
    ),
    CodeRule(
        id=box_lines.ITEM_RULE_ID,
        category="related",
        scope="block",
        reason=box_lines.RULES["related"][1],
        fires=_fires_by(box_lines.ITEM_RULE_ID),
        drop_examples=box_lines.ITEM_DROP_EXAMPLES,
        keep_examples=box_lines.ITEM_KEEP_EXAMPLES,
    ),
    CodeRule(
        id=box_lines.ABOUT_RULE_ID,
        category="navigation",
        scope="block",
        reason=box_lines.ABOUT_REASON,
        fires=_fires_by(box_lines.ABOUT_RULE_ID),
        drop_examples=box_lines.ABOUT_DROP_EXAMPLES,
        keep_examples=box_lines.ABOUT_KEEP_EXAMPLES,
    ),
    CodeRule(
        id=box_lines.TEASER_RULE_ID,
        category="related",
        scope="block",
        reason=box_lines.TEASER_REASON,
        fires=_fires_by(box_lines.TEASER_RULE_ID),
        drop_examples=box_lines.TEASER_DROP_EXAMPLES,
        keep_examples=box_lines.TEASER_KEEP_EXAMPLES,
    ),
    CodeRule(
        id="carousel.headlines",
        category="carousel",
        scope="span",
        reason="a carousel of headlines glued into a paragraph",
        fires=_carousel_fires,
        drop_examples=carousel.DROP_EXAMPLES,
        keep_examples=carousel.KEEP_EXAMPLES,
    ),
)
