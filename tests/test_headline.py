"""A page dump's title line and the headline that repeats it are cut; a lone headline stays.

Texts are written for these tests (no bench data).
"""

from __future__ import annotations

import cleantext
from cleantext.rules import headline
from cleantext.rules.example_story import HARBOUR_LATER, HARBOUR_STORY

HEADLINE = "Harbour dredging approved after long debate"
MENU = "Home\nNews\nSport\nBusiness\nWeather\n"
STORY = HARBOUR_STORY + HARBOUR_LATER
PAGE = f"{HEADLINE} - Harbour News\n{MENU}{HEADLINE}\nBy Ana Costa\n{STORY}"


def test_a_repeated_title_is_cut_with_its_copy() -> None:
    result = cleantext.clean_document(PAGE)
    assert HEADLINE not in result.text
    # The title line may go with the menu (the classifier); the copy goes by this rule.
    assert any(r.rule == headline.RULE_ID and r.text == HEADLINE for r in result.removals)
    for paragraph in STORY.splitlines():
        assert paragraph in result.text
    assert result.title == HEADLINE  # still reported, as metadata


def test_with_the_rule_off_the_headline_is_kept() -> None:
    config = cleantext.Config(disabled_rules=(headline.RULE_ID,))
    assert HEADLINE in cleantext.clean(PAGE, config)


def test_near_miss_a_clean_article_keeps_its_headline() -> None:
    # One headline over its story, no title line above it: the append set's gold keeps it.
    text = f"{HEADLINE}\n{STORY}"
    assert cleantext.clean(text).startswith(HEADLINE)


def test_near_miss_a_copy_below_the_story_start_is_left_to_the_other_rules() -> None:
    # A copy after the story's first paragraph is a box or footer link, not the heading.
    text = f"{HEADLINE}\n{STORY}{HEADLINE}\n"
    assert headline.title_copies(cleantext.clean_document(text).blocks) == [5]
    assert cleantext.clean(text).rstrip().endswith(HEADLINE)


def test_near_miss_a_heading_with_the_titles_first_words_is_not_a_copy() -> None:
    text = f"{HEADLINE} - Harbour News\n{MENU}Harbour dredging approved\n{STORY}"
    assert "Harbour dredging approved\n" in cleantext.clean(text)


def test_cleaning_twice_gives_the_same_text() -> None:
    once = cleantext.clean(PAGE)
    assert cleantext.clean(once) == once


def test_a_page_of_title_and_copy_pairs_is_judged_for_a_bounded_number_of_titles(monkeypatch) -> None:
    # Each pass scans the page: unbounded, 2,000 title-and-copy pairs took 10 s.
    from cleantext.segment import segment

    pairs = [f"Harbour ferry timetable changes for route {k} - Harbour News\nHarbour ferry timetable "
             f"changes for route {k}" for k in range(200)]
    blocks = segment("\n".join(pairs) + "\n")
    passes = []
    copies = headline.title_copies
    monkeypatch.setattr(headline, "title_copies", lambda b, at=0, low=None: passes.append(at) or copies(b, at, low))
    out = headline.cut_title(blocks, [(True, None, None, None)] * len(blocks))
    assert len(passes) == headline.MAX_TITLE_PASSES
    # The titles it judged are cut with their copies; the rest is left to the other rules.
    assert sum(1 for d in out if not d[0]) == 2 * headline.MAX_TITLE_PASSES
