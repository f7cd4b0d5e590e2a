"""Cleaning the output again changes nothing (issue 7), and why it once did.

A second pass sees a different document than the first: the chrome is gone, so a page
dump reads like a clean article, a glued page like an article flattened into one line,
and a mixed-language page may be detected in another language. Each test here builds
such a second-pass input and checks that the engine keeps what it kept the first time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from support import PARAS
from test_story_end import STORY

import cleantext

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
TEXT_CASES = sorted(p for p in CORPUS.iterdir() if p.is_dir() and (p / "input.txt").is_file())


def _glued(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", [p for p in TEXT_CASES if p.name.startswith("keep-")], ids=lambda p: p.name)
def test_clean_article_flattened_into_one_line_is_kept_whole(case: Path) -> None:
    """An article body as one line (an RSS description, get_text(" ")) is an article,
    not a glued page dump: the classifier does not cut its sentences."""
    text = _glued((case / "expected.txt").read_text(encoding="utf-8"))
    assert _glued(cleantext.clean(text)) == text


@pytest.mark.parametrize("case", TEXT_CASES, ids=lambda p: p.name)
def test_cleaned_golden_text_flattened_keeps_its_sentences(case: Path) -> None:
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    out = _glued(cleantext.clean(_glued(expected)))
    for paragraph in expected.split("\n\n"):
        if len(paragraph.split()) >= 12 and paragraph.rstrip()[-1:] in ".!?\"”":
            assert _glued(paragraph) in out


def test_glued_page_dump_is_still_cleaned() -> None:
    """The clean-glued test does not switch the classifier off for a real glued page:
    seed 002 flattened into one line still loses its carousels and card lines."""
    text = _glued((CORPUS / "seed-002-appended-articles" / "input.txt").read_text(encoding="utf-8"))
    result = cleantext.clean_document(text)
    # Its "Related Articles" header is a block of its own in the glued line, and cuts the
    # appended articles; without that rule the classifier still cuts the carousels.
    assert "related.header" in {r.rule for r in result.removals}
    assert "Swipe. Select. Stay informed." not in result.text
    assert cleantext.clean(result.text) == result.text
    no_header = cleantext.Cleaner(cleantext.Config(disabled_rules=("related.header",))).clean_document(text)
    assert "boilerplate.classifier" in {r.rule for r in no_header.removals}
    assert "Swipe. Select. Stay informed." not in no_header.text


#: Headlines and time stamps of a news ticker the classifier kept above the story.
TICKER = [
    "Apple unveils thinner laptops with longer battery life as chip shortage eases for the holidays",
    "6:03 p.m.",
    "Central bank keeps interest rates unchanged, citing stubborn inflation in services and rents",
    "5:35 p.m.",
    "Teachers in three northern districts vote to strike over pay and classroom sizes next month",
    "4:10 p.m.",
    "Hospital waiting lists hit a record high as winter pressures build across the whole country",
]


def test_headline_ticker_above_the_story_ends_no_story() -> None:
    """The story end needs a paragraph of prose before it: a list of headlines is no story,
    so the story after it is not 'appended' (it was cut whole before MIN_PROSE_BEFORE)."""
    text = "\n\n".join([*TICKER, *STORY])
    result = cleantext.clean_document(text)
    assert result.story_end is None
    assert all(p in result.text for p in STORY)
    assert cleantext.clean(result.text) == result.text


def test_rules_of_another_language_run_on_a_mixed_page() -> None:
    """A German sign-up line on an English page is cut, whatever language the page is
    detected as: gating rules by the detected language made a second pass (detected
    German once the English chrome was gone) cut what the first had kept."""
    text = "\n\n".join([*PARAS, "Jetzt den Newsletter abonnieren und keine Nachrichten mehr verpassen!"])
    result = cleantext.clean_document(text)
    assert result.language == "en"
    assert [r.rule for r in result.removals] == ["newsletter.signup-de"]
    assert result.text == "\n\n".join(PARAS)


def test_every_date_header_at_a_line_start_is_cut() -> None:
    """A second header on the next line was the first one of the next pass."""
    text = "\n".join([" date 2025-06-17 ", " date 2025-06-18  " + PARAS[0], PARAS[1]])
    result = cleantext.clean_document(text)
    assert [r.rule for r in result.removals] == ["metadata.date-header", "metadata.date-header"]
    assert result.date == "2025-06-17"
    assert result.text == "\n\n".join(PARAS[:2])
    assert cleantext.clean(result.text) == result.text


def test_a_cut_that_opens_a_line_exposes_what_follows() -> None:
    """A prompt glued before a date header and a donation line: cutting the prompt opens
    the line with the header, cutting the header opens it with the appeal; one pass cuts
    all three, as the next pass would."""
    appeal = ("Your support helps us to tell the story Read more Support Now From school budgets to the "
              "harbour plan, the Westport Times is on the ground when the story is developing. At such a "
              "moment in the town's history, we need reporters on the ground, and your donation allows us to "
              "keep sending them to both sides of the story.")
    line = f"Subscribe to our newsletter and get the news delivered to your inbox. date 2025-06-17 {appeal}"
    result = cleantext.clean_document("\n".join([PARAS[0], line, PARAS[1], PARAS[2]]))
    assert result.text == "\n\n".join(PARAS)
    assert {r.rule for r in result.removals} >= {"metadata.date-header", "donation.your-support-helps"}
    assert cleantext.clean(result.text) == result.text


def test_markup_line_is_cut_so_the_output_never_reads_as_html() -> None:
    """A doctype line deep in a text dump: left in place, it moved into the first 2,000
    characters of the shorter output, which then read as HTML (fuzz run 4)."""
    menu = "\n".join(["Share this article", "Facebook Twitter WhatsApp", "Advertisement"] * 40)
    text = "\n".join([menu, PARAS[0], "<!DOCTYPE html>", PARAS[1], PARAS[2]])
    assert len(menu) > 2000
    result = cleantext.clean_document(text)
    assert result.input_format == "text"
    assert "boilerplate.markup-line" in {r.rule for r in result.removals}
    assert "DOCTYPE" not in result.text and all(p in result.text for p in PARAS[1:])
    assert cleantext.clean(result.text) == result.text


def test_short_text_with_one_control_character_is_text_not_binary() -> None:
    """'cookies\\x01to' (1 control character in 10) was the output of a fuzz input, and
    cleaning it again raised InputError: a few control characters make no binary file."""
    assert cleantext.clean("cookies\x01to") == "cookies\x01to"
