"""restore_lists and restore_last_paragraph: list items after a colon line, and the story's last
paragraph before the chrome that ends it, are kept."""

from __future__ import annotations

from cleantext.decide import (
    AD_SLOT_MAX_LINES,
    LAST_PARAGRAPH_MIN_ALONE,
    LIST_ITEM_MIN_ALONE,
    restore_intro_lines,
    restore_last_paragraph,
    restore_lists,
)
from cleantext.features import block_features
from cleantext.segment import segment

DROP = (False, "boilerplate.classifier", "boilerplate", "not story-like")
RULE = (False, "share.share-this", "share", "a share button")
KEEP = (True, "", "", "")


def feats(lines: list[str]):
    return block_features(segment("\n".join(lines)), "en")


def test_items_after_a_colon_line_are_kept_until_a_rule_cut():
    lines = ["The band's summer tour dates:", "June 6 -- Corn Exchange, Cambridge",
             "June 8 -- Town Hall, Leeds", "Share", "About us"]
    out = restore_lists(feats(lines), [KEEP, DROP, DROP, RULE, DROP])
    assert [d[0] for d in out] == [True, True, True, False, False]
    assert out[3] == RULE and out[4] == DROP
    assert "block 0" in out[1][3]


def test_a_label_of_one_or_two_words_introduces_nothing():
    lines = ["Tags:", "Music", "Folk"]
    assert restore_lists(feats(lines), [KEEP, DROP, DROP]) == [KEEP, DROP, DROP]


def test_a_dropped_colon_line_introduces_nothing():
    lines = ["Related coverage from our site:", "Band splits", "Tour cancelled"]
    assert restore_lists(feats(lines), [DROP, DROP, DROP]) == [DROP, DROP, DROP]


def test_an_item_may_hold_one_menu_separator():
    # " – " between a venue and its city: the tour dates go on (aeb dev 9cb8224b).
    lines = ["The band's summer tour dates:", "June 6 -- Corn Exchange, Cambridge",
             "June 8 -- Casino Amphitheatre – St. Louis, MO", "June 9 -- Town Hall, Leeds"]
    out = restore_lists(feats(lines), [KEEP, DROP, DROP, DROP])
    assert [d[0] for d in out] == [True, True, True, True]


def test_links_and_menu_separators_end_the_list():
    lines = ["Ingredients for four people:", "200 g sugar", "Home | Recipes | Contact", "3 eggs"]
    out = restore_lists(feats(lines), [KEEP, DROP, DROP, DROP])
    assert [d[0] for d in out] == [True, True, False, False]
    lines = ["Ingredients for four people:", "200 g sugar", "www.example.com/shop", "3 eggs"]
    out = restore_lists(feats(lines), [KEEP, DROP, DROP, DROP])
    assert [d[0] for d in out] == [True, True, False, False]


def test_long_lines_are_not_list_items():
    long_line = " ".join(["word"] * 31)
    lines = ["Here is what the minister said:", long_line]
    assert restore_lists(feats(lines), [KEEP, DROP])[1] == DROP


def test_an_item_the_first_stage_calls_chrome_ends_the_list():
    # A poem quoted at the end of a speech, then the footer menu (traf dev 286): the menu
    # lines' stage-one scores are far below any line of the poem's.
    lines = ["He closed with the words of the old song:", "We want to ask for work", "Where there is some",
             "Share this page", "Bookmark", "The presidents"]
    decisions = [KEEP] + [DROP] * 5
    low = LIST_ITEM_MIN_ALONE / 2
    alone = [0.8, 0.1, 0.04, low, 0.3, low]
    out = restore_lists(feats(lines), decisions, alone)
    assert [d[0] for d in out] == [True, True, True, False, False, False]
    # Without the scores (or above the bar) the run takes the menu in.
    assert all(d[0] for d in restore_lists(feats(lines), decisions))


# ---- restore_last_paragraph: the story's last paragraph before the chrome that ends it ----

TAGS = (False, "navigation.tags", "navigation", "a tag list")
CAPTION = (False, "caption.credit-line", "caption", "a photo credit")
STORY = "The council met on Monday and agreed to rebuild the harbour wall before the winter storms."
LAST = "Work begins in the spring and should take two years."


def test_the_last_paragraph_before_a_chrome_line_is_kept():
    lines = [STORY, LAST, "Tags: harbour, council"]
    out = restore_last_paragraph(feats(lines), [0.9, 0.5, 0.1], [KEEP, DROP, TAGS])
    assert [d[0] for d in out] == [True, True, False]
    assert "block 2" in out[1][3]


def test_the_last_paragraph_needs_kept_prose_above_and_chrome_below():
    lines = [STORY, LAST, "Tags: harbour, council"]
    # Nothing kept above: a blurb among chrome.
    assert restore_last_paragraph(feats(lines), [0.9, 0.5, 0.1], [DROP, DROP, TAGS])[1] == DROP
    # A classifier drop below, not a line a rule recognises as chrome.
    assert restore_last_paragraph(feats(lines), [0.9, 0.5, 0.1], [KEEP, DROP, DROP])[1] == DROP
    # A caption credit is not chrome that ends a story.
    assert restore_last_paragraph(feats(lines), [0.9, 0.5, 0.1], [KEEP, DROP, CAPTION])[1] == DROP


def test_a_short_or_chrome_like_line_is_not_a_last_paragraph():
    lines = [STORY, "Share this:", "Tags: harbour, council"]
    assert restore_last_paragraph(feats(lines), [0.9, 0.5, 0.1], [KEEP, DROP, TAGS])[1] == DROP
    lines = [STORY, LAST, "Tags: harbour, council"]
    assert restore_last_paragraph(feats(lines), [0.9, LAST_PARAGRAPH_MIN_ALONE - 0.01, 0.1],
                                  [KEEP, DROP, TAGS])[1] == DROP


# ---- restore_intro_lines: a colon line right above a kept paragraph introduces it ----

PARAGRAPH = ("The operator of an internet portal on which third parties publish content is liable for "
             "that content when it presents the content as its own.")


def test_a_colon_line_over_a_kept_paragraph_is_kept():
    lines = ["Headnotes of the court:", PARAGRAPH]
    out = restore_intro_lines(feats(lines), [DROP, KEEP])
    assert out[0][0] and "block 1" in out[0][3]


def test_no_intro_without_the_paragraph_or_the_words():
    # over a dropped paragraph, over a short kept line, a one-word label, a line without colon
    assert restore_intro_lines(feats(["Headnotes of the court:", PARAGRAPH]), [DROP, DROP])[0] == DROP
    assert restore_intro_lines(feats(["Headnotes of the court:", "Tenor"]), [DROP, KEEP])[0] == DROP
    assert restore_intro_lines(feats(["Tags:", PARAGRAPH]), [DROP, KEEP])[0] == DROP
    assert restore_intro_lines(feats(["Headnotes of the court", PARAGRAPH]), [DROP, KEEP])[0] == DROP
    # a rule's cut stays
    assert restore_intro_lines(feats(["Share this article:", PARAGRAPH]), [RULE, KEEP])[0] == RULE


AD = (False, "navigation.ad-label", "navigation", "an advertisement slot label")


def test_the_last_paragraph_may_follow_an_ad_slot():
    lines = [STORY, "ADVERTISEMENT", "Thanks for watching! Visit Website", LAST, "Tags: harbour, council"]
    out = restore_last_paragraph(feats(lines), [0.9, 0.1, 0.1, 0.5, 0.1], [KEEP, AD, DROP, DROP, TAGS])
    assert [d[0] for d in out] == [True, False, False, True, False]


def test_short_dropped_lines_without_an_ad_label_are_no_ad_slot():
    lines = [STORY, "Most read", "Thanks for watching! Visit Website", LAST, "Tags: harbour, council"]
    out = restore_last_paragraph(feats(lines), [0.9, 0.1, 0.1, 0.5, 0.1], [KEEP, DROP, DROP, DROP, TAGS])
    assert out[3] == DROP


def test_an_ad_slot_has_few_lines():
    lines = [STORY, "ADVERTISEMENT", *["Visit Website"] * AD_SLOT_MAX_LINES, LAST, "Tags: harbour, council"]
    decisions = [KEEP, AD, *[DROP] * AD_SLOT_MAX_LINES, DROP, TAGS]
    alone = [0.9, 0.1, *[0.1] * AD_SLOT_MAX_LINES, 0.5, 0.1]
    assert restore_last_paragraph(feats(lines), alone, decisions)[-2] == DROP
