"""Headline carousels glued into kept paragraphs (issue 2 section 3): the run goes, the
sentences around it stay. Texts written for these tests, in the shape of seed 002."""

from __future__ import annotations

import pytest

import cleantext
from cleantext.rules.carousel import carousel_spans
from cleantext.segment import segment

BEFORE = (
    "Minutes after he spoke, dozens of men on motorcycles rode through the southern suburbs of the "
    "capital, waving flags and chanting slogans in support of the group and its leader."
)
CAROUSEL = (
    "Top stories Swipe. Select. Stay informed. Singapore More train rides taken in first half-year, "
    "but overall public transport use stays below 2019 levels Asia Trump's transactional foreign "
    "policy fuels 'US scepticism' in Taiwan Business Women on corporate boards give firms a "
    "competitive advantage, says Australian Governor-General"
)
AFTER = (
    "But with little progress on disarmament, Washington's patience began wearing thin and it pressed "
    "the ministers to make a public pledge so that the talks could continue."
)


def _spans_text(text: str) -> list[str]:
    blocks = segment(text)
    spans = carousel_spans(blocks, [(True, "", "", "")] * len(blocks))
    return [blocks[b].text[a:z] for b, a, z, *_ in spans]


def test_carousel_in_a_long_line_is_removed_and_the_story_stays() -> None:
    filler = " ".join(
        f"The talks on the ceasefire went on for a {n} day in the capital, officials said."
        for n in (
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
        )
    )
    text = f"{filler} {BEFORE} {CAROUSEL} {AFTER}\n"
    result = cleantext.clean_document(text)
    assert "Top stories" not in result.text
    assert "transactional foreign policy" not in result.text
    assert "Governor-General" not in result.text
    assert BEFORE in result.text
    # Whether the sentence after the carousel survives is the block classifier's call (it
    # shares a sentence block with the last headline); the span itself stops before it:
    # see test_carousel_in_a_short_paragraph. Which rule removes the run (the carousel
    # rule or the classifier, when the run fills whole sentence blocks) is not fixed here.


def test_carousel_in_a_short_paragraph() -> None:
    pieces = _spans_text(f"{BEFORE} {CAROUSEL} {AFTER}")
    removed = " ".join(pieces)
    assert removed.startswith("Top stories")
    assert "Business Women on corporate boards" in removed
    assert "But with little progress" not in removed


def test_carousel_ends_where_an_all_caps_subheading_starts() -> None:
    text = f"{BEFORE} {CAROUSEL.replace(', says Australian Governor-General', '')} REJECTS 'EXTERNAL DICTATES' {AFTER}"
    removed = " ".join(_spans_text(text))
    assert removed.endswith("competitive advantage")


@pytest.mark.parametrize(
    "text",
    [
        "The paper's top stories this week were about Asia and Business travel, the editor said.",
        "Most popular among buyers were small cars, the dealers said, while sales of trucks fell in Asia.",
        "Top stories on the evening news covered the floods in Asia and the World Cup.",
        f"{BEFORE} {AFTER}",
    ],
)
def test_no_carousel(text: str) -> None:
    assert _spans_text(text) == []


def test_only_kept_blocks_get_spans() -> None:
    blocks = segment(f"{BEFORE} {CAROUSEL} {AFTER}")
    assert carousel_spans(blocks, [(False, "boilerplate.classifier", "boilerplate", "")] * len(blocks)) == []
