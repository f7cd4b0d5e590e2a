"""Repeated text (boilerplate.repeated-line): later copies of what the output already holds."""

from __future__ import annotations

from support import PARAS

import cleantext

MENU = ["Home", "News", "Sport", "Weather", "Sign in", "Subscribe"]
FOOTER = ["About us", "Contact", "Privacy policy", "Terms of use", "© 2024 Westport Times"]


def test_second_copy_of_the_story_in_a_page_dump_is_cut() -> None:
    """A page dump can carry the story twice (its markup's copy after the footer); the
    second copy adds nothing: cut, the first kept whole."""
    text = "\n".join([*MENU, *PARAS, *FOOTER, PARAS[0] + " " + PARAS[1], PARAS[2]])
    result = cleantext.clean_document(text)
    assert result.text == "\n\n".join(PARAS)
    cut = [r for r in result.removals if r.rule == "boilerplate.repeated-line"]
    assert cut and all(PARAS[0] not in r.text or r.start > text.index(FOOTER[-1]) for r in cut)
    assert cleantext.clean(result.text) == result.text


def test_a_paragraph_that_quotes_a_pull_quote_stays() -> None:
    """A pull quote repeats a sentence; the paragraph holding the sentence is longer than
    the quote and adds to it, so it stays."""
    quote = "Islanders have relied on a smaller charter boat since September."
    text = "\n".join([*MENU, PARAS[0], quote, PARAS[1], PARAS[2], *FOOTER])
    out = cleantext.clean(text)
    assert PARAS[2] in out and PARAS[0] in out


def test_html_keeps_the_story_s_own_repeats() -> None:
    """trafilatura extracts the story once: the same feature list under two products is
    the story's own and stays (aeb dev e7d77f18)."""
    features = ("<ul><li>Automatically on and connected to every device in your home</li>"
                "<li>Easy setup for all your devices, with a quick pairing of the case and phone</li></ul>")
    page = ("<html><head><title>Deals</title></head><body><article><h1>The best earbud deals this week</h1>"
            f"<p>{PARAS[0]}</p><h2>Model one</h2><p>{PARAS[1]}</p>{features}"
            f"<h2>Model two</h2><p>{PARAS[2]}</p>{features}</article></body></html>")
    out = cleantext.clean(page)
    assert out.count("Easy setup for all your devices") == 2
