"""A lone line in a newsletter or related box is cut with the box; a story line after a heading is not.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import pytest

import cleantext
from cleantext.rules import box_lines
from cleantext.rules.example_story import HARBOUR_LATER, HARBOUR_STORY

MENU = "Home\nNews\nSport\nBusiness\nWeather\n"
# The harbour story of the rules' own examples, one paragraph a line.
STORY = (HARBOUR_STORY + HARBOUR_LATER).splitlines()
PITCH = "Daily news about the harbour, the port and the people who work there."
BOX = ["Sign up for the Harbour News newsletter", PITCH, "Email address", "Subscribe"]
FOOTER = ["Privacy Policy", "Terms of Use", "Contact Us", "© 2024 Harbour News"]


def _page(*parts: list[str]) -> str:
    return MENU + "\n".join(line for part in parts for line in part) + "\n"


def test_the_pitch_of_a_newsletter_box_is_cut() -> None:
    result = cleantext.clean_document(_page(STORY, BOX, FOOTER))
    assert PITCH not in result.text
    assert any(r.rule == box_lines.PITCH_RULE_ID and r.text == PITCH for r in result.removals)
    for paragraph in STORY:
        assert paragraph in result.text


def test_with_the_rule_off_the_pitch_is_kept() -> None:
    config = cleantext.Config(disabled_rules=(box_lines.PITCH_RULE_ID,))
    assert PITCH in cleantext.clean(_page(STORY, BOX, FOOTER), config)


def test_near_miss_a_story_line_after_a_newsletter_heading_is_kept() -> None:
    # The story goes on after the line: the line after it is kept, so it is no pitch.
    text = _page(STORY[:2], ["Sign up for the Harbour News newsletter", PITCH], STORY[2:], FOOTER)
    assert PITCH in cleantext.clean(text)


def test_near_miss_a_long_paragraph_after_a_newsletter_heading_is_kept() -> None:
    long_line = ("Daily news about the harbour: the council approved the dredging plan on Monday, and the "
                 "fishermen who moor their boats in the old port asked for compensation before the work "
                 "starts in spring, when the first dredgers arrive.")
    assert len(long_line.split()) > box_lines.LINE_MAX_WORDS
    text = _page(STORY, ["Sign up for the Harbour News newsletter", long_line, "Email address"], FOOTER)
    assert long_line in cleantext.clean(text)


def test_near_miss_a_story_line_between_a_newsletter_prompt_and_a_promo_is_kept() -> None:
    # A newsletter prompt and a "Read more:" promo both sit inside stories: the short
    # paragraph between them is the story's (corpus de-newsletter-abonnieren).
    quote = "“The port must stay open to the fishing boats,” the mayor said at the meeting."
    text = _page(STORY[:2], ["Sign up for the Harbour News newsletter", quote,
                             "READ MORE: Ferry line to the islands returns"], STORY[2:], FOOTER)
    assert quote in cleantext.clean(text)


# The first link reads as a sentence: the classifier keeps it alone.
LINKS = ["Fishermen in the old port say the harbour dredging will cost them their moorings for months.",
         "Port traffic doubled in ten years",
         "New ferry line to the islands", "Bridge repairs start in May"]


def test_the_first_link_of_a_related_box_is_cut() -> None:
    page = _page(STORY, ["Most popular"], LINKS, FOOTER)
    result = cleantext.clean_document(page)
    assert LINKS[0] not in result.text
    assert any(r.rule == box_lines.ITEM_RULE_ID and r.text == LINKS[0] for r in result.removals)
    config = cleantext.Config(disabled_rules=(box_lines.ITEM_RULE_ID,))
    assert LINKS[0] in cleantext.clean(page, config)


def test_near_miss_a_story_paragraph_after_a_related_label_is_kept() -> None:
    # A "Most popular" label inside the story, the story going on after it.
    text = _page(STORY[:2], ["Most popular"], STORY[2:], FOOTER)
    for paragraph in STORY:
        assert paragraph in cleantext.clean(text)


PORTRAIT = ("Hello, I am Lena, a reporter who has lived by the old port for twenty years and writes about the "
            "harbour, its boats and its people.")


def test_the_portrait_in_a_profile_box_is_cut() -> None:
    page = _page(STORY, ["Home", "About Lena", PORTRAIT, "View all posts by Lena"], FOOTER)
    result = cleantext.clean_document(page)
    assert PORTRAIT not in result.text
    assert any(r.rule == box_lines.ABOUT_RULE_ID and r.text == PORTRAIT for r in result.removals)
    for paragraph in STORY:
        assert paragraph in result.text
    config = cleantext.Config(disabled_rules=(box_lines.ABOUT_RULE_ID,))
    assert PORTRAIT in cleantext.clean(page, config)


def test_near_miss_a_kept_about_heading_opens_story() -> None:
    # "About the harbour" kept between paragraphs is a subheading: the paragraph under it stays.
    text = _page(STORY[:2], ["About the harbour"], STORY[2:], FOOTER)
    for paragraph in STORY:
        assert paragraph in cleantext.clean(text)


@pytest.mark.parametrize("label", ["Top stories", "Newsletter", "About us"])
def test_near_miss_a_headline_under_a_menu_label_above_the_story_is_kept(label: str) -> None:
    # "Top stories", "Newsletter" and "About us" are menu entries above the story as often as
    # boxes below it: before the story's first paragraph, the line under one is the headline.
    headline = "Mayor Ruiz says the port will stay open to the fishing boats during the dredging."
    text = _page([label, headline, "By Lena Berg"], STORY, FOOTER)
    assert headline in cleantext.clean(text)
