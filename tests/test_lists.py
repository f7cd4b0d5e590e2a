"""restore_lists: the items of a list that a kept line introduces with a colon are kept."""

from __future__ import annotations

from cleantext.decide import restore_lists
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
