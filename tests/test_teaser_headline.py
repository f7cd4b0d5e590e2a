"""The first headline of a teaser list (headline, byline, date) after the story is cut.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import cleantext
from cleantext.rules import box_lines
from cleantext.rules.example_story import HARBOUR_LATER, HARBOUR_STORY

STORY = HARBOUR_STORY + HARBOUR_LATER
FIRST = "Ferry line to the islands returns after two years"
SECOND = "School board elects a new chair on Thursday"
TEASERS = (f"{FIRST}\nBy Harbour News Staff\n11/20/2019 01:14 PM\n"
           f"{SECOND}\nBy Harbour News Staff\n11/20/2019 10:08 AM\n")
FOOTER = "Privacy Policy\nTerms of Use\nContact Us\n© 2024 Harbour News\n"


def test_the_first_teaser_headline_after_the_story_is_cut() -> None:
    result = cleantext.clean_document(STORY + TEASERS + FOOTER)
    assert FIRST not in result.text
    assert any(r.rule == box_lines.TEASER_RULE_ID and r.text == FIRST for r in result.removals)
    for paragraph in STORY.splitlines():
        assert paragraph in result.text


def test_with_the_rule_off_the_first_teaser_headline_is_kept() -> None:
    config = cleantext.Config(disabled_rules=(box_lines.TEASER_RULE_ID,))
    assert FIRST in cleantext.clean(STORY + TEASERS + FOOTER, config)


def test_a_teaser_headline_inside_the_list_is_cut() -> None:
    # Between the previous item's date and its own byline, the headline above cut.
    text = STORY + "More on this story\n" + f"{SECOND}\n22 August 2019\n{FIRST}\n1 July 2019\n" + FOOTER
    assert FIRST not in cleantext.clean(text)


def test_near_miss_a_subheading_with_its_date_line_is_kept() -> None:
    # The story goes on after the date line.
    heading = "The work starts in the spring and lasts six months"
    text = STORY + f"{heading}\n11/20/2019 01:14 PM\n" + HARBOUR_LATER + FOOTER
    assert heading in cleantext.clean(text)


def test_near_miss_a_short_credit_line_is_kept() -> None:
    text = STORY + "Contributing: Ana Costa\nBy Harbour News Staff\n11/20/2019 01:14 PM\n" + FOOTER
    # (Other rules may judge it; this one does not: a credit is no headline.)
    result = cleantext.clean_document(text)
    assert not any(r.rule == box_lines.TEASER_RULE_ID for r in result.removals)
