"""A "Related articles" box inside the story cuts the box, not the rest of the story.

Texts are written for these tests (no bench data): a harbour story in a page dump with a
menu, a box of links in its middle and a related section and footer at its end.
"""

from __future__ import annotations

from support import DREDGING, DREDGING_HEADLINE, LAPTOPS

import cleantext

MENU = ["Home", "News", "Sport", "Business", "Weather", "Login"]
HEAD = [DREDGING_HEADLINE, *DREDGING[:2]]
BOX = ["Related articles", "Harbour fishermen fear for their moorings", "Port traffic doubled in ten years"]
REST = DREDGING[2:]
TAIL = ["Related articles", "City budget passes after long night", "Most read", "Privacy Policy",
        "Terms of Use", "© 2024 Harbour News"]
OTHER = LAPTOPS


def _page(*parts: list[str]) -> str:
    return "\n".join(line for part in parts for line in part) + "\n"


def _rules_on(result: cleantext.Result, line: str) -> list[str]:
    start = result.source.index(line)
    return [r.rule for r in result.removals if r.start <= start < r.end]


def test_story_after_an_inline_box_is_kept() -> None:
    result = cleantext.clean_document(_page(MENU, HEAD, BOX, REST, TAIL))
    for paragraph in HEAD[1:] + REST:
        assert paragraph in result.text
    for link in BOX[1:]:
        assert link not in result.text
        assert _rules_on(result, link) == ["related.header"]
    removal = next(r for r in result.removals if r.text.startswith("Related articles\nHarbour"))
    assert "inside the story" in removal.reason
    # The related section at the end is still the tail.
    assert "City budget passes" not in result.text
    assert "Privacy Policy" not in result.text


def test_near_miss_an_appended_article_after_a_header_is_still_cut() -> None:
    # A source and a time line under the header: the head of an appended article, not links.
    card = ["Related articles", "harbournews.com", "16 minutes ago", "- harbournews.com"]
    result = cleantext.clean_document(_page(MENU, HEAD, card, REST, TAIL))
    for paragraph in REST:
        assert paragraph not in result.text


def test_near_miss_a_long_list_of_links_is_a_tail() -> None:
    links = ["Harbour fishermen fear for their moorings", "Port traffic doubled in ten years",
             "New ferry line to the islands", "Bridge repairs start in May", "Old port festival returns"]
    result = cleantext.clean_document(_page(MENU, HEAD, ["Related articles"], links, REST, TAIL))
    for paragraph in REST:
        assert paragraph not in result.text


def test_near_miss_prose_on_another_topic_after_the_box_is_cut() -> None:
    result = cleantext.clean_document(_page(MENU, HEAD, BOX, OTHER, TAIL))
    for paragraph in OTHER:
        assert paragraph not in result.text
    for paragraph in HEAD[1:]:
        assert paragraph in result.text


def _glued(*parts: list[str]) -> str:
    """The page dumped in one line, as get_text(" ") and aggregators dump it."""
    return " ".join(line for part in parts for line in part) + "\n"


def test_glued_story_after_an_inline_box_is_kept() -> None:
    # In one line the links run into the next sentence: no link line of their own, so the
    # box is the header alone and the story after it must still be kept.
    text = _glued(MENU, HEAD, BOX, REST, TAIL)
    assert len(text) > cleantext.segment.LONG_LINE_CHARS
    result = cleantext.clean_document(text)
    for paragraph in HEAD[1:] + REST[1:]:
        assert paragraph in result.text
    assert "Related articles Harbour" not in result.text
    assert "City budget passes" not in result.text


def test_near_miss_glued_prose_on_another_topic_after_the_box_is_cut() -> None:
    result = cleantext.clean_document(_glued(MENU, HEAD, BOX, OTHER, TAIL))
    for paragraph in OTHER[1:]:
        assert paragraph not in result.text
    for paragraph in HEAD[1:]:
        assert paragraph in result.text


AUTHOR_BOX = [
    "About the author",
    "Lena Berg",
    "Lena Berg has covered the harbour, the old port and the city council for the Harbour News since "
    "2015, and before that wrote about ports and waterways for a regional paper.",
    "She lives near the old port with her family and two fishing boats, and reports on the council's "
    "plans for the harbour every week.",
    "View all posts by Lena Berg",
]


def test_an_author_box_after_the_story_is_cut_with_its_bio() -> None:
    # A header, a name line, then prose that shares the story's words: the shape of an
    # inline box with the story resuming after it, but an author's bio is not the story.
    result = cleantext.clean_document(_page(MENU, HEAD, REST, AUTHOR_BOX, TAIL))
    for paragraph in HEAD[1:] + REST:
        assert paragraph in result.text
    for line in AUTHOR_BOX[2:4]:
        assert line not in result.text
        assert _rules_on(result, line) == ["metadata.author-box"]
